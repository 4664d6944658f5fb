// attention.cpp: the attention steps and the traced run over one or more heads.
#include "core/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/linear_attention.h"

namespace core {

Matrix scores(const Matrix& Q, const Matrix& K) { return multiplyTransposed(Q, K); }

float scaleDivisorFor(int keyWidth, bool scale, float temperature) {
  const double base = scale ? std::sqrt(static_cast<double>(keyWidth)) : 1.0;
  return static_cast<float>(base * static_cast<double>(temperature));
}

namespace {

AT_ROW_HELPER void divideRow(float* row, int count, double divisor) {
  for (int j = 0; j < count; ++j) row[j] = static_cast<float>(static_cast<double>(row[j]) / divisor);
}

AT_ROW_HELPER void maskRow(float* row, int count, const Mask& mask, int i) {
  for (int j = 0; j < count; ++j)
    if (isHidden(mask, i, j)) row[j] = -std::numeric_limits<float>::infinity();
}

// One row of softmax; returns false when every score is hidden (the row stays zero).
AT_ROW_HELPER bool softmaxRow(const float* row, int count, float* out, double* exps, float& rowMax, double& rowSum) {
  rowMax = -std::numeric_limits<float>::infinity();
  for (int j = 0; j < count; ++j) rowMax = std::max(rowMax, row[j]);
  if (rowMax == -std::numeric_limits<float>::infinity()) return false;
  double sum = 0.0;
  for (int j = 0; j < count; ++j) {
    exps[j] = std::exp(static_cast<double>(row[j]) - static_cast<double>(rowMax));
    sum += exps[j];
  }
  for (int j = 0; j < count; ++j) out[j] = static_cast<float>(exps[j] / sum);
  rowSum = sum;
  return true;
}

}  // namespace

Matrix divideScores(const Matrix& raw, float divisor) {
  Matrix result = raw;
  for (int i = 0; i < result.rows; ++i) divideRow(result.rowData(i), result.cols, static_cast<double>(divisor));
  return result;
}

Matrix applyMask(const Matrix& scaled, const Mask& mask) {
  Matrix result = scaled;
  if (mask.kind == MaskKind::None) return result;
  for (int i = 0; i < result.rows; ++i) maskRow(result.rowData(i), result.cols, mask, i);
  return result;
}

Matrix softmaxRows(const Matrix& masked, SoftmaxDetail* detail) {
  Matrix weights(masked.rows, masked.cols);
  SoftmaxDetail local;
  SoftmaxDetail& d = detail ? *detail : local;
  d.rowFullyHidden.assign(static_cast<size_t>(masked.rows), false);
  d.rowMax.assign(static_cast<size_t>(masked.rows), -std::numeric_limits<float>::infinity());
  d.rowSum.assign(static_cast<size_t>(masked.rows), 0.0);
  std::vector<double> exps(static_cast<size_t>(masked.cols));
  for (int i = 0; i < masked.rows; ++i) {
    const size_t r = static_cast<size_t>(i);
    // A row with nothing visible has no defined softmax: it stays zero and is flagged.
    d.rowFullyHidden[r] =
        !softmaxRow(masked.rowData(i), masked.cols, weights.rowData(i), exps.data(), d.rowMax[r], d.rowSum[r]);
  }
  return weights;
}

Matrix weightedSum(const Matrix& weights, const Matrix& V) { return multiply(weights, V); }

HeadTrace attendOneHead(const Matrix& Q, const Matrix& K, const Matrix& V, bool scale, float temperature,
                        const Mask& mask) {
  HeadTrace head;
  head.Q = Q;
  head.K = K;
  head.V = V;
  head.scaleDivisor = scaleDivisorFor(Q.cols, scale, temperature);
  head.rawScores = scores(Q, K);
  head.scaledScores = divideScores(head.rawScores, head.scaleDivisor);
  head.maskedScores = applyMask(head.scaledScores, mask);
  SoftmaxDetail detail;
  head.weights = softmaxRows(head.maskedScores, &detail);
  head.rowFullyHidden = std::move(detail.rowFullyHidden);
  head.rowMax = std::move(detail.rowMax);
  head.rowSum = std::move(detail.rowSum);
  head.output = weightedSum(head.weights, V);
  return head;
}

bool AttentionTrace::anyRowFullyHidden() const {
  for (const auto& head : heads)
    for (bool hidden : head.rowFullyHidden)
      if (hidden) return true;
  return false;
}

Result<AttentionTrace> attend(const Matrix& Q, const Matrix& K, const Matrix& V, const AttentionOptions& options) {
  if (auto error = validateAttentionInputs(Q, K, V, options)) return Result<AttentionTrace>::failure(*error);
  AttentionTrace trace;
  trace.Q = Q;
  trace.K = K;
  trace.V = V;
  const int keyWidth = Q.cols / options.heads;
  const int valueWidth = V.cols / options.heads;
  trace.concatenated = Matrix(Q.rows, V.cols);
  for (int h = 0; h < options.heads; ++h) {
    const Matrix q = columnSlice(Q, h * keyWidth, keyWidth), k = columnSlice(K, h * keyWidth, keyWidth),
                 v = columnSlice(V, h * valueWidth, valueWidth);
    HeadTrace head = options.kernel == Kernel::Linear
                         ? attendOneHeadLinear(q, k, v, options.mask)
                         : attendOneHead(q, k, v, options.scale, options.temperature, options.mask);
    setColumnSlice(trace.concatenated, head.output, h * valueWidth);
    trace.heads.push_back(std::move(head));
  }
  trace.output =
      options.outputProjection ? multiply(trace.concatenated, *options.outputProjection) : trace.concatenated;
  return trace;
}

}  // namespace core
