// app_state.cpp: how views' requests reach the lesson session: queued while drawing,
// applied between frames through the session's one door, then the views' own state follows.
#include "ui/app_state.h"

#include <algorithm>
#include <cstdio>

#include "lesson/content/challenge.h"
#include "lesson/model/actions.h"

namespace ui {

namespace {

// The views' own state that depends on the lesson: the head shown must exist.
void followSession(AppState& app) {
  app.view.selectedHead = std::clamp(app.view.selectedHead, 0, std::max(0, app.session().lesson().heads - 1));
}

}  // namespace

const core::HeadTrace& shownHead(const AppState& app) {
  return app.session().trace().attention.heads[static_cast<size_t>(app.view.selectedHead)];
}

void queue(AppState& app, lesson::Action action, std::function<void(AppState&, const std::string&)> after) {
  app.queued.push_back({std::move(action), std::move(after)});
}

void queueStepChange(AppState& app, int step) {
  queue(app, lesson::actions::GoToStep{step}, [](AppState& a, const std::string&) { a.view.cellEdit.active = false; });
}

std::string apply(AppState& app, const lesson::Action& action) {
  const std::string refusal = app.session_.apply(action);
  followSession(app);
  return refusal;
}

void applyQueuedActions(AppState& app) {
  std::vector<QueuedAction> pending;
  pending.swap(app.queued);
  for (const auto& item : pending) {
    const std::string refusal = apply(app, item.action);
    if (item.after) item.after(app, refusal);
  }
}

void initialiseApp(AppState& app) {
  std::snprintf(app.view.challengeCode, sizeof app.view.challengeCode, "%s", lesson::challengeStarterCode());
  std::snprintf(app.view.challengeCode2, sizeof app.view.challengeCode2, "%s", lesson::outputStarterCode());
  app.session_ = lesson::Session();
}

}  // namespace ui
