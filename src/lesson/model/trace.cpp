// trace.cpp: runs the core on the lesson state.
#include "lesson/model/trace.h"

#include <algorithm>
#include <cmath>

#include "core/positional.h"

namespace lesson {

LessonTrace computeTrace(const LessonState& state, core::Kernel kernel) {
  LessonTrace trace;
  const std::string invalid = validateState(state);
  if (!invalid.empty()) {
    trace.error = invalid;
    return trace;
  }
  core::Matrix Q = state.Q, K = state.K, V = state.V;
  if (state.source == VectorSource::Projected) {
    trace.X = state.X;
    trace.WQ = state.WQ;
    trace.WK = state.WK;
    trace.WV = state.WV;
    trace.XWithPositions = state.X;
    if (state.positional == Positional::Sinusoidal) {
      auto positions = core::sinusoidalPositions(state.X.rows, state.X.cols);
      if (!positions.ok()) {
        trace.error = positions.error();
        return trace;
      }
      trace.positions = std::move(positions.value());
      for (size_t k = 0; k < trace.XWithPositions.values.size(); ++k)
        trace.XWithPositions.values[k] += trace.positions.values[k];
    }
    Q = core::multiply(trace.XWithPositions, state.WQ);
    K = core::multiply(trace.XWithPositions, state.WK);
    V = core::multiply(trace.XWithPositions, state.WV);
  }
  core::AttentionOptions options;
  options.scale = state.scale;
  options.temperature = state.temperature;
  options.mask = state.mask;
  options.heads = state.heads;
  options.outputProjection = state.WO;
  options.kernel = kernel;
  trace.WO = state.WO;
  auto result = core::attend(Q, K, V, options);
  if (!result.ok()) {
    trace.error = result.error();
    return trace;
  }
  trace.attention = std::move(result.value());
  const auto& head = trace.attention.heads.front();
  trace.tileSize = state.tileSize;
  if (kernel == core::Kernel::Softmax) {
    auto online = core::attendOnline(head.Q, head.K, head.V, options, trace.tileSize, true);
    if (online.ok()) trace.online = std::move(online.value());
  }
  trace.cross = computeCross(state.cross, state.scale, state.temperature);
  trace.ok = true;
  return trace;
}

float onlineDifference(const LessonTrace& trace) {
  if (!trace.ok || trace.online.output.empty()) return 0.0f;
  return core::largestDifference(trace.attention.heads.front().output, trace.online.output);
}

const core::Matrix& traceMatrix(const LessonTrace& trace, MatrixId id, int head) {
  static const core::Matrix kEmpty;  // returned for heads that do not exist
  const auto& a = trace.attention;
  const bool hasHead = head >= 0 && head < static_cast<int>(a.heads.size());
  switch (id) {
    case MatrixId::X:
      return trace.X;
    case MatrixId::WQ:
      return trace.WQ;
    case MatrixId::WK:
      return trace.WK;
    case MatrixId::WV:
      return trace.WV;
    case MatrixId::Q:
      return a.Q;
    case MatrixId::K:
      return a.K;
    case MatrixId::V:
      return a.V;
    case MatrixId::Output:
      return a.concatenated;
    case MatrixId::WO:
      return trace.WO;
    case MatrixId::Mixed:
      return a.output;
    case MatrixId::Scores:
      return hasHead ? a.heads[static_cast<size_t>(head)].rawScores : kEmpty;
    case MatrixId::Scaled:
      return hasHead ? a.heads[static_cast<size_t>(head)].scaledScores : kEmpty;
    case MatrixId::Masked:
      return hasHead ? a.heads[static_cast<size_t>(head)].maskedScores : kEmpty;
    case MatrixId::Weights:
      return hasHead ? a.heads[static_cast<size_t>(head)].weights : kEmpty;
    case MatrixId::SourceX:
      return trace.cross.sourceX;
    case MatrixId::TargetX:
      return trace.cross.targetX;
    case MatrixId::CrossWeights:
      return trace.cross.ok ? trace.cross.weights() : kEmpty;
  }
  return kEmpty;
}

}  // namespace lesson
