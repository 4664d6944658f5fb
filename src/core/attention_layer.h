// attention_layer.h: one multi-head attention layer as a trainable function, forward and
// backward, in double precision:
//   for each head h: S_h = (X W_Q,h)(X W_K,h)ᵀ / √d_h, hidden scores masked, A_h = softmax
//   rows of S_h (max subtracted), O_h = A_h (X W_V,h);   Y = [O_1 ... O_H] W_O.
// The backward pass is written out (no autodiff): tests/core/gradient_test.cpp checks every
// gradient against finite differences.
#pragma once

#include <vector>

#include "core/dense.h"
#include "core/mask.h"

namespace core {

struct AttentionLayerWeights {
  std::vector<Dense> query, key, value;  // one per head, each width x headWidth
  Dense output;                          // W_O: (heads · headWidth) x width
  int heads() const { return static_cast<int>(query.size()); }
};

// What the forward pass keeps for the backward pass (and for showing the weights).
struct AttentionLayerCache {
  Dense input;                 // X, n x width
  std::vector<Dense> q, k, v;  // per head, n x headWidth
  std::vector<Dense> weights;  // per head, n x n; a row with every key hidden is all 0
  Dense joined;                // [O_1 ... O_H], n x (heads · headWidth)
};

// The same shapes as `like`, every entry 0 (gradient accumulators).
AttentionLayerWeights zerosLike(const AttentionLayerWeights& like);

// Y (n x width). `cache` is overwritten.
Dense attentionLayerForward(const AttentionLayerWeights& w, const Dense& x, const Mask& mask,
                            AttentionLayerCache& cache);

// Given dL/dY, adds dL/dW into `gradients` and returns dL/dX.
Dense attentionLayerBackward(const AttentionLayerWeights& w, const AttentionLayerCache& cache, const Dense& dY,
                             AttentionLayerWeights& gradients);

}  // namespace core
