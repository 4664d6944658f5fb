// system_glyphs.cpp: for each character, fontconfig names the system font that has it (as
// desktop programs choose a fallback); stb_truetype draws it at the em asked for. Font files are
// read once, up to a size any real font stays below.
#include "app/desktop/system_glyphs.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/desktop/bounded_file.h"

// Dear ImGui compiles its own copy of stb_truetype privately; this is the system's, private too.
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

namespace app {

namespace {

constexpr std::size_t kLargestFontFile = 64u << 20;  // CJK collections are 20-40 MB

struct OpenFont {
  std::vector<unsigned char> bytes;
  stbtt_fontinfo info{};
  bool usable = false;
};

class SystemFonts {
 public:
  // The font fontconfig prefers for `codepoint` among the sans-serif faces, or null.
  const OpenFont* fontFor(char32_t codepoint) {
    if (!FcInit()) return nullptr;
    FcPattern* pattern = FcPatternCreate();
    FcCharSet* characters = FcCharSetCreate();
    FcCharSetAddChar(characters, codepoint);
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddCharSet(pattern, FC_CHARSET, characters);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    const OpenFont* found = nullptr;
    FcChar8* file = nullptr;
    int index = 0;
    if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
      FcPatternGetInteger(match, FC_INDEX, 0, &index);
      found = open(reinterpret_cast<const char*>(file), index);
    }
    if (match) FcPatternDestroy(match);
    FcCharSetDestroy(characters);
    FcPatternDestroy(pattern);
    return found && stbtt_FindGlyphIndex(&found->info, static_cast<int>(codepoint)) != 0 ? found : nullptr;
  }

 private:
  const OpenFont* open(const std::string& path, int index) {
    const auto key = path + "#" + std::to_string(index);
    auto& slot = fonts_[key];
    if (!slot) {
      slot = std::make_unique<OpenFont>();
      const FileRead read = readBoundedFile(path, kLargestFontFile);
      if (read.status == FileRead::Status::ok) {
        slot->bytes.assign(read.text.begin(), read.text.end());
        const int offset = stbtt_GetFontOffsetForIndex(slot->bytes.data(), index);
        slot->usable = offset >= 0 && stbtt_InitFont(&slot->info, slot->bytes.data(), offset) != 0;
      }
    }
    return slot->usable ? slot.get() : nullptr;
  }

  std::map<std::string, std::unique_ptr<OpenFont>> fonts_;
};

}  // namespace

ui::DrawGlyph systemGlyphs() {
  auto fonts = std::make_shared<SystemFonts>();
  return [fonts](char32_t codepoint, float em, ui::GlyphImage& image) {
    const OpenFont* font = fonts->fontFor(codepoint);
    if (!font) return false;
    const float scale = stbtt_ScaleForMappingEmToPixels(&font->info, em);
    const int c = static_cast<int>(codepoint);
    int advance = 0, bearing = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetCodepointHMetrics(&font->info, c, &advance, &bearing);
    stbtt_GetCodepointBitmapBox(&font->info, c, scale, scale, &x0, &y0, &x1, &y1);
    image.left = static_cast<float>(x0);
    image.top = static_cast<float>(y0);
    image.advance = static_cast<float>(advance) * scale;
    image.width = std::max(0, x1 - x0);
    image.height = std::max(0, y1 - y0);
    image.alpha.assign(static_cast<size_t>(image.width) * static_cast<size_t>(image.height), 0);
    if (!image.alpha.empty())
      stbtt_MakeCodepointBitmap(&font->info, image.alpha.data(), image.width, image.height, image.width, scale, scale,
                                c);
    return true;
  };
}

}  // namespace app
