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

// The steps' formal explanations as the platform hands them over (the text of formal.txt), or,
// when `failed`, why they could not come. Read text replaces none; a refused one keeps none.
void receiveFormalTexts(AppState& app, std::string_view textOrProblem, bool failed);

}  // namespace ui
