// runtime.h: what both drivers share around AppState: the window, the GL renderers,
// the font scale the atlas was built for, and the idle bookkeeping. runFrame() is the
// one frame function; the native loop and the browser main loop just call it.
#pragma once

#include <cstdint>
#include <memory>

#include "app/gl/gl_heatmap.h"
#include "app/gl/gl_imgui_renderer.h"
#include "app/input_queue.h"
#include "ui/app_state.h"

struct GLFWwindow;

namespace app {

struct FrameStats {
  uint64_t frames = 0;       // frames actually rendered
  double lastFrameMs = 0.0;  // CPU time of the last rendered frame
  double lastUiMs = 0.0;     // of which building the UI (input, views, actions), before GL
  uint64_t loopTicks = 0;    // loop iterations, rendered or skipped as idle
};

struct Runtime {
  ui::AppState app;
  GLFWwindow* window = nullptr;
  std::unique_ptr<GlImGuiRenderer> renderer;
  std::unique_ptr<GlHeatmapRenderer> heatmap;
  float atlasScale = 0.0f;  // scale the font atlas was built for
  bool themeTouch = false;  // whether the sizes applied are a touch screen's
  int wakeFrames = 3;       // frames still to render after the last event
  uint64_t renderedRevision = ~0ull;
  unsigned targetFramebuffer = 0;         // 0: the window; otherwise an off-screen target
  int forcedWidth = 0, forcedHeight = 0;  // off-screen size overriding the window's
  FrameStats stats;
  InputQueue input;
  // The browser driver pauses its main loop while idle; wake() resumes it.
  bool loopPaused = false;
  void (*resumeLoop)() = nullptr;
};

// Sets up Dear ImGui, its GLFW backend, our GL renderer, fonts and theme.
bool initialiseRuntime(Runtime& runtime, GLFWwindow* window, const char* glslVersion);
void shutdownRuntime(Runtime& runtime);
// Renders a frame if anything changed or an event arrived; returns true if it rendered.
bool runFrame(Runtime& runtime);
// Called by input callbacks and the JS bridge: keep rendering for a few frames.
void wake(Runtime& runtime);
// True while something is still changing (an event, an edit, a drag, a caret blinking).
bool needsFrame(const Runtime& runtime);

}  // namespace app
