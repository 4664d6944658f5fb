// online.cpp: tiled attention with a running max and running sum per query row.
#include "core/online.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {

constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();

struct RunningRows {
  std::vector<double> maxima;  // m
  std::vector<double> sums;    // l
  std::vector<double> acc;     // sum_j exp(s_ij - m_i) v_j, row-major n_q x d_v
};

// Folds one tile of keys into the running state of every query row.
void foldTile(const Matrix& Q, const Matrix& K, const Matrix& V, const AttentionOptions& options, float divisor,
              int firstKey, int keyCount, RunningRows& run, std::vector<double>& tileScores) {
  const int valueWidth = V.cols;
  for (int i = 0; i < Q.rows; ++i) {
    double tileMax = -std::numeric_limits<double>::infinity();
    for (int t = 0; t < keyCount; ++t) {
      const int j = firstKey + t;
      double s = -std::numeric_limits<double>::infinity();
      if (!isHidden(options.mask, i, j)) {
        // Round like the direct path (float scores), so both give the same numbers.
        const float raw = static_cast<float>(dot(Q.rowData(i), K.rowData(j), Q.cols));
        s = static_cast<float>(static_cast<double>(raw) / static_cast<double>(divisor));
      }
      tileScores[static_cast<size_t>(t)] = s;
      tileMax = std::max(tileMax, s);
    }
    if (tileMax == -std::numeric_limits<double>::infinity()) continue;  // nothing visible in this tile
    const size_t row = static_cast<size_t>(i);
    const double newMax = std::max(run.maxima[row], tileMax);
    const double correction = std::exp(run.maxima[row] - newMax);  // exp(-inf) = 0 on the first visible tile
    double* acc = run.acc.data() + row * static_cast<size_t>(valueWidth);
    for (int c = 0; c < valueWidth; ++c) acc[c] *= correction;
    double sum = run.sums[row] * correction;
    for (int t = 0; t < keyCount; ++t) {
      const double e = std::exp(tileScores[static_cast<size_t>(t)] - newMax);
      if (e == 0.0) continue;
      sum += e;
      const float* v = V.rowData(firstKey + t);
      for (int c = 0; c < valueWidth; ++c) acc[c] += e * v[c];
    }
    run.sums[row] = sum;
    run.maxima[row] = newMax;
  }
}

Matrix normalisedOutput(const RunningRows& run, int rows, int valueWidth) {
  Matrix out(rows, valueWidth);
  for (int i = 0; i < rows; ++i) {
    const size_t row = static_cast<size_t>(i);
    if (run.sums[row] == 0.0) continue;  // fully hidden so far: zeros, like the direct path
    for (int c = 0; c < valueWidth; ++c)
      out.at(i, c) = static_cast<float>(run.acc[row * static_cast<size_t>(valueWidth) + static_cast<size_t>(c)] /
                                        run.sums[row]);
  }
  return out;
}

OnlineTileStep snapshot(const RunningRows& run, int rows, int valueWidth, int firstKey, int keyCount) {
  OnlineTileStep step;
  step.firstKey = firstKey;
  step.keyCount = keyCount;
  for (int i = 0; i < rows; ++i) {
    const double m = run.maxima[static_cast<size_t>(i)];
    step.runningMax.push_back(std::isinf(m) ? kMinusInfinity : static_cast<float>(m));
    step.runningSum.push_back(static_cast<float>(run.sums[static_cast<size_t>(i)]));
  }
  step.partialOutput = normalisedOutput(run, rows, valueWidth);
  return step;
}

}  // namespace

Result<OnlineAttention> attendOnline(const Matrix& Q, const Matrix& K, const Matrix& V,
                                     const AttentionOptions& options, int tileSize, bool keepTileTrace) {
  AttentionOptions singleHead = options;
  singleHead.heads = 1;
  singleHead.outputProjection.reset();
  if (auto error = validateAttentionInputs(Q, K, V, singleHead)) return Result<OnlineAttention>::failure(*error);
  if (tileSize < 1) return Result<OnlineAttention>::failure("tile size must be at least 1");

  const float divisor = scaleDivisorFor(Q.cols, options.scale, options.temperature);
  RunningRows run;
  run.maxima.assign(static_cast<size_t>(Q.rows), -std::numeric_limits<double>::infinity());
  run.sums.assign(static_cast<size_t>(Q.rows), 0.0);
  run.acc.assign(static_cast<size_t>(Q.rows) * static_cast<size_t>(V.cols), 0.0);
  std::vector<double> tileScores(static_cast<size_t>(std::min(tileSize, K.rows)));

  OnlineAttention result;
  for (int firstKey = 0; firstKey < K.rows; firstKey += tileSize) {
    const int keyCount = std::min(tileSize, K.rows - firstKey);
    foldTile(Q, K, V, options, divisor, firstKey, keyCount, run, tileScores);
    if (keepTileTrace) result.tiles.push_back(snapshot(run, Q.rows, V.cols, firstKey, keyCount));
  }
  result.output = normalisedOutput(run, Q.rows, V.cols);
  return result;
}

}  // namespace core
