// flags.h: a row of yes/no flags (hidden rows, allowed keys, steps seen), one byte each.
// std::vector<bool> packs them into bits, and its copy, comparison and growth cost the page
// kilobytes of code for rows of at most a few thousand flags.
#pragma once

#include <vector>

namespace core {

using Flags = std::vector<unsigned char>;

}  // namespace core
