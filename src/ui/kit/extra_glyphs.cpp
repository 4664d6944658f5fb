// extra_glyphs.cpp: a learner's characters beyond the faces' glyph ranges, asked of the
// platform's fonts and packed into the atlas beside them (Dear ImGui's custom glyph rectangles), and the
// count of what is still drawn without a glyph.
#include "ui/kit/extra_glyphs.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "text/utf8.h"
#include "ui/app_state.h"
#include "ui/kit/right_to_left.h"
#include "ui/kit/shaped_words.h"

namespace ui {

namespace {

// Each text a learner gives: the lesson's names and sentences, the notice (which may quote them),
// and the text fields of the views. They change with the lesson's revision or by typing.
template <class Visit>
void forEachStoredText(const AppState& app, Visit visit) {
  const lesson::LessonState& lesson = app.session().lesson();
  for (const auto* list : {&lesson.tokens, &lesson.dimensionLabels, &lesson.cross.source, &lesson.cross.target,
                           &lesson.cross.dimensionLabels})
    for (const std::string& name : *list) visit(std::string_view(name));
  visit(std::string_view(lesson.notice));
  for (const char* field : {app.view.newToken, app.view.challengeCode, app.view.challengeCode2,
                            static_cast<const char*>(app.view.training.probeText)})
    visit(std::string_view(field));
}

template <class Visit>
void forEachCharacterOf(std::string_view text, Visit visit) {
  for (size_t i = 0; i < text.size();) {
    const long c = text::decodeUtf8(text, i);
    if (c < 0)
      ++i;  // not UTF-8: drawn as U+FFFD, which the face has
    else
      visit(static_cast<char32_t>(c));
  }
}

// Each character a learner gives: the stored texts (only when `stored`), and the field being
// typed in.
template <class Visit>
void forEachLearnerCharacter(const AppState& app, bool stored, Visit visit) {
  if (stored) forEachStoredText(app, [&](std::string_view text) { forEachCharacterOf(text, visit); });
  // Dear ImGui's own text field, while it is typed in, holds what is not yet the lesson's.
  const ImGuiContext* context = ImGui::GetCurrentContext();
  // Only its text: the buffer past CurLenW is uninitialised memory.
  if (context && context->ActiveId != 0 && context->ActiveId == context->InputTextState.ID) {
    const ImGuiInputTextState& field = context->InputTextState;
    for (int k = 0; k < field.CurLenW && k < field.TextW.Size; ++k) visit(static_cast<char32_t>(field.TextW[k]));
  }
}

// A character worth asking for: printable, and neither the text faces nor an earlier
// rebuild has it (the drawn ones are in the face since; the others are in the list tried).
bool untried(const AppState& app, char32_t c) {
  const ImFont* body = app.platform.fonts.body;
  if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c > IM_UNICODE_CODEPOINT_MAX || !body ||
      body->FindGlyphNoFallback(static_cast<ImWchar>(c)))
    return false;
  const auto& tried = app.platform.extraGlyphs.characters;
  return std::find(tried.begin(), tried.end(), c) == tried.end();
}

// Where the image of `c` (or, given one, of the whole `word`) at `em` is in `list` (extra.images or
// extra.wordImages), drawn once by the platform and kept; a width of -1 when it could not be.
size_t imageOf(ExtraGlyphs& extra, std::vector<ExtraGlyphs::Drawn>& list, char32_t c, const std::string& word,
               float em) {
  for (size_t k = 0; k < list.size(); ++k)
    if (list[k].character == c && list[k].em == em && list[k].word == word) return k;
  ExtraGlyphs::Drawn drawn{c, em, {}, word};
  GlyphImage& image = drawn.image;
  const auto tallest = static_cast<int>(4 * em) + 4;  // no character is near this
  const auto widest = static_cast<int>(4 * em * static_cast<float>(std::max<size_t>(word.size(), 1))) + 4;
  const bool done =
      word.empty() ? extra.draw(c, em, image) : extra.drawWord(word, em, image) && image.width > 0 && image.height > 0;
  if (!done || image.width < 0 || image.height < 0 || image.width > widest || image.height > tallest ||
      image.alpha.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height))
    image.width = -1;  // remembered as having none
  list.push_back(std::move(drawn));
  return list.size() - 1;
}

size_t imageOf(ExtraGlyphs& extra, char32_t c, float em) { return imageOf(extra, extra.images, c, {}, em); }

