// text_rules.cpp: the name rule (UTF-8, length in characters, no control characters).
#include "lesson/model/text_rules.h"

#include "text/utf8.h"

namespace lesson {

namespace {

bool isControl(long code) { return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029; }

}  // namespace

std::string checkName(const std::string& text, const char* what) {
  const std::string subject(what);
  const auto tooLong = [&] {
    return subject + " can have at most " + std::to_string(kMaxNameCharacters) + " characters";
  };
  if (text.empty()) return subject + " needs at least one character";
  if (text.size() > 4 * kMaxNameCharacters) return tooLong();  // more bytes than the longest name holds: not read
  long count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const long code = text::decodeUtf8(text, i);
    if (code < 0) return subject + " must be valid UTF-8 text";
    if (isControl(code)) return subject + " cannot contain control characters (such as tabs or line breaks)";
  }
  if (count > static_cast<long>(kMaxNameCharacters)) return tooLong();
  return {};
}

}  // namespace lesson
