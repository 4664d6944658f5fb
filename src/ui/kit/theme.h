// theme.h: fonts (embedded DejaVu Sans) and colours, scaled for the display.
#pragma once

#include "ui/app_state.h"

namespace ui {

// (Re)builds the font atlas for `scale` (device pixels per CSS pixel times zoom).
// The renderer backend must re-upload the atlas texture afterwards.
void buildFonts(AppState& app, float scale);
void applyTheme(float scale);

}  // namespace ui
