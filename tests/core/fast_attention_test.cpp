// fast_attention_test.cpp: the cost lab's float32 kernels against the lesson's core (which
// accumulates in double), over awkward shapes: n and d not multiples of the vector widths,
// tiles of 1, of n and in between, large score spreads (softmax must subtract the max).
#include "core/fast_attention.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "core/attention.h"
#include "helpers.h"

namespace {

double maxDiff(const std::vector<float>& a, const core::Matrix& b) {
  double worst = 0;
  for (size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::fabs(double(a[k]) - double(b.values[k])));
  return worst;
}

}  // namespace

TEST_CASE("fast kernels match the core within float tolerance") {
  std::mt19937 rng(11);
  struct Shape {
    int n, d, tile;
    float spread;
  };
  const Shape shapes[] = {{1, 1, 1, 1},     {3, 5, 2, 1},   {4, 8, 4, 1},    {7, 3, 7, 2},
                          {17, 13, 5, 2},   {33, 64, 8, 1}, {64, 64, 64, 1}, {100, 17, 33, 3},
                          {129, 72, 64, 1}, {50, 9, 1, 2},  {40, 16, 40, 8}};
  for (const Shape& s : shapes) {
    CAPTURE(s.n);
    CAPTURE(s.d);
    CAPTURE(s.tile);
    const core::Matrix Q = testing_helpers::randomMatrix(rng, s.n, s.d, s.spread);
    const core::Matrix K = testing_helpers::randomMatrix(rng, s.n, s.d, s.spread);
    const core::Matrix V = testing_helpers::randomMatrix(rng, s.n, s.d, 1.0f);
    const core::Matrix want = core::attendOneHead(Q, K, V, true, 1.0f, core::Mask::none()).output;
    std::vector<float> direct(Q.values.size(), -99.0f), tiled(Q.values.size(), -99.0f);
    REQUIRE(core::fastAttentionDirect(Q.values.data(), K.values.data(), V.values.data(), s.n, s.d, direct.data()));
    REQUIRE(
        core::fastAttentionTiled(Q.values.data(), K.values.data(), V.values.data(), s.n, s.d, s.tile, tiled.data()));
    CHECK(maxDiff(direct, want) < 2e-5);
    CHECK(maxDiff(tiled, want) < 2e-5);
  }
}

TEST_CASE("fast kernels stay finite when scores are huge") {
  // Scores near 1e4 / sqrt(d): exp without the max subtracted would overflow.
  const int n = 9, d = 4;
  std::vector<float> Q(n * d, 100.0f), K(n * d), V(n * d), out(n * d);
  for (int i = 0; i < n * d; ++i) K[i] = float(i % 7) * 30.0f, V[i] = float(i % 5);
  REQUIRE(core::fastAttentionDirect(Q.data(), K.data(), V.data(), n, d, out.data()));
  for (float x : out) CHECK(std::isfinite(x));
  REQUIRE(core::fastAttentionTiled(Q.data(), K.data(), V.data(), n, d, 2, out.data()));
  for (float x : out) CHECK(std::isfinite(x));
}

TEST_CASE("the benchmark's arguments and memory sizes") {
  CHECK(core::checkFastBenchmarkArgs(64, 64, 64).empty());
  CHECK(core::checkFastBenchmarkArgs(8192, 256, 1).empty());
  CHECK(core::checkFastBenchmarkArgs(0, 64, 1) == "n must be a whole number from 1 to 8192");
  CHECK(core::checkFastBenchmarkArgs(8193, 64, 1) == "n must be a whole number from 1 to 8192");
  CHECK(core::checkFastBenchmarkArgs(64.5, 64, 1) == "n must be a whole number from 1 to 8192");
  CHECK(core::checkFastBenchmarkArgs(64, 257, 1) == "d must be a whole number from 1 to 256");
  CHECK(core::checkFastBenchmarkArgs(64, 64, 65) == "tile must be a whole number from 1 to n (64)");
  CHECK(core::checkFastBenchmarkArgs(64, 64, NAN) == "tile must be a whole number from 1 to n (64)");
  // n = 4096, d = 64: the direct method holds the 64 MB score matrix; the tiled one about 4 MB.
  CHECK(core::fastDirectBytes(4096, 64) == 4.0 * (4 * 4096 * 64 + 64 * 4096 + 4096.0 * 4096));
  CHECK(core::fastTiledBytes(4096, 64, 64) == 4.0 * (4 * 4096 * 64 + 64 * 64 + 4 * 64 + 2 * 4096));
  const auto run = core::runFastBenchmark(64, 16, 8);
  CHECK(run.error.empty());
  CHECK(run.naiveMs > 0);
  CHECK(run.tiledMs > 0);
  CHECK(run.maxAbsDiff < 1e-5);
}

