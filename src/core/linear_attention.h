// linear_attention.h: attention with a kernel instead of softmax (Katharopoulos et al.,
// 2020). Each query and key goes through the feature map phi(x) = elu(x) + 1, which is
// positive, and the weight of key j for query i is phi(q_i) . phi(k_j) divided by the sum
// over the visible keys. Without a mask, or with the causal one, the output needs no n x n
// matrix: sums of phi(k_j) v_j^T (global, or running prefix sums) give it in O(n d d_v).
#pragma once

#include "core/attention.h"
#include "core/flags.h"

namespace core {

// elu(x) + 1 entry by entry: x + 1 for x > 0, exp(x) for x <= 0.
Matrix featureMap(const Matrix& m);

// log phi(x): log(1 + x) above 0, x itself below. In logarithms nothing underflows: phi of -200
// is 1e-87, below any float, yet the weights it makes are ordinary numbers.
double logPhi(float x);

// phi(Q) phi(K)^T, the similarity of every pair (all positive).
Matrix kernelSimilarities(const Matrix& Q, const Matrix& K);

// Row-normalised similarities over the visible keys (hidden ones 0); a row with nothing
// visible stays 0 and is flagged in rowFullyHidden.
Matrix linearWeights(const Matrix& similarities, const Mask& mask, Flags& rowFullyHidden);

// The same weights computed in logarithms from Q and K, so features too small for any float
// (phi(-200) is 1e-87) still give the weights they mean: a row is 0 only when the mask hides
// every key of it.
Matrix linearWeightsInLogs(const Matrix& Q, const Matrix& K, const Mask& mask, Flags& rowFullyHidden);

// The output without the n x n matrix, for no mask and the causal mask: O(n d d_v). The
// features are scaled (a factor per query, one for all keys, which cancel) before the sums;
// a row whose every term underflows even so is left 0 and flagged in `underflowed`.
// Other masks have no such shortcut: use linearWeights and weightedSum.
Matrix linearOutputBySums(const Matrix& Q, const Matrix& K, const Matrix& V, bool causal, Flags* underflowed = nullptr);

// One head of linear attention, traced like attendOneHead: rawScores and scaledScores hold
// the similarities (no scale, no temperature), maskedScores has hidden pairs at -inf as for
// softmax, weights in logarithms, output from the sums when the mask allows (from the weights
// for a row whose sums underflow).
HeadTrace attendOneHeadLinear(const Matrix& Q, const Matrix& K, const Matrix& V, const Mask& mask);

}  // namespace core
