// right_to_left.cpp: finds the glyph quads of right-to-left characters in a frame's vertices (by
// the texture coordinate of their first corner, which is the glyph's own), groups them into runs
// on a line, chooses each Arabic letter's joined form and writes the run's quads back in
// right-to-left order. Dear ImGui writes a glyph as four vertices, corners top-left, top-right,
// bottom-right, bottom-left (ImFont::RenderText).
#include "ui/kit/right_to_left.h"

#include <algorithm>
#include <cmath>

#include "ui/app_state.h"

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

struct Quad {
  int vertex = 0;
  ImFont* font = nullptr;
  char32_t c = 0;
  const ImFontGlyph* glyph = nullptr;  // as drawn
  float pen = 0, lineTop = 0;
  float scale = 1;  // drawn at this multiple of the face's size
};

// The right-to-left glyph whose quad starts at `v`, if one does: its first corner carries the
// glyph's (U0, V0), and its third the glyph's (U1, V1).
bool quadAt(const AppState& app, const ImVector<ImDrawVert>& vertices, int v, Quad& quad) {
  if (v + 3 >= vertices.Size) return false;
  const ImVec2 uv = vertices[v].uv;
  const auto& known = app.platform.extraGlyphs.rightToLeft;
  const auto found = std::lower_bound(known.begin(), known.end(), uv, [](const auto& entry, const ImVec2& at) {
    return entry.uv.x < at.x || (entry.uv.x == at.x && entry.uv.y < at.y);
  });
  if (found == known.end() || found->uv.x != uv.x || found->uv.y != uv.y) return false;
  const ImFontGlyph* glyph = found->font->FindGlyphNoFallback(static_cast<ImWchar>(found->c));
  if (!glyph || vertices[v + 2].uv.x != glyph->U1 || vertices[v + 2].uv.y != glyph->V1) return false;
  const float height = glyph->Y1 - glyph->Y0;
  const float scale = height > 0 ? (vertices[v + 2].pos.y - vertices[v].pos.y) / height : 1.0f;
  quad = {
      v,    found->font, found->c, glyph, vertices[v].pos.x - glyph->X0 * scale, vertices[v].pos.y - glyph->Y0 * scale,
      scale};
  return true;
}

void place(ImDrawVert* corners, const ImFontGlyph& glyph, float pen, float lineTop, float scale) {
  const float x0 = pen + glyph.X0 * scale, x1 = pen + glyph.X1 * scale;
  const float y0 = lineTop + glyph.Y0 * scale, y1 = lineTop + glyph.Y1 * scale;
  corners[0].pos = ImVec2(x0, y0);
  corners[0].uv = ImVec2(glyph.U0, glyph.V0);
  corners[1].pos = ImVec2(x1, y0);
  corners[1].uv = ImVec2(glyph.U1, glyph.V0);
  corners[2].pos = ImVec2(x1, y1);
  corners[2].uv = ImVec2(glyph.U1, glyph.V1);
  corners[3].pos = ImVec2(x0, y1);
  corners[3].uv = ImVec2(glyph.U0, glyph.V1);
}

// Whether `next`, the quad after `last` in the vertices, goes on the same text: the same face
// and size, the same line, and its pen where the text's own advances put it, after none or a
// few spaces (two names drawn side by side, each its own text, are two runs: their distance is
// not made of whole spaces but of the room between them).
bool sameText(const Quad& last, const Quad& next) {
  if (next.font != last.font || std::fabs(next.scale - last.scale) > 0.01f ||
      std::fabs(next.lineTop - last.lineTop) > 0.5f)
    return false;
  const float gap = next.pen - (last.pen + last.glyph->AdvanceX * last.scale);
  const ImFontGlyph* space = last.font->FindGlyphNoFallback(' ');
  const float spaceWidth = space ? space->AdvanceX * last.scale : 0.0f;
  if (std::fabs(gap) < 0.01f) return true;
  if (spaceWidth <= 0) return false;
  const float spaces = std::round(gap / spaceWidth);
  return spaces >= 1 && spaces <= 8 && std::fabs(gap - spaces * spaceWidth) < 0.01f;
}

// One run, in the order it was written: joined, then laid out from its right end.
void turnRound(ImVector<ImDrawVert>& vertices, std::vector<Quad>& run) {
  const size_t n = run.size();
  std::vector<float> gaps(n, 0.0f);  // after each glyph: a space, or nothing
  const float scale = run[0].scale;
  for (size_t k = 0; k + 1 < n; ++k) gaps[k] = run[k + 1].pen - (run[k].pen + run[k].glyph->AdvanceX * scale);
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
      place(corners, *shown[k], pen, run[k].lineTop, scale);
    } else {
      for (int c = 0; c < 4; ++c) {  // nothing to draw
        corners[c].pos = corners[0].pos;
        corners[c].uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
      }
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
  if (!data || !data->Valid || app.platform.extraGlyphs.rightToLeft.empty()) return;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    ImVector<ImDrawVert>& vertices = data->CmdLists[l]->VtxBuffer;
    std::vector<Quad> run;
    Quad quad;
    for (int v = 0; v < vertices.Size;) {
      if (!quadAt(app, vertices, v, quad)) {
        ++v;
        continue;
      }
      run.assign(1, quad);
      Quad next;
      while (quadAt(app, vertices, run.back().vertex + 4, next) && sameText(run.back(), next)) run.push_back(next);
      v = run.back().vertex + 4;
      turnRound(vertices, run);
    }
  }
}

}  // namespace ui
