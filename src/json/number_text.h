// number_text.h: a double as the shortest decimal text that reads back as the same double,
// for JSON. The digits come from Grisu2 (Loitsch 2010) on 64-bit integers: no printf, no
// big numbers, fast enough for a reply of a quarter of a million numbers.
#pragma once

#include <string>

namespace json {

// Appends `value` (finite) in the form JavaScript prints numbers: "0.1", "-2", "1e-7",
// "1.5e+300".
void appendShortestDouble(std::string& out, double value);

}  // namespace json
