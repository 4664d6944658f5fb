// matrix.h: the one value type of the attention core, a row-major float matrix,
// plus the few products attention needs. No ImGui, no GL, no JSON here.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

// Marks a per-row helper of a long loop. In the browser, V8 compiles a function first with a
// baseline compiler and swaps in optimised code only on a later call (wasm has no on-stack
// replacement), so a loop entered once runs unoptimised to the end. Work split into many
// small calls gets the optimised code after the first few rows.
#if defined(__GNUC__) || defined(__clang__)
#define AT_ROW_HELPER __attribute__((noinline))
#else
#define AT_ROW_HELPER
#endif

namespace core {

struct Matrix {
  int rows = 0;
  int cols = 0;
  std::vector<float> values;  // row-major, rows * cols entries

  Matrix() = default;
  Matrix(int rowCount, int colCount, float fill = 0.0f);
  static Matrix fromRows(std::initializer_list<std::initializer_list<float>> rowList);

  float& at(int row, int col) { return values[index(row, col)]; }
  float at(int row, int col) const { return values[index(row, col)]; }
  const float* rowData(int row) const { return values.data() + index(row, 0); }
  float* rowData(int row) { return values.data() + index(row, 0); }
  bool empty() const { return rows == 0 || cols == 0; }
  bool sameShape(const Matrix& other) const { return rows == other.rows && cols == other.cols; }

 private:
  size_t index(int row, int col) const {
    return static_cast<size_t>(row) * static_cast<size_t>(cols) + static_cast<size_t>(col);
  }
};

bool operator==(const Matrix& a, const Matrix& b);

// Dot product of two float spans accumulated in double: the lesson prints these
// numbers, and double accumulation keeps them within float rounding of the exact value.
double dot(const float* a, const float* b, int length);

// A matrix's values widened to double once, so hot loops neither convert nor round.
std::vector<double> widened(const Matrix& m);
// Dot products of up to four rows of A (starting at firstRow) with rows
// [firstKey, firstKey + keyCount) of B, both widened, each `width` long:
// out[r * keyCount + t] = A[firstRow + r] . B[firstKey + t], accumulated in double.
// Four rows at once reuse each loaded B value four times.
void dotRowsBlock(const double* A, const double* B, int width, int firstRow, int rowCount, int firstKey, int keyCount,
                  double* out);

Matrix multiply(const Matrix& a, const Matrix& b);            // a (n x m) * b (m x p)
Matrix multiplyTransposed(const Matrix& a, const Matrix& b);  // a (n x d) * b^T, b is (k x d)
Matrix columnSlice(const Matrix& m, int firstCol, int colCount);
// The largest |a - b| over all entries of two matrices of the same shape (0 when empty).
float largestDifference(const Matrix& a, const Matrix& b);
void setColumnSlice(Matrix& target, const Matrix& part, int firstCol);

// "3 x 4", used in labels and error messages.
std::string shapeText(const Matrix& m);

}  // namespace core
