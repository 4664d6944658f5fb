// fast_attention.h: float32 attention kernels for the cost lab, written for speed, not for
// display. Direct: the whole n x n score matrix, then row softmax, then weights V. Tiled: the
// FlashAttention way, keys visited in tiles with a running max and sum per query, never
// holding more than one tile of scores. Both use 4-wide float vectors (GCC/clang vector
// extensions: SSE natively, wasm SIMD with -msimd128), the same source on both.
// The lesson's own trace keeps its precision (core/attention.h, core/online.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace core {

// The cost lab's sizes, which the page's API and the worker both enforce, and the most workers
// (cores) a run splits its queries across.
constexpr int kFastMaxN = 8192, kFastMaxD = 256, kFastMaxWorkers = 16;
// The queries whose rows share each read of K and V in both kernels (a 4-row block).
constexpr int kFastQueryBlock = 4;

// A slice of the queries: rows [first, first + count) of Q and of the output; count -1 is every
// row from first. A query's row of attention needs only its own query and every key and value,
// so slices run apart (one per worker or thread, with no memory shared) and give exactly the
// rows the whole run gives.
struct QueryRows {
  int first = 0, count = -1;
};

// Scaled dot-product attention, one head, no mask: out = softmax(Q Kᵀ / √d) V, for the query
// rows asked for. Q, K, V and out are n x d, row-major. Each returns false when its working
// memory cannot be had (out untouched), or when *stop turned true while it ran (out partly
// written); stop is read between blocks of work (four queries, or one tile of keys),
// milliseconds apart at most. The rows must lie within 0..n.
bool fastAttentionDirect(const float* Q, const float* K, const float* V, int n, int d, float* out,
                         const std::atomic<bool>* stop = nullptr, QueryRows rows = {});
bool fastAttentionTiled(const float* Q, const float* K, const float* V, int n, int d, int tile, float* out,
                        const std::atomic<bool>* stop = nullptr, QueryRows rows = {});

// The floating-point operations both methods do for `queries` rows of n keys, d wide: q·k for
// each pair and the weighted sum of the values, a multiply and an add each (4·queries·n·d);
// the softmax's exp and sums (a few per pair) are not counted.
// Inline: the page's lesson module uses it without the kernels.
inline double attentionFlops(double queries, int n, int d) { return 4.0 * queries * n * d; }

// The most floating-point operations per second this core's 4-wide SIMD gives without fused
// multiply-add: twelve independent chains of vector multiplies and adds that never leave the
// registers, run for about `ms` milliseconds; in GFLOP/s. The kernels' GFLOP/s over this is how
// close they come to the core's limit (a page cannot know the clock, so it is measured).
double simdPeakGflops(double ms = 40);

// The bytes each method holds while it runs, exactly what the functions above allocate plus
// their inputs and output (4 bytes a float):
//  both:   Q, K, V and the output, 4·n·d floats;
//  direct: Kᵀ (n·d) and the n x n score matrix (n²);
//  tiled:  one tile of Kᵀ (d·T'), a 4 x T' block of scores and the running max and sum of
//          every query (2n), with T' = the tile rounded up to a multiple of 8.
double fastDirectBytes(int n, int d);
double fastTiledBytes(int n, int d, int tile);

// The bytes a method moves between large, slow memory and the small, fast memory a block of
// queries works in: an ideal count, pass by pass over the algorithm with blocks of `queryBlock`
// queries (the second FlashAttention's order), not a count of these kernels' every load (the
// tiled kernel here goes tile by tile over all queries, the first version's order), 4 bytes a
// float:
//  both:   Q read once, the output written once (2·n·d), and K and V read once for each block
//          of `queryBlock` queries that shares them (2·⌈n/queryBlock⌉·n·d);
//  direct: the n x n scores written, read and written back by the softmax, read by the
//          weighted sum of V (4·n²);
//  tiled:  nothing more: a tile's scores, the running max and sum never leave fast memory.
// On a CPU the caches hold much of K and V between blocks, so this counts what the algorithm
// asks for, not what reaches the memory chips.
double attentionTrafficBytes(bool tiled, int n, int d, int queryBlock);

struct FastBenchmark {
  int n = 0, d = 0, tile = 0;
  QueryRows rows;                   // the slice of the queries this run computed
  double naiveMs = 0, tiledMs = 0;  // per run (small sizes are repeated and averaged)
  double maxAbsDiff = 0;            // between the two outputs
  double naiveBytes = 0, tiledBytes = 0;
  std::string error;     // non-empty: nothing was measured
  bool stopped = false;  // *stop turned true: nothing was measured either
};

// "" when n, d and tile are in range (n 1..8192, d 1..256, tile 1..n), else why not.
std::string checkFastBenchmarkArgs(double n, double d, double tile);
// Random Q, K, V in [-1, 1) (fixed seed: every worker makes the same), both kernels timed on
// them for the query rows asked for. Sizes must be valid. Setting *stop from another thread ends
// it within one block of queries (the desktop's Cancel).
FastBenchmark runFastBenchmark(int n, int d, int tile, uint32_t seed = 1, const std::atomic<bool>* stop = nullptr,
                               QueryRows rows = {});
// Q, K and V, n x d each, one after another in `qkv` (3·n·d floats), as every benchmark makes
// them: uniform in [-1, 1) from `seed` (so a GPU run can be checked against the CPU's).
void fastBenchmarkInputs(float* qkv, int n, int d, uint32_t seed = 1);
// What runFastBenchmark does, with the kernels run on `rows` by `runOnRows`: it is handed the
// kernel for a slice and runs it on its rows (one slice in this thread, or each worker's slice at
// once: fast_cores.h), true when every run succeeded. The time is its wall-clock time.
using RowsKernel = std::function<bool(QueryRows)>;
using RunOnRows = std::function<bool(const RowsKernel&)>;
FastBenchmark measureFastBenchmark(int n, int d, int tile, uint32_t seed, const std::atomic<bool>* stop, QueryRows rows,
                                   const RunOnRows& runOnRows);
// The slice of n queries that worker `index` of `workers` takes: as even as whole rows allow.
QueryRows workerRows(int n, int workers, int index);

}  // namespace core
