// main_web.cpp: the browser driver. A GLFW (Emscripten) window on the page's canvas with
// a WebGL2 context, and the browser's main loop calling the shared frame function.
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cstdio>

#include "app/runtime.h"
#include "app/web_bridge.h"

namespace {

// Lets the page size the canvas and restore saved or shared state before the first frame.
EM_JS(void, page_start, (), {
  if (Module.onRuntimeStart) Module.onRuntimeStart();
});

void tick(void* argument) {
  auto& runtime = *static_cast<app::Runtime*>(argument);
  const uint64_t revisionBefore = runtime.renderedRevision;
  if (!app::runFrame(runtime)) {
    // Nothing to draw: stop asking for animation frames until an event calls wake().
    runtime.loopPaused = true;
    emscripten_pause_main_loop();
    return;
  }
  app::notifyFrameRendered(runtime, runtime.renderedRevision != revisionBefore);
}

}  // namespace

int main() {
  if (!glfwInit()) {
    std::fprintf(stderr, "GLFW could not start\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "Attention Tour", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "WebGL2 context could not be created\n");
    return 1;
  }
  glfwMakeContextCurrent(window);
  // Lives as long as the page: the browser keeps calling tick() after main returns.
  auto* runtime = new app::Runtime();
  ui::initialiseApp(runtime->app);
  if (!app::initialiseRuntime(*runtime, window, "#version 300 es")) {
    std::fprintf(stderr, "the user interface could not start\n");
    return 1;
  }
  app::attachBridge(*runtime);
  app::installPageHooks(*runtime);
  runtime->resumeLoop = emscripten_resume_main_loop;
  page_start();
  emscripten_set_main_loop_arg(tick, runtime, 0, false);
  return 0;
}
