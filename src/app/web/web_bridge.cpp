// web_bridge.cpp: the C functions behind window.attentionTour, as one table: each decodes its
// arguments, calls the lesson (or a view's entry point for what the views own) and encodes
// the answer. Bad input becomes {ok:false, error} or {error}, never a crash. The returned
// pointer stays valid until the next bridge call. The page-as-platform hooks are in web_page.cpp.
#ifdef __EMSCRIPTEN__

#include "app/web/web_bridge.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "app/web/page_mirror.h"
#include "core/fast_attention.h"
#include "core/training.h"
#include "json/json.h"
#include "lesson/content/announcement.h"
#include "lesson/content/narration.h"
#include "lesson/io/compute_api.h"
#include "lesson/io/session_json.h"
#include "lesson/io/share_link.h"
#include "lesson/model/input_limits.h"
#include "lesson/model/progress_salvage.h"
#include "ui/kit/wide_box.h"
#include "ui/page_status.h"
#include "ui/panels/practice_panel.h"
#include "ui/views/cost_lab_view.h"
#include "ui/views/training_report.h"

using json::Json;

namespace app {

namespace {

struct Bridge {
  Runtime* runtime = nullptr;
  std::string reply;  // storage for the last returned string
  std::string clipboard;
};

Bridge& bridge() {
  static Bridge instance;  // the one page this module serves; exported C functions need a root
  return instance;
}

}  // namespace

void attachBridge(Runtime& runtime) { bridge().runtime = &runtime; }
Runtime& bridgedRuntime() { return *bridge().runtime; }
std::string& bridgeClipboard() { return bridge().clipboard; }

const char* bridgeReply(std::string text) {
  bridge().reply = std::move(text);
  return bridge().reply.c_str();
}

std::string bridgeAct(const lesson::Action& action) {
  const std::string refusal = ui::apply(bridgedRuntime().app, action);
  wake(bridgedRuntime());
  return refusal;
}

}  // namespace app

namespace {

ui::AppState& appState() { return app::bridgedRuntime().app; }
const char* reply(const Json& json) { return app::bridgeReply(json.dump()); }
const char* okReply(const std::string& error) {
  if (error.empty()) return app::bridgeReply(R"({"ok":true})");
  return reply(Json::object({{"ok", false}, {"error", error}}));
}
void wake() { app::wake(app::bridgedRuntime()); }

}  // namespace

