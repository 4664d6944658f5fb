// screen.h: the whole lesson screen for one frame (the keys that drive the tour are in focus.h).
// Both drivers and the headless test call exactly these.
#pragma once

#include "ui/app_state.h"
#include "ui/focus.h"  // handleTourKeys

namespace ui {

// Call between ImGui::NewFrame() and ImGui::Render().
void drawScreen(AppState& app);

}  // namespace ui
