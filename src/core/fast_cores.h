// fast_cores.h: the cost lab's kernels on every core of the desktop, one thread per slice of the
// queries (fast_attention.h's QueryRows), timed from the first thread's start to the last one's
// end. Native builds only: the page splits the queries across Web Workers instead
// (web/labs.js), each running fast_attention.h's kernels on its slice.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/fast_attention.h"

namespace core {

// The threads this machine runs at once (std::thread::hardware_concurrency, at least 1).
int coreCount();

// Both kernels on random Q, K, V (the same seed as runFastBenchmark) with the queries split
// across `workers` threads; naiveMs and tiledMs are the wall-clock time of all of them, and
// maxAbsDiff covers every row. Sizes must be valid (checkFastBenchmarkArgs), workers 1..256.
FastBenchmark runFastBenchmarkOnCores(int n, int d, int tile, int workers, uint32_t seed = 1,
                                      const std::atomic<bool>* stop = nullptr);

}  // namespace core
