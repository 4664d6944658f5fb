// utf8.cpp: the one UTF-8 decoder that names, JSON text and typed text all go through.
#include "text/utf8.h"

namespace text {

namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;

}  // namespace

long decodeUtf8(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int length = 0;
  long code = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2, code = lead & 0x1F;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3, code = lead & 0x0F;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4, code = lead & 0x07;
  else
    return -1;
  if (i + static_cast<std::size_t>(length) > text.size()) return -1;
  for (int k = 1; k < length; ++k) {
    const unsigned char next = byte(i + static_cast<std::size_t>(k));
    if ((next & 0xC0) != 0x80) return -1;
    code = (code << 6) | (next & 0x3F);
  }
  const long smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (code < smallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return -1;
  i += static_cast<std::size_t>(length);
  return code;
}

void appendUtf8(std::string& text, char32_t c) {
  const auto put = [&](unsigned bits) { text.push_back(static_cast<char>(bits)); };
  if (c < 0x80) {
    put(c);
    return;
  }
  const int tail = c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
  put(((0xF0u << (3 - tail)) & 0xFFu) | (c >> (6 * tail)));  // 0xC0, 0xE0 or 0xF0 and the top bits
  for (int k = tail - 1; k >= 0; --k) put(0x80 | ((c >> (6 * k)) & 0x3F));
}

char32_t nextTypedCharacter(const std::string& text, std::size_t& i) {
  const long code = decodeUtf8(text, i);
  if (code >= 0) return static_cast<char32_t>(code);
  // decodeUtf8 left i on the byte it could not read: that byte and the continuation bytes
  // after it are one damaged character, shown as one mark.
  for (++i; i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80;) ++i;
  return kReplacementCharacter;
}

long countCodePoints(const std::string& text) {
  long count = 0;
  for (std::size_t i = 0; i < text.size(); ++count)
    if (decodeUtf8(text, i) < 0) return -1;
  return count;
}

std::string cutAtCharacter(const std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace text
