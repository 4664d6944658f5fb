// runtime.cpp: the frame function and its idle logic, shared by the web and desktop builds.
#include "app/runtime.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>

#include "ui/kit/palette.h"
#include "ui/kit/theme.h"
#include "ui/screen.h"

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

// Between frames: the atlas is built again for a new scale, and when the learner's text brings
// characters the text faces lack (the platform's fonts draw them into it); the sizes follow the
// scale and the pointer (a finger's controls are larger). True when either changed.
bool rebuildFontsIfNeeded(Runtime& runtime) {
  ui::AppState& app = runtime.app;
  const float wanted = app.platform.pixelRatio * app.view.prefs.zoom;
  const bool touch = app.platform.touchScreen;
  const bool fonts = wanted != runtime.atlasScale || ui::wantsMoreGlyphs(app);
  if (!fonts && touch == runtime.themeTouch) return false;
  if (fonts) {
    ui::buildFonts(app, wanted);
    runtime.renderer->uploadFontAtlas();
    runtime.atlasScale = wanted;
  }
  ui::applyTheme(wanted, touch);
  runtime.themeTouch = touch;
  return true;
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
  runtime.renderer = std::make_unique<GlImGuiRenderer>();
  if (!runtime.renderer->initialise(glslVersion)) return false;
  runtime.heatmap = std::make_unique<GlHeatmapRenderer>();
  if (runtime.heatmap->initialise(glslVersion)) runtime.app.platform.heatmap = runtime.heatmap.get();
  rebuildFontsIfNeeded(runtime);
  return true;
}

void shutdownRuntime(Runtime& runtime) {
  runtime.app.platform.heatmap = nullptr;
  runtime.heatmap.reset();
  runtime.renderer.reset();
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
  if (runtime.wakeFrames > 0 || runtime.renderedRevision != runtime.app.session().revision()) return true;
  if (!runtime.input.pending.empty() || runtime.app.animating) return true;
  // A word the last frame drew a letter at a time, to be drawn again whole (shaped_words.h).
  if (!runtime.app.platform.extraGlyphs.unshaped.empty()) return true;
  const ImGuiIO& io = ImGui::GetIO();
  // A focused text field redraws for its blinking caret, unless reduced motion stopped it.
  return (io.WantTextInput && io.ConfigInputTextCursorBlink) || ImGui::IsAnyMouseDown();
}

bool runFrame(Runtime& runtime) {
  ++runtime.stats.loopTicks;
  if (!needsFrame(runtime)) return false;
  const auto start = std::chrono::steady_clock::now();
  if (runtime.wakeFrames > 0) --runtime.wakeFrames;
  if (!runtime.input.pending.empty()) wake(runtime);
  rebuildFontsIfNeeded(runtime);
  ImGui_ImplGlfw_NewFrame();
  applyQueuedInput(runtime);
  ImGuiIO& io = ImGui::GetIO();
  if (runtime.forcedWidth > 0) {
    io.DisplaySize = ImVec2(static_cast<float>(runtime.forcedWidth), static_cast<float>(runtime.forcedHeight));
    io.DisplayFramebufferScale = ImVec2(1, 1);
  }
  const uint64_t revisionBefore = runtime.app.session().revision();
  ui::frame(runtime.app);  // the next frame draws what the views asked for
  // A character just typed that no face had was drawn as U+FFFD: drawn again with its glyph
  // before anything is shown (the frame's input was taken by the first pass).
  if (rebuildFontsIfNeeded(runtime)) {
    runtime.app.focus.mirrorNextFrame = runtime.app.focus.mirroring;  // a frame the page's mirror asked for stays one
    ui::frame(runtime.app);
  }
  if (runtime.app.session().revision() != revisionBefore) wake(runtime);
  runtime.renderedRevision = revisionBefore;
  runtime.stats.lastUiMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  glBindFramebuffer(GL_FRAMEBUFFER, runtime.targetFramebuffer);
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(ui::kBackground.x, ui::kBackground.y, ui::kBackground.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  runtime.renderer->render(ImGui::GetDrawData());
  ++runtime.stats.frames;
  runtime.stats.lastFrameMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return true;
}

}  // namespace app
