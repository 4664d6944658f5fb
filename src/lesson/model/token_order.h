// token_order.h: putting the tokens in another order, rows and all, and what that does to
// the outputs. Without positions and without a mask attention is permutation-equivariant:
// each token keeps its output, which only moves to the token's new row.
#pragma once

#include <cstdint>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// order[k] is the old index of the token that goes to row k. Every matrix with a row per
// token moves with it (X, or Q, K and V); the selected query and key follow their tokens.
void reorderTokens(LessonState& state, const std::vector<int>& order);
std::vector<int> reversedOrder(int count);
// A shuffle that moves at least one token when there are two or more (same seed, same order).
std::vector<int> shuffledOrder(int count, uint32_t seed);

struct ReorderEffect {
  bool ok = false;
  float largestChange = 0;           // over all tokens: |output of the token after - output before|
  std::vector<float> changeByToken;  // in the current order
  core::Matrix outputBefore;         // a row per token in the current order
  core::Matrix outputAfter;          // a row per token in the new order
};

// What reordering would do to each token's own output (compared token by token, not row by row).
ReorderEffect reorderEffect(const LessonState& state, const LessonTrace& trace, const std::vector<int>& order);

}  // namespace lesson
