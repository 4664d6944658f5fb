// theme.h: fonts (embedded DejaVu Sans) and colours, scaled for the display.
#pragma once

#include "ui/app_state.h"

namespace ui {

// (Re)builds the font atlas for `scale` (device pixels per CSS pixel times zoom).
// The renderer backend must re-upload the atlas texture afterwards.
void buildFonts(AppState& app, float scale);
// The face to draw code in: the code face once the platform has its bytes; until then the
// body face, and the platform is asked for them (once; its driver rebuilds the fonts when they come).
ImFont* codeFont(AppState& app);
void applyTheme(float scale);

}  // namespace ui
