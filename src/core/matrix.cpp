// matrix.cpp: construction and products of core::Matrix.
#include "core/matrix.h"

#include <algorithm>

namespace core {

Matrix::Matrix(int rowCount, int colCount, float fill)
    : rows(rowCount), cols(colCount),
      values(static_cast<size_t>(rowCount) * static_cast<size_t>(colCount), fill) {}

Matrix Matrix::fromRows(std::initializer_list<std::initializer_list<float>> rowList) {
  Matrix m;
  m.rows = static_cast<int>(rowList.size());
  m.cols = m.rows > 0 ? static_cast<int>(rowList.begin()->size()) : 0;
  for (const auto& row : rowList) {
    m.values.insert(m.values.end(), row.begin(), row.end());
  }
  return m;
}

bool operator==(const Matrix& a, const Matrix& b) {
  return a.rows == b.rows && a.cols == b.cols && a.values == b.values;
}

double dot(const float* a, const float* b, int length) {
  // Four independent double accumulators: the same precision, but the products no longer
  // wait on one another, so the loop pipelines and vectorises.
  double lane[4] = {0.0, 0.0, 0.0, 0.0};
  int i = 0;
  for (; i + 4 <= length; i += 4)
    for (int k = 0; k < 4; ++k) lane[k] += static_cast<double>(a[i + k]) * static_cast<double>(b[i + k]);
  double sum = (lane[0] + lane[1]) + (lane[2] + lane[3]);
  for (; i < length; ++i) sum += static_cast<double>(a[i]) * static_cast<double>(b[i]);
  return sum;
}

Matrix multiply(const Matrix& a, const Matrix& b) {
  Matrix result(a.rows, b.cols);
  std::vector<double> accumulator(static_cast<size_t>(b.cols));
  for (int i = 0; i < a.rows; ++i) {
    std::fill(accumulator.begin(), accumulator.end(), 0.0);
    for (int k = 0; k < a.cols; ++k) {
      const double aik = a.at(i, k);
      const float* bRow = b.rowData(k);
      for (int j = 0; j < b.cols; ++j) accumulator[static_cast<size_t>(j)] += aik * bRow[j];
    }
    for (int j = 0; j < b.cols; ++j) result.at(i, j) = static_cast<float>(accumulator[static_cast<size_t>(j)]);
  }
  return result;
}

Matrix multiplyTransposed(const Matrix& a, const Matrix& b) {
  Matrix result(a.rows, b.rows);
  for (int i = 0; i < a.rows; ++i) {
    for (int j = 0; j < b.rows; ++j) {
      result.at(i, j) = static_cast<float>(dot(a.rowData(i), b.rowData(j), a.cols));
    }
  }
  return result;
}

Matrix transpose(const Matrix& m) {
  Matrix result(m.cols, m.rows);
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < m.cols; ++j) result.at(j, i) = m.at(i, j);
  return result;
}

Matrix columnSlice(const Matrix& m, int firstCol, int colCount) {
  Matrix result(m.rows, colCount);
  for (int i = 0; i < m.rows; ++i)
    for (int j = 0; j < colCount; ++j) result.at(i, j) = m.at(i, firstCol + j);
  return result;
}

void setColumnSlice(Matrix& target, const Matrix& part, int firstCol) {
  for (int i = 0; i < part.rows; ++i)
    for (int j = 0; j < part.cols; ++j) target.at(i, firstCol + j) = part.at(i, j);
}

std::string shapeText(const Matrix& m) {
  return std::to_string(m.rows) + " x " + std::to_string(m.cols);
}

}  // namespace core