extern "C" {

// The lesson: its state, changes to it, links, storage and pure computation.
EMSCRIPTEN_KEEPALIVE const char* at_get_state() { return reply(ui::pageState(appState())); }

EMSCRIPTEN_KEEPALIVE const char* at_set_state(const char* text) {
  return okReply(app::bridgeAct(lesson::actions::ApplyStateText{text ? text : ""}));
}

EMSCRIPTEN_KEEPALIVE const char* at_compute(const char* text) {
  return app::bridgeReply(lesson::computeText(text ? text : ""));
}

EMSCRIPTEN_KEEPALIVE const char* at_share_fragment() {
  return app::bridgeReply(lesson::encodeShareFragment(appState().session().lesson()));
}

EMSCRIPTEN_KEEPALIVE const char* at_narration() {
  return app::bridgeReply(lesson::narrate(appState().session().lesson(), appState().session().trace()));
}

// What the live region says now: what changed since it last spoke ("" when nothing it says
// changed). Called by the page each time it follows the state, and only then.
EMSCRIPTEN_KEEPALIVE const char* at_announcement() {
  static lesson::Announced announced;  // what this page's live region said last
  const lesson::Session& session = appState().session();
  return app::bridgeReply(lesson::announceChange(announced, session.lesson(), session.trace(), session.progress()));
}

// Opens a shared link's fragment. A link that cannot be read changes nothing: the learner's
// own lesson stays (and stays saved), and the notice says why the link was refused.
EMSCRIPTEN_KEEPALIVE const char* at_open_fragment(const char* fragment) {
  return okReply(app::bridgeAct(lesson::actions::OpenLink{fragment ? fragment : ""}));
}

// Restores what the page saved in localStorage. A record that cannot be read never stops
// the page: the lesson starts without it, the notice says so, and the reply names the
// record so the page keeps it aside instead of saving over it.
EMSCRIPTEN_KEEPALIVE const char* at_restore(const char* stateText, const char* progressText) {
  std::string progressError, stateError;
  bool salvaged = false;  // a record not readable whole still gives what can be read of it
  if (progressText && *progressText) progressError = app::bridgeAct(lesson::actions::RestoreProgress{progressText});
  if (!progressError.empty()) salvaged = app::bridgeAct(lesson::actions::SalvageProgress{progressText}).empty();
  if (stateText && *stateText) stateError = app::bridgeAct(lesson::actions::RestoreState{stateText});
  const std::string notice = lesson::restoreNotice(stateError, progressError, salvaged);
  if (!notice.empty()) app::bridgeAct(lesson::actions::ShowNotice{notice});
  return reply(Json::object(
      {{"ok", notice.empty()}, {"stateRefused", !stateError.empty()}, {"progressRefused", !progressError.empty()}}));
}

// Another tab saved its progress (or this tab is about to save): everything either has done
// is kept. Unreadable records are ignored here; the one this tab restored was checked already.
EMSCRIPTEN_KEEPALIVE void at_merge_progress(const char* progressText) {
  if (progressText) app::bridgeAct(lesson::actions::MergeProgress{progressText});
}

EMSCRIPTEN_KEEPALIVE const char* at_saved_state() { return reply(lesson::savedRecordToJson(appState().session())); }

// startedAt: when this happened (ms since 1970), so other tabs' older progress does not return.
EMSCRIPTEN_KEEPALIVE void at_reset_progress(double startedAt) {
  app::bridgeAct(lesson::actions::StartOver{std::isfinite(startedAt) ? startedAt : 0});
}

// Every limit and size the page's JavaScript checks or uses, from the C++ that enforces it (one
// table, read once at start): the byte limits of the doors that take text (the page never hands
// over more than one byte past them, see lesson/model/input_limits.h), benchmark()'s and
// train()'s ranges, and the sizes of the cost lab's runs.
EMSCRIPTEN_KEEPALIVE const char* at_limits() {
  Json tasks = Json::array();
  for (core::TrainingTask task : {core::TrainingTask::PreviousToken, core::TrainingTask::Induction})
    tasks.push_back(core::trainingTaskName(task));
  return reply(Json::object(
      {{"state", lesson::kMaxStateTextBytes},
       {"progress", lesson::kMaxProgressTextBytes},
       {"storedRecord", lesson::kMaxProgressScanBytes},
       {"compute", lesson::kMaxComputeRequestBytes},
       {"link", lesson::kMaxLinkLength},
       {"paste", lesson::kMaxPasteBytes},
       {"benchmark",
        Json::object({{"maxN", core::kFastMaxN}, {"maxD", core::kFastMaxD}, {"maxWorkers", core::kFastMaxWorkers}})},
       {"costLab", Json::object({{"smallestN", ui::kCostLabSmallestN},
                                 {"d", ui::kCostLabD},
                                 {"tile", ui::kCostLabTile},
                                 {"softwareGpuMaxN", ui::kCostLabSoftwareGpuMaxN}})},
       {"training", Json::object({{"tasks", tasks},
                                  {"maxSteps", core::kMaxTrainingSteps},
                                  {"maxSeed", static_cast<double>(std::numeric_limits<uint32_t>::max())},
                                  {"minLr", core::kMinLearningRate},
                                  {"maxLr", core::kMaxLearningRate},
                                  {"maxReport", ui::kMaxTrainingReportNumbers}})}}));
}

// The coding challenge: the hidden cases of a level (1: weights, 2: the whole output) handed
// to the learner's function, and the answers the page's sandbox sent back, graded.
EMSCRIPTEN_KEEPALIVE const char* at_challenge_cases(int level) { return reply(lesson::challengeCasesJson(level)); }

EMSCRIPTEN_KEEPALIVE const char* at_challenge_result(int level, const char* answersText) {
  const auto grade = ui::challengeAnswered(appState(), level, answersText ? answersText : "");
  wake();
  return reply(lesson::gradeToJson(grade));
}

// What the views draw and hold, for tests and tools.
EMSCRIPTEN_KEEPALIVE const char* at_widgets() { return reply(ui::widgetsJson(appState())); }

EMSCRIPTEN_KEEPALIVE const char* at_stats() {
  const auto& r = app::bridgedRuntime();
  int width = 0, height = 0;
  glfwGetFramebufferSize(r.window, &width, &height);
  std::string cutWindow;  // the window whose content ran past its visible width, if any
  return reply(Json::object({{"frames", r.stats.frames},
                             {"lastFrameMs", r.stats.lastFrameMs},
                             {"lastUiMs", r.stats.lastUiMs},
                             {"loopTicks", r.stats.loopTicks},
                             {"revision", r.app.session().revision()},
                             {"pixelRatio", r.app.platform.pixelRatio},
                             {"uiScale", r.app.platform.uiScale},
                             {"canvasWidth", width},
                             {"canvasHeight", height},
                             {"pendingInput", r.input.pending.size()},
                             {"inputDropped", r.input.dropped},
                             {"keysHeld", app::heldKeyCount()},
                             {"textInput", ImGui::GetIO().WantTextInput},
                             {"gpuHeatmap", r.app.platform.heatmap != nullptr},
                             {"codeFace", r.app.platform.fonts.mono != r.app.platform.fonts.body},
                             {"formalTexts", r.app.platform.formalTexts.loaded()},
                             {"formalTextsProblem", r.app.platform.formalTextsProblem},
                             {"animating", r.app.animating},
                             {"missingGlyphs", ui::missingGlyphs(r.app, ImGui::GetDrawData())},
                             {"unshapedWords", r.app.platform.extraGlyphs.lettersAlone},
                             // CSS pixels the widest content ran past a column that cannot scroll sideways
                             {"cutWidth", ui::widestCut(&cutWindow) / r.app.platform.uiScale},
                             {"cutWindow", cutWindow},
                             {"touchScreen", r.app.platform.touchScreen},
                             {"idle", !app::needsFrame(r) && !app::mirrorDue()}}));
}

// The cost lab: one size of a run, measured by the page's workers (one core, then `workers`
// at once; the view checks it again), the run's end ("" when every size was measured, else
// why it stopped), and its status.
EMSCRIPTEN_KEEPALIVE void at_cost_lab_point(int run, int n, double naiveMs, double tiledMs, double maxAbsDiff,
                                            double naiveBytes, double tiledBytes, int workers, double naiveAllMs,
                                            double tiledAllMs, double peakGflops) {
  ui::costLabPoint(
      appState(), run,
      {n, naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes, workers, naiveAllMs, tiledAllMs, peakGflops});
  wake();
}

// A size the GPU measured, and the adapter that ran it (a name WebGPU gave: shown as text).
EMSCRIPTEN_KEEPALIVE void at_cost_lab_gpu_point(int run, int n, double naiveMs, double tiledMs, double maxAbsDiff,
                                                double naiveBytes, double naiveTraffic, double tiledTraffic,
                                                const char* adapter) {
  ui::costLabGpuPoint(appState(), run, {n, naiveMs, tiledMs, maxAbsDiff, naiveBytes, naiveTraffic, tiledTraffic},
                      adapter ? adapter : "");
  wake();
}

EMSCRIPTEN_KEEPALIVE void at_cost_lab_finished(int run, const char* error) {
  ui::costLabFinished(appState(), run, error ? error : "");
  wake();
}

EMSCRIPTEN_KEEPALIVE const char* at_cost_lab_status() { return reply(ui::costLabStatus(appState().view.costLab)); }

// The learning step: a trainer's report as the numbers the page copied out of the lab
// worker's message (ui/views/training_report.h gives the layout and checks it), its status, and the
// defaults of attentionTour.train(): {steps, lr} of the Train button's schedule.
EMSCRIPTEN_KEEPALIVE void at_training_report(int request, const double* numbers, int count, int finished,
                                             const char* error) {
  ui::trainingReported(appState(), request, numbers, count, finished != 0, error ? error : "");
  wake();
}

EMSCRIPTEN_KEEPALIVE const char* at_training_status() { return reply(ui::trainingStatus(appState().view.training)); }

EMSCRIPTEN_KEEPALIVE const char* at_training_plan(const char* task) {
  core::TrainingTask parsed;
  if (!task || !core::parseTrainingTask(task, parsed)) return app::bridgeReply("{}");
  const core::TrainingPlan plan = core::trainingPlan(parsed);
  return reply(Json::object({{"steps", plan.steps}, {"lr", plan.learningRate}}));
}

}  // extern "C"

#endif  // __EMSCRIPTEN__
