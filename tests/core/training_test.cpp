// training_test.cpp: the written-out backward passes against central finite differences in
// double precision (the attention layer under every kind of mask, and the whole two-layer
// model), the tasks' data, and seeded training runs that form the heads.
#include "core/training.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "core/attention_layer.h"
#include "core/random_stream.h"
#include "core/tiny_model.h"
#include "formal_texts_embedded.h"
#include "lesson/content/formal_texts.h"
#include "lesson/content/steps.h"

namespace {

core::Dense randomDense(int rows, int cols, uint64_t& rng) {
  core::Dense m(rows, cols);
  for (double& x : m.v) x = 2.0 * core::uniformRandom(rng) - 1.0;
  return m;
}

// The largest disagreement, relative to the gradient's size, between an analytic gradient
// and central differences of f over every entry of `parameter`.
double worstGradientError(core::Dense& parameter, const core::Dense& analytic, const std::function<double()>& f) {
  const double h = 1e-6;
  double worst = 0;
  for (size_t k = 0; k < parameter.v.size(); ++k) {
    const double kept = parameter.v[k];
    parameter.v[k] = kept + h;
    const double up = f();
    parameter.v[k] = kept - h;
    const double down = f();
    parameter.v[k] = kept;
    const double numeric = (up - down) / (2 * h);
    worst = std::max(worst, std::fabs(numeric - analytic.v[k]) / std::max(1e-3, std::fabs(numeric)));
  }
  return worst;
}

}  // namespace

TEST_CASE("the attention layer's gradients match finite differences under every mask") {
  uint64_t rng = 7;
  const int n = 5, width = 6, heads = 2, headWidth = 3;
  core::AttentionLayerWeights w;
  for (int h = 0; h < heads; ++h) {
    w.query.push_back(randomDense(width, headWidth, rng));
    w.key.push_back(randomDense(width, headWidth, rng));
    w.value.push_back(randomDense(width, headWidth, rng));
  }
  w.output = randomDense(heads * headWidth, width, rng);
  core::Dense x = randomDense(n, width, rng);
  const core::Dense upstream = randomDense(n, width, rng);  // loss = Σ upstream ⊙ Y
  std::vector<core::Flags> oneRowHidden(n, core::Flags(n, true));
  oneRowHidden[2].assign(n, false);  // query 2 sees nothing: its row must stay 0, never NaN
  const core::Mask masks[] = {core::Mask::none(), core::Mask::causal(), core::Mask::slidingWindow(1, 1),
                              core::Mask::explicitAllowed(oneRowHidden)};
  for (const core::Mask& mask : masks) {
    CAPTURE(core::maskText(mask));
    core::AttentionLayerCache cache;
    const auto loss = [&] {
      core::AttentionLayerCache scratch;
      const core::Dense y = core::attentionLayerForward(w, x, mask, scratch);
      double sum = 0;
      for (size_t k = 0; k < y.v.size(); ++k) sum += upstream.v[k] * y.v[k];
      return sum;
    };
    core::attentionLayerForward(w, x, mask, cache);
    for (const core::Dense& a : cache.weights)
      for (double value : a.v) CHECK(std::isfinite(value));
    core::AttentionLayerWeights g = core::zerosLike(w);
    const core::Dense dX = core::attentionLayerBackward(w, cache, upstream, g);
    CHECK(worstGradientError(x, dX, loss) < 1e-6);
    for (int h = 0; h < heads; ++h) {
      CHECK(worstGradientError(w.query[h], g.query[h], loss) < 1e-6);
      CHECK(worstGradientError(w.key[h], g.key[h], loss) < 1e-6);
      CHECK(worstGradientError(w.value[h], g.value[h], loss) < 1e-6);
    }
    CHECK(worstGradientError(w.output, g.output, loss) < 1e-6);
  }
}

