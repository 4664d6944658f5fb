// text_rules.cpp: the name rule (UTF-8, length in characters, no control characters, something
// to see).
#include "lesson/model/text_rules.h"

#include "text/utf8.h"

namespace lesson {

namespace {

bool isControl(long code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029; }

// A character that shows nothing by itself: a space, an invisible format character (joiners,
// direction marks, the byte order mark), a combining mark that only sits on the letter before it,
// or a variation selector. A name of these alone is a blank chip, row and column name.
bool showsNothing(long code) {
  const auto in = [code](long first, long last) { return code >= first && code <= last; };
  return code == 0x20 || code == 0xA0 || code == 0x1680 || in(0x2000, 0x200F) || in(0x202A, 0x202F) ||
         in(0x205F, 0x2064) || code == 0x3000 || code == 0xFEFF || in(0x0300, 0x036F) || in(0x0483, 0x0489) ||
         in(0x0591, 0x05BD) || in(0x064B, 0x065F) || code == 0x0670 || in(0x1AB0, 0x1AFF) || in(0x1DC0, 0x1DFF) ||
         in(0x20D0, 0x20FF) || in(0xFE00, 0xFE0F) || in(0xFE20, 0xFE2F) || in(0xE0100, 0xE01EF);
}

}  // namespace

std::string checkName(const std::string& text, const char* what) {
  const std::string subject(what);
  const auto tooLong = [&] {
    return subject + " can have at most " + std::to_string(kMaxNameCharacters) + " characters";
  };
  if (text.empty()) return subject + " needs at least one character";
  if (text.size() > 4 * kMaxNameCharacters) return tooLong();  // more bytes than the longest name holds: not read
  long count = 0;
  bool shows = false;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const long code = text::decodeUtf8(text, i);
    if (code < 0) return subject + " must be valid UTF-8 text";
    if (isControl(code)) return subject + " cannot contain control characters (such as tabs or line breaks)";
    shows = shows || !showsNothing(code);
  }
  if (count > static_cast<long>(kMaxNameCharacters)) return tooLong();
  if (!shows) return subject + " needs a character that shows (not only spaces, marks or invisible characters)";
  return {};
}

}  // namespace lesson
