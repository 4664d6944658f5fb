// web_bridge.cpp: the C functions behind window.attentionTour, and the calls into the page.
// Every function takes and returns JSON text; bad input becomes {ok:false, error} or
// {error}, never a crash. The returned pointer stays valid until the next bridge call.
#ifdef __EMSCRIPTEN__

#include "app/web_bridge.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "core/fast_attention.h"
#include "lesson/actions.h"
#include "lesson/challenge.h"
#include "lesson/compute_api.h"
#include "lesson/input_limits.h"
#include "lesson/json.h"
#include "lesson/json_io.h"
#include "lesson/narration.h"
#include "lesson/presets.h"
#include "lesson/progress.h"
#include "lesson/share_link.h"
#include "ui/cost_lab_view.h"
#include "ui/learning_view.h"
#include "ui/training_report.h"

using lesson::Json;

namespace app {

namespace {

struct Bridge {
  Runtime* runtime = nullptr;
  std::string reply;  // storage for the last returned string
  std::string clipboard;
  std::string focusedWidget;  // the control a screen reader last heard about
  bool firstFrameAnnounced = false;
};

Bridge& bridge() {
  static Bridge instance;  // the one page this module serves; exported C functions need a root
  return instance;
}

const char* reply(std::string text) {
  bridge().reply = std::move(text);
  return bridge().reply.c_str();
}

ui::AppState& appState() { return bridge().runtime->app; }

// Every change from the page goes through the lesson's one door, then the page redraws.
std::string act(const lesson::Action& action) {
  const std::string refusal = ui::apply(appState(), action);
  wake(*bridge().runtime);
  return refusal;
}

const char* okReply(const std::string& error) {
  if (error.empty()) return reply(R"({"ok":true})");
  return reply(Json::object({{"ok", false}, {"error", error}}).dump());
}

// Emscripten 3.1.6's GLFW has no clipboard. The page hands over the text of each paste
// event, which the browser fires before the queued Ctrl+V reaches Dear ImGui, and text copied
// or cut in a field goes to the page (Module.onCopyText), which writes the system clipboard
// when it may.
const char* clipboardText(void*) { return bridge().clipboard.c_str(); }

void setClipboardText(void*, const char* text) {
  bridge().clipboard = text ? text : "";
  EM_ASM(
      {
        if (Module.onCopyText) Module.onCopyText(UTF8ToString($0));
      },
      bridge().clipboard.c_str());
}

// Keyboard focus moved to another control: the page's second live region says which.
void announceFocus(const ui::AppState& app) {
  const ui::WidgetRect* focused = nullptr;
  for (const auto& w : app.focus.widgets)
    if (w.focused) focused = &w;
  const std::string focusedId = focused ? focused->id : std::string();
  if (focusedId == bridge().focusedWidget) return;
  bridge().focusedWidget = focusedId;
  if (!focused) return;
  EM_ASM(
      {
        if (Module.onFocusAnnounce) Module.onFocusAnnounce(UTF8ToString($0));
      },
      focused->spoken.c_str());
}

}  // namespace

void attachBridge(Runtime& runtime) { bridge().runtime = &runtime; }

void installPageHooks(Runtime& runtime) {
  ImGuiIO& io = ImGui::GetIO();
  io.GetClipboardTextFn = clipboardText;
  io.SetClipboardTextFn = setClipboardText;
  runtime.app.platform.copyShareLink = [](ui::AppState&) -> std::string {
    EM_ASM({ window.attentionTour.copyLink(); });
    return "Link copied; the address bar holds it too.";
  };
  runtime.app.platform.resetProgress = [](ui::AppState&) { EM_ASM({ window.attentionTour.resetProgress(); }); };
  runtime.app.platform.submitChallengeCode = [](ui::AppState&, const std::string& code, int level) {
    EM_ASM({ window.attentionTour.gradeChallenge(UTF8ToString($0), $1); }, code.c_str(), level);
  };
  // The cost lab runs in a Web Worker the page starts on the first run (attention-tour-api.js);
  // the single-file copy carries no worker, and says so.
  const int costLabState = EM_ASM_INT({
    if (window.AT_SINGLE_FILE) return 1;
    return typeof Worker == 'undefined' ? 2 : 0;
  });
  if (costLabState == 0) {
    runtime.app.platform.startCostLab = [](ui::AppState&, int run, int maxN) {
      EM_ASM({ window.attentionTour.costLabStart($0, $1); }, run, maxN);
    };
    runtime.app.platform.cancelCostLab = [](ui::AppState&) { EM_ASM({ window.attentionTour.costLabCancel(); }); };
  } else {
    runtime.app.platform.costLabUnavailable =
        costLabState == 1 ? "Timing runs need the served page: this one-file copy has no worker to run them in."
                          : "Timing runs need Web Workers, which this browser does not offer.";
  }
  // The learning step trains in its own instance of the same lab worker.
  if (costLabState == 0) {
    runtime.app.platform.startTraining = [](ui::AppState&, const ui::Platform::TrainingRequest& r) {
      std::string probe;
      for (int t : r.probe) probe += (probe.empty() ? "" : ",") + std::to_string(t);
      EM_ASM({ window.attentionTour.trainingStart($0, $1, $2, $3, $4, $5, UTF8ToString($6)); }, r.request,
             static_cast<int>(r.task), static_cast<double>(r.seed), r.learningRate, r.steps, r.fresh ? 1 : 0,
             probe.c_str());
    };
    runtime.app.platform.stopTraining = [](ui::AppState&) { EM_ASM({ window.attentionTour.trainingStop(); }); };
  } else {
    runtime.app.platform.trainingUnavailable =
        costLabState == 1 ? "Training needs the served page: this one-file copy has no worker to train in."
                          : "Training needs Web Workers, which this browser does not offer.";
  }
}

void notifyFrameRendered(Runtime& runtime, bool stateChanged) {
  announceFocus(runtime.app);
  if (!bridge().firstFrameAnnounced) {
    bridge().firstFrameAnnounced = true;
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

using app::appState;
using app::okReply;
using app::reply;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* at_get_state() {
  const auto& a = appState();
  Json state = lesson::stateWithTraceToJson(a.session.lesson, a.session.trace);
  state["stepsSeen"] = a.session.progress.seenCount();
  state["experimentsDone"] = a.session.progress.experimentsDone;
  state["quizCorrect"] = a.session.progress.quizCorrect;
  state["challengeDone"] = a.session.progress.challengeDone;
  state["challenge2Done"] = a.session.progress.challenge2Done;
  state["challengeLevel"] = a.view.challengeLevel;
  state["challengeMessage"] = a.view.challengeMessage;
  state["challengeMessage2"] = a.view.challengeMessage2;
  state["challengeCode"] = std::string(a.view.challengeCode);
  state["challengeCode2"] = std::string(a.view.challengeCode2);
  state["flash"] = Json::object({{"tile", a.view.flashTile},
                                 {"tiles", a.session.trace.online.tiles.size()},
                                 {"maxAbsDiff", lesson::onlineDifference(a.session.trace)}});
  state["storageAvailable"] = a.platform.storageAvailable;
  state["zoom"] = a.view.prefs.zoom;
  state["reducedMotion"] = a.view.prefs.reducedMotion;
  return reply(state.dump());
}

EMSCRIPTEN_KEEPALIVE const char* at_set_state(const char* text) {
  return okReply(app::act(lesson::actions::applyStateText(text ? text : "")));
}

EMSCRIPTEN_KEEPALIVE const char* at_compute(const char* text) { return reply(lesson::computeText(text ? text : "")); }

EMSCRIPTEN_KEEPALIVE const char* at_widgets() {
  const auto& a = appState();
  Json list = Json::array();
  const float toCss = 1.0f / a.platform.pixelRatio;
  for (const auto& w : a.focus.widgets)
    list.push_back(Json::object({{"id", w.id},
                                 {"x", w.x * toCss},
                                 {"y", w.y * toCss},
                                 {"w", w.w * toCss},
                                 {"h", w.h * toCss},
                                 {"focused", w.focused}}));
  return reply(list.dump());
}

EMSCRIPTEN_KEEPALIVE const char* at_share_fragment() {
  return reply(lesson::encodeShareFragment(appState().session.lesson));
}

EMSCRIPTEN_KEEPALIVE const char* at_narration() {
  return reply(lesson::narrate(appState().session.lesson, appState().session.trace));
}

EMSCRIPTEN_KEEPALIVE const char* at_stats() {
  const auto& r = *app::bridge().runtime;
  int width = 0, height = 0;
  glfwGetFramebufferSize(r.window, &width, &height);
  return reply(Json::object({{"frames", r.stats.frames},
                             {"lastFrameMs", r.stats.lastFrameMs},
                             {"lastUiMs", r.stats.lastUiMs},
                             {"loopTicks", r.stats.loopTicks},
                             {"revision", r.app.session.revision},
                             {"pixelRatio", r.app.platform.pixelRatio},
                             {"uiScale", r.app.platform.uiScale},
                             {"canvasWidth", width},
                             {"canvasHeight", height},
                             {"pendingInput", r.input.pending.size()},
                             {"inputDropped", r.input.dropped},
                             {"keysHeld", app::heldKeyCount()},
                             {"textInput", ImGui::GetIO().WantTextInput},
                             {"gpuHeatmap", r.app.platform.heatmap != nullptr},
                             {"animating", r.app.animating},
                             {"idle", !app::needsFrame(r)}})
                   .dump());
}

// The page has already sized the canvas (Module.setCanvasSize, which updates GLFW's window
// size without GLFW's full-screen heuristics); this records the pixel ratio the UI scales by.
EMSCRIPTEN_KEEPALIVE void at_set_pixel_ratio(double pixelRatio) {
  auto& r = *app::bridge().runtime;
  if (!(pixelRatio > 0.25 && pixelRatio < 8.0)) pixelRatio = 1.0;
  r.app.platform.pixelRatio = static_cast<float>(pixelRatio);
  app::wake(r);
}

// Opens a shared link's fragment. A link that cannot be read changes nothing: the learner's
// own lesson stays (and stays saved), and the notice says why the link was refused.
EMSCRIPTEN_KEEPALIVE const char* at_open_fragment(const char* fragment) {
  return okReply(app::act(lesson::actions::openLink(fragment ? fragment : "")));
}

// Restores what the page saved in localStorage. A record that cannot be read never stops
// the page: the lesson starts without it, the notice says so, and the reply names the
// record so the page keeps it aside instead of saving over it.
EMSCRIPTEN_KEEPALIVE const char* at_restore(const char* stateText, const char* progressText) {
  std::string progressError, stateError;
  if (progressText && *progressText) progressError = app::act(lesson::actions::restoreProgress(progressText));
  if (stateText && *stateText) stateError = app::act(lesson::actions::restoreState(stateText));
  std::string notice;
  if (!stateError.empty())
    notice = "Your saved lesson could not be read (" + stateError + "), so the default lesson is shown.";
  if (!progressError.empty())
    notice += std::string(notice.empty() ? "" : " ") + "Your saved progress could not be read (" + progressError + ").";
  if (!notice.empty()) notice += " The unreadable record is kept aside in this browser's storage, not overwritten.";
  if (!notice.empty()) app::act(lesson::actions::showNotice(notice));
  return reply(
      Json::object(
          {{"ok", notice.empty()}, {"stateRefused", !stateError.empty()}, {"progressRefused", !progressError.empty()}})
          .dump());
}

// Another tab saved its progress (or this tab is about to save): everything either has done
// is kept. Unreadable records are ignored here; the one this tab restored was checked already.
EMSCRIPTEN_KEEPALIVE void at_merge_progress(const char* progressText) {
  if (progressText) app::act(lesson::actions::mergeProgress(progressText));
}

// The byte limits of the doors that take text, so the page never hands over more than one
// byte past them (see lesson/input_limits.h).
EMSCRIPTEN_KEEPALIVE const char* at_limits() {
  return reply(Json::object({{"state", lesson::kMaxStateTextBytes},
                             {"progress", lesson::kMaxProgressTextBytes},
                             {"compute", lesson::kMaxComputeRequestBytes},
                             {"link", lesson::kMaxLinkLength},
                             {"paste", lesson::kMaxPasteBytes}})
                   .dump());
}

EMSCRIPTEN_KEEPALIVE const char* at_saved_state() {
  const auto& a = appState();
  return reply(Json::object({{"state", lesson::stateToJson(a.session.lesson)},
                             {"progress", lesson::progressToJson(a.session.progress)}})
                   .dump());
}

EMSCRIPTEN_KEEPALIVE void at_wake() { app::wake(*app::bridge().runtime); }

// The hidden cases of a level (1: weights, 2: the whole output) handed to the learner's
// function; the expected answers stay here.
EMSCRIPTEN_KEEPALIVE const char* at_challenge_cases(int level) {
  return reply((level == 2 ? lesson::outputCasesToJson(lesson::outputCases())
                           : lesson::challengeCasesToJson(lesson::challengeCases()))
                   .dump());
}

// The learner's answers (or {error}) from the page's worker; graded against the core.
EMSCRIPTEN_KEEPALIVE const char* at_challenge_result(int level, const char* answersText) {
  auto& a = appState();
  const auto parsed = lesson::Json::parse(answersText ? answersText : "");
  const auto answers = parsed ? *parsed : lesson::Json::object({{"error", "no answers"}});
  const bool second = level == 2;
  const auto grade = second ? lesson::gradeOutputChallenge(lesson::outputCases(), answers)
                            : lesson::gradeChallenge(lesson::challengeCases(), answers);
  (second ? a.view.challengeMessage2 : a.view.challengeMessage) = grade.message;
  app::act(lesson::actions::recordChallenge(grade.passed, second ? 2 : 1));
  return reply(Json::object({{"passed", grade.passed},
                             {"passedCases", grade.passedCases},
                             {"totalCases", grade.totalCases},
                             {"message", grade.message}})
                   .dump());
}

// One size of a cost lab run, measured by the page's worker (already checked by the page).
// A value that is not a plausible measurement ends the run instead of entering the plot.
EMSCRIPTEN_KEEPALIVE void at_cost_lab_point(int run, int n, double naiveMs, double tiledMs, double maxAbsDiff,
                                            double naiveBytes, double tiledBytes) {
  auto& a = appState();
  bool plausible = n >= ui::kCostLabSmallestN && n <= core::kFastMaxN;
  for (double x : {naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes})
    plausible = plausible && std::isfinite(x) && x >= 0;
  if (plausible)
    ui::costLabPoint(a, run, {n, naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes});
  else
    ui::costLabFinished(a, run, "the worker sent back a measurement that cannot be right");
  app::wake(*app::bridge().runtime);
}

// The cost lab's view state, for tests: {phase, maxN, message, points: [{n, naiveMs, tiledMs}]}.
EMSCRIPTEN_KEEPALIVE const char* at_cost_lab_status() {
  const ui::CostLab& lab = appState().view.costLab;
  static const char* const phases[] = {"idle", "running", "done", "cancelled", "failed"};
  Json points = Json::array();
  for (const auto& p : lab.points)
    points.push_back(Json::object({{"n", p.n}, {"naiveMs", p.naiveMs}, {"tiledMs", p.tiledMs}}));
  return reply(Json::object({{"phase", phases[static_cast<int>(lab.phase)]},
                             {"maxN", lab.maxN},
                             {"message", lab.message},
                             {"points", points}})
                   .dump());
}

// The run ended: "" when every size was measured, else why it stopped.
EMSCRIPTEN_KEEPALIVE void at_cost_lab_finished(int run, const char* error) {
  ui::costLabFinished(appState(), run, error ? error : "");
  app::wake(*app::bridge().runtime);
}

// A report of the learning step's trainer, as numbers the page copied out of the lab worker's
// message (web/attention-tour-api.js trainingReport checked their shape); ui/training_report.h
// gives the layout and checks it again. A report that fails a check ends the request with a
// message instead of reaching the view.
EMSCRIPTEN_KEEPALIVE void at_training_report(int request, const double* numbers, int count, int finished,
                                             const char* error) {
  ui::AppState& a = appState();
  ui::TrainingProgress progress;
  if (error && *error)
    ui::trainingFinished(a, request, {}, std::string(error).substr(0, 300));
  else if (!ui::readTrainingReport(numbers, count, progress))
    ui::trainingFinished(a, request, {}, "the training worker sent back something the page cannot read");
  else if (finished)
    ui::trainingFinished(a, request, progress, "");
  else
    ui::trainingProgress(a, request, progress);
  app::wake(*app::bridge().runtime);
}

// The learning step's lab, for tests: {phase, task, steps, metric, accuracy, losses, guess,
// message, probe, probeError}.
EMSCRIPTEN_KEEPALIVE const char* at_training_status() {
  const ui::TrainingLab& lab = appState().view.training;
  static const char* const phases[] = {"starting", "ready", "training", "failed"};
  return reply(Json::object({{"phase", phases[static_cast<int>(lab.phase)]},
                             {"task", core::trainingTaskName(lab.task)},
                             {"steps", lab.stepsDone},
                             {"metric", lab.metric},
                             {"accuracy", lab.accuracy},
                             {"losses", lab.losses.size()},
                             {"guess", lab.predicted.empty() || lab.shownProbe != lab.probe
                                           ? std::string()
                                           : ui::tokenLetter(lab.predicted.back())},
                             {"message", lab.message},
                             {"probe", lab.probeText},
                             {"probeError", lab.probeError}})
                   .dump());
}

// The defaults of attentionTour.train(): {steps, lr} of the Train button's schedule.
EMSCRIPTEN_KEEPALIVE const char* at_training_plan(const char* task) {
  core::TrainingTask parsed;
  if (!task || !core::parseTrainingTask(task, parsed)) return reply("{}");
  const core::TrainingPlan plan = core::trainingPlan(parsed);
  return reply(Json::object({{"steps", plan.steps}, {"lr", plan.learningRate}}).dump());
}

// The click count (MouseEvent.detail) of the mouse press that GLFW is about to report.
EMSCRIPTEN_KEEPALIVE void at_note_click_count(int count) { app::bridge().runtime->input.nextClickCount = count; }

// Wheel or touch-drag scrolling, in steps (positive: up/left), from web/input.js.
EMSCRIPTEN_KEEPALIVE void at_wheel(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MouseWheelH += static_cast<float>(std::clamp(x, -50.0, 50.0));
  io.MouseWheel += static_cast<float>(std::clamp(y, -50.0, 50.0));
  app::wake(*app::bridge().runtime);
}

// The text of a paste event, from web/input.js; Ctrl+V in a field then inserts it. Text
// larger than any field holds is refused whole, with a notice, rather than cut somewhere.
EMSCRIPTEN_KEEPALIVE void at_set_clipboard(const char* text) {
  std::string pasted = text ? text : "";
  if (const std::string error = lesson::checkTextSize(pasted, lesson::kMaxPasteBytes, "The pasted text");
      !error.empty()) {
    app::act(lesson::actions::showNotice(error + ", so it was not pasted."));
    pasted.clear();
  }
  app::bridge().clipboard = std::move(pasted);
}

// "" when applied, else why not (the zoom is then unchanged).
EMSCRIPTEN_KEEPALIVE const char* at_set_zoom(double zoom) {
  static std::string refusal;
  refusal.clear();
  if (!(zoom >= ui::kMinZoom && zoom <= ui::kMaxZoom)) {
    refusal = "zoom must be a number " + lesson::rangeText(ui::kMinZoom, ui::kMaxZoom) + "; the text size was kept";
    return refusal.c_str();
  }
  appState().view.prefs.zoom = static_cast<float>(zoom);
  app::wake(*app::bridge().runtime);
  return refusal.c_str();
}

// 1: storage works; 0: the browser blocks it; -1: a write failed (storage full).
EMSCRIPTEN_KEEPALIVE void at_set_storage_available(int available) {
  appState().platform.storageAvailable = available > 0;
  if (available == 0)
    app::act(lesson::actions::showNotice(
        "Your browser blocks storage here, so progress will not be kept after this visit."));
  if (available < 0)
    app::act(lesson::actions::showNotice(
        "This browser's storage for the page is full, so your latest changes are not being saved."));
  app::wake(*app::bridge().runtime);
}

// prefers-reduced-motion: the one animation Dear ImGui has, the blinking text caret, stops.
EMSCRIPTEN_KEEPALIVE void at_set_reduced_motion(int reduced) {
  ImGui::GetIO().ConfigInputTextCursorBlink = reduced == 0;
  appState().view.prefs.reducedMotion = reduced != 0;  // and Play shows the end state at once
}

// On a Mac, shortcuts use Cmd (copy, paste, select all, word jumps), as in every other field there.
EMSCRIPTEN_KEEPALIVE void at_set_mac_shortcuts(int mac) { ImGui::GetIO().ConfigMacOSXBehaviors = mac != 0; }

// startedAt: when this happened (ms since 1970), so other tabs' older progress does not return.
EMSCRIPTEN_KEEPALIVE void at_reset_progress(double startedAt) {
  app::act(lesson::actions::startOver(std::isfinite(startedAt) ? startedAt : 0));
}

}  // extern "C"

#endif  // __EMSCRIPTEN__

// ---------------------------------------------------------------------------------------
// Typed text from the page's hidden text field (web/input.js). While a Dear ImGui text field
// is edited, the page keeps a real text field focused so that IMEs, dead keys and phone
// keyboards work; what they commit arrives here and joins the input queue as characters.
#ifdef __EMSCRIPTEN__

extern "C" EMSCRIPTEN_KEEPALIVE void at_type_text(const char* text) {
  if (!text || !*text) return;
  app::queueText(*app::bridge().runtime, text);
}

#endif  // __EMSCRIPTEN__
