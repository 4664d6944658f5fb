// linear_attention.cpp: the feature map, the weights, and the output by running sums.
#include "core/linear_attention.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/dense.h"

namespace core {

namespace {

double phi(float x) { return x > 0.0f ? static_cast<double>(x) + 1.0 : std::exp(static_cast<double>(x)); }

// log(phi(q) . phi(k)) for rows i of Q and j of K, by the largest term first.
double logSimilarity(const Matrix& Q, int i, const Matrix& K, int j) {
  double largest = -INFINITY;
  for (int a = 0; a < Q.cols; ++a) largest = std::max(largest, logPhi(Q.at(i, a)) + logPhi(K.at(j, a)));
  double sum = 0;
  for (int a = 0; a < Q.cols; ++a) sum += std::exp(logPhi(Q.at(i, a)) + logPhi(K.at(j, a)) - largest);
  return largest + std::log(sum);
}

}  // namespace

double logPhi(float x) { return x > 0.0f ? std::log1p(static_cast<double>(x)) : static_cast<double>(x); }

Matrix featureMap(const Matrix& m) {
  Matrix result(m.rows, m.cols);
  for (size_t k = 0; k < m.values.size(); ++k) result.values[k] = static_cast<float>(phi(m.values[k]));
  return result;
}

Matrix kernelSimilarities(const Matrix& Q, const Matrix& K) { return multiplyTransposed(featureMap(Q), featureMap(K)); }

Matrix linearWeights(const Matrix& similarities, const Mask& mask, Flags& rowFullyHidden) {
  Matrix weights(similarities.rows, similarities.cols);
  rowFullyHidden.assign(static_cast<size_t>(similarities.rows), false);
  for (int i = 0; i < similarities.rows; ++i) {
    double sum = 0.0;
    for (int j = 0; j < similarities.cols; ++j)
      if (!isHidden(mask, i, j)) sum += static_cast<double>(similarities.at(i, j));
    if (sum <= 0.0) {  // phi is positive, so only a row with no visible key gets here
      rowFullyHidden[static_cast<size_t>(i)] = true;
      continue;
    }
    for (int j = 0; j < similarities.cols; ++j)
      if (!isHidden(mask, i, j))
        weights.at(i, j) = static_cast<float>(static_cast<double>(similarities.at(i, j)) / sum);
  }
  return weights;
}

Matrix linearWeightsInLogs(const Matrix& Q, const Matrix& K, const Mask& mask, Flags& rowFullyHidden) {
  Matrix weights(Q.rows, K.rows);
  rowFullyHidden.assign(static_cast<size_t>(Q.rows), false);
  std::vector<double> logs(static_cast<size_t>(K.rows));
  for (int i = 0; i < Q.rows; ++i) {
    double largest = -INFINITY;
    for (int j = 0; j < K.rows; ++j)
      if (!isHidden(mask, i, j)) largest = std::max(largest, logs[static_cast<size_t>(j)] = logSimilarity(Q, i, K, j));
    if (largest == -INFINITY) {
      rowFullyHidden[static_cast<size_t>(i)] = true;
      continue;
    }
    double sum = 0;
    for (int j = 0; j < K.rows; ++j)
      if (!isHidden(mask, i, j)) sum += std::exp(logs[static_cast<size_t>(j)] - largest);
    for (int j = 0; j < K.rows; ++j)
      if (!isHidden(mask, i, j))
        weights.at(i, j) = static_cast<float>(std::exp(logs[static_cast<size_t>(j)] - largest) / sum);
  }
  return weights;
}

Matrix linearOutputBySums(const Matrix& Q, const Matrix& K, const Matrix& V, bool causal, Flags* underflowed) {
  // The features in double, each query's scaled by its own largest and the keys' by theirs
  // (factors that cancel in the ratio), so tiny features do not vanish before they are summed.
  const int d = Q.cols, dv = V.cols;
  Dense fq(Q.rows, d), fk(K.rows, d);
  double keysLargest = -INFINITY;
  for (int j = 0; j < K.rows; ++j)
    for (int a = 0; a < d; ++a) keysLargest = std::max(keysLargest, logPhi(K.at(j, a)));
  for (int j = 0; j < K.rows; ++j)
    for (int a = 0; a < d; ++a) fk.at(j, a) = std::exp(logPhi(K.at(j, a)) - keysLargest);
  for (int i = 0; i < Q.rows; ++i) {
    double largest = -INFINITY;
    for (int a = 0; a < d; ++a) largest = std::max(largest, logPhi(Q.at(i, a)));
    for (int a = 0; a < d; ++a) fq.at(i, a) = std::exp(logPhi(Q.at(i, a)) - largest);
  }
  if (underflowed) underflowed->assign(static_cast<size_t>(Q.rows), false);
  // S = sum_j phi(k_j) v_j^T (d x dv) and z = sum_j phi(k_j), over all keys or, with the
  // causal mask, over keys 0..i, grown one key at a time as i advances.
  std::vector<double> S(static_cast<size_t>(d) * static_cast<size_t>(dv), 0.0), z(static_cast<size_t>(d), 0.0);
  const auto addKey = [&](int j) {
    for (int a = 0; a < d; ++a) {
      const double f = fk.at(j, a);
      z[static_cast<size_t>(a)] += f;
      for (int c = 0; c < dv; ++c) S[static_cast<size_t>(a * dv + c)] += f * static_cast<double>(V.at(j, c));
    }
  };
  if (!causal)
    for (int j = 0; j < K.rows; ++j) addKey(j);
  Matrix out(Q.rows, dv);
  int added = 0;
  for (int i = 0; i < Q.rows; ++i) {
    if (causal)
      while (added <= i && added < K.rows) addKey(added++);
    double norm = 0.0;
    for (int a = 0; a < d; ++a) norm += static_cast<double>(fq.at(i, a)) * z[static_cast<size_t>(a)];
    if (norm <= 0.0) {  // every term underflowed even so: the caller takes the row from the weights
      if (underflowed) (*underflowed)[static_cast<size_t>(i)] = true;
      continue;
    }
    for (int c = 0; c < dv; ++c) {
      double sum = 0.0;
      for (int a = 0; a < d; ++a) sum += static_cast<double>(fq.at(i, a)) * S[static_cast<size_t>(a * dv + c)];
      out.at(i, c) = static_cast<float>(sum / norm);
    }
  }
  return out;
}

HeadTrace attendOneHeadLinear(const Matrix& Q, const Matrix& K, const Matrix& V, const Mask& mask) {
  HeadTrace head;
  head.Q = Q;
  head.K = K;
  head.V = V;
  head.scaleDivisor = 1.0f;
  head.rawScores = kernelSimilarities(Q, K);
  head.scaledScores = head.rawScores;
  head.maskedScores = applyMask(head.scaledScores, mask);
  head.weights = linearWeightsInLogs(Q, K, mask, head.rowFullyHidden);
  head.rowMax.assign(static_cast<size_t>(Q.rows), 0.0f);
  head.rowSum.assign(static_cast<size_t>(Q.rows), 0.0);
  for (int i = 0; i < Q.rows; ++i)
    for (int j = 0; j < K.rows; ++j)
      if (!isHidden(mask, i, j)) head.rowSum[static_cast<size_t>(i)] += head.rawScores.at(i, j);
  const bool bySums = mask.kind == MaskKind::None || mask.kind == MaskKind::Causal;
  if (!bySums) {
    head.output = weightedSum(head.weights, V);
    return head;
  }
  Flags underflowed;
  head.output = linearOutputBySums(Q, K, V, mask.kind == MaskKind::Causal, &underflowed);
  const Matrix fromWeights = weightedSum(head.weights, V);
  for (int i = 0; i < Q.rows; ++i)
    if (underflowed[static_cast<size_t>(i)])
      for (int c = 0; c < V.cols; ++c) head.output.at(i, c) = fromWeights.at(i, c);
  return head;
}

}  // namespace core
