// decimals.h: a number as the lesson prints it in sentences, to a fixed number of decimals, with
// no "-0.00": a value that rounds to zero is zero, whatever side of it the float fell on.
#pragma once

#include <string>

namespace text {

// "0.35", "-1.20", "0.00" (never "-0.00"); `sign` adds "+" to positive values ("+0.12").
std::string fixedDecimals(double value, int decimals = 2, bool sign = false);
// A whole count with its thousands apart: "1,048,576" (the value rounded, no sign for 0).
std::string groupedCount(double value);
// A size in bytes as a reader takes it in: "448 B", "272.6 MB", "2.1 GB" (powers of 1000).
std::string byteSize(double bytes);

}  // namespace text
