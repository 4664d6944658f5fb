// right_to_left.cpp: finds the glyph quads of right-to-left characters in a frame's vertices
// (glyph_quads.h), groups them into runs on a line, chooses each Arabic letter's joined form and
// writes the run's quads back in right-to-left order.
#include "ui/kit/right_to_left.h"

#include <algorithm>
#include <cmath>

#include "ui/app_state.h"
#include "ui/kit/glyph_quads.h"

namespace ui {

namespace {

// How many presentation forms (Arabic Presentation Forms-B, from U+FE80 on, in the order alone,
// last, first, between) each letter from U+0621 to U+064A has: 4 joins on both sides, 2 only to
// the letter before it, 1 never; 0: none in the block (the tatweel, U+0640, only stretches a join).
constexpr unsigned char kFormCounts[] = {1, 2, 2, 2, 2, 4, 2, 4, 2, 4, 4, 4, 4, 4, 2, 2, 2, 2, 4, 4, 4,
                                         4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 2, 2, 4};
constexpr char32_t kFirstLetter = 0x0621, kLastLetter = 0x064A, kFirstForm = 0xFE80;
constexpr char32_t kTatweel = 0x0640, kLam = 0x0644, kLamAlefs = 0xFEF5;
constexpr char32_t kAlefs[] = {0x0622, 0x0623, 0x0625, 0x0627};  // the order of the lam-alef ligatures

int formCount(char32_t c) { return c >= kFirstLetter && c <= kLastLetter ? kFormCounts[c - kFirstLetter] : 0; }

// The first of c's presentation forms, or 0.
char32_t firstForm(char32_t c) {
  if (formCount(c) == 0) return 0;
  char32_t form = kFirstForm;
  for (char32_t letter = kFirstLetter; letter < c; ++letter) form += formCount(letter);
  return form;
}

bool joinsOnBothSides(char32_t c) { return formCount(c) == 4 || c == kTatweel; }
bool joinsBefore(char32_t c) { return formCount(c) >= 2 || c == kTatweel; }

int alefIndex(char32_t c) {
  for (int k = 0; k < 4; ++k)
    if (kAlefs[k] == c) return k;
  return -1;
}

// One run, in the order it was written: joined, then laid out from its right end.
void turnRound(ImVector<ImDrawVert>& vertices, std::vector<Quad>& run) {
  const size_t n = run.size();
  std::vector<float> gaps(n, 0.0f);  // after each glyph: a space, or nothing
  const float scale = run[0].scale;
  for (size_t k = 0; k + 1 < n; ++k) gaps[k] = gapAfter(run[k], run[k + 1]);
  const auto touching = [&](size_t k) { return std::fabs(gaps[k]) < 0.5f; };  // k and k + 1
  std::vector<const ImFontGlyph*> shown(n);
  for (size_t k = 0; k < n; ++k) shown[k] = run[k].glyph;
  for (size_t k = 0; k < n; ++k) {
    const char32_t c = run[k].c;
    const bool before = k > 0 && touching(k - 1) && joinsOnBothSides(run[k - 1].c) && joinsBefore(c);
    const bool after = k + 1 < n && touching(k) && joinsOnBothSides(c) && joinsBefore(run[k + 1].c);
    const int alef = k + 1 < n && touching(k) && c == kLam ? alefIndex(run[k + 1].c) : -1;
    if (alef >= 0) {  // lam and alef are one glyph; the alef's own quad is left empty
      const auto ligature = static_cast<char32_t>(kLamAlefs + 2 * alef + (before ? 1 : 0));
      if (const ImFontGlyph* glyph = run[k].font->FindGlyphNoFallback(static_cast<ImWchar>(ligature))) {
        shown[k] = glyph;
        shown[k + 1] = nullptr;
        gaps[k] = 0;
        ++k;
        continue;
      }
    }
    const char32_t first = firstForm(c);
    const int form = before && after ? 3 : before ? 1 : after ? 2 : 0;
    if (first && form < formCount(c))
      if (const ImFontGlyph* glyph = run[k].font->FindGlyphNoFallback(static_cast<ImWchar>(first + form)))
        shown[k] = glyph;
  }
  float width = 0;
  for (size_t k = 0; k < n; ++k) width += (shown[k] ? shown[k]->AdvanceX * scale : 0.0f) + (k + 1 < n ? gaps[k] : 0.0f);
  float used = 0;  // from the run's left edge, the first glyph written goes rightmost
  for (size_t k = 0; k < n; ++k) {
    ImDrawVert* corners = &vertices[run[k].vertex];
    const float advance = shown[k] ? shown[k]->AdvanceX * scale : 0.0f;
    const float pen = run[0].pen + width - used - advance;
    if (shown[k]) {
      const ImFontGlyph& glyph = *shown[k];
      const float top = run[k].lineTop;
      place(corners, ImVec2(pen + glyph.X0 * scale, top + glyph.Y0 * scale),
            ImVec2(pen + glyph.X1 * scale, top + glyph.Y1 * scale), ImVec2(glyph.U0, glyph.V0),
            ImVec2(glyph.U1, glyph.V1));
    } else {
      hide(corners);  // the alef of a lam-alef
    }
    used += advance + (k + 1 < n ? gaps[k] : 0.0f);
  }
}

}  // namespace

bool isRightToLeft(char32_t c) {
  const bool digits = (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9);  // numbers run left to right
  return (c >= 0x0590 && c <= 0x08FF && !digits) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
}

void joinedFormsOf(char32_t c, std::vector<char32_t>& forms) {
  const char32_t first = firstForm(c);
  for (int k = 0; first && k < formCount(c); ++k) forms.push_back(first + static_cast<char32_t>(k));
  if (c == kLam)
    for (char32_t k = 0; k < 8; ++k) forms.push_back(kLamAlefs + k);
}

void measureAsJoined(ImFont* font) {
  bool changed = false;
  for (char32_t c = kFirstLetter; c <= kLastLetter; ++c) {
    const char32_t first = firstForm(c);
    if (!first) continue;
    const auto form = static_cast<char32_t>(first + (formCount(c) == 4 ? 3 : formCount(c) == 2 ? 1 : 0));
    auto* letter = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(static_cast<ImWchar>(c)));
    const ImFontGlyph* joined = font->FindGlyphNoFallback(static_cast<ImWchar>(form));
    if (!letter || !joined || letter->AdvanceX == joined->AdvanceX) continue;
    letter->AdvanceX = joined->AdvanceX;
    changed = true;
  }
  if (changed) font->BuildLookupTable();  // the measuring table holds the advances
}

void orderRightToLeft(const AppState& app, ImDrawData* data) {
  const std::vector<GlyphAt>& known = app.platform.extraGlyphs.rightToLeft;
  if (!data || !data->Valid || known.empty()) return;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    ImVector<ImDrawVert>& vertices = data->CmdLists[l]->VtxBuffer;
    std::vector<Quad> run;
    Quad quad;
    for (int v = 0; v < vertices.Size;) {
      if (!quadAt(known, vertices, v, quad)) {
        ++v;
        continue;
      }
      run.assign(1, quad);
      Quad next;
      while (quadAt(known, vertices, run.back().vertex + 4, next) && sameText(run.back(), next)) run.push_back(next);
      v = run.back().vertex + 4;
      turnRound(vertices, run);
    }
  }
}

}  // namespace ui
