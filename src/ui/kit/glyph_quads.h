// glyph_quads.h: the glyphs of a frame's text, found in its vertices, for the passes that rework
// text after Dear ImGui has laid it out left to right, a character at a time (right_to_left.h
// turns runs round; shaped_words.h puts whole words in place of their letters). Dear ImGui
// writes a glyph as four vertices, corners top-left, top-right, bottom-right, bottom-left
// (ImFont::RenderText); a glyph's quad is known by its first corner's texture coordinate, which
// is the glyph's own.
#pragma once

#include <imgui.h>

#include <vector>

namespace ui {

// A character's glyph in the atlas, by the texture coordinate of its first corner.
struct GlyphAt {
  ImVec2 uv;
  ImFont* font = nullptr;
  char32_t c = 0;
};

// Sorts a list by texture coordinate, as quadAt looks through it.
void sortByUv(std::vector<GlyphAt>& list);

// A glyph as drawn in a frame.
struct Quad {
  int vertex = 0;  // its first corner
  ImFont* font = nullptr;
  char32_t c = 0;
  const ImFontGlyph* glyph = nullptr;
  float pen = 0, lineTop = 0;  // where its text's pen and line's top were
  float scale = 1;             // drawn at this multiple of the face's size
};

// The glyph of `known` (sorted) whose quad starts at vertex v, if one does.
bool quadAt(const std::vector<GlyphAt>& known, const ImVector<ImDrawVert>& vertices, int v, Quad& quad);

// Whether `next` is drawn by the same face at the same size on the same line as `last`.
bool sameLine(const Quad& last, const Quad& next);

// How far `next`'s pen is from where `last`'s advance left it (0: they touch).
float gapAfter(const Quad& last, const Quad& next);

// Gives each face's space a quad with no area (Dear ImGui writes none for a glyph with nothing
// to see), so that the spaces of a text are in its vertices and two texts drawn side by side
// are told apart from one text of two words: a distance between two glyphs can look like a
// whole number of spaces by chance. Its texture coordinate, outside the atlas, names the face.
void markSpaces(const std::vector<ImFont*>& faces);

// The glyph of `known` that follows `last` in its text: the next quad in the vertices, or the
// one after the spaces that follow `last`, drawn by the same face at the same size on the same
// line, each where the text's own advances put it (two names drawn side by side, each its own
// text, are two texts, even when the room between them is as wide as a few spaces).
bool nextInText(const std::vector<GlyphAt>& known, const ImVector<ImDrawVert>& vertices, const Quad& last, Quad& next);

// Writes a quad's corners: the rectangle p0..p1 showing the atlas's uv0..uv1.
void place(ImDrawVert* corners, ImVec2 p0, ImVec2 p1, ImVec2 uv0, ImVec2 uv1);

// Leaves a quad with nothing to draw (its four corners at one point, on the white pixel).
void hide(ImDrawVert* corners);

}  // namespace ui
