// trace.h: lesson state -> core trace. The only place the lesson calls the core;
// views read the result and never compute anything themselves.
#pragma once

#include <string>

#include "core/attention.h"
#include "core/online.h"
#include "lesson/content/steps.h"
#include "lesson/model/state.h"

namespace lesson {

struct LessonTrace {
  bool ok = false;
  std::string error;               // why the state could not be computed
  core::Matrix X, WQ, WK, WV;      // empty when Q, K, V are given directly
  core::Matrix positions;          // the sinusoidal encoding added to X (n x d_model), empty without positions
  core::Matrix XWithPositions;     // what the projections read: X, plus positions when they are on
  core::Matrix WO;                 // the output mixing the learner sees and edits
  core::AttentionTrace attention;  // Q, K, V, per-head intermediates, output
  int tileSize = 2;                // keys per tile of `online` (the state's tileSize)
  core::OnlineAttention online;    // head 0 computed tile by tile, with its per-tile trace
  CrossTrace cross;                // the cross-attention example (state.cross), with the same scale and temperature
};

// The lesson's own trace uses softmax; the linear step compares it with the linear kernel.
LessonTrace computeTrace(const LessonState& state, core::Kernel kernel = core::Kernel::Softmax);

// The largest difference between the tiled (online) output and the direct one, head 1.
float onlineDifference(const LessonTrace& trace);

// A matrix of the trace by id; scores and weights are those of `head`.
const core::Matrix& traceMatrix(const LessonTrace& trace, MatrixId id, int head = 0);

}  // namespace lesson
