// fast_attention.cpp: the cost lab's float32 kernels (see fast_attention.h).
// Layout: Kᵀ is copied (whole for the direct method, a tile at a time for the tiled one) so
// that scores come out 8 keys at a time from 4-wide vectors; a block of 4 queries shares
// every load. Softmax subtracts the row's (running) maximum, so exp never overflows. The
// inner pieces are separate functions (noinline, and each called from two places, so that
// Binaryen does not inline them into their one caller either) called many times: V8 compiles
// wasm with a baseline compiler first and swaps in optimised code only at a call, never
// inside a running loop.
#include "core/fast_attention.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <new>

#include "core/random_stream.h"

namespace core {

namespace {

typedef float v4 __attribute__((vector_size(16)));
typedef int32_t v4i __attribute__((vector_size(16)));

#define AT_NOINLINE __attribute__((noinline))

inline v4 load(const float* p) {
  v4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, v4 v) { std::memcpy(p, &v, sizeof v); }
inline v4 splat(float x) { return v4{x, x, x, x}; }
inline v4 vmax(v4 a, v4 b) {
  const v4i m = a > b;
  return (v4)((m & (v4i)a) | (~m & (v4i)b));
}
inline float lanesMax(v4 v) { return std::max(std::max(v[0], v[1]), std::max(v[2], v[3])); }
inline float lanesSum(v4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }

// exp(x) for x <= 0 (Cephes' expf: 2^k times a degree-6 polynomial), within 2 float ulps;
// below -87 it gives about 1e-38 instead of a denormal or 0.
inline v4 expNonPositive(v4 x) {
  x = vmax(x, splat(-87.0f));
  const v4 t = x * splat(1.44269504088896341f);
  const v4i k = -__builtin_convertvector(splat(0.5f) - t, v4i);  // round(t), as t <= 0
  const v4 kf = __builtin_convertvector(k, v4);
  const v4 r = x - kf * splat(0.693359375f) - kf * splat(-2.12194440e-4f);
  v4 p = splat(1.9875691500e-4f);
  p = p * r + splat(1.3981999507e-3f);
  p = p * r + splat(8.3334519073e-3f);
  p = p * r + splat(4.1665795894e-2f);
  p = p * r + splat(1.6666665459e-1f);
  p = p * r + splat(5.0000001201e-1f);
  p = p * r * r + r + splat(1.0f);
  const v4i twoToK = (k + 127) << 23;
  return p * (v4)twoToK;
}

bool stopRequested(const std::atomic<bool>* stop) { return stop && stop->load(std::memory_order_relaxed); }

int roundUp(int value, int multiple) { return (value + multiple - 1) / multiple * multiple; }

template <typename T>
std::unique_ptr<T[]> allocate(size_t count) {
  return std::unique_ptr<T[]>(new (std::nothrow) T[count]);
}

// Kᵀ of keys [first, first + count) into kt (d rows of `stride`), the columns past count zero.
void transposeKeys(const float* K, int d, int first, int count, float* kt, int stride) {
  for (int c = 0; c < d; ++c) {
    float* row = kt + static_cast<size_t>(c) * stride;
    for (int j = 0; j < count; ++j) row[j] = K[static_cast<size_t>(first + j) * d + c];
    std::fill(row + count, row + stride, 0.0f);
  }
}

// s[r][j] = scale · q_r · k_j for 4 query rows and keys j < cols8 (a multiple of 8), with kt
// the keys as columns (row stride ldk) and s rows of stride lds.
AT_NOINLINE void scoreBlock(const float* const q[4], const float* kt, int ldk, int d, int cols8, float scale, float* s,
                            int lds) {
  const v4 vs = splat(scale);
  for (int j = 0; j < cols8; j += 8) {
    v4 a00 = splat(0), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
    const float* k = kt + j;
    for (int c = 0; c < d; ++c, k += ldk) {
      const v4 k0 = load(k), k1 = load(k + 4);
      const v4 b0 = splat(q[0][c]), b1 = splat(q[1][c]), b2 = splat(q[2][c]), b3 = splat(q[3][c]);
      a00 += b0 * k0, a01 += b0 * k1;
      a10 += b1 * k0, a11 += b1 * k1;
      a20 += b2 * k0, a21 += b2 * k1;
      a30 += b3 * k0, a31 += b3 * k1;
    }
    store(s + j, a00 * vs), store(s + j + 4, a01 * vs);
    store(s + lds + j, a10 * vs), store(s + lds + j + 4, a11 * vs);
    store(s + 2 * lds + j, a20 * vs), store(s + 2 * lds + j + 4, a21 * vs);
    store(s + 3 * lds + j, a30 * vs), store(s + 3 * lds + j + 4, a31 * vs);
  }
}

AT_NOINLINE float rowMax(const float* s, int cols) {
  int j = 0;
  float m = -std::numeric_limits<float>::infinity();
  if (cols >= 4) {
    v4 mv = load(s);
    for (j = 4; j + 4 <= cols; j += 4) mv = vmax(mv, load(s + j));
    m = lanesMax(mv);
  }
  for (; j < cols; ++j) m = std::max(m, s[j]);
  return m;
}

// s[j] = exp(s[j] - m) for j < cols; returns their sum.
AT_NOINLINE float expShifted(float* s, int cols, float m) {
  v4 acc = splat(0);
  const v4 mv = splat(m);
  int j = 0;
  for (; j + 4 <= cols; j += 4) {
    const v4 e = expNonPositive(load(s + j) - mv);
    store(s + j, e);
    acc += e;
  }
  float sum = lanesSum(acc);
  for (; j < cols; ++j) sum += (s[j] = std::exp(s[j] - m));
  return sum;
}

// o = alpha·o + Σ_j p[j] v_j over j < cols, for one row (v rows of length d).
AT_NOINLINE void weightedRowsInto(const float* p, int cols, const float* v, int d, float* o, float alpha) {
  int c = 0;
  for (; c + 8 <= d; c += 8) {
    v4 a0 = load(o + c) * splat(alpha), a1 = load(o + c + 4) * splat(alpha);
    const float* vj = v + c;
    for (int j = 0; j < cols; ++j, vj += d) {
      const v4 w = splat(p[j]);
      a0 += w * load(vj), a1 += w * load(vj + 4);
    }
    store(o + c, a0), store(o + c + 4, a1);
  }
  for (; c < d; ++c) {
    float a = o[c] * alpha;
    for (int j = 0; j < cols; ++j) a += p[j] * v[static_cast<size_t>(j) * d + c];
    o[c] = a;
  }
}

// The same for 4 rows at once (p rows of stride lds), sharing each load of v.
AT_NOINLINE void weightedRowsInto4(const float* p, int lds, int cols, const float* v, int d, float* const o[4],
                                   const float alpha[4]) {
  int c = 0;
  for (; c + 8 <= d; c += 8) {
    v4 a[4][2];
    for (int r = 0; r < 4; ++r)
      a[r][0] = load(o[r] + c) * splat(alpha[r]), a[r][1] = load(o[r] + c + 4) * splat(alpha[r]);
    const float* vj = v + c;
    for (int j = 0; j < cols; ++j, vj += d) {
      const v4 v0 = load(vj), v1 = load(vj + 4);
      for (int r = 0; r < 4; ++r) {
        const v4 w = splat(p[r * lds + j]);
        a[r][0] += w * v0, a[r][1] += w * v1;
      }
    }
    for (int r = 0; r < 4; ++r) store(o[r] + c, a[r][0]), store(o[r] + c + 4, a[r][1]);
  }
  if (c < d)
    for (int r = 0; r < 4; ++r) {
      for (int cc = c; cc < d; ++cc) {
        float acc = o[r][cc] * alpha[r];
        for (int j = 0; j < cols; ++j) acc += p[r * lds + j] * v[static_cast<size_t>(j) * d + cc];
        o[r][cc] = acc;
      }
    }
}

// The 4 query rows starting at i0 (the last block repeats row n-1 for the missing ones).
void queryRows(const float* Q, int n, int d, int i0, const float* q[4]) {
  for (int r = 0; r < 4; ++r) q[r] = Q + static_cast<size_t>(std::min(i0 + r, n - 1)) * d;
}

// x[k] *= factor for k < count.
AT_NOINLINE void scaleInPlace(float* x, int count, float factor) {
  const v4 f = splat(factor);
  int k = 0;
  for (; k + 4 <= count; k += 4) store(x + k, load(x + k) * f);
  for (; k < count; ++k) x[k] *= factor;
}

// One direct row: the scores become weights (exp(s - max) / sum) in place.
AT_NOINLINE void softmaxRow(float* s, int n) { scaleInPlace(s, n, 1.0f / expShifted(s, n, rowMax(s, n))); }

// One tiled row meets a tile: its running max m and sum l take in the tile's scores, which
// become exp(s - m'); returns the factor exp(m - m') for its running output.
AT_NOINLINE float absorbTileRow(float* s, int cols, float& m, float& l) {
  const float mNew = std::max(m, rowMax(s, cols));
  const float alpha = std::exp(m - mNew);  // 0 for the first tile, where m = -inf
  l = l * alpha + expShifted(s, cols, mNew);
  m = mNew;
  return alpha;
}

}  // namespace

double fastDirectBytes(int n, int d) {
  const double np = roundUp(n, 8), n4 = roundUp(n, 4);
  return 4.0 * (4.0 * n * d + d * np + n4 * np);
}

double fastTiledBytes(int n, int d, int tile) {
  const double tp = roundUp(std::min(tile, n), 8);
  return 4.0 * (4.0 * n * d + d * tp + 4 * tp + 2.0 * n);
}

double attentionTrafficBytes(bool tiled, int n, int d, int queryBlock) {
  const double nd = static_cast<double>(n) * d;
  const double blocks = std::ceil(static_cast<double>(n) / std::max(1, queryBlock));
  const double shared = 2.0 * nd + 2.0 * blocks * nd;
  return 4.0 * (tiled ? shared : shared + 4.0 * n * static_cast<double>(n));
}

namespace {

// The slice's rows in full: count -1 becomes the rest of the n rows.
QueryRows resolved(QueryRows rows, int n) {
  if (rows.count < 0) rows.count = n - rows.first;
  return rows;
}

}  // namespace

bool fastAttentionDirect(const float* allQ, const float* K, const float* V, int n, int d, float* allOut,
                         const std::atomic<bool>* stop, QueryRows rows) {
  rows = resolved(rows, n);
  const float* Q = allQ + static_cast<size_t>(rows.first) * d;
  float* out = allOut + static_cast<size_t>(rows.first) * d;
  const int nq = rows.count;
  if (nq <= 0) return true;
  const int np = roundUp(n, 8), n4 = roundUp(nq, 4);
  auto kt = allocate<float>(static_cast<size_t>(d) * np);
  auto scores = allocate<float>(static_cast<size_t>(n4) * np);
  if (!kt || !scores) return false;
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  transposeKeys(K, d, 0, n, kt.get(), np);
  for (int i0 = 0; i0 < nq; i0 += 4) {
    if (stopRequested(stop)) return false;
    const float* q[4];
    queryRows(Q, nq, d, i0, q);
    scoreBlock(q, kt.get(), np, d, np, scale, scores.get() + static_cast<size_t>(i0) * np, np);
  }
  for (int i = 0; i < nq; ++i) softmaxRow(scores.get() + static_cast<size_t>(i) * np, n);
  std::fill(out, out + static_cast<size_t>(nq) * d, 0.0f);
  const float ones[4] = {1, 1, 1, 1};
  int i0 = 0;
  for (; i0 + 4 <= nq; i0 += 4) {
    if (stopRequested(stop)) return false;
    float* o[4] = {out + static_cast<size_t>(i0) * d, out + static_cast<size_t>(i0 + 1) * d,
                   out + static_cast<size_t>(i0 + 2) * d, out + static_cast<size_t>(i0 + 3) * d};
    weightedRowsInto4(scores.get() + static_cast<size_t>(i0) * np, np, n, V, d, o, ones);
  }
  for (; i0 < nq; ++i0)
    weightedRowsInto(scores.get() + static_cast<size_t>(i0) * np, n, V, d, out + static_cast<size_t>(i0) * d, 1.0f);
  return true;
}

bool fastAttentionTiled(const float* allQ, const float* K, const float* V, int n, int d, int tile, float* allOut,
                        const std::atomic<bool>* stop, QueryRows rows) {
  rows = resolved(rows, n);
  const float* Q = allQ + static_cast<size_t>(rows.first) * d;
  float* out = allOut + static_cast<size_t>(rows.first) * d;
  const int nq = rows.count;
  if (nq <= 0) return true;
  const int t = std::clamp(tile, 1, n), tp = roundUp(t, 8);
  auto kt = allocate<float>(static_cast<size_t>(d) * tp);
  auto block = allocate<float>(static_cast<size_t>(4) * tp);
  auto running = allocate<float>(static_cast<size_t>(2) * nq);  // max, then sum, of every query
  if (!kt || !block || !running) return false;
  float* m = running.get();
  float* l = running.get() + nq;
  std::fill(m, m + nq, -std::numeric_limits<float>::infinity());
  std::fill(l, l + nq, 0.0f);
  std::fill(out, out + static_cast<size_t>(nq) * d, 0.0f);
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  for (int j0 = 0; j0 < n; j0 += t) {
    if (stopRequested(stop)) return false;
    const int cols = std::min(t, n - j0);
    transposeKeys(K, d, j0, cols, kt.get(), tp);
    const float* vTile = V + static_cast<size_t>(j0) * d;
    for (int i0 = 0; i0 < nq; i0 += 4) {
      const float* q[4];
      queryRows(Q, nq, d, i0, q);
      scoreBlock(q, kt.get(), tp, d, roundUp(cols, 8), scale, block.get(), tp);
      const int blockRows = std::min(4, nq - i0);
      float alpha[4];
      for (int r = 0; r < blockRows; ++r) alpha[r] = absorbTileRow(block.get() + r * tp, cols, m[i0 + r], l[i0 + r]);
      if (blockRows == 4) {
        float* o[4] = {out + static_cast<size_t>(i0) * d, out + static_cast<size_t>(i0 + 1) * d,
                       out + static_cast<size_t>(i0 + 2) * d, out + static_cast<size_t>(i0 + 3) * d};
        weightedRowsInto4(block.get(), tp, cols, vTile, d, o, alpha);
      } else {
        for (int r = 0; r < blockRows; ++r)
          weightedRowsInto(block.get() + r * tp, cols, vTile, d, out + static_cast<size_t>(i0 + r) * d, alpha[r]);
      }
    }
  }
  for (int i = 0; i < nq; ++i) scaleInPlace(out + static_cast<size_t>(i) * d, d, 1.0f / l[i]);
  return true;
}

namespace {

// One block of the peak probe: `iterations` times, twelve independent chains of a 4-wide
// multiply then add (12 chains x 2 operations x 4 lanes = 96 flops an iteration). Twelve chains
// keep the multipliers and adders busy every cycle on cores whose multiply and add take several
// cycles each and that have two of each (8 were too few on some: the probe then read low), and
// still fit the 16 vector registers with the two constants. The values stay bounded
// (x·0.999 + 0.001 tends to 1), so no denormals or infinities slow them down.
AT_NOINLINE float peakBlock(long iterations, float seed, float multiplier, float addend) {
  const v4 m = splat(multiplier), c = splat(addend);
  v4 a0 = splat(seed), a1 = a0 + c, a2 = a1 + c, a3 = a2 + c, a4 = a3 + c, a5 = a4 + c, a6 = a5 + c, a7 = a6 + c;
  v4 a8 = a7 + c, a9 = a8 + c, a10 = a9 + c, a11 = a10 + c;
  for (long k = 0; k < iterations; ++k) {
    a0 = a0 * m + c, a1 = a1 * m + c, a2 = a2 * m + c, a3 = a3 * m + c;
    a4 = a4 * m + c, a5 = a5 * m + c, a6 = a6 * m + c, a7 = a7 * m + c;
    a8 = a8 * m + c, a9 = a9 * m + c, a10 = a10 * m + c, a11 = a11 * m + c;
  }
  return lanesSum(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11)));
}

}  // namespace

