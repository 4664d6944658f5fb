// number_text.cpp: shortest round-trip decimal text for a double, by Grisu2.
//
// v is scaled by a cached power of ten so that the product's binary exponent lands in a
// window where its integer part fits 32 bits; the digits are then generated from the upper
// boundary of v's rounding interval until what is left is within the interval, and the last
// digit is nudged towards v. Every digit comes from 64-bit integer arithmetic.
#include "json/number_text.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace json {

namespace {

// A number f * 2^e with a 64-bit significand.
struct Binary {
  std::uint64_t f;
  int e;
};

// The upper 64 bits of the 128-bit product, rounded.
Binary multiply(Binary x, Binary y) {
  const std::uint64_t xHigh = x.f >> 32, xLow = x.f & 0xFFFFFFFFu, yHigh = y.f >> 32, yLow = y.f & 0xFFFFFFFFu;
  const std::uint64_t highHigh = xHigh * yHigh, highLow = xHigh * yLow, lowHigh = xLow * yHigh, lowLow = xLow * yLow;
  std::uint64_t middle = (lowLow >> 32) + (highLow & 0xFFFFFFFFu) + (lowHigh & 0xFFFFFFFFu);
  middle += std::uint64_t{1} << 31;
  return {highHigh + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32), x.e + y.e + 64};
}

Binary normalized(Binary x) {
  while (!(x.f >> 63)) {
    x.f <<= 1;
    --x.e;
  }
  return x;
}

