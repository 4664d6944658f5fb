// fast_cores.cpp: the cost lab's kernels split across threads (see fast_cores.h).
#include "core/fast_cores.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace core {

int coreCount() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace {

// Runs `kernel(rows)` on each worker's slice at once; false when any of them failed.
bool onEveryCore(int n, int workers, const RowsKernel& kernel) {
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
  workers = std::clamp(workers, 1, std::min(256, n));
  return measureFastBenchmark(n, d, tile, seed, stop, QueryRows{0, n},
                              [&](const RowsKernel& kernel) { return onEveryCore(n, workers, kernel); });
}

}  // namespace core
