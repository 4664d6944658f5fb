// extra_glyphs.h: the characters beyond the text faces' glyph ranges (the lesson's own
// characters: a learner's Cyrillic, Chinese or Arabic names are not among them), drawn by the
// platform's fonts into Dear ImGui's font atlas: the browser's fonts on the page, the system's
// fonts on the desktop (whose embedded DejaVu holds only the lesson's characters). The atlas is built again when the
// learner's text brings a character it has not tried yet; what is drawn without a glyph after
// that is counted from the frame's vertices, so tests and the desktop can say so.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ui/kit/glyph_quads.h"

namespace ui {

struct AppState;

// One character drawn by a platform font, as coverage (0-255) in rows of `width`. `left` and
// `top` place the image from the pen on the baseline (top is negative above the baseline);
// `advance` moves the pen. A character with nothing to see (a space) has width 0.
struct GlyphImage {
  int width = 0, height = 0;
  float left = 0, top = 0, advance = 0;
  std::vector<unsigned char> alpha;
};

// Draws `codepoint` with an em of `em` pixels (a CSS font size), or false when the platform has
// no font with it.
using DrawGlyph = std::function<bool(char32_t codepoint, float em, GlyphImage& image)>;

// Draws a whole word (UTF-8) as the platform shapes it (shaped_words.h), `left` and `top`
// placing it from the pen on the baseline, or false when it cannot.
using DrawWord = std::function<bool(const std::string& word, float em, GlyphImage& image)>;

// A face is built for a line height (Dear ImGui's size: DejaVu's ascent plus descent,
// 2384 of its 2048 units to the em); other fonts are asked for the same em, so their letters
// stand as tall as DejaVu's.
constexpr float kEmOfLine = 2048.0f / 2384.0f;

// What the atlas holds beyond the text faces, kept across rebuilds.
struct ExtraGlyphs {
  DrawGlyph draw;                         // unset: only the text faces (headless tests, no fonts)
  std::vector<char32_t> characters;       // tried so far (drawn or not: each is asked for once)
  uint64_t scannedRevision = UINT64_MAX;  // the lesson's revision whose text was last read
  // Each character's image at each em, drawn once (a width of -1: the platform has none). A
  // list, not a map: a few hundred at most, looked through only when the atlas is built.
  struct Drawn {
    char32_t character = 0;
    float em = 0;
    GlyphImage image;
    std::string word;  // for a whole word's image (wordImages), its text
  };
  std::vector<Drawn> images;
  struct Placed {
    int rect = 0;  // the atlas's custom rectangle
    ImFont* font = nullptr;
    size_t image = 0;  // in images (an index: the list grows while rectangles are reserved)
  };
  std::vector<Placed> placed;  // between reserving the rectangles and painting them
  // The right-to-left characters' glyphs, for right_to_left.h to find in a frame's vertices.
  std::vector<GlyphAt> rightToLeft;

  // Words drawn whole (shaped_words.h): only where `drawWord` is set (the page).
  DrawWord drawWord;
  std::vector<std::string> words;     // tried so far (UTF-8, as are the words below)
  int lettersAlone = 0;               // runs of two or more such letters the last frame drew a letter at a time
  std::vector<std::string> unshaped;  // runs of letters a frame found with no word drawn for them
  std::vector<Drawn> wordImages;      // each word at each em, drawn once (a width of -1: it could not be)
  std::vector<Placed> placedWords;    // between reserving the rectangles and painting them (in wordImages)
  // A word in the atlas: `letters` are its characters that a face draws with a quad of their
  // own (the ones shapeWords finds in a run), the image is placed from the pen on the baseline.
  struct Word {
    ImFont* font = nullptr;
    std::string letters;
    ImVec2 uv0, uv1;
    float left = 0, top = 0, width = 0, height = 0, advance = 0;
  };
  std::vector<Word> shapedWords;
  // Every glyph of the faces, while there are words or right-to-left letters: the text after a
  // word or a run is found by them and drawn closer, as far as it is narrower than laid out.
  std::vector<GlyphAt> allGlyphs;
  std::vector<GlyphAt> wordLetters;  // the glyphs of the characters words are made of
};

// At most this many characters beyond the text faces (a learner's names hold at most a few
// hundred); more are drawn as U+FFFD and counted as missing, and the atlas stays small.
constexpr std::size_t kMaxExtraCharacters = 512;
// The most words drawn whole the atlas holds; when more come, it keeps the lesson's own and
// lets the others go (shaped_words.h).
constexpr std::size_t kMaxShapedWords = 128;

// True when the learner's text (the lesson's names and sentences, the notice, the text fields
// being typed in) holds a character neither the text faces nor an earlier rebuild has tried:
// the fonts should be built again before the next frame (buildFonts asks the platform for them).
bool wantsMoreGlyphs(AppState& app);

// Called by buildFonts: reserves a rectangle for each extra character in each face before the
// atlas is built, then paints the platform's images into them once it is.
void reserveExtraGlyphs(AppState& app);
void paintExtraGlyphs(AppState& app);

// How many characters the frame `data` drew as U+FFFD (a face had no glyph for them): the
// vertices that start a fallback glyph's quad in any of the faces.
int missingGlyphs(const AppState& app, const ImDrawData* data);

}  // namespace ui
