// runtime.cpp: the frame function and its idle logic, shared by the web and desktop builds.
#include "app/runtime.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <bitset>
#include <chrono>
#include <utility>

#include "ui/screen.h"
#include "ui/theme.h"

namespace app {

namespace {

constexpr int kFramesAfterEvent = 4;  // hover and layout settle within a few frames

Runtime& runtimeOf(GLFWwindow* window) { return *static_cast<Runtime*>(glfwGetWindowUserPointer(window)); }

// Installed before Dear ImGui's backend, which chains to them, so every input wakes us.
void installWakeCallbacks(GLFWwindow* window) {
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(runtimeOf(w)); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(runtimeOf(w)); });
  glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(runtimeOf(w)); });
  glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(runtimeOf(w)); });
  glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(runtimeOf(w)); });
}

// A flood (a stuck key, a script, a jammed device) must not grow the queue without end.
// Past this many waiting events new presses are dropped; releases are always kept, so no
// key or button stays down.
constexpr size_t kMaxPendingInput = 4096;

void queueInput(GLFWwindow* window, InputEvent event) {
  Runtime& runtime = runtimeOf(window);
  event.time = glfwGetTime();
  const bool release = event.kind != InputEvent::Kind::Character && !event.down;
  if (runtime.pendingInput.size() >= kMaxPendingInput && !release) {
    ++runtime.stats.inputDropped;
    return;
  }
  runtime.pendingInput.push_back(event);
  wake(runtime);
}

// Replaces the backend's key, character and mouse button callbacks: events are queued,
// then applied in order, one transition per frame.
void installInputQueue(GLFWwindow* window) {
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
    if (key < 0 || key >= IM_ARRAYSIZE(ImGuiIO::KeysDown)) return;
    // Dear ImGui repeats a held key by itself (from how long it is down); the platform's
    // repeats would only lengthen the queue. Their characters still arrive as characters.
    if (action == GLFW_REPEAT) return;
    InputEvent event;
    event.kind = InputEvent::Kind::Key;
    event.key = key;
    event.down = action != GLFW_RELEASE;
    event.mods = mods;
    queueInput(w, event);
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
    InputEvent event;
    event.kind = InputEvent::Kind::Character;
    event.character = c;
    queueInput(w, event);
  });
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
    if (button < 0 || button >= 5) return;
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    InputEvent event;
    event.kind = InputEvent::Kind::MouseButton;
    event.key = button;
    event.down = action == GLFW_PRESS;
    event.mods = mods;
    event.x = static_cast<float>(x);
    event.y = static_cast<float>(y);
    if (event.down) event.clickCount = std::exchange(runtimeOf(w).nextClickCount, 0);
    queueInput(w, event);
  });
}

bool isModifierKey(int key) {
  return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_SHIFT ||
         key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
         key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Browsers on macOS send no key-up for a key pressed while Cmd is held. Left down, that key
// would keep "repeating" the next time Cmd is held (a second paste out of nowhere), so
// letting go of Cmd lets go of every other key too.
void releaseKeysHeldWithCommand(ImGuiIO& io) {
  for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); ++key)
    if (!isModifierKey(key)) io.KeysDown[key] = false;
}

void applyKey(const InputEvent& event) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[event.key] = event.down;
  io.KeyCtrl = (event.mods & GLFW_MOD_CONTROL) != 0;
  io.KeyShift = (event.mods & GLFW_MOD_SHIFT) != 0;
  io.KeyAlt = (event.mods & GLFW_MOD_ALT) != 0;
  io.KeySuper = (event.mods & GLFW_MOD_SUPER) != 0;
  if (!event.down) {  // releasing a modifier clears it even though mods still lists it
    if (event.key == GLFW_KEY_LEFT_CONTROL || event.key == GLFW_KEY_RIGHT_CONTROL) io.KeyCtrl = false;
    if (event.key == GLFW_KEY_LEFT_SHIFT || event.key == GLFW_KEY_RIGHT_SHIFT) io.KeyShift = false;
    if (event.key == GLFW_KEY_LEFT_ALT || event.key == GLFW_KEY_RIGHT_ALT) io.KeyAlt = false;
    if (event.key == GLFW_KEY_LEFT_SUPER || event.key == GLFW_KEY_RIGHT_SUPER) {
      io.KeySuper = false;
      if (io.ConfigMacOSXBehaviors) releaseKeysHeldWithCommand(io);
    }
  }
}

