// extra_views.h: the cost table (all-at-once), the per-head view (multi-head) and the
// tile-by-tile computation (beyond).
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawCost(AppState& app);
void drawHeads(AppState& app);
void drawTiles(AppState& app);

}  // namespace ui
