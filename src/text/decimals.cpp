// decimals.cpp: fixed-decimal text without a negative zero.
#include "text/decimals.h"

#include <cmath>
#include <cstdio>

namespace text {

double floatShown(float value) {
  const double v = static_cast<double>(value);
  // From 10,000 up a float's last bits are whole units or more: what is printed is the float.
  if (!std::isfinite(v) || v == 0 || std::fabs(v) >= 1e4) return v;
  const double scale = std::pow(10.0, 5 - std::floor(std::log10(std::fabs(v))));
  const double snapped = std::round(v * scale) / scale;
  return std::isfinite(snapped) ? snapped : v;
}

std::string fixedDecimals(double value, int decimals, bool sign) {
  char text[64];
  std::snprintf(text, sizeof text, sign ? "%+.*f" : "%.*f", decimals, value);
  std::string result = text;
  // Only zeros after the sign: the value rounded to zero, so it is printed as zero.
  if ((result[0] == '-' || result[0] == '+') && result.find_first_not_of("0.", 1) == std::string::npos)
    result.erase(0, 1);
  return result;
}

std::string groupedCount(double value) {
  const std::string digits = fixedDecimals(value, 0);
  const size_t first = digits[0] == '-' ? 1 : 0;
  std::string grouped = digits.substr(0, first);
  for (size_t k = first; k < digits.size(); ++k) {
    if (k > first && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  return grouped;
}

std::string byteSize(double bytes) {
  if (bytes < 1e4) return fixedDecimals(bytes, 0) + " B";
  if (bytes < 1e6) return fixedDecimals(bytes / 1e3, 1) + " kB";
  if (bytes < 1e9) return fixedDecimals(bytes / 1e6, 1) + " MB";
  return fixedDecimals(bytes / 1e9, 1) + " GB";
}

}  // namespace text
