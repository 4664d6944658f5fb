// training_bench.cpp: the learning step's default schedules (core/training.h), natively or as
// wasm under node, over several seeds: the time each takes, the step at which the head formed
// (first measured every 25 steps: previous-token metric >= 0.95; induction metric >= 0.6
// with accuracy >= 0.8) and the final measurements. A benchmark, not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/training.h"

int main(int argc, char** argv) {
  const int seeds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  for (const core::TrainingTask task : {core::TrainingTask::PreviousToken, core::TrainingTask::Induction}) {
    const core::TrainingPlan plan = core::trainingPlan(task);
    const bool induction = task == core::TrainingTask::Induction;
    std::vector<double> times;
    std::printf("%s: %d steps of %d sequences, lr %g\n", core::trainingTaskName(task), plan.steps, plan.batch,
                plan.learningRate);
    for (int seed = 1; seed <= seeds; ++seed) {
      const auto start = std::chrono::steady_clock::now();
      core::Trainer trainer(task, static_cast<uint64_t>(seed), plan.learningRate);
      for (int s = 0; s < plan.steps; ++s) trainer.step();
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      times.push_back(ms);
      const core::TrainingMeasure m = trainer.measure();
      // When the head formed: replayed with measurements (outside the timing above).
      core::Trainer replay(task, static_cast<uint64_t>(seed), plan.learningRate);
      int formed = -1;
      for (int s = 1; s <= plan.steps && formed < 0; ++s) {
        replay.step();
        if (s % 25 != 0) continue;
        const core::TrainingMeasure r = replay.measure();
        if (induction ? r.metric >= 0.6 && r.accuracy >= 0.8 : r.metric >= 0.95) formed = s;
      }
      std::printf("  seed %d: %7.0f ms, formed by step %4d, metric %.3f, accuracy %.3f\n", seed, ms, formed, m.metric,
                  m.accuracy);
    }
    std::sort(times.begin(), times.end());
    std::printf("  median %.0f ms over %d seeds\n", times[times.size() / 2], seeds);
  }
  return 0;
}