TEST_CASE("the whole model's gradients match finite differences, every parameter") {
  const core::ModelShape shape{5, 8, 4, 2, 2, 3};
  core::ModelParameters p = core::initialParameters(shape, 3);
  const std::vector<int> tokens = {1, 4, 0, 1, 3, 2};
  const std::vector<int> targets = {-1, 0, 2, -1, 4, 1};
  const int firstPosition = 2;
  core::ModelRun run;
  core::ModelParameters g = core::zerosLike(p);
  const double loss = core::lossAndGradients(p, tokens, targets, 1.0, run, g, firstPosition);
  CHECK(loss > 0);
  CHECK(loss == doctest::Approx(core::lossOnly(p, tokens, targets, run, firstPosition)).epsilon(1e-12));
  const auto f = [&] {
    core::ModelRun scratch;
    return core::lossOnly(p, tokens, targets, scratch, firstPosition);
  };
  const std::vector<core::Dense*> params = core::parameterMatrices(p);
  const std::vector<core::Dense*> grads = core::parameterMatrices(g);
  REQUIRE(params.size() == 2 + 2 * (2 * 3 + 1) + 1);
  for (size_t m = 0; m < params.size(); ++m) {
    CAPTURE(m);
    CHECK(worstGradientError(*params[m], *grads[m], f) < 1e-6);
  }
  // Unused position embeddings (before firstPosition) get no gradient.
  for (int c = 0; c < shape.width; ++c) CHECK(g.positionEmbedding.at(0, c) == 0.0);
}

TEST_CASE("the tasks' sequences") {
  uint64_t stream = 11;
  const auto previous = core::trainingPlan(core::TrainingTask::PreviousToken);
  const core::TrainingExample e = core::drawExample(core::TrainingTask::PreviousToken, previous, stream);
  REQUIRE(static_cast<int>(e.tokens.size()) == previous.sequenceLength);
  CHECK(e.targets[0] == -1);
  for (size_t i = 1; i < e.tokens.size(); ++i) CHECK(e.targets[i] == e.tokens[i - 1]);

  const auto induction = core::trainingPlan(core::TrainingTask::Induction);
  std::set<size_t> lengths;
  for (int k = 0; k < 200; ++k) {
    const core::TrainingExample s = core::drawExample(core::TrainingTask::Induction, induction, stream);
    const size_t n = s.tokens.size(), half = n / 2;
    lengths.insert(n);
    REQUIRE(n % 2 == 0);
    REQUIRE(s.firstPosition + static_cast<int>(n) <= induction.shape.length);
    CHECK(std::set<int>(s.tokens.begin(), s.tokens.begin() + static_cast<long>(half)).size() == half);
    for (size_t i = 0; i < half; ++i) CHECK(s.tokens[i + half] == s.tokens[i]);
    for (size_t i = 0; i < n; ++i) CHECK(s.targets[i] == (i >= half && i + 1 < n ? s.tokens[i + 1] : -1));
  }
  CHECK(lengths == std::set<size_t>{8, 10, 12, 14, 16});
}

TEST_CASE("training arguments are refused with a reason") {
  CHECK(core::checkTrainingArgs(100, 1, 0.01).empty());
  CHECK(core::checkTrainingArgs(0, 0, 1e-5).empty());
  CHECK(core::checkTrainingArgs(-1, 1, 0.01) == "steps must be a whole number from 0 to 20000");
  CHECK(core::checkTrainingArgs(2.5, 1, 0.01) == "steps must be a whole number from 0 to 20000");
  CHECK(core::checkTrainingArgs(20001, 1, 0.01) == "steps must be a whole number from 0 to 20000");
  CHECK(core::checkTrainingArgs(10, -3, 0.01) == "seed must be a whole number from 0 to 4294967295");
  CHECK(core::checkTrainingArgs(10, 1, 0) == "lr must be a number from 0.00001 to 1");
  CHECK(core::checkTrainingArgs(10, 1, NAN) == "lr must be a number from 0.00001 to 1");
  core::TrainingTask task;
  CHECK(core::parseTrainingTask("induction", task));
  CHECK(task == core::TrainingTask::Induction);
  CHECK_FALSE(core::parseTrainingTask("Induction", task));
}