// 10^k for k = -348, -340, ..., 340, normalised (top bit set) and rounded to nearest.
// Computed with exact rational arithmetic; the step of 8 decimal exponents (26.6 binary)
// is narrower than the window below (28), so one of them always fits. (A table: its rows are
// alike in shape, as data is.)
constexpr int kFirstPower = -348;
constexpr int kPowerStep = 8;
constexpr Binary kPowersOfTen[] = {
    {0xfa8fd5a0081c0288ULL, -1220}, {0xbaaee17fa23ebf76ULL, -1193}, {0x8b16fb203055ac76ULL, -1166},
    {0xcf42894a5dce35eaULL, -1140}, {0x9a6bb0aa55653b2dULL, -1113}, {0xe61acf033d1a45dfULL, -1087},
    {0xab70fe17c79ac6caULL, -1060}, {0xff77b1fcbebcdc4fULL, -1034}, {0xbe5691ef416bd60cULL, -1007},
    {0x8dd01fad907ffc3cULL, -980},  {0xd3515c2831559a83ULL, -954},  {0x9d71ac8fada6c9b5ULL, -927},
    {0xea9c227723ee8bcbULL, -901},  {0xaecc49914078536dULL, -874},  {0x823c12795db6ce57ULL, -847},
    {0xc21094364dfb5637ULL, -821},  {0x9096ea6f3848984fULL, -794},  {0xd77485cb25823ac7ULL, -768},
    {0xa086cfcd97bf97f4ULL, -741},  {0xef340a98172aace5ULL, -715},  {0xb23867fb2a35b28eULL, -688},
    {0x84c8d4dfd2c63f3bULL, -661},  {0xc5dd44271ad3cdbaULL, -635},  {0x936b9fcebb25c996ULL, -608},
    {0xdbac6c247d62a584ULL, -582},  {0xa3ab66580d5fdaf6ULL, -555},  {0xf3e2f893dec3f126ULL, -529},
    {0xb5b5ada8aaff80b8ULL, -502},  {0x87625f056c7c4a8bULL, -475},  {0xc9bcff6034c13053ULL, -449},
    {0x964e858c91ba2655ULL, -422},  {0xdff9772470297ebdULL, -396},  {0xa6dfbd9fb8e5b88fULL, -369},
    {0xf8a95fcf88747d94ULL, -343},  {0xb94470938fa89bcfULL, -316},  {0x8a08f0f8bf0f156bULL, -289},
    {0xcdb02555653131b6ULL, -263},  {0x993fe2c6d07b7facULL, -236},  {0xe45c10c42a2b3b06ULL, -210},
    {0xaa242499697392d3ULL, -183},  {0xfd87b5f28300ca0eULL, -157},  {0xbce5086492111aebULL, -130},
    {0x8cbccc096f5088ccULL, -103},  {0xd1b71758e219652cULL, -77},   {0x9c40000000000000ULL, -50},
    {0xe8d4a51000000000ULL, -24},   {0xad78ebc5ac620000ULL, 3},     {0x813f3978f8940984ULL, 30},
    {0xc097ce7bc90715b3ULL, 56},    {0x8f7e32ce7bea5c70ULL, 83},    {0xd5d238a4abe98068ULL, 109},
    {0x9f4f2726179a2245ULL, 136},   {0xed63a231d4c4fb27ULL, 162},   {0xb0de65388cc8ada8ULL, 189},
    {0x83c7088e1aab65dbULL, 216},   {0xc45d1df942711d9aULL, 242},   {0x924d692ca61be758ULL, 269},
    {0xda01ee641a708deaULL, 295},   {0xa26da3999aef774aULL, 322},   {0xf209787bb47d6b85ULL, 348},
    {0xb454e4a179dd1877ULL, 375},   {0x865b86925b9bc5c2ULL, 402},   {0xc83553c5c8965d3dULL, 428},
    {0x952ab45cfa97a0b3ULL, 455},   {0xde469fbd99a05fe3ULL, 481},   {0xa59bc234db398c25ULL, 508},
    {0xf6c69a72a3989f5cULL, 534},   {0xb7dcbf5354e9beceULL, 561},   {0x88fcf317f22241e2ULL, 588},
    {0xcc20ce9bd35c78a5ULL, 614},   {0x98165af37b2153dfULL, 641},   {0xe2a0b5dc971f303aULL, 667},
    {0xa8d9d1535ce3b396ULL, 694},   {0xfb9b7cd9a4a7443cULL, 720},   {0xbb764c4ca7a44410ULL, 747},
    {0x8bab8eefb6409c1aULL, 774},   {0xd01fef10a657842cULL, 800},   {0x9b10a4e5e9913129ULL, 827},
    {0xe7109bfba19c0c9dULL, 853},   {0xac2820d9623bf429ULL, 880},   {0x80444b5e7aa7cf85ULL, 907},
    {0xbf21e44003acdd2dULL, 933},   {0x8e679c2f5e44ff8fULL, 960},   {0xd433179d9c8cb841ULL, 986},
    {0x9e19db92b4e31ba9ULL, 1013},  {0xeb96bf6ebadf77d9ULL, 1039},  {0xaf87023b9bf0ee6bULL, 1066},
};
constexpr int kPowerCount = static_cast<int>(sizeof kPowersOfTen / sizeof kPowersOfTen[0]);

// The scaled value's binary exponent must lie in [-60, -32]: then its integer part fits
// 32 bits and ten times its fraction still fits 64.
constexpr int kLowestExponent = -60;

// Moves the last digit towards v while the smaller candidate stays inside the interval and
// is closer to v. `distance` is from the upper boundary to v, `room` the interval's width,
// `rest` from the upper boundary to the digits so far, `unit` one step of the last digit.
void roundTowardsValue(char* digits, int length, std::uint64_t distance, std::uint64_t room, std::uint64_t rest,
                       std::uint64_t unit) {
  while (rest < distance && room - rest >= unit &&
         (rest + unit < distance || distance - rest > rest + unit - distance)) {
    --digits[length - 1];
    rest += unit;
  }
}

int decimalDigitCount(std::uint32_t n) {
  int count = 1;
  while (n >= 10) {
    n /= 10;
    ++count;
  }
  return count;
}

