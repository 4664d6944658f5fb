// join.h: a sentence put together from pieces in one call. Long chains of std::string "+" are
// expanded inline at every use and weigh on the page's size; one call that takes the pieces as
// views builds the same text with a single allocation.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace text {

std::string join(std::initializer_list<std::string_view> pieces);
// "a", "a and b", "a, b and c".
std::string listWithAnd(const std::vector<std::string>& items);

}  // namespace text
