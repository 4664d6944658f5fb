// controls_panel.h: presets, scale / temperature / mask, the sentence, sizes, random vectors.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawTokenStrip(AppState& app);
void drawControls(AppState& app);

}  // namespace ui
