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

bool needsShaping(char32_t c) {
  return (c >= 0x0900 && c <= 0x0DFF) ||  // Devanagari to Sinhala
         (c >= 0x0E00 && c <= 0x0FFF) ||  // Thai, Lao, Tibetan
         (c >= 0x1000 && c <= 0x109F) ||  // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||  // Khmer
         (c >= 0xA8E0 && c <= 0xA8FF) ||  // Devanagari Extended
         c == 0x200C || c == 0x200D;
}

// In the blocks from Devanagari to Malayalam, which share one layout: candrabindu to visarga,
// nukta and the vowel signs to the virama, the length marks and the vocalic vowel signs.
bool attachesToPrevious(char32_t c) {
  if (c == 0x200C || c == 0x200D) return true;
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

// The rest of the text after a word's last letter `last` (the glyphs that follow it on its line,
// each where the one before's advance, and none or a few spaces, put it) drawn `narrower` to
// the left: the word took that much less room than its letters were laid out in.
void drawRestCloser(const ExtraGlyphs& extra, ImVector<ImDrawVert>& vertices, Quad last, float narrower) {
  if (std::fabs(narrower) < 0.5f) return;
  for (Quad next; quadAt(extra.allGlyphs, vertices, last.vertex + 4, next) && sameText(last, next); last = next)
    for (int c = 0; c < 4; ++c) vertices[next.vertex + c].pos.x -= narrower;
}

}  // namespace

void shapeWords(AppState& app, ImDrawData* data) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  extra.lettersAlone = 0;
  if (!data || !data->Valid || extra.wordLetters.empty()) return;
  forEachRun(
      extra, data, [&](ImVector<ImDrawVert>& vertices, const std::vector<Quad>& run, const std::string& letters) {
        const Quad& first = run[0];
        const auto word = std::find_if(extra.shapedWords.begin(), extra.shapedWords.end(),
                                       [&](const auto& w) { return w.font == first.font && w.letters == letters; });
        if (word == extra.shapedWords.end()) {
          if (run.size() >= 2) ++extra.lettersAlone;
          if (!extra.drawWord) return;  // the platform cannot shape: the letters stay
          // A word the atlas does not hold (a name cut short, a sentence's word): drawn whole from
          // the next frame on, once (the runtime draws one more frame for it).
          const auto& tried = extra.words;
          if (run.size() >= 2 && extra.unshaped.size() < kMaxShapedWords &&
              std::find(tried.begin(), tried.end(), letters) == tried.end() &&
              std::find(extra.unshaped.begin(), extra.unshaped.end(), letters) == extra.unshaped.end())
            extra.unshaped.push_back(letters);
          return;
        }
        const float scale = first.scale;
        const ImVec2 p0(first.pen + word->left * scale,
                        first.lineTop + (std::floor(first.font->Ascent + 0.5f) + word->top) * scale);
        place(&vertices[first.vertex], p0, ImVec2(p0.x + word->width * scale, p0.y + word->height * scale), word->uv0,
              word->uv1);
        for (size_t k = 1; k < run.size(); ++k) hide(&vertices[run[k].vertex]);
        drawRestCloser(extra, vertices, run.back(),
                       run.back().pen + run.back().glyph->AdvanceX * scale - first.pen - word->advance * scale);
      });
}

}  // namespace ui
