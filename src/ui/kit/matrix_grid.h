// matrix_grid.h: one matrix of the trace as a grid of cells with the token and dimension names
// the lesson describes (lesson/model/matrix_description.h). Editable matrices use drag-to-change cells; double-click or
// Enter types a value.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawMatrix(AppState& app, lesson::MatrixId id, bool producedHere);
// "X row 2 "bank", column 1 "nature"": a cell of the shown head's matrix, named for its tooltip
// and a screen reader, counted from 1 (lesson::cellName of the session's description).
std::string cellName(const AppState& app, lesson::MatrixId id, int row, int col);

}  // namespace ui
