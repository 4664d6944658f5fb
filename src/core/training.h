// training.h: the two tasks the learning step trains, their data, the optimiser and the
// measurements (issue: heads learned, not hand-set).
//  - previous-token: one layer, one head, random sequences; the target at position i is the
//    token at i - 1, which only attention can fetch. metric: the share of queries i >= 1 whose
//    largest weight is on i - 1. accuracy: the share of those targets predicted.
//  - induction: two layers of two heads; the second half of each sequence repeats the first
//    (whose tokens are all different). The loss counts the predictions in the repeated half,
//    the only ones that can be known. metric: the mean weight the best layer-2 head puts on
//    the token right after the current token's previous occurrence; accuracy: the share of
//    next tokens in the repeated half predicted.
// Both are measured on sequences drawn from a stream the training batches never use.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/tiny_model.h"

namespace core {

enum class TrainingTask { PreviousToken, Induction };

// "previous-token", "induction".
const char* trainingTaskName(TrainingTask task);
bool parseTrainingTask(const std::string& text, TrainingTask& task);

// The seed of the learning step's first run; each Reset moves on to the next seed. The lesson
// promises that the trained induction model completes A B C D A B C, so the tests train
// these seeds, the ones a learner meets.
constexpr uint32_t kFirstTrainingSeed = 1;

// How a task is set up and the schedule the Train button runs.
struct TrainingPlan {
  ModelShape shape;
  int sequenceLength = 0;  // previous-token: this many random tokens; induction: twice the half
  int batch = 0;           // sequences per optimiser step
  int steps = 0;           // the Train button's schedule
  double learningRate = 0;
  int heldOut = 0;  // sequences the measurements use
};
TrainingPlan trainingPlan(TrainingTask task);

// How training is shown while a learner watches (the page's worker and the desktop runner show
// the same film): a few steps a chunk and at least this long a chunk, so the maps change before
// one's eyes. Unwatched (the page's API) it runs in big chunks, small enough to let Stop in.
struct TrainingPace {
  int watchedChunk = 2;
  double watchedSeconds = 0.040;
  int unwatchedChunk = 50;
};
TrainingPace trainingPace(TrainingTask task);

// Limits the API and the views enforce.
constexpr int kMaxTrainingSteps = 20000;
constexpr double kMinLearningRate = 1e-5, kMaxLearningRate = 1.0;

// "" when the arguments are usable, else a sentence saying what is wrong.
std::string checkTrainingArgs(double steps, double seed, double learningRate);

struct TrainingMeasure {
  double metric = 0;    // see the file comment, per task
  double accuracy = 0;  // next-token (previous-token: previous-token) predictions right
  double loss = 0;      // mean cross-entropy on the held-out sequences
};

// One sequence and its loss targets (-1 where no prediction is scored).
struct TrainingExample {
  std::vector<int> tokens, targets;
  int firstPosition = 0;  // induction sequences start at a random position (see training.cpp)
};

class Trainer {
 public:
  Trainer(TrainingTask task, uint64_t seed, double learningRate);
  // One Adam step on a fresh batch; its mean loss is appended to losses().
  void step();
  int stepsDone() const { return static_cast<int>(losses_.size()); }
  const std::vector<double>& losses() const { return losses_; }
  TrainingMeasure measure();
  // From the next step on (Adam's moments are kept).
  void setLearningRate(double learningRate) { learningRate_ = learningRate; }
  TrainingTask task() const { return task_; }
  const TrainingPlan& plan() const { return plan_; }
  const ModelParameters& parameters() const { return parameters_; }
  // The model on any tokens (1..sequence length, each a valid token): per layer and head the
  // attention weights, and the logits. The caller checks the tokens.
  const ModelRun& run(const std::vector<int>& tokens);

 private:
  TrainingTask task_;
  TrainingPlan plan_;
  double learningRate_;
  uint64_t batchStream_;
  ModelParameters parameters_, gradients_, firstMoment_, secondMoment_;
  std::vector<TrainingExample> heldOut_;
  std::vector<double> losses_;
  ModelRun scratch_;
  // Adam's decay rates, and their powers so far (for the bias correction).
  static constexpr double kBeta1 = 0.9, kBeta2 = 0.98;
  double beta1Power_ = 1, beta2Power_ = 1;
};

// A whole run as the API gives it: steps of training, then the measurements.
struct TrainingOutcome {
  TrainingTask task = TrainingTask::PreviousToken;
  int steps = 0;
  std::vector<double> losses;
  TrainingMeasure measure;
};
TrainingOutcome trainModel(TrainingTask task, int steps, uint64_t seed, double learningRate);

// A sequence of the task drawn from a generator state (advanced); exposed for tests.
TrainingExample drawExample(TrainingTask task, const TrainingPlan& plan, uint64_t& stream);

// A trainer's report after a chunk of steps (or at the end), as one flat list of numbers: the
// page's lab worker posts it as it is, the page hands it to its wasm unread, the desktop runner
// reads it at once, and ui/views/training_report.h reads it back, checking every number. This
// is the one place its layout is written:
//   [steps done, metric, accuracy, L, the last L losses,
//    n, M, M maps of n x n weights (each layer's first head, row by row),
//    n guessed next tokens, n probabilities of those guesses]
// with n = M = 0 when there is no probe to run the model on (or one it cannot take).
std::vector<double> trainingReport(Trainer& trainer, int newLosses, const std::vector<int>& probe);

// The largest probe, layer count and vocabulary of any task's model: what a report may hold.
struct TrainingReportLimits {
  int tokens = 0, layers = 0, vocabulary = 0;
};
TrainingReportLimits trainingReportLimits();

}  // namespace core
