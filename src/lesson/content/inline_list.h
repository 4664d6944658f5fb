// inline_list.h: a short list held in place, built from a braced list at compile time. The
// tour's table of steps is made of them, so it is constant data in the page instead of code
// that allocates 42 vectors at start (4 KB of the page).
#pragma once

#include <cstddef>
#include <initializer_list>

namespace lesson {

template <class T, std::size_t Capacity>
class InlineList {
 public:
  constexpr InlineList() = default;
  // More items than Capacity is an out-of-bounds write in a constant expression: it does not compile.
  constexpr InlineList(std::initializer_list<T> list) {
    for (const T& item : list) items_[count_++] = item;
  }
  constexpr const T* begin() const { return items_; }
  constexpr const T* end() const { return items_ + count_; }
  constexpr std::size_t size() const { return count_; }
  constexpr bool empty() const { return count_ == 0; }
  constexpr const T& operator[](std::size_t k) const { return items_[k]; }

 private:
  T items_[Capacity] = {};
  std::size_t count_ = 0;
};

}  // namespace lesson
