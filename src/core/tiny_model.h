// tiny_model.h: the small attention-only transformer the lesson trains (issue: train heads
// in the page). Tokens become vectors (token embedding plus a learned position embedding),
// each layer adds its multi-head causal attention to the residual stream, and the
// unembedding turns the last stream into next-token logits:
//   x_0 = E[t] + P,   x_{l+1} = x_l + Attention_l(x_l),   logits = x_L U.
// Forward and backward are written out in double precision.
#pragma once

#include <cstdint>
#include <vector>

#include "core/attention_layer.h"
#include "core/dense.h"

namespace core {

struct ModelShape {
  int vocabulary = 16;  // tokens 0 .. vocabulary-1
  int length = 16;      // position embeddings (a sequence may start at any of them)
  int width = 32;       // the residual stream
  int layers = 1;
  int heads = 1;
  int headWidth = 16;
};

struct ModelParameters {
  Dense tokenEmbedding;     // vocabulary x width
  Dense positionEmbedding;  // length x width
  std::vector<AttentionLayerWeights> layers;
  Dense unembedding;  // width x vocabulary
};

// Small random values (uniform, scaled by 1/√fan-in), the same for the same seed everywhere.
ModelParameters initialParameters(const ModelShape& shape, uint64_t seed);
ModelParameters zerosLike(const ModelParameters& like);
// Every parameter matrix in one fixed order (the optimiser walks them side by side).
std::vector<Dense*> parameterMatrices(ModelParameters& p);

// One sequence through the model: what the backward pass and the views need.
struct ModelRun {
  std::vector<Dense> stream;                // x_0 .. x_L, each n x width
  std::vector<AttentionLayerCache> layers;  // weights per layer and head live here
  Dense logits;                             // n x vocabulary
};

// The most likely next token after each position of a run, and its probability (the logits'
// softmax, max subtracted): the model's guesses as the views show them.
struct NextTokenGuess {
  int token = 0;
  double probability = 0;
};
std::vector<NextTokenGuess> nextTokenGuesses(const ModelRun& run);

// tokens: each in 0..vocabulary-1, at positions firstPosition, firstPosition + 1, ... (all
// below shape.length). The caller checks.
void runModel(const ModelParameters& p, const std::vector<int>& tokens, ModelRun& run, int firstPosition = 0);

// Cross-entropy of the next-token logits against targets[i] (-1: no loss at position i),
// averaged over the positions with a target. Runs the model, then adds `weight` times the
// gradient of that mean into `gradients` (weight 1 / batch averages over a batch).
double lossAndGradients(const ModelParameters& p, const std::vector<int>& tokens, const std::vector<int>& targets,
                        double weight, ModelRun& run, ModelParameters& gradients, int firstPosition = 0);

// The mean cross-entropy only (for finite differences and evaluation).
double lossOnly(const ModelParameters& p, const std::vector<int>& tokens, const std::vector<int>& targets,
                ModelRun& run, int firstPosition = 0);

}  // namespace core
