// inline_list.h: lists that are constant data. InlineList is a short list held in place, built
// from a braced list at compile time; ListView reads a constant array. The tour's table of
// steps, the quiz, the experiments, the glossary and the uses are made of them, so they are
// data in the page instead of code that builds vectors of strings at start (kilobytes of the
// page each).
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

// A constant array seen as a list (C++17 has no std::span).
template <class T>
class ListView {
 public:
  template <std::size_t N>
  constexpr ListView(const T (&items)[N]) : items_(items), count_(N) {}  // NOLINT: an array is a list
  constexpr const T* begin() const { return items_; }
  constexpr const T* end() const { return items_ + count_; }
  constexpr std::size_t size() const { return count_; }
  constexpr const T& operator[](std::size_t k) const { return items_[k]; }
  constexpr const T& front() const { return items_[0]; }

 private:
  const T* items_;
  std::size_t count_;
};

}  // namespace lesson
