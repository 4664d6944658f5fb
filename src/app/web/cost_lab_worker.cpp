// cost_lab_worker.cpp: the cost lab's wasm module, run in a Web Worker (web/cost-lab-worker-glue.js
// is its message handler). Only the float32 kernels (and the limits both halves of the lab
// worker check): no ImGui, no lesson, no JSON.
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <new>

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

// Measures one size on the query rows [first, first + count) (one worker's slice; the whole n
// on one core). Returns [status, naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes, flops,
// naiveTraffic, tiledTraffic]: status 0 measured, 1 sizes out of range (nothing allocated), 2
// not enough memory. flops are the slice's; the traffic is the whole n's (the block of
// queries that shares K and V is the kernels' own).
extern "C" EMSCRIPTEN_KEEPALIVE const double* cl_benchmark(int n, int d, int tile, int first, int count) {
  static double out[9];
  for (double& x : out) x = 0;
  if (!core::checkFastBenchmarkArgs(n, d, tile).empty() || first < 0 || count < 1 || first > n - count) {
    out[0] = 1;
    return out;
  }
  const core::FastBenchmark result = core::runFastBenchmark(n, d, tile, 1, nullptr, core::QueryRows{first, count});
  out[0] = result.error.empty() ? 0 : 2;
  out[1] = result.naiveMs, out[2] = result.tiledMs, out[3] = result.maxAbsDiff;
  out[4] = result.naiveBytes, out[5] = result.tiledBytes;
  out[6] = core::attentionFlops(count, n, d);
  out[7] = core::attentionTrafficBytes(false, n, d, core::kFastQueryBlock);
  out[8] = core::attentionTrafficBytes(true, n, d, core::kFastQueryBlock);
  return out;
}

// The GPU's run is checked against this worker's CPU: Q, K and V as every benchmark makes them,
// then the output the CPU's tiled kernel gives for them, held here (4·n·d floats: Q, K, V, out)
// until the next call. Returns where they start, or 0 when the sizes are out of range or the
// memory cannot be had (nothing is kept then).
extern "C" EMSCRIPTEN_KEEPALIVE const float* cl_gpu_inputs(int n, int d, int tile) {
  static std::unique_ptr<float[]> held;
  held.reset();
  if (!core::checkFastBenchmarkArgs(n, d, tile).empty()) return nullptr;
  const size_t count = static_cast<size_t>(n) * d;
  held.reset(new (std::nothrow) float[4 * count]);
  if (!held) return nullptr;
  float* qkv = held.get();
  core::fastBenchmarkInputs(qkv, n, d);
  if (!core::fastAttentionTiled(qkv, qkv + count, qkv + 2 * count, n, d, tile, qkv + 3 * count)) {
    held.reset();
    return nullptr;
  }
  return held.get();
}

// This worker's 4-wide SIMD limit in GFLOP/s (core::simdPeakGflops), over about `ms` ms.
extern "C" EMSCRIPTEN_KEEPALIVE double cl_peak(double ms) { return core::simdPeakGflops(ms); }
#endif
