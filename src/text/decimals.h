// decimals.h: a number as the lesson prints it in sentences, to a fixed number of decimals, with
// no "-0.00": a value that rounds to zero is zero, whatever side of it the float fell on.
#pragma once

#include <string>

namespace text {

// A float as it is printed: its value to the 6 significant digits a float holds (below 10,000;
// larger ones as they are). Two floats that
// stand for one number and differ only in their last bits (0.19749999 and 0.19750001, the same
// weight reached by two orders of additions) then round alike: never 0.197 in one cell and
// 0.198 in the next.
double floatShown(float value);
// "0.35", "-1.20", "0.00" (never "-0.00"); `sign` adds "+" to positive values ("+0.12").
std::string fixedDecimals(double value, int decimals = 2, bool sign = false);
// A whole count with its thousands apart: "1,048,576" (the value rounded, no sign for 0).
std::string groupedCount(double value);
// A size in bytes as a reader takes it in: "448 B", "272.6 MB", "2.1 GB" (powers of 1000).
std::string byteSize(double bytes);

}  // namespace text
