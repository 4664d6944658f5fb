// utf8.h: reading UTF-8 text strictly (what no valid encoder writes is refused) and forgivingly
// (typed text, where a damaged character still shows as one mark). No lesson, no JSON.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace text {

// Decodes the UTF-8 sequence at text[i] (i < text.size()); returns its code point and moves
// `i` past it, or -1, leaving `i`, for bytes no valid encoder writes (a stray continuation
// byte, an overlong form, a surrogate, beyond U+10FFFF).
long decodeUtf8(std::string_view text, std::size_t& i);

// Code points of valid UTF-8 text, or -1 when the bytes are not valid UTF-8.
long countCodePoints(const std::string& text);

// The character of typed text that starts at byte `i` (i < text.size()), moving `i` past it.
// Bytes that are not valid UTF-8 (a byte that starts no valid sequence, with the continuation
// bytes after it) are one U+FFFD, the replacement character, so a damaged character still
// shows where it was instead of vanishing (a JavaScript string with a lone surrogate arrives
// that way).
char32_t nextTypedCharacter(const std::string& text, std::size_t& i);

// Appends code point c (at most U+10FFFF, not a surrogate) to `text` as UTF-8.
void appendUtf8(std::string& text, char32_t c);

// The first `bytes` bytes of `text` at most, cut back to a character boundary so the result is
// still valid UTF-8 when the text was.
std::string cutAtCharacter(const std::string& text, std::size_t bytes);

}  // namespace text
