// share_link.cpp: URL-fragment encoding of the lesson state.
#include "lesson/io/share_link.h"

#include "lesson/io/json_io.h"
#include "text/utf8.h"

namespace lesson {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

std::string base64UrlEncode(const std::string& bytes) {
  std::string out;
  unsigned bits = 0;
  int bitCount = 0;
  for (unsigned char c : bytes) {
    bits = (bits << 8) | c;
    bitCount += 8;
    while (bitCount >= 6) {
      bitCount -= 6;
      out.push_back(kAlphabet[(bits >> bitCount) & 63u]);
    }
  }
  if (bitCount > 0) out.push_back(kAlphabet[(bits << (6 - bitCount)) & 63u]);
  return out;
}

bool base64UrlDecode(const std::string& text, std::string& bytes) {
  if (text.size() % 4 == 1) return false;  // no byte sequence encodes to this length
  bytes.clear();
  unsigned bits = 0;
  int bitCount = 0;
  for (char c : text) {
    const int value = sextet(c);
    if (value < 0) return false;
    bits = (bits << 6) | static_cast<unsigned>(value);
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes.push_back(static_cast<char>((bits >> bitCount) & 0xFFu));
    }
  }
  return true;
}

std::string encodeShareFragment(const LessonState& state) {
  return "s=" + std::to_string(kLinkVersion) + "." + base64UrlEncode(stateToJson(state, true).dump());
}

std::string decodeShareFragment(const std::string& fragment, const LessonState& base, LessonState& out) {
  std::string text = fragment;
  if (!text.empty() && text[0] == '#') text.erase(0, 1);
  if (text.size() > kMaxLinkLength) return "the shared link is too long to be a lesson state";
  if (text.rfind("s=", 0) != 0) return "the shared link does not hold a lesson state";
  const size_t dot = text.find('.');
  if (dot == std::string::npos) return "the shared link is incomplete";
  const std::string version = text.substr(2, dot - 2);
  if (version != std::to_string(kLinkVersion))
    return "the shared link uses format version " + text::cutAtCharacter(version, 8) +
           ", which this lesson cannot read";
  std::string json;
  if (!base64UrlDecode(text.substr(dot + 1), json)) return "the shared link is damaged (bad characters or cut short)";
  LessonState candidate = base;
  const std::string error = applyStateText(candidate, json);
  if (!error.empty()) return "the shared link could not be used: " + error;
  out = std::move(candidate);
  return {};
}

}  // namespace lesson
