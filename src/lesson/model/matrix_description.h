// matrix_description.h: what a view needs to draw one matrix of the trace besides its numbers:
// the names of its rows and columns ("The", "bank", ... or "nature", "money", ...), whether the
// learner may edit it, and which row is emphasised. The lesson describes each matrix once per
// change (Session::matrix caches it); the view draws the description, cell by cell, without
// working the names out again.
#pragma once

#include <string>
#include <vector>

#include "lesson/content/matrices.h"
#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

struct MatrixDescription {
  MatrixId id = MatrixId::X;
  int head = 0;  // the head whose scores or weights these are
  std::vector<std::string> rowNames, columnNames;
  bool editable = false;
  bool rowsAreTokens = true;      // rows follow the tokens (the selected one is emphasised)
  bool columnsAreTokens = false;  // columns are keys, one per token (scores and weights)
  int emphasisedRow = -1;         // the selected query, on a matrix whose rows are tokens
  // Editable matrices: for each entry, row by row, the decimals it needs to read back as the
  // number typed (0.375: 3), so a cell can show it whole without working it out every frame.
  std::vector<int> decimals;
  int columns = 0;  // of the values, for decimalsAt
  int decimalsAt(int row, int col) const {
    const size_t at = static_cast<size_t>(row) * static_cast<size_t>(columns) + static_cast<size_t>(col);
    return col < columns && at < decimals.size() ? decimals[at] : 2;
  }
};

MatrixDescription describeMatrix(const LessonState& state, const LessonTrace& trace, MatrixId id, int head);

// "X row 2 "bank", column 1 "nature"": a cell named for tooltips and screen readers, counted
// from 1 as the worked numbers count.
std::string cellName(const MatrixDescription& matrix, int row, int col);

}  // namespace lesson
