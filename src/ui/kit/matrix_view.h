// matrix_view.h: one matrix of the trace as a grid of cells with token and dimension
// labels. Editable matrices use drag-to-change cells; double-click or Enter types a value.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawMatrix(AppState& app, lesson::MatrixId id, bool producedHere);
// Labels of a matrix's rows and columns ("The", "bank", ... or "nature", "money", ...).
std::vector<std::string> rowLabels(const AppState& app, lesson::MatrixId id);
std::vector<std::string> columnLabels(const AppState& app, lesson::MatrixId id);
// "X row 2 "bank", column 1 "nature"": a cell named for its tooltip, counted from 1.
std::string cellName(const AppState& app, lesson::MatrixId id, int row, int col);

}  // namespace ui
