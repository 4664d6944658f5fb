// dense.cpp: the products as plain loops ordered so the innermost one walks both operands
// contiguously (vectorisable natively and by wasm's SIMD-free optimiser alike).
#include "core/dense.h"

#include <algorithm>

namespace core {

void Dense::zero() { std::fill(v.begin(), v.end(), 0.0); }

void Dense::reset(int rowCount, int colCount) {
  rows = rowCount, cols = colCount;
  v.assign(static_cast<size_t>(rowCount) * colCount, 0.0);
}

void addProduct(const Dense& a, const Dense& b, Dense& out) {
  for (int i = 0; i < a.rows; ++i) {
    double* o = out.row(i);
    const double* ai = a.row(i);
    for (int k = 0; k < a.cols; ++k) {
      const double x = ai[k];
      if (x == 0.0) continue;  // masked weights and one-hot rows are mostly zero
      const double* bk = b.row(k);
      for (int j = 0; j < b.cols; ++j) o[j] += x * bk[j];
    }
  }
}

void addTransposedProduct(const Dense& a, const Dense& b, Dense& out) {
  for (int k = 0; k < a.rows; ++k) {
    const double* ak = a.row(k);
    const double* bk = b.row(k);
    for (int i = 0; i < a.cols; ++i) {
      const double x = ak[i];
      if (x == 0.0) continue;
      double* o = out.row(i);
      for (int j = 0; j < b.cols; ++j) o[j] += x * bk[j];
    }
  }
}

void addProductTransposed(const Dense& a, const Dense& b, Dense& out) {
  for (int i = 0; i < a.rows; ++i) {
    const double* ai = a.row(i);
    double* o = out.row(i);
    for (int j = 0; j < b.rows; ++j) {
      const double* bj = b.row(j);
      double sum = 0;
      for (int k = 0; k < a.cols; ++k) sum += ai[k] * bj[k];
      o[j] += sum;
    }
  }
}

}  // namespace core
