// row_views.h: views of the selected query row: its scores and weights as bars, links
// between tokens, the weighted sum as stacked contributions, and the vector before/after.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawRowBars(AppState& app);
void drawTokenLinks(AppState& app);
void drawContributions(AppState& app);
void drawBeforeAfter(AppState& app);

}  // namespace ui
