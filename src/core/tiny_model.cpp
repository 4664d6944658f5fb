// tiny_model.cpp: see tiny_model.h.
#include "core/tiny_model.h"

#include <algorithm>
#include <cmath>

#include "core/random_stream.h"

namespace core {

namespace {

Dense randomMatrix(int rows, int cols, double halfRange, uint64_t& rng) {
  Dense m(rows, cols);
  for (double& x : m.v) x = (2.0 * uniformRandom(rng) - 1.0) * halfRange;
  return m;
}

const Mask kCausal = Mask::causal();

}  // namespace

ModelParameters initialParameters(const ModelShape& s, uint64_t seed) {
  uint64_t rng = seed;
  ModelParameters p;
  // Uniform in ±√3·σ has standard deviation σ: embeddings σ = 1, projections σ = 1/√fan-in.
  const double root3 = std::sqrt(3.0);
  p.tokenEmbedding = randomMatrix(s.vocabulary, s.width, root3, rng);
  p.positionEmbedding = randomMatrix(s.length, s.width, root3, rng);
  const double projection = root3 / std::sqrt(static_cast<double>(s.width));
  const double output = root3 / std::sqrt(static_cast<double>(s.heads * s.headWidth));
  for (int l = 0; l < s.layers; ++l) {
    AttentionLayerWeights layer;
    for (int h = 0; h < s.heads; ++h) {
      layer.query.push_back(randomMatrix(s.width, s.headWidth, projection, rng));
      layer.key.push_back(randomMatrix(s.width, s.headWidth, projection, rng));
      layer.value.push_back(randomMatrix(s.width, s.headWidth, projection, rng));
    }
    layer.output = randomMatrix(s.heads * s.headWidth, s.width, output, rng);
    p.layers.push_back(std::move(layer));
  }
  p.unembedding = randomMatrix(s.width, s.vocabulary, projection, rng);
  return p;
}

ModelParameters zerosLike(const ModelParameters& like) {
  ModelParameters z;
  z.tokenEmbedding = Dense(like.tokenEmbedding.rows, like.tokenEmbedding.cols);
  z.positionEmbedding = Dense(like.positionEmbedding.rows, like.positionEmbedding.cols);
  for (const auto& layer : like.layers) z.layers.push_back(zerosLike(layer));
  z.unembedding = Dense(like.unembedding.rows, like.unembedding.cols);
  return z;
}

std::vector<Dense*> parameterMatrices(ModelParameters& p) {
  std::vector<Dense*> list = {&p.tokenEmbedding, &p.positionEmbedding};
  for (auto& layer : p.layers) {
    for (int h = 0; h < layer.heads(); ++h) {
      list.push_back(&layer.query[h]);
      list.push_back(&layer.key[h]);
      list.push_back(&layer.value[h]);
    }
    list.push_back(&layer.output);
  }
  list.push_back(&p.unembedding);
  return list;
}

void runModel(const ModelParameters& p, const std::vector<int>& tokens, ModelRun& run, int firstPosition) {
  const int n = static_cast<int>(tokens.size()), width = p.tokenEmbedding.cols;
  const size_t layers = p.layers.size();
  run.stream.resize(layers + 1);
  run.layers.resize(layers);
  Dense& x0 = run.stream[0];
  x0.reset(n, width);
  for (int i = 0; i < n; ++i) {
    const double* e = p.tokenEmbedding.row(tokens[i]);
    const double* pos = p.positionEmbedding.row(firstPosition + i);
    double* x = x0.row(i);
    for (int c = 0; c < width; ++c) x[c] = e[c] + pos[c];
  }
  for (size_t l = 0; l < layers; ++l) {
    Dense next = attentionLayerForward(p.layers[l], run.stream[l], kCausal, run.layers[l]);
    const Dense& before = run.stream[l];
    for (size_t k = 0; k < next.v.size(); ++k) next.v[k] += before.v[k];
    run.stream[l + 1] = std::move(next);
  }
  run.logits.reset(n, p.unembedding.cols);
  addProduct(run.stream[layers], p.unembedding, run.logits);
}

namespace {

// Mean cross-entropy over the targeted positions; with gradient != nullptr, also
// d(mean)/d(logits) written into it.
double crossEntropy(const Dense& logits, const std::vector<int>& targets, Dense* gradient) {
  int counted = 0;
  for (int t : targets) counted += t >= 0;
  if (gradient) gradient->reset(logits.rows, logits.cols);
  if (counted == 0) return 0.0;
  double total = 0;
  for (int i = 0; i < logits.rows; ++i) {
    if (targets[i] < 0) continue;
    const double* z = logits.row(i);
    const double top = *std::max_element(z, z + logits.cols);
    double sum = 0;
    for (int c = 0; c < logits.cols; ++c) sum += std::exp(z[c] - top);
    total += std::log(sum) + top - z[targets[i]];
    if (!gradient) continue;
    double* g = gradient->row(i);
    for (int c = 0; c < logits.cols; ++c) g[c] = std::exp(z[c] - top) / sum / counted;
    g[targets[i]] -= 1.0 / counted;
  }
  return total / counted;
}

}  // namespace

std::vector<NextTokenGuess> nextTokenGuesses(const ModelRun& run) {
  std::vector<NextTokenGuess> guesses;
  for (int i = 0; i < run.logits.rows; ++i) {
    const double* z = run.logits.row(i);
    const int best = static_cast<int>(std::max_element(z, z + run.logits.cols) - z);
    double sum = 0;
    for (int c = 0; c < run.logits.cols; ++c) sum += std::exp(z[c] - z[best]);
    guesses.push_back({best, 1.0 / sum});
  }
  return guesses;
}

double lossOnly(const ModelParameters& p, const std::vector<int>& tokens, const std::vector<int>& targets,
                ModelRun& run, int firstPosition) {
  runModel(p, tokens, run, firstPosition);
  return crossEntropy(run.logits, targets, nullptr);
}

double lossAndGradients(const ModelParameters& p, const std::vector<int>& tokens, const std::vector<int>& targets,
                        double weight, ModelRun& run, ModelParameters& gradients, int firstPosition) {
  runModel(p, tokens, run, firstPosition);
  Dense dLogits;
  const double loss = crossEntropy(run.logits, targets, &dLogits);
  for (double& g : dLogits.v) g *= weight;
  const size_t layers = p.layers.size();
  addTransposedProduct(run.stream[layers], dLogits, gradients.unembedding);
  Dense dStream(dLogits.rows, p.unembedding.rows);
  addProductTransposed(dLogits, p.unembedding, dStream);
  for (size_t l = layers; l-- > 0;) {
    // x_{l+1} = x_l + A(x_l): the stream's gradient passes straight through and through A.
    const Dense dInput = attentionLayerBackward(p.layers[l], run.layers[l], dStream, gradients.layers[l]);
    for (size_t k = 0; k < dStream.v.size(); ++k) dStream.v[k] += dInput.v[k];
  }
  const int width = p.tokenEmbedding.cols;
  for (int i = 0; i < dStream.rows; ++i) {
    double* e = gradients.tokenEmbedding.row(tokens[static_cast<size_t>(i)]);
    double* pos = gradients.positionEmbedding.row(firstPosition + i);
    const double* g = dStream.row(i);
    for (int c = 0; c < width; ++c) e[c] += g[c], pos[c] += g[c];
  }
  return loss;
}

}  // namespace core
