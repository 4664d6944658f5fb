// matrix.cpp: construction and products of core::Matrix.
#include "core/matrix.h"

#include <algorithm>
#include <cmath>

namespace core {

Matrix::Matrix(int rowCount, int colCount, float fill)
    : rows(rowCount), cols(colCount), values(static_cast<size_t>(rowCount) * static_cast<size_t>(colCount), fill) {}

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

std::vector<double> widened(const Matrix& m) { return std::vector<double>(m.values.begin(), m.values.end()); }

AT_ROW_HELPER void dotRowsBlock(const double* A, const double* B, int width, int firstRow, int rowCount, int firstKey,
                                int keyCount, double* out) {
  const size_t w = static_cast<size_t>(width);
  const double* a0 = A + static_cast<size_t>(firstRow) * w;
  if (rowCount == 4) {
    const double *a1 = a0 + w, *a2 = a1 + w, *a3 = a2 + w;
    for (int t = 0; t < keyCount; ++t) {
      const double* b = B + static_cast<size_t>(firstKey + t) * w;
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (size_t c = 0; c < w; ++c) {
        const double bc = b[c];
        s0 += a0[c] * bc;
        s1 += a1[c] * bc;
        s2 += a2[c] * bc;
        s3 += a3[c] * bc;
      }
      out[t] = s0;
      out[keyCount + t] = s1;
      out[2 * keyCount + t] = s2;
      out[3 * keyCount + t] = s3;
    }
    return;
  }
  for (int r = 0; r < rowCount; ++r) {
    const double* a = a0 + static_cast<size_t>(r) * w;
    for (int t = 0; t < keyCount; ++t) {
      const double* b = B + static_cast<size_t>(firstKey + t) * w;
      double sum = 0;
      for (size_t c = 0; c < w; ++c) sum += a[c] * b[c];
      out[r * keyCount + t] = sum;
    }
  }
}

namespace {
// Rows of the right-hand matrix visited per pass: 64 widened rows of width 64 are 32 KB,
// which stays in cache while every left-hand row uses them.
constexpr int kTileRows = 64;

// acc += sum over k in [first, last) of aRow[k] * B[k]
AT_ROW_HELPER void accumulateRow(const float* aRow, const double* wideB, size_t p, int first, int last, double* acc) {
  for (int k = first; k < last; ++k) {
    const double aik = aRow[k];
    if (aik == 0.0) continue;  // masked weights and one-hot rows are common in the lesson
    const double* bRow = wideB + static_cast<size_t>(k) * p;
    for (size_t j = 0; j < p; ++j) acc[j] += aik * bRow[j];
  }
}

AT_ROW_HELPER void storeBlock(const double* block, int rows, int count, float* out, size_t stride) {
  for (int r = 0; r < rows; ++r)
    for (int t = 0; t < count; ++t)
      out[static_cast<size_t>(r) * stride + static_cast<size_t>(t)] = static_cast<float>(block[r * count + t]);
}

}  // namespace

Matrix multiply(const Matrix& a, const Matrix& b) {
  const std::vector<double> wideB = widened(b);
  const size_t p = static_cast<size_t>(b.cols);
  std::vector<double> accumulator(static_cast<size_t>(a.rows) * p, 0.0);
  for (int first = 0; first < a.cols; first += kTileRows) {
    const int last = std::min(a.cols, first + kTileRows);
    for (int i = 0; i < a.rows; ++i)
      accumulateRow(a.rowData(i), wideB.data(), p, first, last, accumulator.data() + static_cast<size_t>(i) * p);
  }
  Matrix result(a.rows, b.cols);
  for (size_t k = 0; k < accumulator.size(); ++k) result.values[k] = static_cast<float>(accumulator[k]);
  return result;
}

Matrix multiplyTransposed(const Matrix& a, const Matrix& b) {
  Matrix result(a.rows, b.rows);
  const std::vector<double> wideA = widened(a), wideB = widened(b);
  std::vector<double> block(static_cast<size_t>(4 * kTileRows));
  for (int first = 0; first < b.rows; first += kTileRows) {
    const int count = std::min(kTileRows, b.rows - first);
    for (int i = 0; i < a.rows; i += 4) {
      const int rows = std::min(4, a.rows - i);
      dotRowsBlock(wideA.data(), wideB.data(), a.cols, i, rows, first, count, block.data());
      storeBlock(block.data(), rows, count, result.rowData(i) + first, static_cast<size_t>(b.rows));
    }
  }
  return result;
}

float largestDifference(const Matrix& a, const Matrix& b) {
  float largest = 0.0f;
  for (size_t k = 0; k < a.values.size() && k < b.values.size(); ++k)
    largest = std::max(largest, std::fabs(a.values[k] - b.values[k]));
  return largest;
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

std::string shapeText(const Matrix& m) { return std::to_string(m.rows) + " x " + std::to_string(m.cols); }

}  // namespace core
