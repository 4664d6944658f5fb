// decimal_parse_test.cpp: text::parseDouble and text::parseFloat, which the page links in place
// of strtod and strtof, against the C library's own (glibc natively, musl under node): the same
// bits, the same end, on edge cases, on every kind of random decimal and on exact ties.
#include "text/decimal_parse.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace {

template <typename Real>
bool sameBits(Real a, Real b) {
  // A nan's sign means nothing, and the C libraries disagree on it ("-nan": glibc keeps it, musl not).
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// Both readings of `text` agree with the C library's, value and end; returns false on a mismatch.
bool agrees(const std::string& text) {
  // errno too: ERANGE for overflow, for underflow to zero and for an inexact subnormal.
  const auto ranged = [](auto read) {
    errno = 0;
    read();
    return errno == ERANGE;
  };
  char* oursEnd = nullptr;
  char* theirsEnd = nullptr;
  double ours = 0, theirs = 0;
  const bool oursRange = ranged([&] { ours = text::parseDouble(text.c_str(), &oursEnd); });
  const bool theirsRange = ranged([&] { theirs = std::strtod(text.c_str(), &theirsEnd); });
  char* oursFloatEnd = nullptr;
  char* theirsFloatEnd = nullptr;
  float oursFloat = 0, theirsFloat = 0;
  const bool oursFloatRange = ranged([&] { oursFloat = text::parseFloat(text.c_str(), &oursFloatEnd); });
  const bool theirsFloatRange = ranged([&] { theirsFloat = std::strtof(text.c_str(), &theirsFloatEnd); });
  // errno follows glibc's rule everywhere (an inexact subnormal is ERANGE), so that the page and
  // the desktop refuse the same typed numbers; Emscripten's musl leaves errno alone there.
#ifdef __EMSCRIPTEN__
  const bool glibc = false;
#else
  const bool glibc = true;
#endif
  const bool sameRange = !glibc || (oursRange == theirsRange && oursFloatRange == theirsFloatRange);
  const bool same = sameBits(ours, theirs) && oursEnd == theirsEnd && sameBits(oursFloat, theirsFloat) &&
                    oursFloatEnd == theirsFloatEnd && sameRange;
  if (!same)
    MESSAGE("\"" << text.substr(0, 120) << "\": ours " << ours << " / " << oursFloat << " (ERANGE " << oursRange
                 << " / " << oursFloatRange << "), the C library's " << theirs << " / " << theirsFloat << " (ERANGE "
                 << theirsRange << " / " << theirsFloatRange << ")");
  return same;
}

std::string printed(const char* format, double value) {
  char text[2048];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

}  // namespace

TEST_CASE("decimal parsing: edge cases read as strtod and strtof read them") {
  for (const char* text : {"0",
                           "-0",
                           "+0",
                           "0.0",
                           "-0.000e5",
                           "1",
                           "-1",
                           "0.1",
                           ".5",
                           "5.",
                           "-.5e1",
                           "1e",
                           "1e+",
                           "1e-",
                           "1ex",
                           "e5",
                           ".",
                           "-",
                           "+",
                           "",
                           "   42",
                           "\t\n 7.25xyz",
                           "abc",
                           "- 1",
                           "0.30000000000000004",
                           "9007199254740993",
                           "9007199254740992.5",
                           "1.7976931348623157e308",
                           "1.7976931348623158e308",
                           "1.7976931348623159e308",
                           "1e309",
                           "-1e400",
                           "4.9406564584124654e-324",
                           "2.4703282292062327e-324",
                           "2.4703282292062328e-324",
                           "1e-324",
                           "1e-400",
                           "2.2250738585072011e-308",
                           "2.2250738585072014e-308",
                           "3.4028234663852886e38",
                           "3.4028235677973366e38",
                           "3.4028236e38",
                           "1.17549435e-38",
                           "1.4012984643e-45",
                           "7.006492321624085e-46",
                           "7.006492321624086e-46",
                           "1e-46",
                           "0.000000000000000000000000000000000000000000001",
                           "123456789012345678901234567890",
                           "1e99999999999",
                           "1e-99999999999",
                           "0e99999999999",
                           "inf",
                           "-INF",
                           "Infinity",
                           "infinit",
                           "nan",
                           "-NaN",
                           "nan(123)",
                           "nan(",
                           "nanx",
                           "0.1e-0",
                           "00000000000000000000001.5",
                           "1_000",
                           "1,5"})
    CHECK(agrees(text));
}

TEST_CASE("decimal parsing: every double printed at 17, 16 and 15 digits, every float at 9, 8 and 6") {
  std::mt19937_64 random(20261206);
  int mismatches = 0;
  for (int i = 0; i < 20000; ++i) {
    uint64_t bits = random();
    double value;
    std::memcpy(&value, &bits, sizeof value);
    if (!std::isfinite(value)) continue;
    for (const char* format : {"%.17g", "%.16g", "%.15g", "%.3e"}) mismatches += !agrees(printed(format, value));
    uint32_t floatBits = static_cast<uint32_t>(bits >> 32);
    float single;
    std::memcpy(&single, &floatBits, sizeof single);
    if (!std::isfinite(single)) continue;
    for (const char* format : {"%.9g", "%.8g", "%.6g", "%.1f"}) mismatches += !agrees(printed(format, single));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("decimal parsing: random digits, points and exponents") {
  std::mt19937 random(7);
  int mismatches = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = random() % 2 ? "-" : "";
    const int length = 1 + static_cast<int>(random() % 40);
    const int point = static_cast<int>(random() % static_cast<unsigned>(length + 1));
    for (int d = 0; d < length; ++d) {
      if (d == point) text += '.';
      text += static_cast<char>('0' + random() % 10);
    }
    if (random() % 3) text += "e" + std::to_string(static_cast<int>(random() % 700) - 350);
    mismatches += !agrees(text);
  }
  CHECK(mismatches == 0);
}

// The exact decimal text of odd · 2^power: the digits of odd · 5^-power (or odd · 2^power) and
// a power of ten, written with whole-number arithmetic so that no printf's precision limits it.
std::string exactText(uint64_t odd, int power) {
  std::vector<uint32_t> words{static_cast<uint32_t>(odd), static_cast<uint32_t>(odd >> 32)};
  const auto multiply = [&](uint32_t factor) {
    uint64_t carry = 0;
    for (uint32_t& word : words) {
      const uint64_t v = static_cast<uint64_t>(word) * factor + carry;
      word = static_cast<uint32_t>(v);
      carry = v >> 32;
    }
    if (carry) words.push_back(static_cast<uint32_t>(carry));
  };
  for (int k = 0; k < std::abs(power); ++k) multiply(power < 0 ? 5 : 2);
  std::string digits;
  for (;;) {  // divide by 10 until nothing is left
    uint64_t rest = 0;
    bool any = false;
    for (size_t i = words.size(); i-- > 0;) {
      const uint64_t v = (rest << 32) | words[i];
      words[i] = static_cast<uint32_t>(v / 10);
      rest = v % 10;
      any |= words[i] != 0;
    }
    digits.insert(digits.begin(), static_cast<char>('0' + rest));
    if (!any) break;
  }
  return digits + "e" + std::to_string(power < 0 ? power : 0);
}

// The exact tie above `value` in a format of `bits` significand bits whose lowest bit is 2^lowest.
template <typename Real>
std::string tieAbove(Real value, int bits, int lowest) {
  int top = 0;
  std::frexp(value, &top);
  const int low = std::max(top - bits, lowest);
  const uint64_t significand = static_cast<uint64_t>(std::ldexp(value, -low));
  return exactText(2 * significand + 1, low - 1);
}

TEST_CASE("decimal parsing: exact ties between neighbours round to even, and a digit past a tie decides") {
  std::mt19937_64 random(11);
  int mismatches = 0;
  for (int i = 0; i < 1500; ++i) {
    uint64_t bits = random() & 0x7fefffffffffffffull;
    if (i % 4 == 0) bits &= 0x000fffffffffffffull;  // subnormals too
    double value;
    std::memcpy(&value, &bits, sizeof value);
    const std::string tie = tieAbove(value, 53, -1074);
    mismatches += !agrees(tie);
    const size_t e = tie.find('e');
    mismatches += !agrees(tie.substr(0, e) + ".0000000001" + tie.substr(e));  // just above the tie
    const float single = static_cast<float>(value);
    if (std::isfinite(single)) mismatches += !agrees(tieAbove(single, 24, -149));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("decimal parsing: digits past the 800th still count, and errno tells overflow and underflow") {
  std::string longOne = "0." + std::string(900, '3') + "1e-300";
  CHECK(agrees(longOne));
  CHECK(agrees(std::string(1000, '9')));
  CHECK(agrees("1" + std::string(2000, '0') + "e-2000"));
  CHECK(agrees("2." + std::string(850, '0') + "1e-324"));
  // Exponents of many digits, which the digits' count can bring back into range.
  CHECK(agrees("0." + std::string(1000000, '0') + "1e1000001"));
  CHECK(agrees("1" + std::string(1000000, '0') + "e-1000000"));
  CHECK(agrees("1e-1000000000000000000000"));
  CHECK(agrees("1e+1000000000000000000000"));
  // Subnormals, exact and inexact.
  CHECK(agrees("1e-310"));
  CHECK(agrees("1e-40"));
  CHECK(agrees(exactText(1, -1074)));
  CHECK(agrees(exactText(3, -149)));
  errno = 0;
  CHECK(std::isinf(text::parseDouble("1e400", nullptr)));
  CHECK(errno == ERANGE);
  errno = 0;
  CHECK(text::parseDouble("1e-400", nullptr) == 0.0);
  CHECK(errno == ERANGE);
  errno = 0;
  CHECK(text::parseFloat("1e39", nullptr) == INFINITY);
  CHECK(errno == ERANGE);
  errno = 0;
  CHECK(text::parseDouble("0.25", nullptr) == 0.25);
  CHECK(errno == 0);
}
