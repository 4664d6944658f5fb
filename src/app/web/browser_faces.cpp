// browser_faces.cpp: the page's text faces are the browser's own (its sans-serif, bold and
// monospace), drawn into Dear ImGui's font atlas by a 2D canvas, in place of an embedded
// TrueType face rasterised by stb_truetype: the page carries neither (about 19 KB of its first
// load), and its text looks like the learner's other pages. Dear ImGui asks its builder for the
// atlas (ImFontAtlasGetBuilderForStbTruetype, which the page's link wraps to return this one):
// for each face (its ImFontConfig's Name is the CSS font, "bold sans-serif"), every character of
// its glyph ranges is drawn in one canvas at once; then the glyphs, the learner's extra
// characters and Dear ImGui's own rectangles are packed in rows, and the faces set up as the
// stb_truetype builder does.
#include "app/web/browser_faces.h"

#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "ui/kit/extra_glyphs.h"

// Draws `count` characters of the CSS font `css` at an em of `em` px into one canvas, 1024 px
// wide, in rows. Writes for each character left, top, advance, width, height, x, y (7 floats:
// its ink box from the pen on the baseline, and where that box is in the canvas), then the
// font's ascent and descent, and returns the canvas's coverage (1024 x height bytes, from
// malloc; the height is in heightOut), or 0 when it could not.
EM_JS(unsigned char*, page_draw_face,
      (const char* css, float em, const int* codepoints, int count, float* metrics, int* heightOut), {
        var canvas = document.createElement('canvas');
        var g = canvas.getContext('2d', {'willReadFrequently' : true});
        // The face's Name is a CSS font without its size ("bold sans-serif"): the size goes before the family.
        var words = UTF8ToString(css).split(' ');
        var family = words.pop();
        var font = words.concat([ em + 'px', family ]).join(' ');
        g.font = font;
        var width = 1024, x = 1, y = 1, row = 0, boxes = [];
        for (var i = 0; i < count; i++) {
          var text = String.fromCodePoint(HEAP32[(codepoints >> 2) + i]);
          var m = g.measureText(text);
          // A texel of margin round the ink: antialiasing can reach past the measured box.
          var left = Math.floor(-m.actualBoundingBoxLeft) - 1, top = Math.floor(-m.actualBoundingBoxAscent) - 1;
          var w = Math.ceil(m.actualBoundingBoxRight) + 1 - left, h = Math.ceil(m.actualBoundingBoxDescent) + 1 - top;
          // No ink (a space), or none that fits: only the advance.
          if (m.actualBoundingBoxRight + m.actualBoundingBoxLeft <= 0 ||
              m.actualBoundingBoxAscent + m.actualBoundingBoxDescent <= 0 || w > width - 2)
            w = h = 0;
          if (x + w + 1 > width) {
            x = 1;
            y += row + 1;
            row = 0;
          }
          boxes.push([ text, left, top, m.width, w, h, x, y ]);
          x += w + 1;
          row = Math.max(row, h);
        }
        var height = y + row + 1;
        var sample = g.measureText('Hg');
        canvas.width = width;
        canvas.height = height;
        g.font = font;  // a canvas given a new size forgets its font
        for (var k = 0; k < boxes.length; k++) {
          var b = boxes[k];
          if (b[4] && b[5]) g.fillText(b[0], b[6] - b[1], b[7] - b[2]);
          HEAPF32.set(b.slice(1), (metrics >> 2) + 7 * k);
        }
        // Quoted: the Closure Compiler's browser externs predate these names.
        HEAPF32.set([ sample['fontBoundingBoxAscent'], sample['fontBoundingBoxDescent'] ], (metrics >> 2) + 7 * count);
        var data = g.getImageData(0, 0, width, height).data;
        var out = _malloc(width * height);
        if (!out) return 0;
        for (var p = 0; p < width * height; p++) HEAPU8[out + p] = data[4 * p + 3];
        HEAP32[heightOut >> 2] = height;
        return out;
      });

