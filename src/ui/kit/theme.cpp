// theme.cpp: the text faces (embedded DejaVu, or the platform's own) and a calm light theme with strong focus
// highlights.
#include "ui/kit/theme.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>

#include "font_glyph_ranges.h"
#include "ui/kit/extra_glyphs.h"
#include "ui/kit/glyph_quads.h"
#include "ui/kit/palette.h"

namespace ui {

constexpr float kBodyPixels = 16.0f;  // the body and bold faces' size in CSS pixels; a frame holds one line

namespace {

// The glyph ranges come with the fonts (cmake/dependencies.cmake): the characters the lesson
// prints, which each subset holds. Without bytes, the platform's builder draws the face named
// by `css` (the page: the browser's fonts; src/app/web/browser_faces.cpp).
ImFont* addFont(const unsigned char* data, unsigned int size, float pixels, const char* css, bool toWiden = false) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  if (!data) {
    static const unsigned char kNoBytes[1] = {};
    data = kNoBytes;
    size = 1;
    std::snprintf(config.Name, sizeof config.Name, "%s", css);
  }
  // A face to be widened is rasterised one texel a pixel, so widening by a texel is a pixel.
  config.OversampleH = toWiden ? 1 : 2;
  config.OversampleV = 1;
  config.PixelSnapH = true;
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                            pixels, &config, kFontGlyphRanges);
  // A character the face lacks (a learner's Greek, Cyrillic or CJK name) is drawn as U+FFFD,
  // the replacement character, which every subset carries for this: the text keeps the
  // character and the learner sees that one is there. Dear ImGui prefers U+FFFD as well, but
  // quietly takes '?' (which looks typed) when a face lacks it; the headless test checks.
  if (font) font->FallbackChar = static_cast<ImWchar>(IM_UNICODE_CODEPOINT_INVALID);
  return font;
}

// How many pixels bold adds to each stroke at this size: one at the text sizes, more when zoomed.
int boldWidening(float pixels) { return std::max(1, static_cast<int>(pixels / 18.0f + 0.5f)); }

// Smears the atlas's rectangle uv0..uv1 `pixels` texels to the right (each texel takes the
// largest coverage of itself and its left neighbours), into the padding that follows it.
void smearRight(ImFontAtlas* atlas, ImVec2 uv0, ImVec2 uv1, int pixels) {
  const float w = static_cast<float>(atlas->TexWidth), h = static_cast<float>(atlas->TexHeight);
  const int x0 = static_cast<int>(uv0.x * w + 0.5f), x1 = static_cast<int>(uv1.x * w + 0.5f);
  const int y0 = static_cast<int>(uv0.y * h + 0.5f), y1 = static_cast<int>(uv1.y * h + 0.5f);
  for (int y = y0; y < y1; ++y) {
    unsigned char* row = atlas->TexPixelsAlpha8 + static_cast<size_t>(y) * static_cast<size_t>(atlas->TexWidth);
    for (int x = x1 + pixels - 1; x > x0; --x) {  // right to left, so each reads unwidened texels
      unsigned char strongest = x < x1 ? row[x] : 0;
      for (int k = 1; k <= pixels && x - k >= x0; ++k)
        if (x - k < x1) strongest = std::max(strongest, row[x - k]);
      row[x] = strongest;
    }
  }
}

// Bold from the regular face: after the atlas is built, each glyph of `font`, and each word drawn
// whole for it (shaped_words.h), is smeared `pixels` texels to the right and grows as wide.
// This saves a second face in the page (10.5 KB gzipped) for a bold close to DejaVu's own.
void widen(ImFontAtlas* atlas, ExtraGlyphs& extra, ImFont* font, int pixels) {
  if (!atlas->TexPixelsAlpha8 || !font) return;
  const float more = static_cast<float>(pixels), texel = 1.0f / static_cast<float>(atlas->TexWidth);
  for (ImFontGlyph& glyph : font->Glyphs) {
    if (!glyph.Visible) continue;
    smearRight(atlas, ImVec2(glyph.U0, glyph.V0), ImVec2(glyph.U1, glyph.V1), pixels);
    glyph.X1 += more;
    glyph.U1 += more * texel;
    glyph.AdvanceX += more;
  }
  for (ExtraGlyphs::Word& word : extra.shapedWords) {
    if (word.font != font) continue;
    smearRight(atlas, word.uv0, word.uv1, pixels);
    word.width += more;
    word.uv1.x += more * texel;
    word.advance += more;
  }
  font->BuildLookupTable();  // the advances changed
}

}  // namespace