double simdPeakGflops(double ms) {
  using clock = std::chrono::steady_clock;
  constexpr long kBlock = 1 << 18;  // about a millisecond's work a block
  // Read at run time, so the compiler cannot work the chains out ahead.
  volatile float sink = 0, multiplier = 0.999f, addend = 0.001f;
  sink = sink + peakBlock(kBlock, 0.5f, multiplier, addend);  // a warm-up: optimised code from the next call
  long iterations = 0;
  const auto start = clock::now();
  double elapsed = 0;
  do {
    sink = sink + peakBlock(kBlock, 0.5f + static_cast<float>(iterations & 1), multiplier, addend);
    iterations += kBlock;
    elapsed = std::chrono::duration<double, std::milli>(clock::now() - start).count();
  } while (elapsed < ms);
  return 96.0 * static_cast<double>(iterations) / (elapsed * 1e6);
}

QueryRows workerRows(int n, int workers, int index) {
  const long long w = std::max(1, workers);
  const int first = static_cast<int>(static_cast<long long>(n) * index / w);
  const int next = static_cast<int>(static_cast<long long>(n) * (index + 1) / w);
  return {first, next - first};
}

std::string checkFastBenchmarkArgs(double n, double d, double tile) {
  const auto whole = [](double x, double low, double high) { return std::floor(x) == x && x >= low && x <= high; };
  if (!whole(n, 1, kFastMaxN)) return "n must be a whole number from 1 to " + std::to_string(kFastMaxN);
  if (!whole(d, 1, kFastMaxD)) return "d must be a whole number from 1 to " + std::to_string(kFastMaxD);
  if (!whole(tile, 1, n))
    return "tile must be a whole number from 1 to n (" + std::to_string(static_cast<int>(n)) + ")";
  return {};
}

