// dense.h: a row-major double matrix and the three products backpropagation needs. The
// training code (core/tiny_model.h) works in double so its gradients can be checked against
// finite differences; the lesson's own Matrix (core/matrix.h) stays float.
#pragma once

#include <cstddef>
#include <vector>

namespace core {

struct Dense {
  int rows = 0, cols = 0;
  std::vector<double> v;  // rows * cols entries

  Dense() = default;
  Dense(int rowCount, int colCount) : rows(rowCount), cols(colCount), v(static_cast<size_t>(rowCount) * colCount) {}
  double& at(int r, int c) { return v[static_cast<size_t>(r) * cols + c]; }
  double at(int r, int c) const { return v[static_cast<size_t>(r) * cols + c]; }
  double* row(int r) { return v.data() + static_cast<size_t>(r) * cols; }
  const double* row(int r) const { return v.data() + static_cast<size_t>(r) * cols; }
  void zero();
  // Takes this shape with every entry 0, reusing the storage it has (training repeats the
  // same shapes every step).
  void reset(int rowCount, int colCount);
};

// out += a · b        (a: n x m, b: m x p, out: n x p)
void addProduct(const Dense& a, const Dense& b, Dense& out);
// out += aᵀ · b       (a: m x n, b: m x p, out: n x p): the gradient of a weight matrix
void addTransposedProduct(const Dense& a, const Dense& b, Dense& out);
// out += a · bᵀ       (a: n x m, b: p x m, out: n x p): scores, and gradients flowing back
void addProductTransposed(const Dense& a, const Dense& b, Dense& out);

}  // namespace core
