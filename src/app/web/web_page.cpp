// web_page.cpp: the page as the views' platform. The services the views call (copy a link,
// forget progress, grade challenge code, the labs' workers), the clipboard Ctrl+C and Ctrl+V
// use, what keyboard focus announces, and the hooks the page calls with what it knows of the
// device (pixel ratio, wheel, typed text, zoom, storage, reduced motion, a Mac). The API
// table of window.attentionTour is web_bridge.cpp.
#ifdef __EMSCRIPTEN__

#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/web/browser_glyphs.h"
#include "app/web/page_mirror.h"
#include "app/web/web_bridge.h"
#ifdef AT_CARRIES_FORMAL_TEXTS
#include "formal_texts_embedded.h"
#endif
#include "lesson/model/input_limits.h"
#include "lesson/model/text_rules.h"
#include "ui/panels/tour_panel.h"

namespace app {

namespace {

struct PageHooks {
  std::string focusedWidget;  // the control a screen reader last heard about
  bool firstFrameAnnounced = false;
};

PageHooks& hooks() {
  static PageHooks instance;  // the one page this module serves
  return instance;
}

// Emscripten 3.1.6's GLFW has no clipboard. The page hands over the text of each paste
// event, which the browser fires before the queued Ctrl+V reaches Dear ImGui, and text copied
// or cut in a field goes to the page (Module.onCopyText), which writes the system clipboard
// when it may.
const char* clipboardText(void*) { return bridgeClipboard().c_str(); }

void setClipboardText(void*, const char* text) {
  bridgeClipboard() = text ? text : "";
  EM_ASM(
      {
        if (Module.onCopyText) Module.onCopyText(UTF8ToString($0));
      },
      bridgeClipboard().c_str());
}

// Keyboard focus moved to another control: the page's second live region says which.
void announceFocus(const ui::AppState& app) {
  const ui::WidgetRect* focused = nullptr;
  for (const auto& w : app.focus.widgets)
    if (w.focused) focused = &w;
  const std::string focusedId = focused ? focused->id : std::string();
  if (focusedId == hooks().focusedWidget) return;
  hooks().focusedWidget = focusedId;
  if (!focused) return;
  EM_ASM(
      {
        if (Module.onFocusAnnounce) Module.onFocusAnnounce(UTF8ToString($0), UTF8ToString($1));
      },
      focused->spoken.c_str(), focused->id.c_str());
}

}  // namespace

void installPageHooks(Runtime& runtime) {
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = clipboardText;
  io.SetClipboardTextFn = setClipboardText;
  ui::Platform& platform = runtime.app.platform;
  platform.copyShareLink = [](const lesson::LessonState&) -> std::string {
    EM_ASM({ window.attentionTour.copyLink(); });
    return "Link copied; the address bar holds it too.";
  };
  platform.resetProgress = [] { EM_ASM({ window.attentionTour.resetProgress(); }); };
  platform.extraGlyphs.draw = browserGlyphs();
  platform.extraGlyphs.drawWord = browserWords();  // shaped as the browser shapes them
#ifdef AT_CARRIES_FORMAL_TEXTS
  ui::receiveFormalTexts(runtime.app,
                         {reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size}, false);
#else
  // Fetched the first time a learner asks for a formal explanation (Module.onFormalTextsWanted),
  // handed over through at_formal_texts.
  platform.requestFormalTexts = [] {
    EM_ASM({
      if (Module.onFormalTextsWanted) Module.onFormalTextsWanted();
    });
  };
#endif
  platform.submitChallengeCode = [](const std::string& code, int level) {
    EM_ASM({ window.attentionTour.gradeChallenge(UTF8ToString($0), $1); }, code.c_str(), level);
  };
  // The labs run in a Web Worker the page starts on first use (attention-tour-api.js), one
  // instance for the cost lab and one for training; the single-file copy carries no worker,
  // and says so.
  const int workers = EM_ASM_INT({
    if (window.AT_SINGLE_FILE) return 1;
    return typeof Worker == 'undefined' ? 2 : 0;
  });
  if (workers == 1) {
    platform.costLabUnavailable = "Timing runs need the served page: this one-file copy has no worker to run them in.";
    platform.trainingUnavailable = "Training needs the served page: this one-file copy has no worker to train in.";
    return;
  }
  if (workers == 2) {
    platform.costLabUnavailable = "Timing runs need Web Workers, which this browser does not offer.";
    platform.trainingUnavailable = "Training needs Web Workers, which this browser does not offer.";
    return;
  }
  platform.startCostLab = [](int run, int maxN, bool onGpu) {
    EM_ASM({ window.attentionTour.costLabStart($0, $1, $2); }, run, maxN, onGpu ? 1 : 0);
  };
  // The GPU half needs WebGPU; whether an adapter is there is known only when it is asked for.
  platform.costLabGpu = EM_ASM_INT({ return navigator.gpu ? 1 : 0; }) != 0;
  if (!platform.costLabGpu)
    platform.costLabGpuUnavailable = "This browser gives the page no WebGPU, so the lab times the CPU only.";
  platform.cancelCostLab = [] { EM_ASM({ window.attentionTour.costLabCancel(); }); };
  platform.startTraining = [](const ui::Platform::TrainingRequest& r) {
    std::string probe;
    for (int t : r.probe) probe += (probe.empty() ? "" : ",") + std::to_string(t);
    EM_ASM({ window.attentionTour.trainingStart($0, $1, $2, $3, $4, $5, UTF8ToString($6)); }, r.request,
           static_cast<int>(r.task), static_cast<double>(r.seed), r.learningRate, r.steps, r.fresh ? 1 : 0,
           probe.c_str());
  };
  platform.stopTraining = [] { EM_ASM({ window.attentionTour.trainingStop(); }); };
}

void notifyFrameRendered(Runtime& runtime, bool stateChanged) {
  announceFocus(runtime.app);
  if (!runtime.app.focus.toSay.empty()) {
    EM_ASM(
        {
          if (Module.onSay) Module.onSay(UTF8ToString($0));
        },
        runtime.app.focus.toSay.c_str());
    runtime.app.focus.toSay.clear();
  }
  publishMirror(runtime);
  if (!hooks().firstFrameAnnounced) {
    hooks().firstFrameAnnounced = true;
    EM_ASM({
      if (Module.onFirstFrame) Module.onFirstFrame();
    });
  }
  if (stateChanged)
    EM_ASM({
      if (Module.onStateChanged) Module.onStateChanged();
    });
}

}  // namespace app

