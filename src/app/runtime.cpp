// runtime.cpp: the frame function and its idle logic, shared by the web and desktop builds.
#include "app/runtime.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>

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

void queueInput(GLFWwindow* window, InputEvent event) {
  event.time = glfwGetTime();
  runtimeOf(window).pendingInput.push_back(event);
  wake(runtimeOf(window));
}

// Replaces the backend's key, character and mouse button callbacks: events are queued,
// then applied in order, one transition per frame.
void installInputQueue(GLFWwindow* window) {
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
    if (key < 0 || key >= IM_ARRAYSIZE(ImGuiIO::KeysDown)) return;
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

// Applies queued input after the backend's NewFrame: a run of characters, or one key or
// mouse button transition, per frame; mouse buttons then hold the queue's state.
void applyQueuedInput(Runtime& runtime) {
  auto& queue = runtime.pendingInput;
  ImGuiIO& io = ImGui::GetIO();
  if (!queue.empty()) followInputClock(runtime, queue.front().time);
  if (!queue.empty() && queue.front().kind == InputEvent::Kind::Character) {
    while (!queue.empty() && queue.front().kind == InputEvent::Kind::Character) {
      io.AddInputCharacter(queue.front().character);
      queue.pop_front();
    }
  } else if (!queue.empty()) {
    const InputEvent event = queue.front();
    queue.pop_front();
    if (event.kind == InputEvent::Kind::Key) {
      applyKey(event);
    } else {
      runtime.mouseDown[event.key] = event.down;
      io.MousePos = ImVec2(event.x, event.y);
    }
  }
  for (int b = 0; b < 5; ++b) io.MouseDown[b] = runtime.mouseDown[b];
}

void rebuildFontsIfScaleChanged(Runtime& runtime, bool backendReady) {
  ui::AppState& app = runtime.app;
  const float wanted = app.pixelRatio * app.prefs.zoom;
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
  if (runtime.heatmap->initialise(glslVersion)) runtime.app.heatmap = runtime.heatmap.get();
  rebuildFontsIfScaleChanged(runtime, false);
  return true;
}

void shutdownRuntime(Runtime& runtime) {
  runtime.app.heatmap = nullptr;
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
  if (runtime.wakeFrames > 0 || runtime.renderedRevision != runtime.app.revision) return true;
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
  const uint64_t revisionBefore = runtime.app.revision;
  ui::handleTourKeys(runtime.app);
  ImGui::NewFrame();
  ui::drawScreen(runtime.app);
  ImGui::Render();
  // A change made during this frame is drawn by the next one.
  if (runtime.app.revision != revisionBefore) wake(runtime);
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
