// token_order.cpp: reorders the rows that belong to tokens, and compares outputs token by token.
#include "lesson/model/token_order.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/random_stream.h"

namespace lesson {

namespace {

core::Matrix reorderRows(const core::Matrix& m, const std::vector<int>& order) {
  if (m.empty()) return m;
  core::Matrix result(m.rows, m.cols);
  for (int k = 0; k < m.rows; ++k)
    for (int c = 0; c < m.cols; ++c) result.at(k, c) = m.at(order[static_cast<size_t>(k)], c);
  return result;
}

int newIndexOf(const std::vector<int>& order, int oldIndex) {
  return static_cast<int>(std::find(order.begin(), order.end(), oldIndex) - order.begin());
}

}  // namespace

void reorderTokens(LessonState& state, const std::vector<int>& order) {
  std::vector<std::string> tokens;
  for (int old : order) tokens.push_back(state.tokens[static_cast<size_t>(old)]);
  state.tokens = std::move(tokens);
  if (state.source == VectorSource::Projected) {
    state.X = reorderRows(state.X, order);
  } else {
    state.Q = reorderRows(state.Q, order);
    state.K = reorderRows(state.K, order);
    state.V = reorderRows(state.V, order);
  }
  state.selected = newIndexOf(order, state.selected);
  state.selectedKey = newIndexOf(order, state.selectedKey);
}

std::vector<int> reversedOrder(int count) {
  std::vector<int> order(static_cast<size_t>(count));
  std::iota(order.rbegin(), order.rend(), 0);
  return order;
}

std::vector<int> shuffledOrder(int count, uint32_t seed) {
  std::vector<int> order(static_cast<size_t>(count));
  std::iota(order.begin(), order.end(), 0);
  uint64_t generator = seed;  // the core's one generator: the same order on every platform
  for (int k = count - 1; k > 0; --k)
    std::swap(order[static_cast<size_t>(k)], order[static_cast<size_t>(core::randomBelow(generator, k + 1))]);
  if (count >= 2 && std::is_sorted(order.begin(), order.end())) std::swap(order[0], order[1]);
  return order;
}

ReorderEffect reorderEffect(const LessonState& state, const LessonTrace& trace, const std::vector<int>& order) {
  ReorderEffect effect;
  if (!trace.ok) return effect;
  LessonState moved = state;
  reorderTokens(moved, order);
  const LessonTrace after = computeTrace(moved);
  if (!after.ok) return effect;
  const core::Matrix& before = trace.attention.output;
  for (int i = 0; i < before.rows; ++i) {
    const int row = newIndexOf(order, i);  // where token i went
    float change = 0;
    for (int c = 0; c < before.cols; ++c)
      change = std::max(change, std::fabs(after.attention.output.at(row, c) - before.at(i, c)));
    effect.changeByToken.push_back(change);
    effect.largestChange = std::max(effect.largestChange, change);
  }
  effect.outputBefore = before;
  effect.outputAfter = after.attention.output;
  effect.ok = true;
  return effect;
}

}  // namespace lesson
