// controls_panel.h: presets, scale / temperature / mask, the sentence, sizes, random vectors.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawTokenStrip(AppState& app);
void drawControls(AppState& app);
// The heads count, stepping only through divisors of d_k.
void drawHeadsInput(AppState& app, const char* label, const char* widgetId);

}  // namespace ui
