// json_write.cpp: a JSON value as compact text. Objects are already in key order, so the
// text of a value never depends on how it was built.
#include <cmath>

#include "json/json.h"
#include "json/number_text.h"
#include "text/utf8.h"

namespace json {

void appendQuoted(std::string& out, const std::string& text) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      // Valid UTF-8 is copied as it is; a damaged sequence becomes one U+FFFD.
      const std::size_t start = i;
      if (text::nextTypedCharacter(text, i) == 0xFFFD)
        out += "\xEF\xBF\xBD";
      else
        out.append(text, start, i - start);
      continue;
    }
    ++i;
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 15];
        } else {
          out += static_cast<char>(byte);
        }
    }
  }
  out += '"';
}

namespace {

void appendValue(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::Type::Null:
      out += "null";
      break;
    case Json::Type::Bool:
      out += value.asBool() ? "true" : "false";
      break;
    case Json::Type::Integer:
      out += std::to_string(value.asInteger());
      break;
    case Json::Type::Number:
      if (std::isfinite(value.asNumber()))
        appendShortestDouble(out, value.asNumber());
      else
        out += "null";
      break;
    case Json::Type::String:
      appendQuoted(out, value.asString());
      break;
    case Json::Type::Array: {
      out += '[';
      for (const Json& item : value) {
        if (&item != value.begin()) out += ',';
        appendValue(out, item);
      }
      out += ']';
      break;
    }
    case Json::Type::Object: {
      out += '{';
      bool first = true;
      for (const auto& [key, member] : value.members()) {
        if (!first) out += ',';
        first = false;
        appendQuoted(out, key);
        out += ':';
        appendValue(out, member);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string Json::dump() const {
  std::string out;
  appendValue(out, *this);
  return out;
}

}  // namespace json
