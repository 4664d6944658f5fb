// browser_glyphs.h: the page draws the characters the embedded face lacks with the browser's
// own fonts (a 2D canvas), for ui::ExtraGlyphs.
#pragma once

#include "ui/kit/extra_glyphs.h"

namespace app {

ui::DrawGlyph browserGlyphs();

}  // namespace app
