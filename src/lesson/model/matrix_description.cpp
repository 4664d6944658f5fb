// matrix_description.cpp: the names of a matrix's rows and columns, and what may be done with it.
#include "lesson/model/matrix_description.h"

#include <algorithm>
#include <cstdlib>

#include "lesson/io/json_io.h"
#include "lesson/model/edits.h"
#include "lesson/model/value_change.h"
#include "lesson/model/vector_plane.h"

namespace lesson {

namespace {

bool isCross(MatrixId id) { return id == MatrixId::SourceX || id == MatrixId::TargetX || id == MatrixId::CrossWeights; }

bool rowsAreTokens(MatrixId id) {
  return id != MatrixId::WQ && id != MatrixId::WK && id != MatrixId::WV && id != MatrixId::WO && !isCross(id);
}

// The cross-attention example's matrices: words of its own two sentences, and its own dimensions.
std::vector<std::string> crossNames(const CrossExample& cross, MatrixId id, bool rows, int count) {
  if (rows) return id == MatrixId::SourceX ? cross.source : cross.target;
  if (id == MatrixId::CrossWeights) return cross.source;
  if (static_cast<int>(cross.dimensionLabels.size()) == count) return cross.dimensionLabels;
  std::vector<std::string> numbers;
  for (int j = 0; j < count; ++j) numbers.push_back(std::to_string(j + 1));
  return numbers;
}

bool columnsAreTokens(MatrixId id) {
  return id == MatrixId::Scores || id == MatrixId::Scaled || id == MatrixId::Masked || id == MatrixId::Weights;
}

std::vector<std::string> columnNames(const LessonState& state, const LessonTrace& trace, MatrixId id, int head) {
  if (columnsAreTokens(id)) return state.tokens;
  // Values, and the outputs that blend them, keep the embedding's dimension names when W_V keeps them.
  if (id == MatrixId::WV || id == MatrixId::V || id == MatrixId::Output) return valueColumnNames(state, trace);
  // Queries and keys meet column by column; the columns take their names from the keys' side.
  if (id == MatrixId::WQ || id == MatrixId::WK || id == MatrixId::Q || id == MatrixId::K)
    return keyColumnNames(state, trace);
  const core::Matrix& m = traceMatrix(trace, id, head);
  std::vector<std::string> names;
  for (int j = 0; j < m.cols; ++j) {
    if (id == MatrixId::X && j < static_cast<int>(state.dimensionLabels.size()))
      names.push_back(state.dimensionLabels[static_cast<size_t>(j)]);
    else
      names.push_back(std::to_string(j + 1));
  }
  return names;
}

std::vector<std::string> rowNames(const LessonState& state, const LessonTrace& trace, MatrixId id, int head) {
  if (rowsAreTokens(id)) return state.tokens;
  if (id == MatrixId::WO)
    return columnNames(state, trace, MatrixId::Output, head);  // W_O's rows meet the output's columns
  return columnNames(state, trace, MatrixId::X, head);         // the projections' rows meet X's columns
}

// Decimals of the shortest text that reads back as the value (shortestFloatText). That text
// may have an exponent ("1e+01" for 10, "1.5e-05"): its decimals are then the mantissa's less
// the exponent.
int decimalsToReadBack(float value) {
  const std::string text = shortestFloatText(value);
  const size_t e = text.find_first_of("eE");
  const std::string mantissa = text.substr(0, e);
  const size_t dot = mantissa.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  if (e == std::string::npos) return decimals;
  return std::max(0, decimals - std::atoi(text.c_str() + e + 1));
}

}  // namespace

MatrixDescription describeMatrix(const LessonState& state, const LessonTrace& trace, MatrixId id, int head) {
  MatrixDescription d;
  d.id = id;
  d.head = head;
  if (isCross(id)) {
    d.rowNames = crossNames(state.cross, id, true, 0);
    d.columnNames = crossNames(state.cross, id, false, traceMatrix(trace, id, head).cols);
  } else {
    d.rowNames = rowNames(state, trace, id, head);
    d.columnNames = columnNames(state, trace, id, head);
  }
  d.editable = isEditable(state, id);
  d.rowsAreTokens = rowsAreTokens(id);
  d.columnsAreTokens = columnsAreTokens(id);
  d.emphasisedRow = d.rowsAreTokens ? state.selected : -1;
  if (d.editable) {
    const core::Matrix& values = traceMatrix(trace, id, head);
    d.columns = values.cols;
    for (float value : values.values) d.decimals.push_back(decimalsToReadBack(value));
  }
  return d;
}

std::string cellName(const MatrixDescription& matrix, int row, int col) {
  const auto quoted = [](const std::string& name) { return "\"" + name + "\""; };
  std::string text = std::string(matrixName(matrix.id)) + " row " + std::to_string(row + 1);
  if (row >= 0 && row < static_cast<int>(matrix.rowNames.size()))
    text += " " + quoted(matrix.rowNames[static_cast<size_t>(row)]);
  text += ", column " + std::to_string(col + 1);
  if (col >= 0 && col < static_cast<int>(matrix.columnNames.size()))
    text += " " + quoted(matrix.columnNames[static_cast<size_t>(col)]);
  return text;
}

}  // namespace lesson
