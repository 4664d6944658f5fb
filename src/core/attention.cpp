// attention.cpp: the attention steps and the traced run over one or more heads.
#include "core/attention.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

Matrix scores(const Matrix& Q, const Matrix& K) { return multiplyTransposed(Q, K); }

float scaleDivisorFor(int keyWidth, bool scale, float temperature) {
  const double base = scale ? std::sqrt(static_cast<double>(keyWidth)) : 1.0;
  return static_cast<float>(base * static_cast<double>(temperature));
}

Matrix divideScores(const Matrix& raw, float divisor) {
  Matrix result = raw;
  for (float& v : result.values) v = static_cast<float>(static_cast<double>(v) / static_cast<double>(divisor));
  return result;
}

Matrix applyMask(const Matrix& scaled, const Mask& mask) {
  Matrix result = scaled;
  if (mask.kind == MaskKind::None) return result;
  for (int i = 0; i < result.rows; ++i)
    for (int j = 0; j < result.cols; ++j)
      if (isHidden(mask, i, j)) result.at(i, j) = -std::numeric_limits<float>::infinity();
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
    const float* row = masked.rowData(i);
    float rowMax = -std::numeric_limits<float>::infinity();
    for (int j = 0; j < masked.cols; ++j) rowMax = std::max(rowMax, row[j]);
    if (rowMax == -std::numeric_limits<float>::infinity()) {
      // Nothing visible: softmax is undefined, so the row stays zero and is flagged.
      d.rowFullyHidden[static_cast<size_t>(i)] = true;
      continue;
    }
    double sum = 0.0;
    for (int j = 0; j < masked.cols; ++j) {
      exps[static_cast<size_t>(j)] = std::exp(static_cast<double>(row[j]) - static_cast<double>(rowMax));
      sum += exps[static_cast<size_t>(j)];
    }
    float* out = weights.rowData(i);
    for (int j = 0; j < masked.cols; ++j) out[j] = static_cast<float>(exps[static_cast<size_t>(j)] / sum);
    d.rowMax[static_cast<size_t>(i)] = rowMax;
    d.rowSum[static_cast<size_t>(i)] = sum;
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
    HeadTrace head =
        attendOneHead(columnSlice(Q, h * keyWidth, keyWidth), columnSlice(K, h * keyWidth, keyWidth),
                      columnSlice(V, h * valueWidth, valueWidth), options.scale, options.temperature, options.mask);
    setColumnSlice(trace.concatenated, head.output, h * valueWidth);
    trace.heads.push_back(std::move(head));
  }
  trace.output =
      options.outputProjection ? multiply(trace.concatenated, *options.outputProjection) : trace.concatenated;
  return trace;
}

}  // namespace core
