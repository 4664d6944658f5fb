// system_glyphs.h: the desktop draws the characters the embedded face lacks with the system's
// fonts, found through fontconfig and drawn with stb_truetype, for ui::ExtraGlyphs.
#pragma once

#include "ui/kit/extra_glyphs.h"

namespace app {

// The drawer keeps the font files it opened for the program's life.
ui::DrawGlyph systemGlyphs();

}  // namespace app
