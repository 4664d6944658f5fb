// attention.h: scaled dot-product attention, one step per function so the lesson
// can show every intermediate, and a traced run that keeps them all.
//
// Precision: matrices store float. Dot products (scores, projections, weighted sums)
// and softmax sums accumulate in double and round once to float, so every value is
// within float rounding of the float64 result.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/flags.h"
#include "core/mask.h"
#include "core/matrix.h"
#include "core/result.h"

namespace core {

// Softmax: exp of the scaled scores, normalised. Linear: phi(q) . phi(k) normalised, with
// phi(x) = elu(x) + 1 (core/linear_attention.h); scale and temperature do not apply to it.
enum class Kernel { Softmax, Linear };

struct AttentionOptions {
  bool scale = true;         // divide scores by sqrt(d_k)
  float temperature = 1.0f;  // then divide by temperature (> 0)
  Mask mask;                 // hidden scores become -inf before softmax
  int heads = 1;             // split d_k and d_v into this many equal heads
  Kernel kernel = Kernel::Softmax;
  std::optional<Matrix> outputProjection;  // W_O, (d_v x d_out), applied after concatenation
};

// Everything one head computes, kept for display.
struct HeadTrace {
  Matrix Q, K, V;              // this head's slices
  float scaleDivisor = 1.0f;   // sqrt(d_k of the head) or 1, times temperature
  Matrix rawScores;            // Q K^T
  Matrix scaledScores;         // rawScores / scaleDivisor
  Matrix maskedScores;         // scaledScores with hidden entries at -inf
  Matrix weights;              // row softmax of maskedScores; a fully hidden row is all zeros
  Flags rowFullyHidden;        // true where a row had no visible key
  std::vector<float> rowMax;   // the maximum subtracted in each row (-inf if fully hidden)
  std::vector<double> rowSum;  // sum of exp(score - rowMax) in each row (0 if fully hidden)
  Matrix output;               // weights V
};

struct AttentionTrace {
  Matrix Q, K, V;
  std::vector<HeadTrace> heads;
  Matrix concatenated;  // head outputs side by side (n_q x d_v)
  Matrix output;        // concatenated, times W_O when given
  bool anyRowFullyHidden() const;
};

// Checks shapes, values and options. Messages name the matrix and the problem,
// e.g. "K has 3 columns but Q has 2".
std::optional<std::string> validateAttentionInputs(const Matrix& Q, const Matrix& K, const Matrix& V,
                                                   const AttentionOptions& options);
std::optional<std::string> validateMatrix(const Matrix& m, const std::string& name);

// The steps, each usable on its own (they assume valid input).
Matrix scores(const Matrix& Q, const Matrix& K);
float scaleDivisorFor(int keyWidth, bool scale, float temperature);
Matrix divideScores(const Matrix& raw, float divisor);
Matrix applyMask(const Matrix& scaled, const Mask& mask);
// Subtracts each row's maximum before exponentiating, so large scores cannot overflow.
struct SoftmaxDetail {
  Flags rowFullyHidden;
  std::vector<float> rowMax;
  std::vector<double> rowSum;
};
Matrix softmaxRows(const Matrix& masked, SoftmaxDetail* detail = nullptr);
Matrix weightedSum(const Matrix& weights, const Matrix& V);

HeadTrace attendOneHead(const Matrix& Q, const Matrix& K, const Matrix& V, bool scale, float temperature,
                        const Mask& mask);

// The whole computation with validation; every intermediate is in the trace.
Result<AttentionTrace> attend(const Matrix& Q, const Matrix& K, const Matrix& V, const AttentionOptions& options = {});

}  // namespace core