TEST_CASE("a stop flag ends the kernels and the benchmark between blocks of queries") {
  const int n = 64, d = 8;
  std::vector<float> Q(n * d, 0.5f), out(n * d, 7.0f);
  std::atomic<bool> stop{true};
  CHECK_FALSE(core::fastAttentionDirect(Q.data(), Q.data(), Q.data(), n, d, out.data(), &stop));
  CHECK_FALSE(core::fastAttentionTiled(Q.data(), Q.data(), Q.data(), n, d, 8, out.data(), &stop));
  const auto stopped = core::runFastBenchmark(n, d, 8, 1, &stop);
  CHECK(stopped.stopped);
  CHECK(stopped.naiveMs <= 0);
  stop = false;
  CHECK(core::fastAttentionTiled(Q.data(), Q.data(), Q.data(), n, d, 8, out.data(), &stop));
  CHECK(std::fabs(out[0] - 0.5f) < 1e-6f);  // every value row is 0.5, so is every output
#ifndef __EMSCRIPTEN__                      // the wasm tests have no threads
  // From another thread, mid-run: n = 4096 takes hundreds of milliseconds; the flag set after
  // 10 ms ends it early (the desktop's Cancel).
  std::thread canceller([&stop] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop = true;
  });
  const auto cancelled = core::runFastBenchmark(4096, 64, 64, 1, &stop);
  canceller.join();
  CHECK(cancelled.stopped);
  CHECK(cancelled.error == "stopped");
#endif
}

TEST_CASE("a slice of the queries gives exactly the rows the whole run gives, and the slices cover n") {
  std::mt19937 rng(11);
  struct Size {
    int n, d, tile;
  };
  for (const Size size : {Size{37, 9, 8}, Size{64, 16, 64}, Size{101, 33, 7}}) {
    const int n = size.n, d = size.d, tile = size.tile;
    CAPTURE(n);
    const core::Matrix Q = testing_helpers::randomMatrix(rng, n, d, 2.0f);
    const core::Matrix K = testing_helpers::randomMatrix(rng, n, d, 2.0f);
    const core::Matrix V = testing_helpers::randomMatrix(rng, n, d, 1.0f);
    std::vector<float> whole(Q.values.size()), wholeTiled(Q.values.size());
    REQUIRE(core::fastAttentionDirect(Q.values.data(), K.values.data(), V.values.data(), n, d, whole.data()));
    REQUIRE(core::fastAttentionTiled(Q.values.data(), K.values.data(), V.values.data(), n, d, tile, wholeTiled.data()));
    for (int workers : {1, 2, 3, 7}) {
      CAPTURE(workers);
      std::vector<float> direct(Q.values.size(), -99.0f), tiled(Q.values.size(), -99.0f);
      int covered = 0;
      for (int w = 0; w < workers; ++w) {
        const core::QueryRows rows = core::workerRows(n, workers, w);
        CHECK(rows.first == covered);  // in order, no gap, no overlap
        covered += rows.count;
        REQUIRE(core::fastAttentionDirect(Q.values.data(), K.values.data(), V.values.data(), n, d, direct.data(),
                                          nullptr, rows));
        REQUIRE(core::fastAttentionTiled(Q.values.data(), K.values.data(), V.values.data(), n, d, tile, tiled.data(),
                                         nullptr, rows));
      }
      CHECK(covered == n);
      CHECK(direct == whole);  // bit for bit: a row's arithmetic does not depend on the others
      CHECK(tiled == wholeTiled);
    }
    const auto slice = core::runFastBenchmark(n, d, tile, 1, nullptr, core::workerRows(n, 3, 1));
    CHECK(slice.error.empty());
    CHECK(slice.rows.first == core::workerRows(n, 3, 1).first);
    CHECK(slice.maxAbsDiff < 1e-5);
  }
}

TEST_CASE("the flop count and the SIMD peak probe") {
  CHECK(core::attentionFlops(4096, 4096, 64) == 4.0 * 4096 * 4096 * 64);
  const double peak = core::simdPeakGflops(5);
  CHECK(peak > 0.1);     // any core does more than a tenth of a GFLOP/s of 4-wide multiply-adds
  CHECK(peak < 1000.0);  // and no core a teraflop: a wrong count would show
}

TEST_CASE("the bytes each method moves to and from slow memory") {
  // n = 4096, d = 64, blocks of 4 queries: K and V read 1024 times each.
  const double nd = 4096.0 * 64;
  const double tiled = core::attentionTrafficBytes(true, 4096, 64, 4);
  CHECK(tiled == 4.0 * (2 * nd + 2 * 1024 * nd));
  CHECK(core::attentionTrafficBytes(false, 4096, 64, 4) == tiled + 4.0 * 4 * 4096.0 * 4096);
  // A block of queries that does not divide n still reads K and V for its last, partial block.
  CHECK(core::attentionTrafficBytes(true, 10, 2, 4) == 4.0 * (2 * 20 + 2 * 3 * 20));
  // Larger blocks share more: the direct method's n² terms then dominate.
  for (int n : {64, 1000, 8192}) {
    const double direct = core::attentionTrafficBytes(false, n, 64, 64);
    CHECK(direct > core::attentionTrafficBytes(true, n, 64, 64));
    CHECK(core::attentionTrafficBytes(true, n, 64, 64) < core::attentionTrafficBytes(true, n, 64, 4));
  }
}
