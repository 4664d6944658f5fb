// decimal_parse.h: decimal text to the nearest double or float, exactly as strtod and strtof
// read it (correctly rounded, ties to even, subnormals, signed zero, inf and nan), without
// their hexadecimal form. The page links these in place of musl's strtod and strtof
// (src/app/web/small_strtod.cpp), whose long double arithmetic is 6.8 KB of the gzipped page;
// tests/lesson/decimal_parse_test.cpp compares them with the C library's on every platform.
#pragma once

namespace text {

// Reads leading blanks, a sign, then digits with an optional point and exponent, or "inf",
// "infinity", "nan" in any case. `end` (when given) is set past what was read, or to `text`
// when there is no number. errno becomes ERANGE when a finite, nonzero text rounds to
// infinity or to zero, or inexactly to a subnormal number, as glibc sets it (Emscripten's musl
// does not for subnormals): the page and the desktop then refuse the same typed numbers.
double parseDouble(const char* text, char** end);
float parseFloat(const char* text, char** end);

}  // namespace text