// A face's size before the atlas is built (the face learns it from its configuration then).
float sizeBeforeBuild(const ImFontAtlas* atlas, const ImFont* font) {
  for (const ImFontConfig& config : atlas->ConfigData)
    if (config.DstFont == font) return config.SizePixels;
  return font->FontSize;
}

}  // namespace

bool wantsMoreGlyphs(AppState& app) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  if (!extra.draw) return false;
  const size_t before = extra.characters.size();
  // The stored text is read again only after the lesson changed: not every frame.
  const bool stored = extra.scannedRevision != app.session().revision();
  extra.scannedRevision = app.session().revision();
  std::vector<char32_t> forms;
  forEachLearnerCharacter(app, stored, [&](char32_t c) {
    if (extra.characters.size() >= kMaxExtraCharacters || !untried(app, c)) return;
    extra.characters.push_back(c);
    forms.clear();
    joinedFormsOf(c, forms);  // an Arabic letter is shown in the form its neighbours call for
    for (char32_t form : forms)
      if (extra.characters.size() < kMaxExtraCharacters && untried(app, form)) extra.characters.push_back(form);
  });
  // The words to draw whole: the stored texts' (read when they changed) and the runs the last
  // frame drew a letter at a time (a name cut short, a name being typed). A full list (each
  // prefix typed is a word) starts again, the stored texts' words first, letting the others go.
  bool newWords = false;
  const auto addWord = [&](std::string_view word) {
    std::vector<std::string>& words = extra.words;
    if (std::find(words.begin(), words.end(), word) != words.end()) return;
    if (words.size() >= kMaxShapedWords) {  // the stored texts' words come again next time
      words.clear();
      extra.wordImages.clear();
      extra.scannedRevision = UINT64_MAX;
    }
    words.emplace_back(word);
    newWords = true;
  };
  for (const std::string& run : extra.unshaped) addWord(run);
  extra.unshaped.clear();
  if (stored && extra.drawWord)
    forEachStoredText(app, [&](std::string_view text) { forEachWordToShape(text, addWord); });
  return extra.characters.size() > before || newWords;
}

void reserveExtraGlyphs(AppState& app) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  extra.placed.clear();
  if (!extra.draw) return;
  const Fonts& fonts = app.platform.fonts;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  // A platform without a code face draws code in the body face: its glyphs are the body's.
  for (ImFont* font : fonts.each()) {
    if (!font) continue;
    for (char32_t c : extra.characters) {
      const size_t index = imageOf(extra, c, sizeBeforeBuild(atlas, font) * kEmOfLine);
      const GlyphImage* image = &extra.images[index].image;
      if (image->width < 0) continue;  // no font has it
      // Placed from the line's top once the face's ascent is known (paintExtraGlyphs).
      const int rect = atlas->AddCustomRectFontGlyph(
          font, static_cast<ImWchar>(c), static_cast<unsigned short>(std::max(image->width, 1)),
          static_cast<unsigned short>(std::max(image->height, 1)), std::round(image->advance),
          ImVec2(std::round(image->left), std::round(image->top)));
      extra.placed.push_back({rect, font, index});
    }
  }
  extra.placedWords.clear();
  if (!extra.drawWord) return;
  for (ImFont* font : fonts.each()) {
    if (!font) continue;
    const float em = sizeBeforeBuild(atlas, font) * kEmOfLine;
    for (const std::string& word : extra.words) {
      // Only a word whose every letter some font has (a joiner has no ink of its own).
      bool drawable = true;
      forEachCharacterOf(word, [&](char32_t c) {
        drawable = drawable && (isJoiner(c) || extra.images[imageOf(extra, c, em)].image.width >= 0);
      });
      const size_t index = drawable ? imageOf(extra, extra.wordImages, 0, word, em) : 0;
      if (!drawable || extra.wordImages[index].image.width < 0) continue;
      const GlyphImage& image = extra.wordImages[index].image;
      const int rect = atlas->AddCustomRectRegular(image.width, image.height);
      extra.placedWords.push_back({rect, font, index});
    }
  }
}

namespace {

// Copies an image into the atlas's rectangle (as much as fits).
void paintInto(ImFontAtlas* atlas, const ImFontAtlasCustomRect& rect, const GlyphImage& image) {
  for (int y = 0; y < image.height && y < rect.Height; ++y)
    std::copy_n(
        image.alpha.data() + static_cast<size_t>(y) * static_cast<size_t>(image.width),
        std::min<int>(image.width, rect.Width),
        atlas->TexPixelsAlpha8 + static_cast<size_t>(rect.Y + y) * static_cast<size_t>(atlas->TexWidth) + rect.X);
}

}  // namespace