void fastBenchmarkInputs(float* qkv, int n, int d, uint32_t seed) {
  uint64_t generator = seed;  // the core's one generator (random_stream.h)
  const size_t count = 3 * static_cast<size_t>(n) * d;
  for (size_t k = 0; k < count; ++k) qkv[k] = static_cast<float>(2.0 * uniformRandom(generator) - 1.0);
}

FastBenchmark measureFastBenchmark(int n, int d, int tile, uint32_t seed, const std::atomic<bool>* stop, QueryRows rows,
                                   const RunOnRows& runOnRows) {
  FastBenchmark result;
  result.n = n, result.d = d, result.tile = tile;
  rows = resolved(rows, n);
  result.rows = rows;
  result.naiveBytes = fastDirectBytes(n, d);
  result.tiledBytes = fastTiledBytes(n, d, tile);
  const size_t count = static_cast<size_t>(n) * d;
  auto data = allocate<float>(5 * count);  // Q, K, V and the two outputs
  if (!data) {
    result.error = "there is not enough memory for n = " + std::to_string(n) + ", d = " + std::to_string(d);
    return result;
  }
  float* Q = data.get();
  float* K = Q + count;
  float* V = K + count;
  float* direct = V + count;
  float* tiled = direct + count;
  fastBenchmarkInputs(Q, n, d, seed);
  // Small sizes run many times, until at least 20 ms have passed, and report the mean.
  const auto time = [&](auto body) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    int runs = 0;
    double elapsed = 0;
    do {
      if (!body()) return -1.0;
      ++runs;
      elapsed = std::chrono::duration<double, std::milli>(clock::now() - start).count();
    } while (elapsed < 20.0 && runs < 1000);
    return elapsed / runs;
  };
  result.naiveMs = time([&] {
    return runOnRows([&](QueryRows slice) { return fastAttentionDirect(Q, K, V, n, d, direct, stop, slice); });
  });
  result.tiledMs = time([&] {
    return result.naiveMs >= 0 &&
           runOnRows([&](QueryRows slice) { return fastAttentionTiled(Q, K, V, n, d, tile, tiled, stop, slice); });
  });
  if (stopRequested(stop)) {
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
  const size_t first = static_cast<size_t>(rows.first) * d, last = first + static_cast<size_t>(rows.count) * d;
  for (size_t k = first; k < last; ++k) diff = std::max(diff, static_cast<double>(std::fabs(direct[k] - tiled[k])));
  result.maxAbsDiff = diff;
  return result;
}

FastBenchmark runFastBenchmark(int n, int d, int tile, uint32_t seed, const std::atomic<bool>* stop, QueryRows rows) {
  rows = resolved(rows, n);
  return measureFastBenchmark(n, d, tile, seed, stop, rows, [rows](const RowsKernel& kernel) { return kernel(rows); });
}

}  // namespace core
