// page_status.cpp: the views' state as the page's API reads it.
#include "ui/page_status.h"

#include "core/training.h"
#include "lesson/io/session_json.h"
#include "ui/views/learning_view.h"

namespace ui {

using json::Json;

Json pageState(const AppState& app) {
  Json state = lesson::sessionToJson(app.session());
  const ViewState& view = app.view;
  state["challengeLevel"] = view.challengeLevel;
  state["challengeMessage"] = view.challengeMessage;
  state["challengeMessage2"] = view.challengeMessage2;
  state["challengeCode"] = std::string(view.challengeCode);
  state["challengeCode2"] = std::string(view.challengeCode2);
  state["flash"]["tile"] = view.flashTile;
  const lesson::KvCacheStep& kv = app.session().kvCache(view.kvWritten);
  state["kvCache"] = Json::object({{"written", kv.written},
                                   {"cachedRows", kv.ok ? kv.written : 0},
                                   {"multiplyAddsWithCache", static_cast<double>(kv.multiplyAddsWithCache)},
                                   {"multiplyAddsWithout", static_cast<double>(kv.multiplyAddsWithout)},
                                   {"largestDifference", kv.largestDifference}});
  state["storageAvailable"] = app.platform.storageAvailable;
  state["zoom"] = view.prefs.zoom;
  state["reducedMotion"] = view.prefs.reducedMotion;
  return state;
}

Json widgetsJson(const AppState& app) {
  Json list = Json::array();
  const float toCss = 1.0f / app.platform.pixelRatio;
  for (const auto& w : app.focus.widgets)
    list.push_back(Json::object({{"id", w.id},
                                 {"x", w.x * toCss},
                                 {"y", w.y * toCss},
                                 {"w", w.w * toCss},
                                 {"h", w.h * toCss},
                                 {"focused", w.focused}}));
  return list;
}

Json costLabStatus(const CostLab& lab) {
  static const char* const phases[] = {"idle", "running", "done", "cancelled", "failed"};
  Json points = Json::array();
  for (const auto& p : lab.points)
    points.push_back(Json::object({{"n", p.n},
                                   {"naiveMs", p.naiveMs},
                                   {"tiledMs", p.tiledMs},
                                   {"workers", p.workers},
                                   {"naiveAllMs", p.naiveAllMs},
                                   {"tiledAllMs", p.tiledAllMs},
                                   {"peakGflops", p.peakGflops}}));
  Json gpuPoints = Json::array();
  for (const auto& p : lab.gpuPoints)
    gpuPoints.push_back(Json::object({{"n", p.n},
                                      {"naiveMs", p.naiveMs},
                                      {"tiledMs", p.tiledMs},
                                      {"maxAbsDiff", p.maxAbsDiff},
                                      {"naiveTraffic", p.naiveTraffic},
                                      {"tiledTraffic", p.tiledTraffic}}));
  return Json::object({{"phase", phases[static_cast<int>(lab.phase)]},
                       {"device", lab.onGpu ? "gpu" : "cpu"},
                       {"maxN", lab.maxN},
                       {"message", lab.message},
                       {"points", points},
                       {"gpuPoints", gpuPoints},
                       {"adapter", lab.adapter}});
}

Json trainingStatus(const TrainingLab& lab) {
  static const char* const phases[] = {"starting", "ready", "training", "failed"};
  return Json::object(
      {{"phase", phases[static_cast<int>(lab.phase)]},
       {"task", core::trainingTaskName(lab.task)},
       {"steps", lab.stepsDone},
       {"metric", lab.metric},
       {"accuracy", lab.accuracy},
       {"losses", lab.losses.size()},
       {"guess",
        lab.predicted.empty() || lab.shownProbe != lab.probe ? std::string() : tokenLetter(lab.predicted.back())},
       {"message", lab.message},
       {"probe", lab.probeText},
       {"probeError", lab.probeError}});
}

}  // namespace ui
