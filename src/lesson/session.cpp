// session.cpp: the one door through which the lesson session changes.
#include "lesson/session.h"

#include "lesson/presets.h"

namespace lesson {

std::string applyAction(Session& session, const Action& action) {
  LessonState state = session.lesson;
  Progress progress = session.progress;
  std::string refusal = action.change(state, progress);
  if (refusal.empty()) refusal = validateState(state);
  if (!refusal.empty() && !action.refusalIsNotice) return refusal;
  if (refusal.empty()) {
    clampSelection(state);
    progress.markSeen(state.step);
  }
  // A change that changes nothing (the arrow key at the last step, a merge with nothing
  // new) is no change: nothing to redraw, save or share.
  if (refusal.empty() && state == session.lesson && progress == session.progress) return {};
  ++session.revision;
  if (!refusal.empty()) {
    session.lesson.notice = refusal;
    return refusal;
  }
  session.lesson = std::move(state);
  session.progress = std::move(progress);
  session.trace = computeTrace(session.lesson);
  updateExperiments(session.progress, session.lesson, session.trace);
  return {};
}

Session startSession() {
  Session session;
  session.lesson = defaultState();
  session.progress.markSeen(session.lesson.step);
  session.trace = computeTrace(session.lesson);
  updateExperiments(session.progress, session.lesson, session.trace);
  return session;
}

}  // namespace lesson
