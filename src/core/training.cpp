// training.cpp: see training.h.
#include "core/training.h"

#include <algorithm>
#include <cmath>

#include "core/random_stream.h"

namespace core {

namespace {

// Separate streams from one seed: parameters, training batches, held-out sequences.
constexpr uint64_t kBatchStreamSalt = 0x5851F42D4C957F2Dull;
constexpr uint64_t kHeldOutStreamSalt = 0x14057B7EF767814Full;

constexpr int kShortestHalf = 4;  // induction sequences repeat 4 to 8 tokens

constexpr double kEpsilon = 1e-8;
constexpr double kMaxGradientNorm = 1.0;  // clipped above this: an unlucky batch cannot throw it off

int argmax(const double* values, int count) {
  return static_cast<int>(std::max_element(values, values + count) - values);
}

}  // namespace

const char* trainingTaskName(TrainingTask task) {
  return task == TrainingTask::Induction ? "induction" : "previous-token";
}

bool parseTrainingTask(const std::string& text, TrainingTask& task) {
  if (text == "previous-token") return task = TrainingTask::PreviousToken, true;
  if (text == "induction") return task = TrainingTask::Induction, true;
  return false;
}

TrainingPace trainingPace(TrainingTask task) {
  TrainingPace pace;
  pace.watchedChunk = task == TrainingTask::Induction ? 8 : 2;  // two layers learn more slowly
  return pace;
}

TrainingPlan trainingPlan(TrainingTask task) {
  TrainingPlan plan;
  if (task == TrainingTask::PreviousToken) {
    plan.shape = {16, 12, 32, 1, 1, 16};
    plan.sequenceLength = 12;
    plan.batch = 8;
    plan.steps = 200;
    plan.learningRate = 0.003;
  } else {
    // One head per layer, so the two roles cannot share a layer: layer 1 must become the
    // previous-token head and layer 2 the induction head. Width 64: every one of 40 seeds
    // formed both within 350 steps (width 32 left some seeds on another, slower solution).
    plan.shape = {16, 24, 64, 2, 1, 32};
    plan.sequenceLength = 16;
    plan.batch = 16;
    plan.steps = 600;
    plan.learningRate = 0.003;
  }
  plan.heldOut = 64;
  return plan;
}

std::string checkTrainingArgs(double steps, double seed, double learningRate) {
  if (!(std::floor(steps) == steps && steps >= 0 && steps <= kMaxTrainingSteps))
    return "steps must be a whole number from 0 to " + std::to_string(kMaxTrainingSteps);
  if (!(std::floor(seed) == seed && seed >= 0 && seed <= 4294967295.0))
    return "seed must be a whole number from 0 to 4294967295";
  if (!(learningRate >= kMinLearningRate && learningRate <= kMaxLearningRate))
    return "lr must be a number from 0.00001 to 1";
  return {};
}

TrainingExample drawExample(TrainingTask task, const TrainingPlan& plan, uint64_t& stream) {
  const int n = plan.sequenceLength, vocabulary = plan.shape.vocabulary;
  TrainingExample e;
  e.tokens.resize(static_cast<size_t>(n));
  e.targets.assign(static_cast<size_t>(n), -1);
  if (task == TrainingTask::PreviousToken) {
    for (int i = 0; i < n; ++i) e.tokens[i] = randomBelow(stream, vocabulary);
    for (int i = 1; i < n; ++i) e.targets[i] = e.tokens[i - 1];
    return e;
  }
  // The first half: different tokens (a partial shuffle of the vocabulary); then repeated.
  // Its length varies, so no fixed offset finds the earlier copy: only matching content does.
  const int half = kShortestHalf + randomBelow(stream, n / 2 - kShortestHalf + 1);
  e.tokens.resize(static_cast<size_t>(2 * half));
  e.targets.assign(static_cast<size_t>(2 * half), -1);
  std::vector<int> pool(static_cast<size_t>(vocabulary));
  for (int t = 0; t < vocabulary; ++t) pool[t] = t;
  for (int i = 0; i < half; ++i) {
    std::swap(pool[i], pool[i + randomBelow(stream, vocabulary - i)]);
    e.tokens[i] = e.tokens[i + half] = pool[i];
  }
  for (int i = half; i + 1 < 2 * half; ++i) e.targets[i] = e.tokens[i + 1];
  // Starting anywhere in the position table, a sequence's absolute positions say nothing of
  // where its halves meet: the model cannot find the copy by position, only by content.
  e.firstPosition = randomBelow(stream, plan.shape.length - 2 * half + 1);
  return e;
}

Trainer::Trainer(TrainingTask task, uint64_t seed, double learningRate)
    : task_(task), plan_(trainingPlan(task)), learningRate_(learningRate), batchStream_(seed ^ kBatchStreamSalt) {
  parameters_ = initialParameters(plan_.shape, seed);
  gradients_ = zerosLike(parameters_);
  firstMoment_ = zerosLike(parameters_);
  secondMoment_ = zerosLike(parameters_);
  uint64_t heldOutStream = seed ^ kHeldOutStreamSalt;
  for (int k = 0; k < plan_.heldOut; ++k) heldOut_.push_back(drawExample(task_, plan_, heldOutStream));
}

void Trainer::step() {
  const std::vector<Dense*> gradients = parameterMatrices(gradients_);
  for (Dense* g : gradients) g->zero();
  double loss = 0;
  for (int b = 0; b < plan_.batch; ++b) {
    const TrainingExample e = drawExample(task_, plan_, batchStream_);
    loss +=
        lossAndGradients(parameters_, e.tokens, e.targets, 1.0 / plan_.batch, scratch_, gradients_, e.firstPosition) /
        plan_.batch;
  }
  double squares = 0;
  for (const Dense* g : gradients)
    for (double x : g->v) squares += x * x;
  const double norm = std::sqrt(squares);
  const double clip = norm > kMaxGradientNorm ? kMaxGradientNorm / norm : 1.0;
  beta1Power_ *= kBeta1, beta2Power_ *= kBeta2;
  const double correction1 = 1.0 - beta1Power_, correction2 = 1.0 - beta2Power_;
  const std::vector<Dense*> params = parameterMatrices(parameters_);
  const std::vector<Dense*> first = parameterMatrices(firstMoment_);
  const std::vector<Dense*> second = parameterMatrices(secondMoment_);
  for (size_t m = 0; m < params.size(); ++m) {
    double* p = params[m]->v.data();
    double* m1 = first[m]->v.data();
    double* m2 = second[m]->v.data();
    const double* g = gradients[m]->v.data();
    for (size_t k = 0; k < params[m]->v.size(); ++k) {
      const double gk = g[k] * clip;
      m1[k] = kBeta1 * m1[k] + (1 - kBeta1) * gk;
      m2[k] = kBeta2 * m2[k] + (1 - kBeta2) * gk * gk;
      p[k] -= learningRate_ * (m1[k] / correction1) / (std::sqrt(m2[k] / correction2) + kEpsilon);
    }
  }
  losses_.push_back(loss);
}

const ModelRun& Trainer::run(const std::vector<int>& tokens) {
  runModel(parameters_, tokens, scratch_);
  return scratch_;
}

TrainingMeasure Trainer::measure() {
  TrainingMeasure m;
  const int vocabulary = plan_.shape.vocabulary;
  const int lastLayer = plan_.shape.layers - 1, heads = plan_.shape.heads;
  std::vector<double> headScore(static_cast<size_t>(heads), 0.0);
  int scored = 0, right = 0, queries = 0;
  for (const TrainingExample& e : heldOut_) {
    m.loss +=
        lossOnly(parameters_, e.tokens, e.targets, scratch_, e.firstPosition) / static_cast<double>(heldOut_.size());
    const int n = static_cast<int>(e.tokens.size());
    for (int i = 0; i < n; ++i) {
      if (e.targets[i] < 0) continue;
      ++scored;
      right += argmax(scratch_.logits.row(i), vocabulary) == e.targets[i];
    }
    const int half = n / 2;  // induction: the queries scored are half .. n-2, which have a next token
    for (int h = 0; h < heads; ++h) {
      const Dense& a = scratch_.layers[static_cast<size_t>(lastLayer)].weights[static_cast<size_t>(h)];
      if (task_ == TrainingTask::PreviousToken) {
        for (int i = 1; i < n; ++i) headScore[h] += argmax(a.row(i), n) == i - 1;
      } else {
        for (int i = half; i + 1 < n; ++i) headScore[h] += a.at(i, i - half + 1);
      }
    }
    queries += task_ == TrainingTask::PreviousToken ? n - 1 : n - 1 - half;
  }
  m.metric = queries > 0 ? *std::max_element(headScore.begin(), headScore.end()) / queries : 0.0;
  m.accuracy = scored > 0 ? static_cast<double>(right) / scored : 0.0;
  return m;
}

TrainingOutcome trainModel(TrainingTask task, int steps, uint64_t seed, double learningRate) {
  Trainer trainer(task, seed, learningRate);
  for (int s = 0; s < steps; ++s) trainer.step();
  TrainingOutcome outcome;
  outcome.task = task;
  outcome.steps = steps;
  outcome.losses = trainer.losses();
  outcome.measure = trainer.measure();
  return outcome;
}

std::vector<double> trainingReport(Trainer& trainer, int newLosses, const std::vector<int>& probe) {
  const TrainingMeasure measured = trainer.measure();
  const std::vector<double>& losses = trainer.losses();
  newLosses = std::clamp(newLosses, 0, static_cast<int>(losses.size()));
  std::vector<double> out = {static_cast<double>(trainer.stepsDone()), measured.metric, measured.accuracy,
                             static_cast<double>(newLosses)};
  out.insert(out.end(), losses.end() - newLosses, losses.end());
  const ModelShape& shape = trainer.plan().shape;
  const bool runnable = !probe.empty() && static_cast<int>(probe.size()) <= shape.length &&
                        std::all_of(probe.begin(), probe.end(), [&](int t) { return t >= 0 && t < shape.vocabulary; });
  if (!runnable) {  // no probe, or one this model cannot take: a report without a run
    out.insert(out.end(), {0.0, 0.0});
    return out;
  }
  const ModelRun& run = trainer.run(probe);
  out.push_back(static_cast<double>(probe.size()));
  out.push_back(static_cast<double>(run.layers.size()));
  for (const auto& layer : run.layers) out.insert(out.end(), layer.weights[0].v.begin(), layer.weights[0].v.end());
  const std::vector<NextTokenGuess> guesses = nextTokenGuesses(run);
  for (const NextTokenGuess& g : guesses) out.push_back(g.token);
  for (const NextTokenGuess& g : guesses) out.push_back(g.probability);
  return out;
}

TrainingReportLimits trainingReportLimits() {
  TrainingReportLimits limits;
  for (TrainingTask task : {TrainingTask::PreviousToken, TrainingTask::Induction}) {
    const TrainingPlan plan = trainingPlan(task);
    limits.tokens = std::max(limits.tokens, plan.sequenceLength);
    limits.layers = std::max(limits.layers, plan.shape.layers);
    limits.vocabulary = std::max(limits.vocabulary, plan.shape.vocabulary);
  }
  return limits;
}

}  // namespace core
