// focus.h: the focus registry and the keyboard. Every interactive item a view draws is
// registered here (for the page's widgets() and for Tab order); Tab and Shift+Tab walk the
// registered items; Left/Right/Home/End move through the tour.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace ui {

// Records the last submitted item under `id` (e.g. "Q[0][1]", "next").
void registerItem(AppState& app, const std::string& id);
// Around the drawing of a frame: starts the registry afresh, then publishes it.
void beginFocusFrame(AppState& app);
void endFocusFrame(AppState& app);
// Call after the platform backend's NewFrame and before ImGui::NewFrame(): turns
// Left/Right/Home/End into step changes and Tab into focus moves, and hides those
// presses from Dear ImGui's own navigation so they act once.
void handleTourKeys(AppState& app);

}  // namespace ui
