// join.cpp: the pieces of a sentence, concatenated once.
#include "text/join.h"

namespace text {

std::string join(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  std::string text;
  text.reserve(size);
  for (std::string_view piece : pieces) text.append(piece.data(), piece.size());
  return text;
}

std::string listWithAnd(const std::vector<std::string>& items) {
  std::string text;
  for (size_t k = 0; k < items.size(); ++k) {
    if (k > 0) text += k + 1 == items.size() ? " and " : ", ";
    text += items[k];
  }
  return text;
}

}  // namespace text
