// few_sort.h: sorting the few items the lesson orders (a sentence's tokens, the tips of a
// plane, a head's links). std::sort's introsort costs the page about 2 KB of code for each
// comparator; an insertion sort costs a few dozen bytes and is as quick for tens of items.
// Stable: equal items keep their order.
#pragma once

#include <algorithm>

namespace core {

template <typename Iterator, typename Less>
void sortFew(Iterator first, Iterator last, Less less) {
  for (Iterator i = first; i != last; ++i)
    for (Iterator j = i; j != first && less(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
}

}  // namespace core
