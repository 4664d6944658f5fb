// fast_bench.cpp: the cost lab's float32 kernels (core/fast_attention.h), direct and tiled
// (tile 64), d = 64, n = 64..MAX_N. A benchmark, not a test: the median of several runs in ms
// and GFLOP/s, counting 4·n²·d flops (Q Kᵀ and the weights times V).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/fast_attention.h"
#include "median_time.h"

int main(int argc, char** argv) {
  const int maxN = argc > 1 ? std::atoi(argv[1]) : 4096;
  const int d = 64, tile = argc > 2 ? std::atoi(argv[2]) : 64;
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  std::printf("%6s %12s %12s %12s %12s %10s\n", "n", "direct ms", "direct GF/s", "tiled ms", "tiled GF/s", "max diff");
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
    const double gflop = 4.0 * n * n * d / 1e9;
    std::printf("%6d %12.3f %12.2f %12.3f %12.2f %10.2e\n", n, directMs, gflop / (directMs / 1e3), tiledMs,
                gflop / (tiledMs / 1e3), diff);
  }
  return 0;
}
