// attention_bench.cpp: direct versus tiled (online) attention for n = 64..4096, d = 64.
// A benchmark, not a test: prints the median of several runs as ms and GFLOP/s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/attention.h"
#include "core/online.h"
#include "median_time.h"

namespace {

core::Matrix randomMatrix(std::mt19937& rng, int rows, int cols) {
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  core::Matrix m(rows, cols);
  for (float& v : m.values) v = dist(rng);
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  const int maxN = argc > 1 ? std::atoi(argv[1]) : 4096;
  const int d = 64, tile = 64;
  std::mt19937 rng(5);
  std::printf("%6s %12s %12s %12s %12s %8s\n", "n", "direct ms", "direct GF/s", "tiled ms", "tiled GF/s", "ratio");
  for (int n = 64; n <= maxN; n *= 2) {
    const core::Matrix Q = randomMatrix(rng, n, d), K = randomMatrix(rng, n, d), V = randomMatrix(rng, n, d);
    const int repetitions = n <= 512 ? 9 : (n <= 2048 ? 5 : 3);
    float sink = 0;
    const double direct = medianMs(repetitions, [&] {
      const auto head = core::attendOneHead(Q, K, V, true, 1.0f, core::Mask::none());
      sink += head.output.values[0];
    });
    const double tiled = medianMs(repetitions, [&] {
      const auto result = core::attendOnline(Q, K, V, {}, tile, false);
      sink += result.value().output.values[0];
    });
    const double flops = 4.0 * n * static_cast<double>(n) * d;  // Q K^T and W V, multiply + add each
    std::printf("%6d %12.2f %12.2f %12.2f %12.2f %8.2f%s\n", n, direct, flops / direct / 1e6, tiled,
                flops / tiled / 1e6, direct / tiled, sink == 12345.0f ? "!" : "");
  }
  return 0;
}
