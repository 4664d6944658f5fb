// fast_cores.cpp: the cost lab's kernels split across threads (see fast_cores.h).
#include "core/fast_cores.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <new>
#include <thread>
#include <vector>

#include "core/random_stream.h"

namespace core {

int coreCount() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace {

// Runs `kernel(rows)` on each worker's slice at once; false when any of them failed.
template <typename Kernel>
bool onEveryCore(int n, int workers, Kernel kernel) {
  std::vector<char> ok(static_cast<size_t>(workers), 0);
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(workers) - 1);
  for (int w = 1; w < workers; ++w)
    threads.emplace_back([&, w] { ok[static_cast<size_t>(w)] = kernel(workerRows(n, workers, w)) ? 1 : 0; });
  ok[0] = kernel(workerRows(n, workers, 0)) ? 1 : 0;  // this thread takes the first slice
  for (std::thread& t : threads) t.join();
  return std::all_of(ok.begin(), ok.end(), [](char c) { return c != 0; });
}

}  // namespace

FastBenchmark runFastBenchmarkOnCores(int n, int d, int tile, int workers, uint32_t seed,
                                      const std::atomic<bool>* stop) {
  FastBenchmark result;
  result.n = n, result.d = d, result.tile = tile;
  result.naiveBytes = fastDirectBytes(n, d);
  result.tiledBytes = fastTiledBytes(n, d, tile);
  workers = std::clamp(workers, 1, std::min(256, n));
  const size_t count = static_cast<size_t>(n) * d;
  std::unique_ptr<float[]> data(new (std::nothrow) float[5 * count]);
  if (!data) {
    result.error = "there is not enough memory for n = " + std::to_string(n) + ", d = " + std::to_string(d);
    return result;
  }
  float* Q = data.get();
  float* K = Q + count;
  float* V = K + count;
  float* direct = V + count;
  float* tiled = direct + count;
  uint64_t generator = seed;  // as runFastBenchmark makes them
  for (size_t k = 0; k < 3 * count; ++k) Q[k] = static_cast<float>(2.0 * uniformRandom(generator) - 1.0);
  const auto time = [&](auto kernel) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    int runs = 0;
    double elapsed = 0;
    do {
      if (!onEveryCore(n, workers, kernel)) return -1.0;
      ++runs;
      elapsed = std::chrono::duration<double, std::milli>(clock::now() - start).count();
    } while (elapsed < 20.0 && runs < 1000);
    return elapsed / runs;
  };
  result.naiveMs = time([&](QueryRows rows) { return fastAttentionDirect(Q, K, V, n, d, direct, stop, rows); });
  if (result.naiveMs >= 0)
    result.tiledMs = time([&](QueryRows rows) { return fastAttentionTiled(Q, K, V, n, d, tile, tiled, stop, rows); });
  if (stop && stop->load()) {
    result.stopped = true;
    result.error = "stopped";
    return result;
  }
  if (result.naiveMs < 0 || result.tiledMs < 0) {
    result.error = "there is not enough memory for the " + std::string(result.naiveMs < 0 ? "direct" : "tiled") +
                   " method at n = " + std::to_string(n);
    return result;
  }
  double diff = 0;
  for (size_t k = 0; k < count; ++k) diff = std::max(diff, static_cast<double>(std::fabs(direct[k] - tiled[k])));
  result.maxAbsDiff = diff;
  return result;
}

}  // namespace core
