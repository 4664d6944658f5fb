// theme.h: fonts (embedded DejaVu Sans) and colours, scaled for the display.
#pragma once

#include "ui/app_state.h"

namespace ui {

// (Re)builds the font atlas for `scale` (device pixels per CSS pixel times zoom).
// The renderer backend must re-upload the atlas texture afterwards.
void buildFonts(AppState& app, float scale);
// The face to draw code in: the code face, or the body face on a platform without one.
ImFont* codeFont(AppState& app);
// The smallest a control may be each way on a touch screen, in CSS pixels (a fingertip: the
// size phone platforms and WCAG's target-size rule ask for).
constexpr float kTouchTarget = 44.0f;
// Sizes and colours for `scale`; on a touch screen every frame (button, field, checkbox, slider)
// is kTouchTarget tall.
void applyTheme(float scale, bool touchScreen);

}  // namespace ui
