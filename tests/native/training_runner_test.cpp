// training_runner_test.cpp: the desktop's trainer (src/app/desktop/training_runner.h) with the real
// core: it reports chunk by chunk, paced, ends with the schedule, stops early on Pause, keeps
// the model between requests unless asked for a fresh one, and the view follows it.
#include "app/desktop/training_runner.h"

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "ui/views/learning_view.h"

namespace {

// Drives the runner as the desktop loop does: advance, then sleep until the next chunk is due.
int runUntilIdle(app::TrainingRunner& runner, ui::AppState& app) {
  int reports = 0;
  while (runner.busy()) {
    reports += runner.advance(app) ? 1 : 0;
    std::this_thread::sleep_for(std::chrono::duration<double>(runner.secondsUntilDue()));
  }
  return reports;
}

ui::Platform::TrainingRequest requestFor(ui::AppState& app, int steps, bool fresh) {
  ui::Platform::TrainingRequest r;
  r.request = ++app.view.training.request;
  r.task = core::TrainingTask::PreviousToken;
  r.seed = 1;
  r.learningRate = 0.003;
  r.steps = steps;
  r.fresh = fresh;
  r.probe = {0, 1, 2, 3, 0, 1, 2};
  app.view.training.requestedProbe = r.probe;
  app.view.training.phase = ui::TrainingLab::Phase::Training;
  return r;
}

}  // namespace

TEST_CASE("the desktop trainer reports in paced chunks, ends with the schedule and stops on Pause") {
  ui::AppState app;
  app::TrainingRunner runner;
  CHECK_FALSE(runner.busy());
  runner.start(requestFor(app, 20, true));
  CHECK(runner.busy());
  const auto start = std::chrono::steady_clock::now();
  const int reports = runUntilIdle(runner, app);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(reports == 11);         // 10 chunks of 2 steps, then the end
  CHECK(seconds >= 9 * 0.040);  // paced: a person can watch the maps change
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Ready);
  CHECK(app.view.training.stepsDone == 20);
  CHECK(app.view.training.losses.size() == 20);
  REQUIRE(app.view.training.maps.size() == 1);
  CHECK(app.view.training.maps[0].rows == 7);
  CHECK(app.view.training.predicted.size() == 7);

  // The model is kept: ten more steps continue from step 20.
  runner.start(requestFor(app, 10, false));
  runUntilIdle(runner, app);
  CHECK(app.view.training.stepsDone == 30);

  // Pause: the chunk under way ends, then the request.
  runner.start(requestFor(app, 200, false));
  runner.advance(app);
  runner.stop();
  runUntilIdle(runner, app);
  CHECK(app.view.training.stepsDone == 32);
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Ready);

  // A fresh model starts again from step 0.
  runner.start(requestFor(app, 0, true));
  runUntilIdle(runner, app);
  CHECK(app.view.training.stepsDone == 0);

  // runToEnd (screenshots) finishes at once, unpaced.
  runner.start(requestFor(app, 200, false));
  runner.runToEnd(app);
  CHECK_FALSE(runner.busy());
  CHECK(app.view.training.stepsDone == 200);
  CHECK(app.view.training.metric >= 0.95f);
}