// Writes the digits of positive finite v; returns their count, with v ~ digits * 10^exponent.
int shortestDigits(double v, char* digits, int& exponent) {
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
  const int biased = static_cast<int>(bits >> 52);
  const Binary w = biased ? Binary{fraction | (std::uint64_t{1} << 52), biased - 1075} : Binary{fraction, -1074};

  // The rounding interval's ends, halfway to the neighbouring doubles. Below a power of two
  // the lower neighbour is twice as close.
  const Binary upper = normalized({(w.f << 1) + 1, w.e - 1});
  Binary lower = (fraction == 0 && biased > 1) ? Binary{(w.f << 2) - 1, w.e - 2} : Binary{(w.f << 1) - 1, w.e - 1};
  lower.f <<= lower.e - upper.e;
  lower.e = upper.e;
  const Binary value = normalized(w);  // the same exponent as `upper`

  // The smallest power of ten that lifts the exponent into the window; the estimate from
  // log10(2) may be one entry high, so start one below it.
  const int wantedPower = static_cast<int>(std::ceil((kLowestExponent - value.e - 1) * 0.30102999566398114));
  int index = (wantedPower - kFirstPower + kPowerStep - 1) / kPowerStep - 1;
  if (index < 0) index = 0;
  while (index + 1 < kPowerCount && kPowersOfTen[index].e + value.e + 64 < kLowestExponent) ++index;
  const Binary power = kPowersOfTen[index];
  const int powerExponent = kFirstPower + kPowerStep * index;

  const Binary scaledValue = multiply(value, power);
  Binary high = multiply(upper, power), low = multiply(lower, power);
  // Each product may be off by one unit: keep to the part of the interval that is certain.
  ++low.f;
  --high.f;

  const int shift = -high.e;
  const std::uint64_t one = std::uint64_t{1} << shift;
  std::uint64_t room = high.f - low.f;
  const std::uint64_t distance = high.f - scaledValue.f;
  auto integral = static_cast<std::uint32_t>(high.f >> shift);
  std::uint64_t fractional = high.f & (one - 1);

  int length = 0;
  int kappa = decimalDigitCount(integral);
  std::uint32_t divisor = 1;
  for (int k = 1; k < kappa; ++k) divisor *= 10;
  while (kappa > 0) {
    digits[length++] = static_cast<char>('0' + integral / divisor);
    integral %= divisor;
    --kappa;
    const std::uint64_t rest = (static_cast<std::uint64_t>(integral) << shift) + fractional;
    if (rest <= room) {
      roundTowardsValue(digits, length, distance, room, rest, static_cast<std::uint64_t>(divisor) << shift);
      exponent = kappa - powerExponent;
      return length;
    }
    divisor /= 10;
  }
  std::uint64_t scale = 1;
  for (;;) {
    fractional *= 10;
    room *= 10;
    scale *= 10;
    digits[length++] = static_cast<char>('0' + (fractional >> shift));
    fractional &= one - 1;
    --kappa;
    if (fractional <= room) {
      roundTowardsValue(digits, length, distance * scale, room, fractional, one);
      exponent = kappa - powerExponent;
      return length;
    }
  }
}

}  // namespace

void appendShortestDouble(std::string& out, double value) {
  if (value < 0 || (value == 0 && std::signbit(value))) {
    out += '-';
    value = -value;
  }
  if (value == 0) {
    out += '0';
    return;
  }
  char digits[32];
  int exponent = 0;
  const int length = shortestDigits(value, digits, exponent);
  const int point = length + exponent;  // where the decimal point falls among the digits
  if (point > 0 && point <= 21) {
    if (point >= length) {
      out.append(digits, static_cast<std::size_t>(length));
      out.append(static_cast<std::size_t>(point - length), '0');
    } else {
      out.append(digits, static_cast<std::size_t>(point));
      out += '.';
      out.append(digits + point, static_cast<std::size_t>(length - point));
    }
  } else if (point <= 0 && point > -6) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out.append(digits, static_cast<std::size_t>(length));
  } else {
    out += digits[0];
    if (length > 1) {
      out += '.';
      out.append(digits + 1, static_cast<std::size_t>(length - 1));
    }
    out += point - 1 < 0 ? "e-" : "e+";
    out += std::to_string(point - 1 < 0 ? 1 - point : point - 1);
  }
}

}  // namespace json
