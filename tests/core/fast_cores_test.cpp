// fast_cores_test.cpp: the cost lab's kernels split across threads (core/fast_cores.h) give
// the same rows as one thread, and stop when asked. Native only (the wasm tests have no threads).
#include "core/fast_cores.h"

#include <doctest/doctest.h>

#include <atomic>

TEST_CASE("the kernels on every core agree with one core, row for row") {
  CHECK(core::coreCount() >= 1);
  for (int workers : {1, 2, 5}) {
    CAPTURE(workers);
    const auto all = core::runFastBenchmarkOnCores(77, 16, 8, workers);
    const auto one = core::runFastBenchmark(77, 16, 8);
    REQUIRE(all.error.empty());
    CHECK(all.naiveMs > 0);
    CHECK(all.tiledMs > 0);
    CHECK(all.maxAbsDiff == one.maxAbsDiff);  // the same data, the same rows, bit for bit
    CHECK(all.naiveBytes == one.naiveBytes);
  }
  std::atomic<bool> stop{true};
  const auto stopped = core::runFastBenchmarkOnCores(256, 16, 8, 2, 1, &stop);
  CHECK(stopped.stopped);
}
