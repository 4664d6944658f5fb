// json_read.cpp: JSON text to a value, by recursive descent. Strict RFC 8259: no comments,
// no trailing commas, no NaN; text must be UTF-8 and \u escapes whole characters (a lone
// surrogate is refused); numbers must fit a double. Nesting is refused past kMaxJsonDepth,
// so hostile text can neither exhaust the stack nor make the value costly to free.
#include <cmath>
#include <cstdlib>

#include "json/json.h"
#include "text/utf8.h"

namespace json {

namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool readDocument(Json& out) {
    skipSpace();
    if (!readValue(out, 0)) return false;
    skipSpace();
    return position_ == text_.size();
  }

 private:
  bool at(char c) const { return position_ < text_.size() && text_[position_] == c; }
  bool atDigit() const { return position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9'; }
  bool take(char c) {
    if (!at(c)) return false;
    ++position_;
    return true;
  }
  void skipDigits() {
    while (atDigit()) ++position_;
  }
  void skipSpace() {
    while (at(' ') || at('\n') || at('\r') || at('\t')) ++position_;
  }

  bool readValue(Json& out, int depth) {
    if (position_ >= text_.size()) return false;
    switch (text_[position_]) {
      case '{':
        return readObject(out, depth + 1);
      case '[':
        return readArray(out, depth + 1);
      case '"': {
        std::string text;
        if (!readString(text)) return false;
        out = Json(std::move(text));
        return true;
      }
      case 't':
        return readWord("true", Json(true), out);
      case 'f':
        return readWord("false", Json(false), out);
      case 'n':
        return readWord("null", Json(), out);
      default:
        return readNumber(out);
    }
  }

  bool readWord(std::string_view word, Json value, Json& out) {
    if (text_.substr(position_, word.size()) != word) return false;
    position_ += word.size();
    out = std::move(value);
    return true;
  }

  bool readNumber(Json& out) {
    const std::size_t start = position_;
    take('-');
    if (!take('0')) {
      if (!atDigit()) return false;
      skipDigits();
    }
    bool whole = true;
    if (take('.')) {
      whole = false;
      if (!atDigit()) return false;
      skipDigits();
    }
    if (take('e') || take('E')) {
      whole = false;
      if (!take('+')) take('-');
      if (!atDigit()) return false;
      skipDigits();
    }
    const std::string_view token = text_.substr(start, position_ - start);
    // Up to 18 digits always fit a long long; longer whole numbers are read as doubles.
    if (whole && token.size() <= 18) {
      long long value = 0;
      for (char c : token)
        if (c != '-') value = value * 10 + (c - '0');
      out = Json(token[0] == '-' ? -value : value);
      return true;
    }
    const std::string copy(token);  // strtod needs the terminating zero
    const double value = std::strtod(copy.c_str(), nullptr);
    if (!std::isfinite(value)) return false;
    out = Json(value);
    return true;
  }

  bool readHex4(unsigned& unit) {
    if (text_.size() - position_ < 4) return false;
    unit = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[position_++];
      unit <<= 4;
      if (c >= '0' && c <= '9')
        unit |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        unit |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        unit |= static_cast<unsigned>(c - 'A' + 10);
      else
        return false;
    }
    return true;
  }

  // After the backslash of a \u escape: one character, from a surrogate pair if need be.
  bool readUnicodeEscape(std::string& out) {
    unsigned code;
    if (!readHex4(code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;
    if (code >= 0xD800 && code <= 0xDBFF) {
      unsigned low;
      if (!take('\\') || !take('u') || !readHex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    text::appendUtf8(out, static_cast<char32_t>(code));
    return true;
  }

  bool readEscape(std::string& out) {
    if (position_ >= text_.size()) return false;
    const char c = text_[position_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        return readUnicodeEscape(out);
      default:
        return false;
    }
  }

  bool readString(std::string& out) {
    ++position_;  // the opening quote
    while (position_ < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[position_]);
      if (byte == '"') {
        ++position_;
        return true;
      }
      if (byte < 0x20) return false;  // control characters must be escaped
      if (byte == '\\') {
        ++position_;
        if (!readEscape(out)) return false;
        continue;
      }
      const std::size_t start = position_;
      if (text::decodeUtf8(text_, position_) < 0) return false;
      out.append(text_, start, position_ - start);
    }
    return false;
  }

  bool readArray(Json& out, int depth) {
    if (depth > kMaxJsonDepth) return false;
    ++position_;
    Json::Array items;
    skipSpace();
    if (!take(']')) {
      do {
        skipSpace();
        items.emplace_back();
        if (!readValue(items.back(), depth)) return false;
        skipSpace();
      } while (take(','));
      if (!take(']')) return false;
    }
    out = Json(std::move(items));
    return true;
  }

  bool readObject(Json& out, int depth) {
    if (depth > kMaxJsonDepth) return false;
    ++position_;
    Json::Object members;
    skipSpace();
    if (!take('}')) {
      do {
        skipSpace();
        members.emplace_back();
        if (!at('"') || !readString(members.back().first)) return false;
        skipSpace();
        if (!take(':')) return false;
        skipSpace();
        if (!readValue(members.back().second, depth)) return false;
        skipSpace();
      } while (take(','));
      if (!take('}')) return false;
    }
    out = Json(std::move(members));
    return true;
  }

  std::string_view text_;
  std::size_t position_ = 0;
};

}  // namespace

std::optional<Json> Json::parse(std::string_view text) {
  Json value;
  if (!Reader(text).readDocument(value)) return std::nullopt;
  return value;
}

}  // namespace json
