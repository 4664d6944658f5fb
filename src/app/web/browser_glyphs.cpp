// browser_glyphs.cpp: one character at a time, drawn by the browser into a canvas that is never
// shown, and its coverage read back: the browser chooses a font that has the character, as it
// does for the page's own text.
#include "app/web/browser_glyphs.h"

#include <emscripten.h>

#include <cmath>

// Writes left, top, advance, width and height to metrics[0..4] and the coverage to out (width x
// height bytes, when they fit in capacity). Returns 0 when they do not, or when the browser has
// no font with the character: what it draws then (an empty box, or nothing) is what it draws for
// a private-use character no font has, drawn first at each size and compared.
EM_JS(int, page_draw_glyph, (int codepoint, float em, float* metrics, unsigned char* out, int capacity), {
  var canvas = Module.glyphCanvas || (Module.glyphCanvas = document.createElement('canvas'));
  var g = canvas.getContext('2d', {'willReadFrequently' : true});
  var font = em + 'px sans-serif';
  var draw = function(c) {
    var text = String.fromCodePoint(c);
    g.font = font;
    var m = g.measureText(text);
    var left = Math.floor(-m.actualBoundingBoxLeft);
    var top = Math.floor(-m.actualBoundingBoxAscent);
    var w = Math.max(0, Math.ceil(m.actualBoundingBoxRight) - left);
    var h = Math.max(0, Math.ceil(m.actualBoundingBoxDescent) - top);
    var glyph = {metrics : [ left, top, m.width, w, h ], alpha : new Uint8Array(w * h)};
    if (w * h > capacity || !w || !h) return glyph;
    canvas.width = w;
    canvas.height = h;
    g.font = font;  // a canvas given a new size forgets its font
    g.fillText(text, -left, -top);
    var data = g.getImageData(0, 0, w, h).data;
    for (var i = 0; i < w * h; i++) glyph.alpha[i] = data[4 * i + 3];
    return glyph;
  };

  var none = Module.glyphCanvas[font] || (Module.glyphCanvas[font] = draw(0xF0001));
  var glyph = draw(codepoint);
  HEAPF32.set(glyph.metrics, metrics >> 2);
  if (glyph.alpha.length > capacity ||
      glyph.metrics.join() == none.metrics.join() && glyph.alpha.join() == none.alpha.join())
    return 0;
  HEAPU8.set(glyph.alpha, out);
  return 1;
});

namespace app {

ui::DrawGlyph browserGlyphs() {
  return [](char32_t codepoint, float em, ui::GlyphImage& image) {
    const int side = static_cast<int>(std::ceil(4 * em)) + 4;  // far more than any character needs
    std::vector<unsigned char> alpha(static_cast<size_t>(side) * static_cast<size_t>(side));
    float metrics[5] = {};
    if (!page_draw_glyph(static_cast<int>(codepoint), em, metrics, alpha.data(), static_cast<int>(alpha.size())))
      return false;
    image.left = metrics[0];
    image.top = metrics[1];
    image.advance = metrics[2];
    image.width = static_cast<int>(metrics[3]);
    image.height = static_cast<int>(metrics[4]);
    alpha.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
    image.alpha = std::move(alpha);
    return true;
  };
}

}  // namespace app
