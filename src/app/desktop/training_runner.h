// training_runner.h: the learning step's trainer on the desktop. It runs on the UI thread, a
// chunk of steps per loop iteration (a few milliseconds), paced like the page's worker so a
// person can watch the weights change, and reports through ui::trainingProgress /
// ui::trainingFinished. The window stays responsive: the loop draws between chunks.
#pragma once

#include <memory>

#include "core/training.h"
#include "ui/app_state.h"
#include "ui/views/learning_view.h"

namespace app {

class TrainingRunner {
 public:
  void start(const ui::Platform::TrainingRequest& request);
  void stop() { stopRequested_ = true; }
  // Runs the next chunk if one is due; true if it reported anything.
  bool advance(ui::AppState& app);
  bool busy() const { return active_; }
  // Runs the request to its end now, unpaced (screenshots, which draw no loop).
  void runToEnd(ui::AppState& app);
  // Seconds until the next chunk is due (the loop may sleep that long), or a long time when idle.
  double secondsUntilDue() const;

 private:
  ui::TrainingProgress report(bool withLosses, int count);
  std::unique_ptr<core::Trainer> trainer_;
  ui::Platform::TrainingRequest job_;
  bool active_ = false, stopRequested_ = false;
  int left_ = 0;
  double nextDue_ = 0;
};

}  // namespace app
