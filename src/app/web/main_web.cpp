// main_web.cpp: the browser driver. A GLFW (Emscripten) window on the page's canvas with
// a WebGL2 context, and the browser's main loop calling the shared frame function. After
// each frame it tells the page where Dear ImGui's text caret is, so the page's hidden text
// field (web/input.js) takes typed text there while a field is being edited.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/runtime.h"
#include "app/web/browser_faces.h"
#include "app/web/web_bridge.h"

namespace {

// Where the page's hidden text field goes while Dear ImGui wants text: over the field being
// edited, its left edge at the text caret, so an IME's candidate window and a phone's
// keyboard open at the text. CSS pixels, whole numbers, so a change is a real move.
struct TextSpot {
  bool wanted = false;
  bool numeric = false;  // a number is typed (a matrix cell): the phone's numeric keyboard
  int x = 0, y = 0, w = 0, h = 0;
  int lineHeight = 0;
  bool operator==(const TextSpot& o) const {
    return wanted == o.wanted && numeric == o.numeric && x == o.x && y == o.y && w == o.w && h == o.h &&
           lineHeight == o.lineHeight;
  }
};

struct WebDriver {
  app::Runtime runtime;
  TextSpot toldSpot;  // what the page last heard, so it hears only of changes
};

// Lets the page size the canvas and restore saved or shared state before the first frame.
EM_JS(void, page_start, (), {
  if (Module.onRuntimeStart) Module.onRuntimeStart();
});

EM_JS(void, page_text_spot, (int wanted, int numeric, int x, int y, int w, int h, int lineHeight), {
  if (Module.onTextSpot)
    Module.onTextSpot(
        {wanted : wanted != 0, numeric : numeric != 0, x : x, y : y, w : w, h : h, lineHeight : lineHeight});
});

// The caret's place comes from Dear ImGui 1.86's IME position (top of the caret's line,
// in ImGui pixels), which the active text field sets each frame it draws its caret; a frame
// that drew no caret leaves it at (1, 1) and the field stays where it was.
TextSpot textSpotOf(const app::Runtime& runtime, const TextSpot& previous) {
  TextSpot spot = previous;
  spot.wanted = ImGui::GetIO().WantTextInput;
  spot.numeric = spot.wanted && runtime.app.view.cellEdit.active;
  const ImVec2 caret = ImGui::GetCurrentContext()->PlatformImePos;
  if (!spot.wanted || (caret.x == 1.0f && caret.y == 1.0f)) return spot;
  const ui::AppState& app = runtime.app;
  const float line = app.platform.fonts.body ? app.platform.fonts.body->FontSize : ImGui::GetFontSize();
  const float caretX = caret.x + 1.0f, middleY = caret.y + line / 2;
  float left = caretX, top = caret.y, right = caretX + 4 * line, bottom = caret.y + line;
  // The field around the caret, from the registry of drawn controls: the rest of it is covered
  // (a one-line field to its full height; in a box of lines, the caret's line).
  for (const auto& w : app.focus.widgets)
    if (caretX >= w.x && caretX <= w.x + w.w && middleY >= w.y && middleY <= w.y + w.h) {
      right = std::max(w.x + w.w, caretX + line);
      if (w.h < 2 * line) top = w.y, bottom = w.y + w.h;
      break;
    }
  const float toCss = 1.0f / app.platform.pixelRatio;
  spot.x = static_cast<int>(std::lround(left * toCss));
  spot.y = static_cast<int>(std::lround(top * toCss));
  spot.w = static_cast<int>(std::lround((right - left) * toCss));
  spot.h = static_cast<int>(std::lround((bottom - top) * toCss));
  spot.lineHeight = static_cast<int>(std::lround(line * toCss));
  return spot;
}

void tellTextSpot(WebDriver& driver) {
  const TextSpot spot = textSpotOf(driver.runtime, driver.toldSpot);
  if (spot == driver.toldSpot) return;
  driver.toldSpot = spot;
  page_text_spot(spot.wanted, spot.numeric, spot.x, spot.y, spot.w, spot.h, spot.lineHeight);
}

void tick(void* argument) {
  auto& driver = *static_cast<WebDriver*>(argument);
  app::Runtime& runtime = driver.runtime;
  const uint64_t revisionBefore = runtime.renderedRevision;
  if (!app::runFrame(runtime)) {
    // Nothing to draw: stop asking for animation frames until an event calls wake().
    runtime.loopPaused = true;
    emscripten_pause_main_loop();
    return;
  }
  tellTextSpot(driver);
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
  auto* driver = new WebDriver();
  app::Runtime& runtime = driver->runtime;
  ui::initialiseApp(runtime.app);
  runtime.app.platform.fontBuilder = app::browserFaces();  // the browser's faces, not embedded ones
  if (!app::initialiseRuntime(runtime, window, "#version 300 es")) {
    std::fprintf(stderr, "the user interface could not start\n");
    return 1;
  }
  app::attachBridge(runtime);
  app::installPageHooks(runtime);
  runtime.resumeLoop = emscripten_resume_main_loop;
  page_start();
  emscripten_set_main_loop_arg(tick, driver, 0, false);
  return 0;
}
