// extra_views.h: the cost table (all-at-once) and the per-head view (multi-head).
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawCost(AppState& app);
void drawHeads(AppState& app);

}  // namespace ui
