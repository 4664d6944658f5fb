// glyph_quads.cpp: see glyph_quads.h.
#include "ui/kit/glyph_quads.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {

bool before(const ImVec2& a, const ImVec2& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

}  // namespace

// By insertion: a list holds a few hundred glyphs at most and is sorted only when the atlas is
// built, and the page carries no sort's code for it.
void sortByUv(std::vector<GlyphAt>& list) {
  for (size_t k = 1; k < list.size(); ++k)
    for (size_t j = k; j > 0 && before(list[j].uv, list[j - 1].uv); --j) std::swap(list[j], list[j - 1]);
}

// Its first corner carries the glyph's (U0, V0), and its third the glyph's (U1, V1).
bool quadAt(const std::vector<GlyphAt>& known, const ImVector<ImDrawVert>& vertices, int v, Quad& quad) {
  if (known.empty() || v + 3 >= vertices.Size) return false;
  const ImVec2 uv = vertices[v].uv;
  const auto found = std::lower_bound(known.begin(), known.end(), uv,
                                      [](const GlyphAt& entry, const ImVec2& at) { return before(entry.uv, at); });
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

bool sameLine(const Quad& last, const Quad& next) {
  return next.font == last.font && std::fabs(next.scale - last.scale) <= 0.01f &&
         std::fabs(next.lineTop - last.lineTop) <= 0.5f;
}

float gapAfter(const Quad& last, const Quad& next) { return next.pen - (last.pen + last.glyph->AdvanceX * last.scale); }

void markSpaces(const std::vector<ImFont*>& faces) {
  for (size_t k = 0; k < faces.size(); ++k) {
    auto* space = faces[k] ? const_cast<ImFontGlyph*>(faces[k]->FindGlyphNoFallback(' ')) : nullptr;
    if (!space || space->Visible) continue;
    space->Visible = true;  // drawn from X0 to X0: no width, nothing to see
    space->X0 = space->X1 = space->Y0 = 0;
    space->Y1 = 1;
    space->U0 = space->U1 = -1.0f - static_cast<float>(k);
    space->V0 = space->V1 = 0;
  }
}

bool nextInText(const std::vector<GlyphAt>& known, const ImVector<ImDrawVert>& vertices, const Quad& last, Quad& next) {
  const ImFontGlyph* space = last.font->FindGlyphNoFallback(' ');
  float pen = last.pen + last.glyph->AdvanceX * last.scale;  // where the text goes on
  int v = last.vertex + 4;
  for (; space && v + 3 < vertices.Size && vertices[v].uv.x == space->U0 && vertices[v].uv.y == space->V0 &&
         vertices[v + 2].uv.x == space->U1 && std::fabs(vertices[v].pos.x - pen) < 0.01f &&
         std::fabs(vertices[v].pos.y - last.lineTop) < 0.5f;
       v += 4)
    pen += space->AdvanceX * last.scale;
  return quadAt(known, vertices, v, next) && sameLine(last, next) && std::fabs(next.pen - pen) < 0.01f;
}

void place(ImDrawVert* corners, ImVec2 p0, ImVec2 p1, ImVec2 uv0, ImVec2 uv1) {
  corners[0].pos = p0;
  corners[0].uv = uv0;
  corners[1].pos = ImVec2(p1.x, p0.y);
  corners[1].uv = ImVec2(uv1.x, uv0.y);
  corners[2].pos = p1;
  corners[2].uv = uv1;
  corners[3].pos = ImVec2(p0.x, p1.y);
  corners[3].uv = ImVec2(uv0.x, uv1.y);
}

void hide(ImDrawVert* corners) {
  for (int c = 0; c < 4; ++c) {
    corners[c].pos = corners[0].pos;
    corners[c].uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
  }
}

}  // namespace ui
