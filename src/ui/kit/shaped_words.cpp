// shaped_words.cpp: finds runs of touching letters of the scripts to be shaped in a frame's
// vertices (glyph_quads.h), and where a run spells a word the atlas holds whole, draws that
// word's image over the run's first quad and leaves the others empty. A run that spells no such
// word (a name cut short with an ellipsis, text being typed) keeps its letters.
#include "ui/kit/shaped_words.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/app_state.h"
#include "ui/kit/glyph_quads.h"

namespace ui {

bool isJoiner(char32_t c) { return c == 0x200C || c == 0x200D; }

bool needsShaping(char32_t c) {
  return (c >= 0x0900 && c <= 0x0DFF) ||  // Devanagari to Sinhala
         (c >= 0x0E00 && c <= 0x0FFF) ||  // Thai, Lao, Tibetan
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0xA8E0 && c <= 0xA8FF) ||  // Devanagari Extended
         isJoiner(c);
}

bool shapedRightToLeft(char32_t c) {
  const bool digits = (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);  // numbers run left to right
  return c >= 0x0600 && c <= 0x08FF && !digits;
}

char32_t letterBefore(char32_t c) {
  if (shapedRightToLeft(c)) return 0x0640;  // tatweel, which joins and only stretches a join
  if (!needsShaping(c) || c > 0x17FF) return 0;
  if (c < 0x0E00) return (c & ~0x7Fu) + 0x15;  // ka, in each block from Devanagari to Sinhala
  if (c < 0x0E80) return 0x0E01;               // Thai ko kai
  if (c < 0x0F00) return 0x0E81;               // Lao ko
  if (c < 0x1000) return 0x0F40;               // Tibetan ka
  if (c < 0x10A0) return 0x1000;               // Myanmar ka
  return 0x1780;                               // Khmer ka
}

int wordKind(char32_t c) { return isJoiner(c) ? 3 : needsShaping(c) ? 1 : shapedRightToLeft(c) ? 2 : 0; }

// In the blocks from Devanagari to Malayalam, which share one layout: candrabindu to visarga,
// nukta and the vowel signs to the virama, the length marks and the vocalic vowel signs.
bool attachesToPrevious(char32_t c) {
  if (isJoiner(c)) return true;
  if (c < 0x0900 || c > 0x0D7F) return false;
  const unsigned at = c & 0x7F;
  return (at >= 0x01 && at <= 0x03) || (at >= 0x3A && at <= 0x4F && at != 0x3D) || (at >= 0x51 && at <= 0x57) ||
         at == 0x62 || at == 0x63;
}

bool joinsNext(char32_t c) { return c == 0x200D || (c >= 0x0900 && c <= 0x0D7F && (c & 0x7F) == 0x4D); }

namespace {

// Calls visit(run, letters) for each run of touching letters to be shaped in the frame's
// vertices: quads one after another on a line, each starting where the last one's advance ended.
template <class Visit>
void forEachRun(const ExtraGlyphs& extra, ImDrawData* data, Visit visit) {
  std::vector<Quad> run;
  std::string letters;  // UTF-8
  for (int l = 0; l < data->CmdListsCount; ++l) {
    ImVector<ImDrawVert>& vertices = data->CmdLists[l]->VtxBuffer;
    Quad quad, next;
    for (int v = 0; v < vertices.Size;) {
      if (!quadAt(extra.wordLetters, vertices, v, quad)) {
        ++v;
        continue;
      }
      run.assign(1, quad);
      letters.clear();
      text::appendUtf8(letters, quad.c);
      while (quadAt(extra.wordLetters, vertices, run.back().vertex + 4, next) && sameLine(run.back(), next) &&
             std::fabs(gapAfter(run.back(), next)) < 0.5f) {
        run.push_back(next);
        text::appendUtf8(letters, next.c);
      }
      v = run.back().vertex + 4;
      visit(vertices, run, letters);
    }
  }
}

}  // namespace

void drawRestCloser(const ExtraGlyphs& extra, ImVector<ImDrawVert>& vertices, Quad last, float narrower) {
  if (std::fabs(narrower) < 0.5f) return;
  for (Quad next; nextInText(extra.allGlyphs, vertices, last, next); last = next)
    for (int v = last.vertex + 4; v < next.vertex + 4; ++v) vertices[v].pos.x -= narrower;  // its spaces too
}

const ExtraGlyphs::Word* wordOf(const ExtraGlyphs& extra, const ImFont* font, const std::string& letters) {
  for (const ExtraGlyphs::Word& word : extra.shapedWords)
    if (word.font == font && word.letters == letters) return &word;
  return nullptr;
}

void leftAlone(ExtraGlyphs& extra, const std::string& letters) {
  ++extra.lettersAlone;
  if (!extra.drawWord) return;  // the platform cannot shape: the letters stay
  // A word the atlas does not hold (a name cut short, a sentence's word): drawn whole from the
  // next frame on, once (the runtime draws one more frame for it).
  const auto& tried = extra.words;
  if (extra.unshaped.size() < kMaxShapedWords && std::find(tried.begin(), tried.end(), letters) == tried.end() &&
      std::find(extra.unshaped.begin(), extra.unshaped.end(), letters) == extra.unshaped.end())
    extra.unshaped.push_back(letters);
}

void placeWord(ImDrawVert* corners, const ExtraGlyphs::Word& word, const Quad& letter, float pen) {
  const float scale = letter.scale;
  const ImVec2 p0(pen + word.left * scale,
                  letter.lineTop + (std::floor(letter.font->Ascent + 0.5f) + word.top) * scale);
  place(corners, p0, ImVec2(p0.x + word.width * scale, p0.y + word.height * scale), word.uv0, word.uv1);
}

void shapeWords(AppState& app, ImDrawData* data) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  extra.lettersAlone = 0;
  if (!data || !data->Valid || extra.wordLetters.empty()) return;
  forEachRun(extra, data,
             [&](ImVector<ImDrawVert>& vertices, const std::vector<Quad>& run, const std::string& letters) {
               const Quad& first = run[0];
               const ExtraGlyphs::Word* word = wordOf(extra, first.font, letters);
               if (!word) {
                 if (run.size() >= 2) leftAlone(extra, letters);
                 return;
               }
               placeWord(&vertices[first.vertex], *word, first, first.pen);
               for (size_t k = 1; k < run.size(); ++k) hide(&vertices[run[k].vertex]);
               const float scale = first.scale;
               drawRestCloser(extra, vertices, run.back(),
                              run.back().pen + run.back().glyph->AdvanceX * scale - first.pen - word->advance * scale);
             });
}

}  // namespace ui
