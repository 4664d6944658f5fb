// session.cpp: the one door through which the lesson session changes.
#include "lesson/session.h"

#include "lesson/presets.h"

namespace lesson {

Session::Session() : lesson_(defaultState()) {
  progress_.markSeen(lesson_.step);
  trace_ = computeTrace(lesson_);
  updateExperiments(progress_, lesson_, trace_);
}

std::string Session::apply(const Action& action) {
  LessonState state = lesson_;
  Progress progress = progress_;
  std::string refusal = changeFor(action, state, progress);
  if (refusal.empty()) refusal = validateState(state);
  if (!refusal.empty() && quietRefusal(action)) return refusal;
  if (refusal.empty()) {
    clampSelection(state);
    progress.markSeen(state.step);
  }
  // A change that changes nothing (the arrow key at the last step, a merge with nothing
  // new) is no change: nothing to redraw, save or share.
  if (refusal.empty() && state == lesson_ && progress == progress_) return {};
  ++revision_;
  if (!refusal.empty()) {
    lesson_.notice = refusal;
    return refusal;
  }
  lesson_ = std::move(state);
  progress_ = std::move(progress);
  trace_ = computeTrace(lesson_);
  updateExperiments(progress_, lesson_, trace_);
  return {};
}

}  // namespace lesson
