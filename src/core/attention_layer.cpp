// attention_layer.cpp: see attention_layer.h. The softmax gradient per row:
//   dS_ij = A_ij (dA_ij - Σ_k A_ik dA_ik),
// which is 0 wherever A_ij is 0, so hidden scores get no gradient.
#include "core/attention_layer.h"

#include <cmath>
#include <limits>

namespace core {

namespace {

void softmaxRowsMasked(Dense& scores, const Mask& mask) {
  for (int i = 0; i < scores.rows; ++i) {
    double* s = scores.row(i);
    double top = -std::numeric_limits<double>::infinity();
    for (int j = 0; j < scores.cols; ++j) {
      if (isHidden(mask, i, j)) s[j] = -std::numeric_limits<double>::infinity();
      top = std::max(top, s[j]);
    }
    if (std::isinf(top)) {  // every key hidden: no weight anywhere, never NaN
      for (int j = 0; j < scores.cols; ++j) s[j] = 0.0;
      continue;
    }
    double sum = 0;
    for (int j = 0; j < scores.cols; ++j) sum += (s[j] = std::exp(s[j] - top));
    for (int j = 0; j < scores.cols; ++j) s[j] /= sum;
  }
}

Dense columns(const Dense& m, int first, int count) {
  Dense out(m.rows, count);
  for (int i = 0; i < m.rows; ++i)
    for (int c = 0; c < count; ++c) out.at(i, c) = m.at(i, first + c);
  return out;
}

}  // namespace

AttentionLayerWeights zerosLike(const AttentionLayerWeights& like) {
  AttentionLayerWeights z;
  const auto zeros = [](const Dense& m) { return Dense(m.rows, m.cols); };
  for (int h = 0; h < like.heads(); ++h) {
    z.query.push_back(zeros(like.query[h]));
    z.key.push_back(zeros(like.key[h]));
    z.value.push_back(zeros(like.value[h]));
  }
  z.output = zeros(like.output);
  return z;
}

Dense attentionLayerForward(const AttentionLayerWeights& w, const Dense& x, const Mask& mask,
                            AttentionLayerCache& cache) {
  const int n = x.rows, heads = w.heads();
  const int headWidth = heads > 0 ? w.query[0].cols : 0;
  cache.input = x;
  cache.q.resize(heads), cache.k.resize(heads), cache.v.resize(heads), cache.weights.resize(heads);
  cache.joined.reset(n, heads * headWidth);
  const double scale = 1.0 / std::sqrt(static_cast<double>(headWidth));
  for (int h = 0; h < heads; ++h) {
    cache.q[h].reset(n, headWidth), cache.k[h].reset(n, headWidth), cache.v[h].reset(n, headWidth);
    addProduct(x, w.query[h], cache.q[h]);
    addProduct(x, w.key[h], cache.k[h]);
    addProduct(x, w.value[h], cache.v[h]);
    Dense& a = cache.weights[h];
    a.reset(n, n);
    addProductTransposed(cache.q[h], cache.k[h], a);
    for (double& s : a.v) s *= scale;
    softmaxRowsMasked(a, mask);
    Dense o(n, headWidth);
    addProduct(a, cache.v[h], o);
    for (int i = 0; i < n; ++i)
      for (int c = 0; c < headWidth; ++c) cache.joined.at(i, h * headWidth + c) = o.at(i, c);
  }
  Dense y(n, w.output.cols);
  addProduct(cache.joined, w.output, y);
  return y;
}

Dense attentionLayerBackward(const AttentionLayerWeights& w, const AttentionLayerCache& cache, const Dense& dY,
                             AttentionLayerWeights& gradients) {
  const Dense& x = cache.input;
  const int n = x.rows, heads = w.heads();
  const int headWidth = heads > 0 ? w.query[0].cols : 0;
  const double scale = 1.0 / std::sqrt(static_cast<double>(headWidth));
  addTransposedProduct(cache.joined, dY, gradients.output);
  Dense dJoined(n, heads * headWidth);
  addProductTransposed(dY, w.output, dJoined);
  Dense dX(n, x.cols);
  for (int h = 0; h < heads; ++h) {
    const Dense dO = columns(dJoined, h * headWidth, headWidth);
    const Dense& a = cache.weights[h];
    Dense dV(n, headWidth), dA(n, n), dQ(n, headWidth), dK(n, headWidth);
    addTransposedProduct(a, dO, dV);
    addProductTransposed(dO, cache.v[h], dA);
    Dense& dS = dA;  // turned into the scores' gradient in place, row by row
    for (int i = 0; i < n; ++i) {
      const double* ai = a.row(i);
      double* g = dS.row(i);
      double along = 0;
      for (int j = 0; j < n; ++j) along += ai[j] * g[j];
      for (int j = 0; j < n; ++j) g[j] = ai[j] * (g[j] - along) * scale;
    }
    addProduct(dS, cache.k[h], dQ);
    addTransposedProduct(dS, cache.q[h], dK);
    addTransposedProduct(x, dQ, gradients.query[h]);
    addTransposedProduct(x, dK, gradients.key[h]);
    addTransposedProduct(x, dV, gradients.value[h]);
    addProductTransposed(dQ, w.query[h], dX);
    addProductTransposed(dK, w.key[h], dX);
    addProductTransposed(dV, w.value[h], dX);
  }
  return dX;
}

}  // namespace core
