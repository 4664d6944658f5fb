// theme.h: fonts (embedded DejaVu Sans) and colours, scaled for the display.
#pragma once

#include "ui/app_state.h"

namespace ui {

// (Re)builds the font atlas for `scale` (device pixels per CSS pixel times zoom).
// The renderer backend must re-upload the atlas texture afterwards.
void buildFonts(AppState& app, float scale);
// The face to draw code in: the code face, or the body face on a platform without one.
ImFont* codeFont(AppState& app);
void applyTheme(float scale);

}  // namespace ui
