// helpers.h: small utilities shared by the core tests (random matrices, comparisons).
#pragma once

#include <cmath>
#include <random>

#include "core/matrix.h"
#include "reference.h"

namespace testing_helpers {

inline core::Matrix randomMatrix(std::mt19937& rng, int rows, int cols, float spread = 2.0f) {
  std::uniform_real_distribution<float> dist(-spread, spread);
  core::Matrix m(rows, cols);
  for (float& v : m.values) v = dist(rng);
  return m;
}

inline reference::Rows toRows(const core::Matrix& m) {
  reference::Rows rows(static_cast<size_t>(m.rows));
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j) rows[static_cast<size_t>(i)].push_back(m.at(i, j));
  return rows;
}

// |a - b| <= rel * max(|b|, scale): relative, with an absolute floor at the row's scale.
inline bool close(double a, double b, double rel, double scale = 1.0) {
  return std::fabs(a - b) <= rel * std::max(std::fabs(b), scale);
}

inline double maxAbs(const core::Matrix& m) {
  double top = 0;
  for (float v : m.values) top = std::max(top, static_cast<double>(std::fabs(v)));
  return top;
}

}  // namespace testing_helpers
