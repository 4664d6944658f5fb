// shaped_words.h: words of the scripts whose letters change with their neighbours (Devanagari
// and the other scripts of India, Thai, Lao, Tibetan, Myanmar, Khmer: conjuncts, vowel signs
// drawn before, above or around their consonant) shown whole. Dear ImGui draws one glyph per
// character, which leaves such a word unreadable: "नमस्ते" came out as separate letters with its
// virama and vowel sign each on a dotted circle. Where the platform can shape text (the page: the
// browser draws a whole word, ExtraGlyphs::drawWord), each such word of the learner's names is
// drawn once into the atlas (extra_glyphs.h), and after a frame is drawn the quads of its letters
// are replaced by that one image, wherever the word is drawn whole.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "text/utf8.h"

namespace ui {

struct AppState;

// A character of the scripts above, or a joiner (U+200C, U+200D), which only matters inside them.
bool needsShaping(char32_t c);

// A mark of those scripts that goes with the character before it (a vowel sign, a nukta, an
// anusvara, a virama), or a joiner; and a character that goes with the one after it (a virama,
// the zero-width joiner). A name is not cut between them.
bool attachesToPrevious(char32_t c);
bool joinsNext(char32_t c);

// Calls visit(word) for each word of the UTF-8 `text` to be shaped: a run of two or more
// characters that need shaping, as the bytes of `text` it takes.
template <class Visit>
void forEachWordToShape(std::string_view text, Visit visit) {
  size_t start = 0, count = 0;  // the run so far: where it starts, how many characters
  for (size_t i = 0; i <= text.size();) {
    size_t next = i;
    const long c = i < text.size() ? text::decodeUtf8(text, next) : -1;
    if (c >= 0 && needsShaping(static_cast<char32_t>(c))) {
      if (count++ == 0) start = i;
      i = next;
      continue;
    }
    if (count >= 2) visit(text.substr(start, i - start));
    count = 0;
    i = c >= 0 ? next : i + 1;
  }
}

// Puts each drawn word of ExtraGlyphs::shapedWords in place of its letters' quads (nothing to do,
// and nothing done, while the atlas holds no letter to be shaped). A run of letters that spells
// no word the atlas holds is kept in ExtraGlyphs::unshaped, for the next rebuild to draw, and
// counted in ExtraGlyphs::lettersAlone (runs of two or more letters left a letter at a time).
void shapeWords(AppState& app, ImDrawData* data);

}  // namespace ui
