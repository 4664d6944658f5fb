// what_if.cpp: comparison traces and finding a word in a sentence.
#include "lesson/model/what_if.h"

#include <cctype>
#include <cmath>
#include <tuple>

#include "lesson/content/presets.h"

namespace lesson {

std::string plainWord(const std::string& token) {
  size_t first = 0, last = token.size();
  while (first < last && std::ispunct(static_cast<unsigned char>(token[first]))) ++first;
  while (last > first && std::ispunct(static_cast<unsigned char>(token[last - 1]))) --last;
  std::string word = token.substr(first, last - first);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

LessonTrace traceWithScale(const LessonState& state, bool scale) {
  LessonState other = state;
  other.scale = scale;
  return computeTrace(other);
}

namespace {

// The key row `row` favours most, by its weight averaged over the heads, and that weight.
std::pair<int, float> favourite(const LessonTrace& trace, int row) {
  const auto& heads = trace.attention.heads;
  int best = 0;
  float bestWeight = -1;
  for (int j = 0; j < trace.attention.K.rows; ++j) {
    float sum = 0;
    for (const auto& head : heads) sum += head.weights.at(row, j);
    const float mean = sum / static_cast<float>(heads.size());
    if (mean > bestWeight) best = j, bestWeight = mean;
  }
  return {best, bestWeight};
}

float meanRowLength(const core::Matrix& m) {
  double total = 0;
  for (int r = 0; r < m.rows; ++r) {
    double sum = 0;
    for (int c = 0; c < m.cols; ++c) sum += static_cast<double>(m.at(r, c)) * m.at(r, c);
    total += std::sqrt(sum);
  }
  return m.rows > 0 ? static_cast<float>(total / m.rows) : 0.0f;
}

}  // namespace

PositionShift positionShift(const LessonState& state, const LessonTrace& trace) {
  PositionShift shift;
  if (!trace.ok || trace.positions.empty() || trace.attention.heads.empty()) return shift;
  LessonState plain = state;
  plain.positional = Positional::None;
  const LessonTrace without = computeTrace(plain);
  if (!without.ok) return shift;
  const int row = state.selected;
  std::tie(shift.favouriteWithout, shift.weightWithout) = favourite(without, row);
  std::tie(shift.favouriteWith, shift.weightWith) = favourite(trace, row);
  // A tie without positions is no move: the new favourite already had as much weight.
  float newWithout = 0;
  for (const auto& head : without.attention.heads) newWithout += head.weights.at(row, shift.favouriteWith);
  newWithout /= static_cast<float>(without.attention.heads.size());
  shift.moved = shift.favouriteWith != shift.favouriteWithout && newWithout < shift.weightWithout - 1e-6f;
  shift.farLookalike = farLookalike(trace.positions);
  shift.embeddingLength = meanRowLength(trace.X);
  shift.positionLength = meanRowLength(trace.positions);
  return shift;
}

std::pair<int, int> farLookalike(const core::Matrix& positions) {
  const auto cosine = [&](int a, int b) {
    double dot = 0, na = 0, nb = 0;
    for (int c = 0; c < positions.cols; ++c) {
      dot += static_cast<double>(positions.at(a, c)) * positions.at(b, c);
      na += static_cast<double>(positions.at(a, c)) * positions.at(a, c);
      nb += static_cast<double>(positions.at(b, c)) * positions.at(b, c);
    }
    return dot / std::sqrt(na * nb);
  };
  for (int p = 0; p + 1 < positions.rows; ++p)
    for (int q = p + 2; q < positions.rows; ++q)
      if (cosine(p, q) > cosine(p, p + 1) + 1e-9) return {p, q};
  return {-1, -1};
}

int findToken(const LessonState& state, const std::string& name) {
  const std::string wanted = plainWord(name);
  for (size_t i = 0; i < state.tokens.size(); ++i)
    if (plainWord(state.tokens[i]) == wanted) return static_cast<int>(i);
  return -1;
}

const std::vector<Example>& bankSentences() {
  static const std::vector<Example> examples = [] {  // immutable lesson data, as tourSteps()
    std::vector<Example> list;
    for (const char* id : {"bank-river", "bank-money"}) {
      LessonState state;
      if (loadPreset(id, state)) list.push_back({state, computeTrace(state)});
    }
    return list;
  }();
  return examples;
}

}  // namespace lesson
