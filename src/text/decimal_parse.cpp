// decimal_parse.cpp: decimal text to the nearest double or float with exact integer arithmetic.
// The text's digits make an integer N and its point and exponent a power of ten q, so the
// value is N·10^q = (N·5^q)·2^q. Dividing that, as integers of any size, by a power of two
// gives the result's bits and a remainder that decides the rounding exactly. Parsing is rare
// (a typed number, a stored record), so the simple arithmetic costs nothing that shows.
#include "text/decimal_parse.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace text {

namespace {

// A nonnegative integer of any size: 32-bit words, least significant first, no leading zero word.
using Big = std::vector<uint32_t>;

void multiplyAdd(Big& a, uint32_t factor, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& word : a) {
    const uint64_t v = static_cast<uint64_t>(word) * factor + carry;
    word = static_cast<uint32_t>(v);
    carry = v >> 32;
  }
  if (carry) a.push_back(static_cast<uint32_t>(carry));
}

void multiplyByPowerOfFive(Big& a, int count) {
  for (; count >= 13; count -= 13) multiplyAdd(a, 1220703125u, 0);  // 5^13, the largest below 2^32
  uint32_t rest = 1;
  while (count-- > 0) rest *= 5;
  multiplyAdd(a, rest, 0);
}

void trim(Big& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

int bitLength(const Big& a) {
  if (a.empty()) return 0;
  int top = 0;
  for (uint32_t word = a.back(); word; word >>= 1) ++top;
  return 32 * static_cast<int>(a.size() - 1) + top;
}

void shiftLeft(Big& a, int bits) {
  if (bits <= 0 || a.empty()) return;
  const size_t words = static_cast<size_t>(bits / 32);
  const int rest = bits % 32;
  Big out(a.size() + words + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    const uint64_t v = static_cast<uint64_t>(a[i]) << rest;
    out[i + words] |= static_cast<uint32_t>(v);
    out[i + words + 1] |= static_cast<uint32_t>(v >> 32);
  }
  trim(out);
  a.swap(out);
}

void halve(Big& a) {
  for (size_t i = 0; i < a.size(); ++i) a[i] = (a[i] >> 1) | (i + 1 < a.size() ? a[i + 1] << 31 : 0u);
  trim(a);
}

int compare(const Big& a, const Big& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

void subtract(Big& a, const Big& b) {  // a >= b
  uint32_t borrow = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const uint64_t take = static_cast<uint64_t>(i < b.size() ? b[i] : 0u) + borrow;
    borrow = a[i] < take;
    a[i] = static_cast<uint32_t>(a[i] - take);
  }
  trim(a);
}

// A binary format: bits of its significand and the exponent of its smallest subnormal's bit.
struct Format {
  int significandBits;
  int lowestBit;
};

// N·10^q rounded to `format`, ties to even: the result is significand·2^lowBit.
struct Rounded {
  uint64_t significand;
  int lowBit;
  bool inexact;  // the value was not exactly significand·2^lowBit
};

Rounded nearest(const Big& digits, int q, Format format) {
  Big numerator = digits, denominator{1};
  if (q > 0) multiplyByPowerOfFive(numerator, q);
  if (q < 0) multiplyByPowerOfFive(denominator, -q);
  // The value, numerator / denominator · 2^q, is below 2^(bits(numerator) - bits(denominator) + q + 1):
  // with this lowest bit the quotient has at most one bit more than the significand.
  int lowBit = std::max(bitLength(numerator) - bitLength(denominator) + q - format.significandBits, format.lowestBit);
  for (;;) {
    Big remainder = numerator, divisor = denominator;
    const int shift = q - lowBit;
    if (shift > 0) shiftLeft(remainder, shift);
    if (shift < 0) shiftLeft(divisor, -shift);
    Big step = divisor;
    shiftLeft(step, format.significandBits + 1);
    uint64_t quotient = 0;
    for (int bit = format.significandBits; bit >= 0; --bit) {
      halve(step);  // divisor · 2^bit
      if (compare(remainder, step) >= 0) {
        subtract(remainder, step);
        quotient |= uint64_t{1} << bit;
      }
    }
    if (quotient >> format.significandBits) {  // one bit too many: the value's top bit was one higher
      ++lowBit;
      continue;
    }
    const bool inexact = !remainder.empty();
    shiftLeft(remainder, 1);
    const int half = compare(remainder, divisor);
    if (half > 0 || (half == 0 && (quotient & 1))) ++quotient;
    return {quotient, lowBit, inexact};
  }
}

bool startsWith(const char* at, const char* word) {
  for (; *word; ++at, ++word)
    if (std::tolower(static_cast<unsigned char>(*at)) != *word) return false;
  return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// More significant digits than a tie between two doubles ever has (767): any beyond are only
// told apart by whether one is nonzero, which a final digit 1 stands for.
constexpr int kKeptDigits = 800;

template <typename Real>
Real parse(const char* text, char** end, Format format, int decimalCeiling, int decimalFloor) {
  const char* at = text;
  while (std::isspace(static_cast<unsigned char>(*at))) ++at;
  bool negative = false;
  if (*at == '+' || *at == '-') negative = *at++ == '-';
  const auto finish = [&](const char* stop, Real magnitude) {
    if (end) *end = const_cast<char*>(stop);
    return negative ? -magnitude : magnitude;
  };
  if (startsWith(at, "inf"))
    return finish(at + (startsWith(at, "infinity") ? 8 : 3), std::numeric_limits<Real>::infinity());
  if (startsWith(at, "nan")) {
    at += 3;
    if (*at == '(') {
      const char* close = at + 1;
      while (std::isalnum(static_cast<unsigned char>(*close)) || *close == '_') ++close;
      if (*close == ')') at = close + 1;
    }
    return finish(at, std::numeric_limits<Real>::quiet_NaN());
  }
  Big digits;
  int kept = 0;
  int64_t exponent = 0;  // value = digits · 10^exponent (64 bits on every platform)
  bool seen = false, droppedNonzero = false;
  const auto take = [&](char c, bool afterPoint) {
    seen = true;
    if (kept == 0 && c == '0') {
      exponent -= afterPoint;
    } else if (kept < kKeptDigits) {
      multiplyAdd(digits, 10, static_cast<uint32_t>(c - '0'));
      ++kept;
      exponent -= afterPoint;
    } else {
      droppedNonzero |= c != '0';
      exponent += !afterPoint;
    }
  };
  while (isDigit(*at)) take(*at++, false);
  if (*at == '.') {
    const char* point = at++;
    while (isDigit(*at)) take(*at++, true);
    if (!seen) at = point;
  }
  if (!seen) {
    negative = false;
    return finish(text, 0);
  }
  if (*at == 'e' || *at == 'E') {
    const char* p = at + 1;
    bool below = false;
    if (*p == '+' || *p == '-') below = *p++ == '-';
    if (isDigit(*p)) {
      int64_t written = 0;  // beyond 10^15 any exponent overflows or underflows whatever the digits
      for (; isDigit(*p); ++p)
        if (written < 1000000000000000) written = written * 10 + (*p - '0');
      exponent += below ? -written : written;
      at = p;
    }
  }
  if (digits.empty()) return finish(at, 0);
  if (droppedNonzero) {
    multiplyAdd(digits, 10, 1);
    --exponent;
    ++kept;
  }
  // The value lies in [10^(kept + exponent - 1), 10^(kept + exponent)).
  if (kept + exponent > decimalCeiling) {
    errno = ERANGE;
    return finish(at, std::numeric_limits<Real>::infinity());
  }
  if (kept + exponent < decimalFloor) {
    errno = ERANGE;
    return finish(at, 0);
  }
  const Rounded r = nearest(digits, static_cast<int>(exponent), format);
  const Real magnitude = std::ldexp(static_cast<Real>(r.significand), r.lowBit);
  // As the C libraries do: out of range, or rounded into the subnormals (below the smallest
  // normal number, where fewer bits remain).
  const bool subnormal = magnitude < std::numeric_limits<Real>::min();
  if (magnitude == 0 || std::isinf(magnitude) || (subnormal && (r.inexact || droppedNonzero))) errno = ERANGE;
  return finish(at, magnitude);
}

}  // namespace

// The ceilings and floors are decimal exponents beyond which every value overflows or rounds to zero.
double parseDouble(const char* text, char** end) { return parse<double>(text, end, {53, -1074}, 310, -325); }

float parseFloat(const char* text, char** end) { return parse<float>(text, end, {24, -149}, 40, -47); }

}  // namespace text