void buildFonts(AppState& app, float scale) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  const Platform& platform = app.platform;
  const unsigned char* text = platform.textFont;
  const auto textSize = static_cast<unsigned>(platform.textFontSize);
  // Bold is the regular face widened, where the faces are embedded; the browser has its own.
  const bool widened = text != nullptr;
  app.platform.fonts.body = addFont(text, textSize, kBodyPixels * scale, "sans-serif");
  app.platform.fonts.bold = addFont(text, textSize, kBodyPixels * scale, "bold sans-serif", widened);
  app.platform.fonts.title = addFont(text, textSize, 23.0f * scale, "bold sans-serif", widened);
  app.platform.fonts.mono =
      platform.codeFont ? addFont(platform.codeFont, static_cast<unsigned>(platform.codeFontSize), 15.0f * scale, "")
      : text            ? app.platform.fonts.body
                        : addFont(nullptr, 0, 15.0f * scale, "monospace");
  // A scale changed or a code face arrived: the platform draws the extra characters anew.
  if (scale != app.platform.uiScale) app.platform.extraGlyphs.images.clear();
  reserveExtraGlyphs(app);
  // Every glyph is followed by at least as much free padding as bold widens the largest one.
  atlas->TexGlyphPadding = std::max(1, boldWidening(23.0f * scale));
  atlas->FontBuilderIO = platform.fontBuilder;
  atlas->Build();
  paintExtraGlyphs(app);  // before bold widens them with the face's own
  if (widened) {
    widen(atlas, app.platform.extraGlyphs, app.platform.fonts.bold, boldWidening(kBodyPixels * scale));
    widen(atlas, app.platform.extraGlyphs, app.platform.fonts.title, boldWidening(23.0f * scale));
  }
  const auto faces = app.platform.fonts.each();
  markSpaces({faces.begin(), faces.end()});
  app.platform.uiScale = scale;
  // A field being typed in was scrolled by the widths its new characters had before they were in
  // the atlas (several typed at once, or pasted, could leave only the tail in view): it scrolls
  // again from its start to its cursor.
  if (ImGuiContext* context = ImGui::GetCurrentContext();
      context && context->ActiveId != 0 && context->ActiveId == context->InputTextState.ID) {
    context->InputTextState.ScrollX = 0;
    context->InputTextState.CursorFollow = true;
  }
}

ImFont* codeFont(AppState& app) { return app.platform.fonts.mono ? app.platform.fonts.mono : app.platform.fonts.body; }

void applyTheme(float scale, bool touchScreen) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(14, 12);
  // A frame is the body text (16 px) and its padding: 26 px for a mouse, kTouchTarget for a finger.
  style.FramePadding = touchScreen ? ImVec2(12, (kTouchTarget - kBodyPixels) * 0.5f) : ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 8);
  style.SelectableTextAlign = ImVec2(0.0f, 0.5f);  // a list's row taller than its text (touch) centres it
  style.ItemInnerSpacing = ImVec2(6, 5);
  style.ScrollbarSize = 16;
  style.FrameRounding = 4;
  style.GrabRounding = 4;
  style.ChildRounding = 6;
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = kBackground;
  c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.86f, 0.89f, 0.95f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.81f, 0.95f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.71f, 0.93f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
  // Grey, not the blue of a chosen option: a radio button or checkbox that only has keyboard
  // focus (drawn as hovered) must not look chosen. The orange focus outline shows the focus.
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.86f, 0.87f, 0.90f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.78f, 0.80f, 0.85f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.86f, 0.89f, 0.95f, 1.0f);
  c[ImGuiCol_NavHighlight] = ImVec4(0.85f, 0.33f, 0.05f, 1.0f);  // focus must be obvious
  c[ImGuiCol_Border] = ImVec4(0.80f, 0.81f, 0.84f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);  // a list over the lesson hides what is under it
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace ui
