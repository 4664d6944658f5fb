// trace.h: lesson state -> core trace. The only place the lesson calls the core;
// views read the result and never compute anything themselves.
#pragma once

#include <string>

#include "core/attention.h"
#include "core/online.h"
#include "lesson/state.h"
#include "lesson/steps.h"

namespace lesson {

struct LessonTrace {
  bool ok = false;
  std::string error;               // why the state could not be computed
  core::Matrix X, WQ, WK, WV;      // empty when Q, K, V are given directly
  core::Matrix WO;                 // the output mixing the learner sees and edits
  core::AttentionTrace attention;  // Q, K, V, per-head intermediates, output
  int tileSize = 2;                // key tile of the FlashAttention-style view
  core::OnlineAttention online;    // head 0 computed tile by tile, with its per-tile trace
};

LessonTrace computeTrace(const LessonState& state);

// A matrix of the trace by id; scores and weights are those of `head`.
const core::Matrix& traceMatrix(const LessonTrace& trace, MatrixId id, int head = 0);

}  // namespace lesson
