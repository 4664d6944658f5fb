// shaped_words.h: words of the scripts whose letters change with their neighbours (Devanagari
// and the other scripts of India, Thai, Lao, Tibetan, Myanmar, Khmer: conjuncts, vowel signs
// drawn before, above or around their consonant) shown whole. Dear ImGui draws one glyph per
// character, which leaves such a word unreadable: "नमस्ते" came out as separate letters with its
// virama and vowel sign each on a dotted circle. Where the platform can shape text (the page: the
// browser draws a whole word, ExtraGlyphs::drawWord), each such word of the learner's names is
// drawn once into the atlas (extra_glyphs.h), and after a frame is drawn the quads of its letters
// are replaced by that one image, wherever the word is drawn whole. Words of the Arabic script
// (and its neighbours, Syriac, Thaana, N'Ko) are drawn whole the same way, for their letters
// join and their vowel marks sit on them; right_to_left.h puts them in place as it orders a run.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "text/utf8.h"
#include "ui/kit/extra_glyphs.h"

namespace ui {

struct AppState;

bool isJoiner(char32_t c);  // U+200C, U+200D: they only matter inside a word

// A character of the left-to-right scripts above, or a joiner.
bool needsShaping(char32_t c);

// A character of the Arabic script and its neighbours (U+0600 to U+08FF but the digits): its
// words are drawn whole, and ordered right to left.
bool shapedRightToLeft(char32_t c);

// The letter a character of a word drawn whole is measured after (its script's first consonant,
// or the tatweel for the Arabic script), or 0: a letter's advance is what it adds to a word, so a vowel
// sign or mark drawn above or below adds nothing, and names are measured about as wide as they are
// drawn whole.
char32_t letterBefore(char32_t c);

// The kind of word `c` goes in: 1 a left-to-right script's, 2 a right-to-left one's, 3 either
// (a joiner), 0 none.
int wordKind(char32_t c);

// A mark of those scripts that goes with the character before it (a vowel sign, a nukta, an
// anusvara, a virama), or a joiner; and a character that goes with the one after it (a virama,
// the zero-width joiner). A name is not cut between them.
bool attachesToPrevious(char32_t c);
bool joinsNext(char32_t c);

// Calls visit(word) for each word of the UTF-8 `text` to be shaped: a run of two or more
// characters of one kind (wordKind), as the bytes of `text` it takes.
template <class Visit>
void forEachWordToShape(std::string_view text, Visit visit) {
  size_t start = 0, count = 0;  // the run so far: where it starts, how many characters
  int kind = 0;                 // and its kind (3 while it holds only joiners)
  for (size_t i = 0; i <= text.size();) {
    size_t next = i;
    const long c = i < text.size() ? text::decodeUtf8(text, next) : -1;
    const int of = c >= 0 ? wordKind(static_cast<char32_t>(c)) : 0;
    if (of != 0 && (count == 0 || of == 3 || kind == 3 || of == kind)) {
      if (count++ == 0) {
        start = i;
        kind = of;
      } else if (of != 3) {
        kind = of;
      }
      i = next;
      continue;
    }
    if (count >= 2) visit(text.substr(start, i - start));
    count = 0;
    kind = 0;
    if (of == 0) i = c >= 0 ? next : i + 1;  // a letter of the other kind starts the next run
  }
}

// The word of `font` the atlas holds for these letters (the characters drawn with a quad of
// their own, UTF-8), or null.
const ExtraGlyphs::Word* wordOf(const ExtraGlyphs& extra, const ImFont* font, const std::string& letters);

// A run of letters drawn a letter at a time: counted in ExtraGlyphs::lettersAlone and, where the
// platform shapes, kept for the next rebuild to draw whole (once).
void leftAlone(ExtraGlyphs& extra, const std::string& letters);

// Writes the quad at `corners` to show `word` with its pen at `pen` on the line of `letter`
// (the first of its letters as drawn).
void placeWord(ImDrawVert* corners, const ExtraGlyphs::Word& word, const Quad& letter, float pen);

// Moves the glyphs that follow `last` in its text (on its line, each where the one before's
// advance, and none or a few spaces, put it) `narrower` to the left: what came before them took
// that much less room than it was laid out in.
void drawRestCloser(const ExtraGlyphs& extra, ImVector<ImDrawVert>& vertices, Quad last, float narrower);

// Puts each drawn word of ExtraGlyphs::shapedWords in place of its letters' quads (nothing to do,
// and nothing done, while the atlas holds no letter to be shaped). A run of letters that spells
// no word the atlas holds is kept in ExtraGlyphs::unshaped, for the next rebuild to draw, and
// counted in ExtraGlyphs::lettersAlone (runs of two or more letters left a letter at a time).
void shapeWords(AppState& app, ImDrawData* data);

}  // namespace ui