// Dear ImGui times double-clicks and key repeats with its own clock, which advances by
// io.DeltaTime per frame. With one queued event per frame, a slow device would stretch a
// quick double-click over several long frames and miss it; advancing the clock by the time
// between the events' arrivals (never more than the frame took) keeps their real rhythm.
void followInputClock(Runtime& runtime, double eventTime) {
  ImGuiIO& io = ImGui::GetIO();
  if (runtime.lastAppliedInputTime >= 0) {
    const double gap = eventTime - runtime.lastAppliedInputTime;
    io.DeltaTime = static_cast<float>(std::max(1e-4, std::min(gap, static_cast<double>(io.DeltaTime))));
  }
  runtime.lastAppliedInputTime = eventTime;
}

// What one frame has applied so far: Dear ImGui 1.86 reads key and button state once per
// frame, so a second change of the same key or button must wait for the next frame.
struct FrameInput {
  std::bitset<IM_ARRAYSIZE(ImGuiIO::KeysDown)> keysChanged;
  std::bitset<5> buttonsChanged;
  bool keyPressed = false;    // a key went down (one press per frame keeps Tab, then Space, in order)
  bool keyboardUsed = false;  // a key or character was applied
  bool mouseUsed = false;     // a mouse button was applied, at mousePos
  ImVec2 mousePos;
};

// A letter or digit typed without Ctrl, Alt or Cmd matters only through its character: no
// view and no Dear ImGui 1.86 behaviour reads those keys alone, so their presses and
// releases need no frame of their own (Space does: it presses the focused control).
bool isPlainTypingKey(const InputEvent& event) {
  const bool letterOrDigit = (event.key >= GLFW_KEY_A && event.key <= GLFW_KEY_Z) ||
                             (event.key >= GLFW_KEY_0 && event.key <= GLFW_KEY_9);
  return event.kind == InputEvent::Kind::Key && letterOrDigit &&
         (event.mods & (GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER)) == 0;
}

// True if `event` can share this frame with what it already applied. The rule is the one
// Dear ImGui adopted for its own input queue in 1.87: never two changes of one key or
// button, no text right after a key change; and here also one key press per frame (a press
// may move focus, which the next press must see), no mix of mouse and keyboard, and no
// button change at another pointer position, so a click stays where it happened.
bool fitsInFrame(const FrameInput& frame, const InputEvent& event) {
  switch (event.kind) {
    case InputEvent::Kind::Character:
      return !frame.mouseUsed && frame.keysChanged.none();
    case InputEvent::Kind::Key:
      if (isPlainTypingKey(event)) return !frame.mouseUsed;
      return !frame.mouseUsed && !frame.keysChanged.test(static_cast<size_t>(event.key)) &&
             !(event.down && frame.keyPressed);
    case InputEvent::Kind::MouseButton:
      return !frame.keyboardUsed && !frame.buttonsChanged.test(static_cast<size_t>(event.key)) &&
             (!frame.mouseUsed || (frame.mousePos.x == event.x && frame.mousePos.y == event.y));
  }
  return false;
}

// The browser counts clicks with the system's double-click speed and distance, which a
// learner may have set slower; a press it calls the second of a double-click is one for
// Dear ImGui too, however long a busy device took to deliver it.
void markDoubleClick(const InputEvent& event) {
  ImGuiIO& io = ImGui::GetIO();
  io.MouseClickedTime[event.key] = ImGui::GetTime() + io.DeltaTime;  // the time NewFrame is about to set
  io.MouseClickedPos[event.key] = ImVec2(event.x, event.y);
}

void applyEvent(Runtime& runtime, FrameInput& frame, const InputEvent& event) {
  ImGuiIO& io = ImGui::GetIO();
  switch (event.kind) {
    case InputEvent::Kind::Character:
      io.AddInputCharacter(event.character);
      frame.keyboardUsed = true;
      break;
    case InputEvent::Kind::Key:
      if (!isPlainTypingKey(event)) {
        if (io.KeysDown[event.key] != event.down) frame.keysChanged.set(static_cast<size_t>(event.key));
        frame.keyPressed = frame.keyPressed || event.down;
      }
      applyKey(event);
      frame.keyboardUsed = true;
      break;
    case InputEvent::Kind::MouseButton:
      if (runtime.mouseDown[event.key] != event.down) frame.buttonsChanged.set(static_cast<size_t>(event.key));
      runtime.mouseDown[event.key] = event.down;
      io.MousePos = ImVec2(event.x, event.y);
      if (event.clickCount == 2) markDoubleClick(event);
      frame.mouseUsed = true;
      frame.mousePos = io.MousePos;
      break;
  }
}

