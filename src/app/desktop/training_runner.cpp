// training_runner.cpp: see training_runner.h. The chunk sizes and the pace are
// core::trainingPace's, which the page's worker uses too, so both show the same film.
#include "app/desktop/training_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "ui/views/training_report.h"

namespace app {

namespace {

double secondsNow() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

void TrainingRunner::start(const ui::Platform::TrainingRequest& request) {
  job_ = request;
  if (request.fresh || !trainer_ || trainer_->task() != request.task)
    trainer_ = std::make_unique<core::Trainer>(request.task, request.seed, request.learningRate);
  trainer_->setLearningRate(request.learningRate);
  left_ = request.steps;
  active_ = true;
  stopRequested_ = false;
  nextDue_ = 0;
}

// The same report the page's worker sends (core::trainingReport), read the same way.
ui::TrainingProgress TrainingRunner::report(bool withLosses, int count) {
  const std::vector<double> numbers = core::trainingReport(*trainer_, withLosses ? count : 0, job_.probe);
  ui::TrainingProgress progress;
  if (!ui::readTrainingReport(numbers.data(), static_cast<int>(numbers.size()), progress)) return {};
  return progress;
}

bool TrainingRunner::advance(ui::AppState& app) {
  if (!active_ || secondsNow() < nextDue_) return false;
  const core::TrainingPace pace = core::trainingPace(job_.task);
  const int count = std::min(pace.watchedChunk, left_);
  if (count > 0 && !stopRequested_) {
    for (int s = 0; s < count; ++s) trainer_->step();
    left_ -= count;
    ui::trainingProgress(app, job_.request, report(true, count));
    nextDue_ = secondsNow() + pace.watchedSeconds;
    return true;
  }
  active_ = false;
  ui::trainingFinished(app, job_.request, report(false, 0), "");
  return true;
}

void TrainingRunner::runToEnd(ui::AppState& app) {
  while (active_) {
    nextDue_ = 0;
    advance(app);
  }
}

double TrainingRunner::secondsUntilDue() const { return active_ ? std::max(0.0, nextDue_ - secondsNow()) : 0.5; }

}  // namespace app
