// session.cpp: the one door through which the lesson session changes.
#include "lesson/model/session.h"

#include "lesson/content/code_listing.h"
#include "lesson/content/presets.h"
#include "lesson/model/what_if.h"

namespace lesson {

Session::Session() : lesson_(defaultState()) {
  progress_.markSeen(lesson_.step);
  trace_ = computeTrace(lesson_);
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
  LessonTrace trace = computeTrace(state);
  updateExperiments(progress, Move{moveKind(action), lesson_, trace_, state, trace});
  lesson_ = std::move(state);
  progress_ = std::move(progress);
  trace_ = std::move(trace);
  derived_ = Derived();
  return {};
}

const LessonTrace& Session::traceWithScale(bool divided) const {
  std::optional<LessonTrace>& cached = divided ? derived_.divided : derived_.plain;
  if (!cached) cached = lesson::traceWithScale(lesson_, divided);
  return *cached;
}

const LessonTrace& Session::linearTrace() const {
  if (!derived_.linear) derived_.linear = computeTrace(lesson_, core::Kernel::Linear);
  return *derived_.linear;
}

const ReorderEffect& Session::reverseEffect() const {
  if (!derived_.reverseEffect)
    derived_.reverseEffect = reorderEffect(lesson_, trace_, reversedOrder(static_cast<int>(lesson_.tokens.size())));
  return *derived_.reverseEffect;
}

const ReorderEffect& Session::reverseEffect(Positional positional) const {
  if (positional == lesson_.positional) return reverseEffect();
  auto& cached = positional == Positional::None ? derived_.reverseWithout : derived_.reverseWith;
  if (!cached) {
    LessonState other = lesson_;
    other.positional = positional;
    cached = reorderEffect(other, computeTrace(other), reversedOrder(static_cast<int>(other.tokens.size())));
  }
  return *cached;
}

const KvCacheStep& Session::kvCache(int written) const {
  if (!derived_.kvCache || derived_.kvCacheAsked != written) {
    derived_.kvCache = writeWithCache(lesson_, written);
    derived_.kvCacheAsked = written;
  }
  return *derived_.kvCache;
}

const PositionShift& Session::positionShift() const {
  if (!derived_.positionShift) derived_.positionShift = lesson::positionShift(lesson_, trace_);
  return *derived_.positionShift;
}

const std::string& Session::numpyListing(core::Kernel kernel) const {
  if (kernel == core::Kernel::Linear) {
    if (!derived_.linearListing) derived_.linearListing = lesson::numpyListing(lesson_, linearTrace(), kernel);
    return *derived_.linearListing;
  }
  if (!derived_.listing) derived_.listing = lesson::numpyListing(lesson_, trace_);
  return *derived_.listing;
}

const MatrixDescription& Session::matrix(MatrixId id, int head) const {
  auto [at, added] = derived_.matrices.try_emplace({id, head});
  if (added) at->second = describeMatrix(lesson_, trace_, id, head);
  return at->second;
}

}  // namespace lesson
