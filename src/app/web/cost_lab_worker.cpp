// cost_lab_worker.cpp: the cost lab's wasm module, run in a Web Worker (web/cost-lab-worker-glue.js
// is its message handler). Only the float32 kernels (and the limits both halves of the lab
// worker check): no ImGui, no lesson, no JSON.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <cstdint>
#include <limits>

#include "core/fast_attention.h"
#include "core/training.h"

// The limits the worker's glue checks requests against, from the C++ that enforces them:
// [largest n, largest d, most training steps, smallest and largest learning rate, largest seed].
extern "C" EMSCRIPTEN_KEEPALIVE const double* lab_limits() {
  static const double limits[] = {core::kFastMaxN,         core::kFastMaxD,
                                  core::kMaxTrainingSteps, core::kMinLearningRate,
                                  core::kMaxLearningRate,  static_cast<double>(std::numeric_limits<uint32_t>::max())};
  return limits;
}

// Measures one size. Returns [status, naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes]:
// status 0 measured, 1 sizes out of range (nothing allocated), 2 not enough memory.
extern "C" EMSCRIPTEN_KEEPALIVE const double* cl_benchmark(int n, int d, int tile) {
  static double out[6];
  for (double& x : out) x = 0;
  if (!core::checkFastBenchmarkArgs(n, d, tile).empty()) {
    out[0] = 1;
    return out;
  }
  const core::FastBenchmark result = core::runFastBenchmark(n, d, tile);
  out[0] = result.error.empty() ? 0 : 2;
  out[1] = result.naiveMs, out[2] = result.tiledMs, out[3] = result.maxAbsDiff;
  out[4] = result.naiveBytes, out[5] = result.tiledBytes;
  return out;
}
#endif
