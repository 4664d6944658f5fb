// small_strtod.cpp: the page's strtod and strtof. musl's read decimals with long double
// arithmetic (software 128-bit floats under wasm), 6.8 KB of the gzipped page; text::parseDouble
// and text::parseFloat round exactly as they do with whole-number arithmetic instead
// (tests/lesson/decimal_parse_test.cpp checks them against the C library). Linked in place of
// strtod and strtof with -Wl,--wrap (src/app/CMakeLists.txt), on the web only; every caller,
// Dear ImGui's and the JSON reader's, goes through them. Hexadecimal floats are not read.
#include "text/decimal_parse.h"

extern "C" double __wrap_strtod(const char* text, char** end) { return text::parseDouble(text, end); }

extern "C" float __wrap_strtof(const char* text, char** end) { return text::parseFloat(text, end); }
