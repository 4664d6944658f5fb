// browser_glyphs.h: the page draws the characters the embedded face lacks, and the words that
// must be shaped whole, with the browser's own fonts (a 2D canvas), for ui::ExtraGlyphs.
#pragma once

#include "ui/kit/extra_glyphs.h"

namespace app {

ui::DrawGlyph browserGlyphs();
ui::DrawWord browserWords();

}  // namespace app