namespace {

constexpr int kCanvasWidth = 1024;  // page_draw_face's

// One face, as the browser drew it.
struct Face {
  ImFontConfig* config = nullptr;
  std::vector<int> codepoints;
  std::vector<float> metrics;  // 7 a character, then ascent and descent
  unsigned char* pixels = nullptr;
  int height = 0;
};

// A rectangle to place: a face's character or one of the atlas's own.
struct Box {
  int width = 0, height = 0;
  int* x = nullptr;
  int* y = nullptr;
};

// Rows, tallest first (the boxes of one height in their order), `padding` apart: the atlas's
// width, and the height used. The boxes are taken a height at a time, from the tallest down,
// rather than sorted: heights are a few dozen pixels at most, and no sort is carried in the page.
int packInRows(std::vector<Box>& boxes, int width, int padding) {
  int tallest = 0;
  for (const Box& box : boxes) tallest = std::max(tallest, box.height);
  int x = padding, y = padding, row = 0;
  for (int height = tallest; height >= 0; --height)
    for (Box& box : boxes) {
      if (box.height != height) continue;
      if (x + box.width + padding > width) {
        x = padding;
        y += row + padding;
        row = 0;
      }
      *box.x = x;
      *box.y = y;
      x += box.width + padding;
      row = std::max(row, box.height);
    }
  return y + row + padding;
}

bool buildWithBrowser(ImFontAtlas* atlas) {
  ImFontAtlasBuildInit(atlas);
  std::vector<Face> faces(static_cast<size_t>(atlas->ConfigData.Size));
  for (int i = 0; i < atlas->ConfigData.Size; ++i) {
    Face& face = faces[static_cast<size_t>(i)];
    face.config = &atlas->ConfigData[i];
    for (const ImWchar* range = face.config->GlyphRanges; range && range[0]; range += 2)
      for (unsigned c = range[0]; c <= range[1]; ++c) face.codepoints.push_back(static_cast<int>(c));
    face.metrics.resize(face.codepoints.size() * 7 + 2);
    face.pixels = page_draw_face(face.config->Name, face.config->SizePixels * ui::kEmOfLine, face.codepoints.data(),
                                 static_cast<int>(face.codepoints.size()), face.metrics.data(), &face.height);
    if (!face.pixels) {  // the page is out of memory: nothing to build with
      for (Face& drawn : faces) std::free(drawn.pixels);
      return false;
    }
  }

  // Where everything goes: the characters with ink, and the atlas's own rectangles (Dear ImGui's
  // white pixel and lines, and the learner's extra characters).
  std::vector<Box> boxes;
  std::vector<int> placedX, placedY;
  size_t total = 0;
  for (const Face& face : faces) total += face.codepoints.size();
  placedX.resize(total);
  placedY.resize(total);
  size_t slot = 0;
  long area = 0;
  for (Face& face : faces)
    for (size_t k = 0; k < face.codepoints.size(); ++k, ++slot) {
      const int w = static_cast<int>(face.metrics[7 * k + 3]), h = static_cast<int>(face.metrics[7 * k + 4]);
      if (w > 0 && h > 0) boxes.push_back({w, h, &placedX[slot], &placedY[slot]});
      area += static_cast<long>(w + atlas->TexGlyphPadding) * (h + atlas->TexGlyphPadding);
    }
  for (ImFontAtlasCustomRect& rect : atlas->CustomRects) {
    boxes.push_back({rect.Width, rect.Height, nullptr, nullptr});
    area += static_cast<long>(rect.Width + atlas->TexGlyphPadding) * (rect.Height + atlas->TexGlyphPadding);
  }
  // Custom rectangles keep their coordinates in unsigned shorts: placed through ints, copied back.
  std::vector<int> rectX(static_cast<size_t>(atlas->CustomRects.Size)), rectY(rectX.size());
  for (size_t r = 0, b = boxes.size() - rectX.size(); r < rectX.size(); ++r, ++b) {
    boxes[b].x = &rectX[r];
    boxes[b].y = &rectY[r];
  }
  const int side = static_cast<int>(std::sqrt(static_cast<double>(area))) + 1;
  atlas->TexWidth = side >= 2048 * 0.7 ? 4096 : side >= 1024 * 0.7 ? 2048 : side >= 512 * 0.7 ? 1024 : 512;
  const int used = packInRows(boxes, atlas->TexWidth, std::max(1, atlas->TexGlyphPadding));
  for (size_t r = 0; r < rectX.size(); ++r) {
    atlas->CustomRects[static_cast<int>(r)].X = static_cast<unsigned short>(rectX[r]);
    atlas->CustomRects[static_cast<int>(r)].Y = static_cast<unsigned short>(rectY[r]);
  }
  atlas->TexHeight = static_cast<int>(ImUpperPowerOfTwo(used));
  atlas->TexUvScale = ImVec2(1.0f / static_cast<float>(atlas->TexWidth), 1.0f / static_cast<float>(atlas->TexHeight));
  const size_t texels = static_cast<size_t>(atlas->TexWidth) * static_cast<size_t>(atlas->TexHeight);
  atlas->TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(texels));
  std::memset(atlas->TexPixelsAlpha8, 0, texels);

  // Each face as the stb_truetype builder sets it up (the ascent rounded up a pixel, the
  // descent down), then its glyphs, copied from the canvas.
  slot = 0;
  for (Face& face : faces) {
    const size_t n = face.codepoints.size();
    const float ascent = std::floor(face.metrics[7 * n] + 1), descent = std::floor(-face.metrics[7 * n + 1] - 1);
    ImFont* font = face.config->DstFont;
    ImFontAtlasBuildSetupFont(atlas, font, face.config, ascent, descent);
    const float lineTop = std::round(font->Ascent);
    for (size_t k = 0; k < n; ++k, ++slot) {
      const float* m = &face.metrics[7 * k];
      const int w = static_cast<int>(m[3]), h = static_cast<int>(m[4]);
      const int x = w > 0 && h > 0 ? placedX[slot] : 0, y = w > 0 && h > 0 ? placedY[slot] : 0;
      for (int row = 0; row < h; ++row)
        std::memcpy(
            atlas->TexPixelsAlpha8 + static_cast<size_t>(y + row) * static_cast<size_t>(atlas->TexWidth) + x,
            face.pixels + static_cast<size_t>((static_cast<int>(m[6]) + row) * kCanvasWidth + static_cast<int>(m[5])),
            static_cast<size_t>(w));
      const float u = atlas->TexUvScale.x, v = atlas->TexUvScale.y;
      font->AddGlyph(face.config, static_cast<ImWchar>(face.codepoints[k]), m[0], lineTop + m[1], m[0] + w,
                     lineTop + m[1] + h, u * x, v * y, u * (x + w), v * (y + h), m[2]);
    }
    std::free(face.pixels);
    face.pixels = nullptr;
  }
  ImFontAtlasBuildFinish(atlas);
  return true;
}

}  // namespace

namespace app {

const ImFontBuilderIO* browserFaces() {
  static const ImFontBuilderIO builder{buildWithBrowser};
  return &builder;
}

}  // namespace app

// The page's link also wraps Dear ImGui's default builder (src/app/CMakeLists.txt), so that
// stb_truetype drops out of the page; the atlas is given browserFaces() itself (ui::buildFonts),
// since Dear ImGui's own call to its default may have been inlined.
extern "C" const ImFontBuilderIO* __wrap__Z35ImFontAtlasGetBuilderForStbTruetypev() { return app::browserFaces(); }
