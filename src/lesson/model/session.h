// session.h: the lesson session (the state, the trace computed from it, the learner's
// progress and a revision that counts changes) and its one door: every change, from a view,
// the page's API, a link, stored data, the desktop's command line or a test, is an Action
// (actions.h) applied by Session::apply(), which validates, recomputes and bumps the revision
// in one place. Everything else reads the session through const accessors, so the type
// itself keeps that door the only one. Knows no ImGui, GL or platform.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "lesson/model/actions.h"
#include "lesson/model/kv_cache.h"
#include "lesson/model/matrix_description.h"
#include "lesson/model/progress.h"
#include "lesson/model/state.h"
#include "lesson/model/token_order.h"
#include "lesson/model/trace.h"
#include "lesson/model/what_if.h"

namespace lesson {

class Session {
 public:
  // The default lesson at its first step, with that step seen.
  Session();

  const LessonState& lesson() const { return lesson_; }
  const LessonTrace& trace() const { return trace_; }
  const Progress& progress() const { return progress_; }
  // Bumps on every change, refused or not: drivers redraw, save and share on it.
  uint64_t revision() const { return revision_; }

  // The one door. On success the changed copy replaces the session, the current step counts
  // as seen, the trace and experiments are recomputed; a refusal changes nothing but the
  // notice, which says why; either way the revision bumps. A quiet refusal (quietRefusal())
  // and a change that leaves everything as it was change nothing, not even the revision.
  // Returns "" or the refusal.
  std::string apply(const Action& action);

  // What some views read that is computed from the lesson but is not its trace: one cache,
  // filled on the first request after each change (most steps need none of it) and emptied
  // by apply(). The same lesson with the division by sqrt(d_k) on or off; with the linear
  // kernel; what reversing the tokens would do; what the positions did to the selected query's
  // favourite; the NumPy listing of these numbers.
  const LessonTrace& traceWithScale(bool divided) const;
  const LessonTrace& linearTrace() const;
  const ReorderEffect& reverseEffect() const;
  // The same with the positions set to `positional` (the lesson's own setting gives the above).
  const ReorderEffect& reverseEffect(Positional positional) const;
  const PositionShift& positionShift() const;
  // The sentence written one token at a time with a KV cache, up to `written` tokens.
  const KvCacheStep& kvCache(int written) const;
  const std::string& numpyListing(core::Kernel kernel = core::Kernel::Softmax) const;
  // Each matrix's names and what may be done with it (for `head`'s scores and weights).
  const MatrixDescription& matrix(MatrixId id, int head = 0) const;

 private:
  LessonState lesson_;
  LessonTrace trace_;
  Progress progress_;
  uint64_t revision_ = 0;
  struct Derived {
    std::optional<LessonTrace> divided, plain, linear;
    std::optional<ReorderEffect> reverseEffect, reverseWithout, reverseWith;
    std::optional<PositionShift> positionShift;
    std::optional<KvCacheStep> kvCache;
    int kvCacheAsked = 0;  // the `written` it was asked for (it may hold fewer)
    std::optional<std::string> listing, linearListing;
    std::map<std::pair<MatrixId, int>, MatrixDescription> matrices;
  };
  mutable Derived derived_;
};

}  // namespace lesson
