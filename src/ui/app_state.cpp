// app_state.cpp: how views' requests reach the lesson session: queued while drawing,
// applied between frames through the session's one door, then the views' own state follows.
#include "ui/app_state.h"

#include <algorithm>
#include <cstdio>

#include "lesson/content/challenge.h"
#include "lesson/model/actions.h"

namespace ui {

namespace {

// The views' own state that depends on the lesson: the head shown must exist, and a cell being
// typed into must still be there.
void followSession(AppState& app) {
  app.view.selectedHead = std::clamp(app.view.selectedHead, 0, std::max(0, app.session().lesson().heads - 1));
  CellEdit& edit = app.view.cellEdit;
  if (edit.active) {
    const core::Matrix& shown = lesson::traceMatrix(app.session().trace(), edit.matrix);
    if (!app.session().matrix(edit.matrix).editable || edit.row >= shown.rows || edit.col >= shown.cols)
      edit.active = false;
  }
}

// An action that names a place in the lesson (a cell, a token, a row) means the place the view
// saw when it queued it. When an earlier action of the same frame has changed the places (a new
// example, a removed token, another width), that place may be another one or gone: the action is
// dropped, so it neither lands on the wrong cell nor leaves a notice about a cell the learner
// never saw.
bool addressesAPlace(const lesson::Action& action) {
  namespace a = lesson::actions;
  return std::holds_alternative<a::EditCell>(action) || std::holds_alternative<a::MoveVectorTip>(action) ||
         std::holds_alternative<a::RenameToken>(action) || std::holds_alternative<a::RemoveToken>(action) ||
         std::holds_alternative<a::SelectQuery>(action) || std::holds_alternative<a::SelectPair>(action) ||
         std::holds_alternative<a::SelectKey>(action) || std::holds_alternative<a::ResetMatrix>(action) ||
         std::holds_alternative<a::ScaleQuery>(action);
}

// What the places an action can name depend on: the example, the tokens, the sizes and the
// way the vectors are given. A selection or an edited value leaves it as it is.
std::string layoutOf(const lesson::LessonState& s) {
  std::string text = s.presetId + '\n' + std::to_string(s.dModel) + ' ' + std::to_string(s.dK) + ' ' +
                     std::to_string(s.heads) + ' ' + std::to_string(static_cast<int>(s.source)) + ' ' +
                     std::to_string(s.V.cols);
  for (const auto& token : s.tokens) text += '\n' + token;
  return text;
}

}  // namespace

const core::HeadTrace& shownHead(const AppState& app) {
  return app.session().trace().attention.heads[static_cast<size_t>(app.view.selectedHead)];
}

void queue(AppState& app, lesson::Action action, std::function<void(AppState&, const std::string&)> after) {
  app.queued.push_back({std::move(action), std::move(after), layoutOf(app.session().lesson())});
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
    if (addressesAPlace(item.action) && item.layout != layoutOf(app.session().lesson())) continue;
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
