// browser_glyphs.cpp: a character, or a whole word, drawn by the browser into a canvas that is
// never shown, and its coverage read back: the browser chooses a font that has the characters,
// and shapes a word (joins its letters, places its vowel signs), as it does for the page's own
// text.
#include "app/web/browser_glyphs.h"

#include <emscripten.h>

#include <cmath>

#include "text/utf8.h"
#include "ui/kit/shaped_words.h"

// Draws the UTF-8 text (one character when `single`) with an em of `em` CSS pixels. Writes left, top,
// advance, width and height to metrics[0..4] and the coverage to out (width x height bytes, when
// they fit in capacity). Given a `base` character, the advance is what the text adds after it:
// what a letter adds to a word of its script (a vowel sign drawn above adds nothing). Returns 0
// when the image does not fit, or when a single character has no font: what the browser draws then
// (an empty box, or nothing) is what it draws for a private-use character no font has, drawn
// first at each size and compared.
// clang-format off
EM_JS(int, page_draw_text, (const char* utf8, int single, int base, float em, float* metrics, unsigned char* out, int capacity), {
  var canvas = Module.glyphCanvas || (Module.glyphCanvas = document.createElement('canvas'));
  var g = canvas.getContext('2d', {'willReadFrequently' : true});
  var font = em + 'px sans-serif';
  var draw = function(text) {
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

  var none = Module.glyphCanvas[font] || (Module.glyphCanvas[font] = draw(String.fromCodePoint(0xF0001)));
  var text = UTF8ToString(utf8);
  var glyph = draw(text);
  if (base) {
    var before = String.fromCodePoint(base);
    glyph.metrics[2] = Math.max(0, g.measureText(before + text).width - g.measureText(before).width);
  }
  HEAPF32.set(glyph.metrics, metrics >> 2);
  if (glyph.alpha.length > capacity ||
      single && glyph.metrics.join() == none.metrics.join() && glyph.alpha.join() == none.alpha.join())
    return 0;
  HEAPU8.set(glyph.alpha, out);
  return 1;
});
// clang-format on

namespace app {

namespace {

// The text drawn into `image`, in a buffer far larger than any character needs.
bool drawText(const std::string& text, bool single, char32_t base, float em, ui::GlyphImage& image) {
  const int tall = static_cast<int>(std::ceil(4 * em)) + 4;
  const int wide = static_cast<int>(std::ceil(4 * em * static_cast<float>(text.size()))) + 4;
  std::vector<unsigned char> alpha(static_cast<size_t>(tall) * static_cast<size_t>(wide));
  float metrics[5] = {};
  if (!page_draw_text(text.c_str(), single, static_cast<int>(base), em, metrics, alpha.data(),
                      static_cast<int>(alpha.size())))
    return false;
  image.left = metrics[0];
  image.top = metrics[1];
  image.advance = metrics[2];
  image.width = static_cast<int>(metrics[3]);
  image.height = static_cast<int>(metrics[4]);
  alpha.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height));
  image.alpha = std::move(alpha);
  return true;
}

}  // namespace

ui::DrawGlyph browserGlyphs() {
  return [](char32_t codepoint, float em, ui::GlyphImage& image) {
    std::string text;
    text::appendUtf8(text, codepoint);
    return drawText(text, true, ui::letterBefore(codepoint), em, image);
  };
}

ui::DrawWord browserWords() {
  return [](const std::string& word, float em, ui::GlyphImage& image) { return drawText(word, false, 0, em, image); };
}

}  // namespace app