namespace {

ui::AppState& appState() { return app::bridgedRuntime().app; }
void wake() { app::wake(app::bridgedRuntime()); }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void at_wake() { wake(); }

// The page has already sized the canvas (Module.setCanvasSize, which updates GLFW's window
// size without GLFW's full-screen heuristics); this records the pixel ratio the UI scales by.
EMSCRIPTEN_KEEPALIVE void at_set_pixel_ratio(double pixelRatio) {
  if (!(pixelRatio > 0.25 && pixelRatio < 8.0)) pixelRatio = 1.0;
  appState().platform.pixelRatio = static_cast<float>(pixelRatio);
  wake();
}

// The click count (MouseEvent.detail) of the mouse press that GLFW is about to report.
EMSCRIPTEN_KEEPALIVE void at_note_click_count(int count) { app::bridgedRuntime().input.nextClickCount = count; }

// Wheel or touch-drag scrolling, in steps (positive: up/left), from web/input.js.
EMSCRIPTEN_KEEPALIVE void at_wheel(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += static_cast<float>(std::clamp(x, -50.0, 50.0));
  io.MouseWheel += static_cast<float>(std::clamp(y, -50.0, 50.0));
  wake();
}

// Typed text from the page's hidden text field (web/input.js). While a Dear ImGui text field
// is edited, the page keeps a real text field focused so that IMEs, dead keys and phone
// keyboards work; what they commit arrives here and joins the input queue as characters.
EMSCRIPTEN_KEEPALIVE void at_type_text(const char* text) {
  if (!text || !*text) return;
  app::queueText(app::bridgedRuntime(), text);
}

// The text of a paste event, from web/input.js; Ctrl+V in a field then inserts it. Text
// larger than any field holds is refused whole, with a notice, rather than cut somewhere.
EMSCRIPTEN_KEEPALIVE void at_set_clipboard(const char* text) {
  std::string pasted = text ? text : "";
  if (const std::string error = lesson::checkTextSize(pasted, lesson::kMaxPasteBytes, "The pasted text");
      !error.empty()) {
    app::bridgeAct(lesson::actions::ShowNotice{error + ", so it was not pasted."});
    pasted.clear();
  }
  app::bridgeClipboard() = std::move(pasted);
}

// "" when applied, else why not (the zoom is then unchanged).
EMSCRIPTEN_KEEPALIVE const char* at_set_zoom(double zoom) {
  if (!(zoom >= ui::kMinZoom && zoom <= ui::kMaxZoom))
    return app::bridgeReply("zoom must be a number " + lesson::rangeText(ui::kMinZoom, ui::kMaxZoom) +
                            "; the text size was kept");
  appState().view.prefs.zoom = static_cast<float>(zoom);
  wake();
  return app::bridgeReply("");
}

// 1: storage works; 0: the browser blocks it; -1: a write failed (storage full).
EMSCRIPTEN_KEEPALIVE void at_set_storage_available(int available) {
  appState().platform.storageAvailable = available > 0;
  if (available == 0)
    app::bridgeAct(lesson::actions::ShowNotice{
        "Your browser blocks storage here, so progress will not be kept after this visit."});
  if (available < 0)
    app::bridgeAct(lesson::actions::ShowNotice{
        "This browser's storage for the page is full, so your latest changes are not being saved."});
  wake();
}

// prefers-reduced-motion: the one animation Dear ImGui has, the blinking text caret, stops.
// From the page's `(pointer: coarse)` media query, at start and whenever it changes.
EMSCRIPTEN_KEEPALIVE void at_set_touch_screen(int touch) { appState().platform.touchScreen = touch != 0; }

EMSCRIPTEN_KEEPALIVE void at_set_reduced_motion(int reduced) {
  ImGui::GetIO().ConfigInputTextCursorBlink = reduced == 0;
  appState().view.prefs.reducedMotion = reduced != 0;  // and Play shows the end state at once
}

// The steps' formal explanations (formal.txt), fetched by the page when a learner first asked
// for one (Module.onFormalTextsWanted); when `failed`, the text says why they could not come.
EMSCRIPTEN_KEEPALIVE void at_formal_texts(const char* text, int failed) {
  ui::receiveFormalTexts(appState(), text ? text : "", failed != 0);
  wake();
}

// On a Mac, shortcuts use Cmd (copy, paste, select all, word jumps), as in every other field there.
EMSCRIPTEN_KEEPALIVE void at_set_mac_shortcuts(int mac) { ImGui::GetIO().ConfigMacOSXBehaviors = mac != 0; }

}  // extern "C"

#endif  // __EMSCRIPTEN__
