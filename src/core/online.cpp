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

struct WideInputs {
  std::vector<double> Q, K, V;  // widened once; the tiles read them many times
  int keyWidth = 0, valueWidth = 0;
};

// Folds one query row's scores for one tile into its running max, sum and output.
AT_ROW_HELPER void foldRow(const WideInputs& in, int row, int firstKey, int keyCount, const double* scores,
                           RunningRows& run) {
  double tileMax = -std::numeric_limits<double>::infinity();
  for (int t = 0; t < keyCount; ++t) tileMax = std::max(tileMax, scores[t]);
  if (tileMax == -std::numeric_limits<double>::infinity()) return;  // nothing visible in this tile
  const size_t r = static_cast<size_t>(row);
  const size_t width = static_cast<size_t>(in.valueWidth);
  const double newMax = std::max(run.maxima[r], tileMax);
  const double correction = std::exp(run.maxima[r] - newMax);  // exp(-inf) = 0 on the first visible tile
  double* acc = run.acc.data() + r * width;
  for (size_t c = 0; c < width; ++c) acc[c] *= correction;
  double sum = run.sums[r] * correction;
  for (int t = 0; t < keyCount; ++t) {
    const double e = std::exp(scores[t] - newMax);
    if (e == 0.0) continue;
    sum += e;
    const double* v = in.V.data() + static_cast<size_t>(firstKey + t) * width;
    for (size_t c = 0; c < width; ++c) acc[c] += e * v[c];
  }
  run.sums[r] = sum;
  run.maxima[r] = newMax;
}

// Folds one tile of keys into the running state of every query row, four rows at a time.
void foldTile(const WideInputs& in, int queryCount, const AttentionOptions& options, float divisor, int firstKey,
              int keyCount, RunningRows& run, std::vector<double>& block) {
  for (int i = 0; i < queryCount; i += 4) {
    const int rows = std::min(4, queryCount - i);
    dotRowsBlock(in.Q.data(), in.K.data(), in.keyWidth, i, rows, firstKey, keyCount, block.data());
    for (int r = 0; r < rows; ++r) {
      double* scores = block.data() + static_cast<size_t>(r) * static_cast<size_t>(keyCount);
      for (int t = 0; t < keyCount; ++t) {
        // Round like the direct path (float scores, float scaled scores) so both agree.
        const float raw = static_cast<float>(scores[t]);
        scores[t] = isHidden(options.mask, i + r, firstKey + t)
                        ? -std::numeric_limits<double>::infinity()
                        : static_cast<float>(static_cast<double>(raw) / static_cast<double>(divisor));
      }
      foldRow(in, i + r, firstKey, keyCount, scores, run);
    }
  }
}

Matrix normalisedOutput(const RunningRows& run, int rows, int valueWidth) {
  Matrix out(rows, valueWidth);
  for (int i = 0; i < rows; ++i) {
    const size_t row = static_cast<size_t>(i);
    if (run.sums[row] == 0.0) continue;  // fully hidden so far: zeros, like the direct path
    for (int c = 0; c < valueWidth; ++c)
      out.at(i, c) =
          static_cast<float>(run.acc[row * static_cast<size_t>(valueWidth) + static_cast<size_t>(c)] / run.sums[row]);
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

Result<OnlineAttention> attendOnline(const Matrix& Q, const Matrix& K, const Matrix& V, const AttentionOptions& options,
                                     int tileSize, bool keepTileTrace) {
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
  WideInputs wide{widened(Q), widened(K), widened(V), Q.cols, V.cols};
  std::vector<double> block(static_cast<size_t>(4) * static_cast<size_t>(std::min(tileSize, K.rows)));

  OnlineAttention result;
  for (int firstKey = 0; firstKey < K.rows; firstKey += tileSize) {
    const int keyCount = std::min(tileSize, K.rows - firstKey);
    foldTile(wide, Q.rows, options, divisor, firstKey, keyCount, run, block);
    if (keepTileTrace) result.tiles.push_back(snapshot(run, Q.rows, V.cols, firstKey, keyCount));
  }
  result.output = normalisedOutput(run, Q.rows, V.cols);
  return result;
}

}  // namespace core
