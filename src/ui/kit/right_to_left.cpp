// right_to_left.cpp: finds the glyph quads of right-to-left characters in a frame's vertices
// (glyph_quads.h), groups them into runs on a line, chooses each Arabic letter's joined form and
// writes the run's quads back in right-to-left order.
#include "ui/kit/right_to_left.h"

#include <algorithm>
#include <cmath>

#include "ui/app_state.h"
#include "ui/kit/glyph_quads.h"
#include "ui/kit/shaped_words.h"

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

// An Arabic vowel mark (harakat, the superscript alef): it sits on a letter and lets the letters
// on either side of it join (Unicode's joining type "transparent").
bool transparent(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670; }

// One run, in the order it was written: its words drawn whole where the atlas holds them
// (shaped_words.h), its other letters joined; then laid out from its right end.
void turnRound(ExtraGlyphs& extra, ImVector<ImDrawVert>& vertices, std::vector<Quad>& run) {
  const size_t n = run.size();
  std::vector<float> gaps(n, 0.0f);  // after each glyph: a space, or nothing
  const float scale = run[0].scale;
  for (size_t k = 0; k + 1 < n; ++k) gaps[k] = gapAfter(run[k], run[k + 1]);
  const auto touching = [&](size_t k) { return std::fabs(gaps[k]) < 0.5f; };  // k and k + 1
  std::vector<const ImFontGlyph*> shown(n);
  std::vector<const ExtraGlyphs::Word*> words(n);  // a word drawn whole, on its first letter's quad
  for (size_t k = 0; k < n; ++k) shown[k] = run[k].glyph;
  std::string letters;
  for (size_t k = 0, end = 0; k < n; k = end) {  // each word: letters that touch
    letters.clear();
    for (end = k; end == k || (end < n && touching(end - 1)); ++end) text::appendUtf8(letters, run[end].c);
    if (end - k < 2 || !shapedRightToLeft(run[k].c)) continue;
    words[k] = wordOf(extra, run[k].font, letters);
    if (!words[k]) leftAlone(extra, letters);
    for (size_t j = k; words[k] && j < end; ++j) shown[j] = nullptr;
  }
  // The letter joined to k's right (step -1) or left (+1), over the marks between them.
  const auto neighbour = [&](size_t k, int step) -> const Quad* {
    for (size_t j = k; step < 0 ? j > 0 && touching(j - 1) : j + 1 < n && touching(j);)
      if (j = step < 0 ? j - 1 : j + 1; !transparent(run[j].c)) return &run[j];
    return nullptr;
  };
  for (size_t k = 0; k < n; ++k) {
    const char32_t c = run[k].c;
    if (!shown[k]) continue;  // in a word drawn whole
    const Quad *right = neighbour(k, -1), *left = neighbour(k, 1);
    const bool before = right && joinsOnBothSides(right->c) && joinsBefore(c);
    const bool after = left && joinsOnBothSides(c) && joinsBefore(left->c);
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
  const auto advance = [&](size_t k) {
    return (words[k] ? words[k]->advance : shown[k] ? shown[k]->AdvanceX : 0.0f) * scale;
  };
  float width = 0;
  for (size_t k = 0; k < n; ++k) width += advance(k) + (k + 1 < n ? gaps[k] : 0.0f);
  float used = 0;  // from the run's left edge, the first glyph written goes rightmost
  for (size_t k = 0; k < n; ++k) {
    ImDrawVert* corners = &vertices[run[k].vertex];
    const float pen = run[0].pen + width - used - advance(k);
    if (words[k]) {
      placeWord(corners, *words[k], run[k], pen);
    } else if (shown[k]) {
      const ImFontGlyph& glyph = *shown[k];
      const float top = run[k].lineTop;
      place(corners, ImVec2(pen + glyph.X0 * scale, top + glyph.Y0 * scale),
            ImVec2(pen + glyph.X1 * scale, top + glyph.Y1 * scale), ImVec2(glyph.U0, glyph.V0),
            ImVec2(glyph.U1, glyph.V1));
    } else {
      hide(corners);  // the alef of a lam-alef, a letter of a word drawn whole
    }
    used += advance(k) + (k + 1 < n ? gaps[k] : 0.0f);
  }
  // The text after the run follows where the run now ends.
  const Quad& last = run.back();
  drawRestCloser(extra, vertices, last, last.pen + last.glyph->AdvanceX * scale - run[0].pen - width);
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
  const auto advanceOf = [&](char32_t form) {
    const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(form));
    return glyph ? glyph->AdvanceX : -1.0f;
  };
  for (char32_t c = kFirstLetter; c <= kLastLetter; ++c) {
    const char32_t first = firstForm(c);
    auto* letter = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(static_cast<ImWchar>(c)));
    if (!first || !letter || formCount(c) < 2) continue;
    // A letter that joins on both sides: half way between its form inside a word and its last
    // form (a word is one letter's last form and the others' forms inside, about: a word of two
    // such letters is measured as wide as it is drawn).
    const float last = advanceOf(first + 1), between = formCount(c) == 4 ? advanceOf(first + 3) : last;
    if (last < 0 || between < 0) continue;
    const float joined = (last + between) / 2;
    changed = changed || letter->AdvanceX != joined;
    letter->AdvanceX = joined;
  }
  if (changed) font->BuildLookupTable();  // the measuring table holds the advances
}

void orderRightToLeft(AppState& app, ImDrawData* data) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  const std::vector<GlyphAt>& known = extra.rightToLeft;
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
      while (nextInText(known, vertices, run.back(), next)) run.push_back(next);
      v = run.back().vertex + 4;
      turnRound(extra, vertices, run);
    }
  }
}

}  // namespace ui
