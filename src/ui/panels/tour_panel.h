// tour_panel.h: the header (title, Back / Next, "k / N", progress dots) and the
// step's explanation with its formal version one click away.
#pragma once

#include "ui/app_state.h"
#include "ui/kit/focus.h"

namespace ui {

// Left/Right move a step, Home and End go to the first and last (queued for after the frame).
void followTourKeys(AppState& app, const TourKeys& keys);

void drawTourHeader(AppState& app);
// The step's number and title.
void drawStepTitle(AppState& app);
// Its short text (the rest behind "More"), the formula box and the formal explanation.
void drawStepText(AppState& app);
void drawNotice(AppState& app);

}  // namespace ui
