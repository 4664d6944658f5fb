// app_state.cpp: the few operations every view shares on AppState.
#include "ui/app_state.h"

#include <algorithm>
#include <cstdio>

#include "lesson/challenge.h"
#include "lesson/edits.h"
#include "lesson/practice.h"
#include "lesson/presets.h"

namespace ui {

void recompute(AppState& app) {
  lesson::clampSelection(app.lesson);
  app.trace = lesson::computeTrace(app.lesson);
  lesson::updateExperiments(app.progress, app.lesson, app.trace);
  app.selectedHead = std::clamp(app.selectedHead, 0, std::max(0, app.lesson.heads - 1));
  ++app.revision;
}

void finishEdit(AppState& app, const std::string& refusal) {
  if (!refusal.empty()) {
    app.lesson.notice = refusal;
    ++app.revision;
    return;
  }
  recompute(app);
}

void goToStep(AppState& app, int step) {
  if (!lesson::setStep(app.lesson, step).empty()) return;
  app.progress.markSeen(step);
  app.cellEdit.active = false;
  ++app.revision;
}

void startOver(AppState& app) {
  app.progress = lesson::Progress();
  app.lesson = lesson::defaultState();
  app.progress.markSeen(0);
  recompute(app);
}

void initialiseApp(AppState& app) {
  std::snprintf(app.challengeCode, sizeof app.challengeCode, "%s", lesson::challengeStarterCode());
  startOver(app);
}

}  // namespace ui
