// fast_bench.cpp: the cost lab's float32 kernels (core/fast_attention.h), direct and tiled
// (tile 64), d = 64, n = 64..MAX_N. A benchmark, not a test: the median of several runs in ms
// and GFLOP/s on one core, counting 4·n²·d flops (Q Kᵀ and the weights times V), and that as a
// share of the core's SIMD peak (core::simdPeakGflops: multiply-adds that stay in registers,
// measured here, since the clock is not known). Natively, also every core at once
// (core/fast_cores.h: one thread per slice of the queries) and its speed-up over one core.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/fast_attention.h"
#include "median_time.h"
#ifdef AT_FAST_CORES
#include "core/fast_cores.h"
#endif

int main(int argc, char** argv) {
  const int maxN = argc > 1 ? std::atoi(argv[1]) : 4096;
  const int d = 64, tile = argc > 2 ? std::atoi(argv[2]) : 64;
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  const double peak = core::simdPeakGflops(300);
  std::printf("SIMD peak of one core (4-wide multiplies and adds in registers): %.2f GFLOP/s\n", peak);
#ifdef AT_FAST_CORES
  const int cores = core::coreCount();
  std::printf("%6s | one core: %9s %7s %5s %9s %7s %5s | %d cores: %9s %9s %8s\n", "n", "direct ms", "GF/s", "peak",
              "tiled ms", "GF/s", "peak", cores, "direct ms", "tiled ms", "speed-up");
#else
  std::printf("%6s | one core: %9s %7s %5s %9s %7s %5s | %10s\n", "n", "direct ms", "GF/s", "peak", "tiled ms", "GF/s",
              "peak", "max diff");
#endif
  for (int n = 64; n <= maxN; n *= 2) {
    const size_t count = static_cast<size_t>(n) * d;
    std::vector<float> Q(count), K(count), V(count), direct(count), tiled(count);
    for (auto* m : {&Q, &K, &V})
      for (float& x : *m) x = uniform(rng);
    const int repetitions = n <= 512 ? 21 : (n <= 2048 ? 9 : 7);
    const double directMs =
        medianMs(repetitions, [&] { core::fastAttentionDirect(Q.data(), K.data(), V.data(), n, d, direct.data()); });
    const double tiledMs = medianMs(
        repetitions, [&] { core::fastAttentionTiled(Q.data(), K.data(), V.data(), n, d, tile, tiled.data()); });
    double diff = 0;
    for (size_t k = 0; k < count; ++k) diff = std::max(diff, static_cast<double>(std::abs(direct[k] - tiled[k])));
    const double gflop = core::attentionFlops(n, n, d) / 1e9;
    const double directRate = gflop / (directMs / 1e3), tiledRate = gflop / (tiledMs / 1e3);
    std::printf("%6d |           %9.3f %7.2f %4.0f%% %9.3f %7.2f %4.0f%% |", n, directMs, directRate,
                100 * directRate / peak, tiledMs, tiledRate, 100 * tiledRate / peak);
#ifdef AT_FAST_CORES
    // The median of three runs of every core at once (each run the mean of its repeats).
    std::vector<double> allDirect, allTiled;
    for (int k = 0; k < 3; ++k) {
      const core::FastBenchmark all = core::runFastBenchmarkOnCores(n, d, tile, cores);
      allDirect.push_back(all.naiveMs), allTiled.push_back(all.tiledMs);
    }
    std::sort(allDirect.begin(), allDirect.end());
    std::sort(allTiled.begin(), allTiled.end());
    std::printf("            %9.3f %9.3f %7.2fx\n", allDirect[1], allTiled[1], directMs / allDirect[1]);
#else
    std::printf(" %10.2e\n", diff);
#endif
  }
  return 0;
}
