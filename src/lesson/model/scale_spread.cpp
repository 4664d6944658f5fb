// scale_spread.cpp: the random draws behind the scale step's picture. Entries are uniform on
// [-√3, √3] (mean 0, variance 1), so q · k over d_k entries has variance d_k; the measured
// spreads show it. The seed is fixed: every learner sees the same dots.
#include "lesson/model/scale_spread.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/attention.h"
#include "core/random_stream.h"

namespace lesson {

namespace {

float standardDeviation(const std::vector<float>& values, float divisor) {
  double sum = 0, squares = 0;
  for (float v : values) sum += v / divisor;
  const double mean = sum / static_cast<double>(values.size());
  for (float v : values) squares += (v / divisor - mean) * (v / divisor - mean);
  return static_cast<float>(std::sqrt(squares / static_cast<double>(values.size())));
}

float largestSoftmaxWeight(const std::vector<float>& scores, float divisor) {
  core::Matrix row(1, kRowKeys);
  for (int j = 0; j < kRowKeys; ++j) row.at(0, j) = scores[static_cast<size_t>(j)] / divisor;
  const core::Matrix weights = core::softmaxRows(row);
  return *std::max_element(weights.values.begin(), weights.values.end());
}

ScaleSpreadRow drawRow(int width, uint64_t& random) {
  ScaleSpreadRow row;
  row.width = width;
  const double reach = std::sqrt(3.0);
  for (int pair = 0; pair < kScaleSpreadPairs; ++pair) {
    double dot = 0;
    for (int k = 0; k < width; ++k) {
      const double q = (2 * core::uniformRandom(random) - 1) * reach,
                   key = (2 * core::uniformRandom(random) - 1) * reach;
      dot += q * key;
    }
    row.scores.push_back(static_cast<float>(dot));
  }
  const float root = std::sqrt(static_cast<float>(width));
  row.spread = standardDeviation(row.scores, 1);
  row.spreadDivided = standardDeviation(row.scores, root);
  row.largestWeight = largestSoftmaxWeight(row.scores, 1);
  row.largestWeightDivided = largestSoftmaxWeight(row.scores, root);
  return row;
}

}  // namespace

const std::vector<ScaleSpreadRow>& scaleSpread() {
  static const std::vector<ScaleSpreadRow> rows = [] {
    uint64_t random = 20170612;  // the day "Attention Is All You Need" appeared
    std::vector<ScaleSpreadRow> drawn;
    for (int width : {1, 4, 16, 64, 256}) drawn.push_back(drawRow(width, random));
    return drawn;
  }();
  return rows;
}

}  // namespace lesson