void paintExtraGlyphs(AppState& app) {
  ExtraGlyphs& extra = app.platform.extraGlyphs;
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  extra.rightToLeft.clear();
  extra.wordLetters.clear();
  extra.shapedWords.clear();
  extra.allGlyphs.clear();
  if (!atlas->TexPixelsAlpha8) return;
  for (const auto& placed : extra.placed) {
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(placed.rect);
    const GlyphImage& image = extra.images[placed.image].image;
    if (!rect || !rect->IsPacked()) continue;
    paintInto(atlas, *rect, image);
    // The face's own glyphs hang from the line's top by its ascent, as these now do.
    ImFontGlyph* glyph = const_cast<ImFontGlyph*>(placed.font->FindGlyphNoFallback(rect->GlyphID));
    if (glyph && glyph->Codepoint == rect->GlyphID) {
      const float ascent = std::floor(placed.font->Ascent + 0.5f);
      glyph->Y0 += ascent;
      glyph->Y1 += ascent;
      const auto c = static_cast<char32_t>(rect->GlyphID);
      // A joiner has nothing to see, but a quad: a word's letters are read from the quads, and
      // a Persian word keeps its non-joiner where it is typed (a word without it is drawn joined).
      glyph->Visible = (image.width > 0 && image.height > 0) || isJoiner(c);
      const GlyphAt at{ImVec2(glyph->U0, glyph->V0), placed.font, c};
      if (isRightToLeft(c) || isJoiner(c)) extra.rightToLeft.push_back(at);
      if (needsShaping(c)) extra.wordLetters.push_back(at);
    }
  }
  // Each word's letters are the ones a face draws with a quad (a joiner, or a mark with no ink
  // in this face, has none), in the order its text has them.
  for (const auto& placed : extra.placedWords) {
    const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(placed.rect);
    const ExtraGlyphs::Drawn& drawn = extra.wordImages[placed.image];
    if (!rect || !rect->IsPacked()) continue;
    paintInto(atlas, *rect, drawn.image);
    ExtraGlyphs::Word word;
    word.font = placed.font;
    forEachCharacterOf(drawn.word, [&](char32_t c) {
      const ImFontGlyph* glyph = placed.font->FindGlyphNoFallback(static_cast<ImWchar>(c));
      if (glyph && glyph->Visible) text::appendUtf8(word.letters, c);
    });
    atlas->CalcCustomRectUV(rect, &word.uv0, &word.uv1);
    word.left = drawn.image.left;
    word.top = drawn.image.top;
    word.width = static_cast<float>(drawn.image.width);
    word.height = static_cast<float>(drawn.image.height);
    word.advance = drawn.image.advance;
    extra.shapedWords.push_back(std::move(word));
  }
  const Fonts& fonts = app.platform.fonts;
  for (ImFont* font : fonts.each())
    if (font) measureAsJoined(font);
  extra.allGlyphs.clear();
  if (!extra.shapedWords.empty() || !extra.rightToLeft.empty())
    for (ImFont* font : fonts.each())
      for (int k = 0; font && k < font->Glyphs.Size; ++k)
        extra.allGlyphs.push_back({ImVec2(font->Glyphs[k].U0, font->Glyphs[k].V0), font, font->Glyphs[k].Codepoint});
  extra.placed.clear();
  extra.placedWords.clear();
  sortByUv(extra.allGlyphs);
  sortByUv(extra.rightToLeft);
  sortByUv(extra.wordLetters);
}

int missingGlyphs(const AppState& app, const ImDrawData* data) {
  if (!data || !data->Valid) return 0;
  std::vector<ImVec2> fallbacks;
  const Fonts& fonts = app.platform.fonts;
  for (const ImFont* font : fonts.each())
    if (font && font->FallbackGlyph && font->FallbackGlyph->Visible)
      fallbacks.emplace_back(font->FallbackGlyph->U0, font->FallbackGlyph->V0);
  int count = 0;
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
      for (const ImVec2& uv : fallbacks)
        if (v.uv.x == uv.x && v.uv.y == uv.y) ++count;
  return count;
}

}  // namespace ui
