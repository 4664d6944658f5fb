// tour_panel.h: the header (title, Back / Next, "k / N", progress dots) and the
// step's explanation with its formal version one click away.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawTourHeader(AppState& app);
void drawStepText(AppState& app);
void drawNotice(AppState& app);

}  // namespace ui