// Applies queued input after the backend's NewFrame: as many events as can share one frame
// without hiding a transition, so a burst of input drains in a few frames, not one frame
// per event. Mouse buttons then hold the queue's state.
void applyQueuedInput(Runtime& runtime) {
  auto& queue = runtime.pendingInput;
  ImGuiIO& io = ImGui::GetIO();
  if (!queue.empty()) followInputClock(runtime, queue.front().time);
  FrameInput frame;
  while (!queue.empty() && fitsInFrame(frame, queue.front())) {
    applyEvent(runtime, frame, queue.front());
    queue.pop_front();
  }
  for (int b = 0; b < 5; ++b) io.MouseDown[b] = runtime.mouseDown[b];
}

void rebuildFontsIfScaleChanged(Runtime& runtime, bool backendReady) {
  ui::AppState& app = runtime.app;
  const float wanted = app.platform.pixelRatio * app.view.prefs.zoom;
  if (wanted == runtime.atlasScale) return;
  ui::buildFonts(app, wanted);
  ui::applyTheme(wanted);
  if (backendReady) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  runtime.atlasScale = wanted;
}

}  // namespace

bool initialiseRuntime(Runtime& runtime, GLFWwindow* window, const char* glslVersion) {
  runtime.window = window;
  glfwSetWindowUserPointer(window, &runtime);
  installWakeCallbacks(window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is ours; nothing to save
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) return false;
  installInputQueue(window);
  if (!ImGui_ImplOpenGL3_Init(glslVersion)) return false;
  runtime.heatmap = std::make_unique<GlHeatmapRenderer>();
  if (runtime.heatmap->initialise(glslVersion)) runtime.app.platform.heatmap = runtime.heatmap.get();
  rebuildFontsIfScaleChanged(runtime, false);
  return true;
}

void shutdownRuntime(Runtime& runtime) {
  runtime.app.platform.heatmap = nullptr;
  runtime.heatmap.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void wake(Runtime& runtime) {
  runtime.wakeFrames = kFramesAfterEvent;
  if (runtime.loopPaused && runtime.resumeLoop) {
    runtime.loopPaused = false;
    runtime.resumeLoop();
  }
}

bool needsFrame(const Runtime& runtime) {
  if (runtime.wakeFrames > 0 || runtime.renderedRevision != runtime.app.session.revision) return true;
  if (!runtime.pendingInput.empty()) return true;
  const ImGuiIO& io = ImGui::GetIO();
  // A focused text field redraws for its blinking caret, unless reduced motion stopped it.
  return (io.WantTextInput && io.ConfigInputTextCursorBlink) || ImGui::IsAnyMouseDown();
}

bool runFrame(Runtime& runtime) {
  ++runtime.stats.loopTicks;
  if (!needsFrame(runtime)) return false;
  const auto start = std::chrono::steady_clock::now();
  if (runtime.wakeFrames > 0) --runtime.wakeFrames;
  if (!runtime.pendingInput.empty()) wake(runtime);
  rebuildFontsIfScaleChanged(runtime, true);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  applyQueuedInput(runtime);
  ImGuiIO& io = ImGui::GetIO();
  if (runtime.forcedWidth > 0) {
    io.DisplaySize = ImVec2(static_cast<float>(runtime.forcedWidth), static_cast<float>(runtime.forcedHeight));
    io.DisplayFramebufferScale = ImVec2(1, 1);
  }
  const uint64_t revisionBefore = runtime.app.session.revision;
  ui::handleTourKeys(runtime.app);
  ImGui::NewFrame();
  ui::drawScreen(runtime.app);
  ImGui::Render();
  // What the views asked for is applied now, after the frame drew one trace throughout;
  // the next frame draws the change.
  ui::applyQueuedActions(runtime.app);
  if (runtime.app.session.revision != revisionBefore) wake(runtime);
  runtime.renderedRevision = revisionBefore;

  glBindFramebuffer(GL_FRAMEBUFFER, runtime.targetFramebuffer);
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(0.97f, 0.97f, 0.96f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++runtime.stats.frames;
  runtime.stats.lastFrameMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace app