TEST_CASE("a seeded run gives the same result twice, and an untrained model scores low") {
  const auto a = core::trainModel(core::TrainingTask::PreviousToken, 20, 5, 0.003);
  const auto b = core::trainModel(core::TrainingTask::PreviousToken, 20, 5, 0.003);
  CHECK(a.losses == b.losses);
  CHECK(a.measure.metric == b.measure.metric);
  const auto c = core::trainModel(core::TrainingTask::PreviousToken, 20, 6, 0.003);
  CHECK(a.losses != c.losses);
  const auto untrained = core::trainModel(core::TrainingTask::Induction, 0, 5, 0.003);
  CHECK(untrained.losses.empty());
  CHECK(untrained.measure.metric < 0.3);
  CHECK(untrained.measure.accuracy < 0.3);
}

TEST_CASE("the previous-token head forms on the default schedule") {
  const auto plan = core::trainingPlan(core::TrainingTask::PreviousToken);
  const auto run = core::trainModel(core::TrainingTask::PreviousToken, plan.steps, 1, plan.learningRate);
  CHECK(run.losses.size() == static_cast<size_t>(plan.steps));
  CHECK(run.losses.back() < run.losses.front() / 10);
  CHECK(run.measure.metric >= 0.95);
  CHECK(run.measure.accuracy >= 0.95);
}

TEST_CASE("the induction head forms on the default schedule and completes A B C D A B C") {
  // The seeds the page trains: the first, and those after the first two Resets.
  for (uint32_t seed = core::kFirstTrainingSeed; seed < core::kFirstTrainingSeed + 3; ++seed) {
    CAPTURE(seed);
    const auto plan = core::trainingPlan(core::TrainingTask::Induction);
    core::Trainer trainer(core::TrainingTask::Induction, seed, plan.learningRate);
    for (int s = 0; s < plan.steps; ++s) trainer.step();
    const core::TrainingMeasure m = trainer.measure();
    CHECK(m.metric >= 0.6);
    CHECK(m.accuracy >= 0.8);
    const std::vector<int> abcdabc = {0, 1, 2, 3, 0, 1, 2};
    const core::ModelRun& run = trainer.run(abcdabc);
    const double* last = run.logits.row(6);
    CHECK(std::max_element(last, last + plan.shape.vocabulary) - last == 3);  // D
    // Layer 1 looks one back (previous token); layer 2 looks just after the earlier copy.
    const core::Dense& layer1 = run.layers[0].weights[0];
    const core::Dense& layer2 = run.layers[1].weights[0];
    for (int i = 1; i < 7; ++i) CHECK(std::max_element(layer1.row(i), layer1.row(i) + 7) - layer1.row(i) == i - 1);
    for (int i = 4; i < 7; ++i) CHECK(std::max_element(layer2.row(i), layer2.row(i) + 7) - layer2.row(i) == i - 3);
  }
}

TEST_CASE("the learning step's formal text states the sizes the trainer really uses") {
  // The prose is the lesson's (lesson/content/formal.txt); the sizes are core::trainingPlan's.
  // Either may change: this holds them to each other, a number at a time.
  lesson::FormalTexts formal;
  REQUIRE(lesson::readFormalTexts({reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size},
                                  formal) == "");
  const std::string text(formal.of(lesson::stepIndexOf(lesson::StepId::Learning)));
  const core::TrainingPlan previous = core::trainingPlan(core::TrainingTask::PreviousToken);
  const core::TrainingPlan induction = core::trainingPlan(core::TrainingTask::Induction);
  const auto number = [](int n) { return std::to_string(n); };
  const char last = static_cast<char>('A' + previous.shape.vocabulary - 1);
  for (const std::string& fact :
       {"into " + number(previous.shape.vocabulary) + " scores, one per letter A to " + std::string(1, last),
        "Previous token: " + number(previous.shape.layers) + " layer, " + number(previous.shape.heads) +
            " head, width " + number(previous.shape.width) + ", sequences of " + number(previous.sequenceLength) +
            " random letters",
        "Induction: " + number(induction.shape.layers) + " layers of " + number(induction.shape.heads) +
            " head, width " + number(induction.shape.width) + "; a sequence is 4 to " +
            number(induction.sequenceLength / 2) + " different letters",
        "among " + number(induction.shape.length) + " positions",
        "measured on " + number(previous.heldOut) + " sequences"}) {
    CHECK_MESSAGE(text.find(fact) != std::string::npos, fact);
  }
  CHECK(previous.heldOut == induction.heldOut);
  CHECK(induction.shape.vocabulary == previous.shape.vocabulary);
}
