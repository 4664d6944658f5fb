// small_sscanf.cpp: the page's sscanf, for the formats Dear ImGui uses. musl's scanf family
// is 2.8 KB of the page gzipped; Dear ImGui is its only caller, with formats made of literal
// text, blanks and %d %i %u %x %X %f %lf %c %n (a field width is allowed and ignored). Linked
// in place of sscanf with -Wl,--wrap=sscanf (src/app/CMakeLists.txt), on the web only.
//
// As sscanf does, it returns how many fields it stored, stops at the first mismatch, stores
// nothing into a field it cannot read, and returns EOF when the text ends before the first
// field. Numbers are read by strtol, strtoul, strtof and strtod.
#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace {

const char* skipBlanks(const char* at) {
  while (std::isspace(static_cast<unsigned char>(*at))) ++at;
  return at;
}

// Reads one number field of kind `conversion` at `at` into `out`; returns where it ends, or
// nullptr when there is no number there.
const char* readNumber(const char* at, char conversion, bool wide, std::va_list& fields) {
  char* end = nullptr;
  switch (conversion) {
    case 'd':
    case 'i': {
      const long value = std::strtol(at, &end, conversion == 'd' ? 10 : 0);
      if (end != at) *va_arg(fields, int*) = static_cast<int>(value);
      break;
    }
    case 'u':
    case 'x':
    case 'X': {
      const unsigned long value = std::strtoul(at, &end, conversion == 'u' ? 10 : 16);
      if (end != at) *va_arg(fields, unsigned*) = static_cast<unsigned>(value);
      break;
    }
    case 'f':
      if (wide) {
        const double value = std::strtod(at, &end);
        if (end != at) *va_arg(fields, double*) = value;
      } else {
        const float value = std::strtof(at, &end);
        if (end != at) *va_arg(fields, float*) = value;
      }
      break;
    default:
      return nullptr;  // a conversion Dear ImGui does not use
  }
  return end != at ? end : nullptr;
}

}  // namespace

extern "C" int __wrap_sscanf(const char* text, const char* format, ...) {
  std::va_list fields;
  va_start(fields, format);
  const char* at = text;
  int stored = 0;
  bool ended = false;  // the text ran out before the format did
  for (const char* f = format; *f && !ended; ++f) {
    if (std::isspace(static_cast<unsigned char>(*f))) {
      at = skipBlanks(at);
      continue;
    }
    if (*f != '%' || f[1] == '%') {
      if (*f == '%') ++f;  // "%%" is a literal percent sign
      ended = !*at;
      if (*at != *f) break;
      ++at;
      continue;
    }
    ++f;
    while (*f >= '0' && *f <= '9') ++f;  // a width: every field here is read whole
    const bool wide = *f == 'l';
    if (wide) ++f;
    if (*f == 'n') {
      *va_arg(fields, int*) = static_cast<int>(at - text);
      continue;
    }
    if (*f == 'c') {
      if (!*at) {
        ended = true;
        break;
      }
      *va_arg(fields, char*) = *at++;
      ++stored;
      continue;
    }
    at = skipBlanks(at);
    ended = !*at;
    const char* end = ended ? nullptr : readNumber(at, *f, wide, fields);
    if (!end) break;
    at = end;
    ++stored;
  }
  va_end(fields);
  return stored == 0 && ended ? EOF : stored;
}
