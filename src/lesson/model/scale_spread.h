// scale_spread.h: why the scores are divided by √d_k, shown with numbers drawn at random. For
// growing key widths, many pairs of vectors whose entries are independent draws with mean 0
// and variance 1: their dot products, how widely they spread with and without the division,
// and what softmax makes of a row of them. The lesson's data, the same for every learner.
#pragma once

#include <vector>

namespace lesson {

struct ScaleSpreadRow {
  int width = 0;                   // d_k
  std::vector<float> scores;       // q · k for each drawn pair, not divided
  float spread = 0;                // their standard deviation, measured
  float spreadDivided = 0;         // the same after dividing by √d_k
  float largestWeight = 0;         // softmax of the first kRowKeys scores: its largest weight
  float largestWeightDivided = 0;  // the same after the division
};

inline constexpr int kScaleSpreadPairs = 48;  // pairs drawn per width
inline constexpr int kRowKeys = 8;            // the keys of the softmax row

// Widths 1, 4, 16, 64 and 256, computed once with the core's own generator and softmax.
const std::vector<ScaleSpreadRow>& scaleSpread();

}  // namespace lesson
