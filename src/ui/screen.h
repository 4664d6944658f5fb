// screen.h: the whole lesson screen for one frame, and the keys that drive the tour.
// Both drivers and the headless test call exactly these.
#pragma once

#include "ui/app_state.h"

namespace ui {

// Call between ImGui::NewFrame() and ImGui::Render().
void drawScreen(AppState& app);
// Call after the platform backend's NewFrame and before ImGui::NewFrame(): turns
// Left/Right/Home/End into step changes and Tab into focus moves, and hides those
// presses from Dear ImGui's own navigation so they act once.
void handleTourKeys(AppState& app);

}  // namespace ui
