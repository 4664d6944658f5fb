// training_worker.cpp: the learning step's wasm module, run in a Web Worker
// (web/training-worker-glue.js is its message handler). Only the trainer (core/training.h):
// no ImGui, no lesson, no JSON. Two trainers live here: slot 0 is the learning step's model,
// slot 1 serves attentionTour.train(), so an API call never disturbs what the learner sees.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <cmath>
#include <memory>
#include <vector>

#include "core/training.h"

namespace {

constexpr int kSlots = 2, kMaxStepsPerCall = 1000, kMaxRunTokens = 64;
std::unique_ptr<core::Trainer> trainers[kSlots];
std::vector<double> reply;

core::Trainer* trainer(int slot) { return slot >= 0 && slot < kSlots ? trainers[slot].get() : nullptr; }

}  // namespace

// A fresh, untrained model in `slot`: 0 done, 1 bad arguments (nothing changed).
extern "C" EMSCRIPTEN_KEEPALIVE int tw_create(int slot, int task, double seed, double learningRate) {
  if (slot < 0 || slot >= kSlots || (task != 0 && task != 1) || !core::checkTrainingArgs(0, seed, learningRate).empty())
    return 1;
  const auto kind = task == 1 ? core::TrainingTask::Induction : core::TrainingTask::PreviousToken;
  trainers[slot] = std::make_unique<core::Trainer>(kind, static_cast<uint64_t>(seed), learningRate);
  return 0;
}

// 1 when `slot` holds a model.
extern "C" EMSCRIPTEN_KEEPALIVE int tw_has(int slot) { return trainer(slot) ? 1 : 0; }

// The learning rate of the model in `slot` from its next step on (checked by the caller).
extern "C" EMSCRIPTEN_KEEPALIVE void tw_set_rate(int slot, double learningRate) {
  if (core::Trainer* t = trainer(slot)) t->setLearningRate(learningRate);
}

// The task's plan and pace: [default steps, default learning rate, layers, heads, vocabulary,
// sequence length, watched chunk, watched pace in ms, unwatched chunk].
extern "C" EMSCRIPTEN_KEEPALIVE const double* tw_plan(int task) {
  const core::TrainingTask which = task == 1 ? core::TrainingTask::Induction : core::TrainingTask::PreviousToken;
  const core::TrainingPlan plan = core::trainingPlan(which);
  const core::TrainingPace pace = core::trainingPace(which);
  reply = {static_cast<double>(plan.steps),
           plan.learningRate,
           static_cast<double>(plan.shape.layers),
           static_cast<double>(plan.shape.heads),
           static_cast<double>(plan.shape.vocabulary),
           static_cast<double>(plan.sequenceLength),
           static_cast<double>(pace.watchedChunk),
           pace.watchedSeconds * 1000.0,
           static_cast<double>(pace.unwatchedChunk)};
  return reply.data();
}

// `count` optimiser steps; returns their losses (count of them), or null without a model.
extern "C" EMSCRIPTEN_KEEPALIVE const double* tw_steps(int slot, int count) {
  core::Trainer* t = trainer(slot);
  if (!t || count < 1 || count > kMaxStepsPerCall) return nullptr;
  for (int s = 0; s < count; ++s) t->step();
  const auto& losses = t->losses();
  reply.assign(losses.end() - count, losses.end());
  return reply.data();
}

// [steps done, metric, accuracy, held-out loss], or null without a model.
extern "C" EMSCRIPTEN_KEEPALIVE const double* tw_measure(int slot) {
  core::Trainer* t = trainer(slot);
  if (!t) return nullptr;
  const core::TrainingMeasure m = t->measure();
  reply = {static_cast<double>(t->stepsDone()), m.metric, m.accuracy, m.loss};
  return reply.data();
}

// The trainer's report (core::trainingReport: its layout is written there only), with the last
// `newLosses` losses and the model run on the `n` tokens at `tokens` (none when n is 0):
// [count, then the report's count numbers]. Null without a model.
extern "C" EMSCRIPTEN_KEEPALIVE const double* tw_report(int slot, int newLosses, const int* tokens, int n) {
  core::Trainer* t = trainer(slot);
  if (!t || n < 0 || n > kMaxRunTokens) return nullptr;
  const std::vector<int> probe(tokens, tokens + n);
  const std::vector<double> report = core::trainingReport(*t, newLosses, probe);
  reply.assign(1, static_cast<double>(report.size()));
  reply.insert(reply.end(), report.begin(), report.end());
  return reply.data();
}
#endif
