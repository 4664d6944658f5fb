// practice.cpp: experiment checks and quiz content, in the project's own words.
#include "lesson/content/practice.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "lesson/model/what_if.h"

namespace lesson {

namespace {

bool rowsEqual(const core::Matrix& m, int a, int b) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(a, c) != m.at(b, c)) return false;
  return true;
}

bool rowIsZero(const core::Matrix& m, int row) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(row, c) != 0.0f) return false;
  return true;
}

// An edit of a vector keeps the sentence: the same tokens and heads before and after. (Any
// move that does not is no edit of vectors, whatever its kind.)
bool sameShape(const Move& m) {
  return m.before.tokens == m.after.tokens &&
         m.beforeTrace.attention.heads.size() == m.afterTrace.attention.heads.size() &&
         m.beforeTrace.attention.K.cols == m.afterTrace.attention.K.cols;
}

bool vectorEdit(const Move& m) { return m.kind == MoveKind::EditVectors && sameShape(m); }

// Twins: two tokens whose queries and keys are equal and not zero (two zero rows are twins
// only by having nothing; the zero-key experiment is about those).
bool twins(const LessonTrace& t, int i, int j) {
  const auto& a = t.attention;
  return rowsEqual(a.Q, i, j) && rowsEqual(a.K, i, j) && !rowIsZero(a.Q, i) && !rowIsZero(a.K, i);
}

// An edit of vectors that makes two tokens twins that were not.
bool twinsEarned(const Move& m) {
  if (!vectorEdit(m)) return false;
  const int n = m.afterTrace.attention.Q.rows;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (twins(m.afterTrace, i, j) && !twins(m.beforeTrace, i, j)) return true;
  return false;
}

// An edit that sets an existing key to zero (in a sentence with another key to compare).
bool zeroKeyEarned(const Move& m) {
  if (!vectorEdit(m)) return false;
  const auto &after = m.afterTrace.attention.K, &before = m.beforeTrace.attention.K;
  for (int j = 0; j < after.rows && after.rows > 1; ++j)
    if (rowIsZero(after, j) && !rowIsZero(before, j)) return true;
  return false;
}

// The scale switched off where it changes something: with heads of width 1, dividing by the
// square root of 1 changed nothing, so switching it off shows nothing either.
// ... and only where the weights change: one token alone, or queries of zeros, show nothing.
bool noScaleEarned(const Move& m) {
  if (m.kind == MoveKind::WholeState || !m.before.scale || m.after.scale || m.afterTrace.attention.heads.empty() ||
      m.afterTrace.attention.heads.front().Q.cols < 2 || m.before.tokens != m.after.tokens)
    return false;
  const auto &after = m.afterTrace.attention.heads, &before = m.beforeTrace.attention.heads;
  for (size_t h = 0; h < after.size() && h < before.size(); ++h)
    for (size_t k = 0; k < after[h].weights.values.size(); ++k)
      if (std::fabs(after[h].weights.values[k] - before[h].weights.values[k]) > 1e-6f) return true;
  return false;
}

bool firstTokenAlone(const LessonState& s, const LessonTrace& t) {
  return s.mask.kind == core::MaskKind::Causal && s.tokens.size() > 1 && !t.attention.heads.empty() &&
         t.attention.heads.front().weights.at(0, 0) == 1.0f;
}

// The causal mask switched on by this move (not one handed in whole and kept).
bool causalFirstEarned(const Move& m) {
  return m.kind != MoveKind::WholeState && m.before.mask.kind != core::MaskKind::Causal &&
         firstTokenAlone(m.after, m.afterTrace);
}

// Row `row` of head `head` has at least two visible keys and puts more than 95% of its
// weight on one of them.
bool rowNearOneHot(const LessonState& s, const LessonTrace& t, size_t head, int row) {
  const core::Matrix& weights = t.attention.heads[head].weights;
  int visible = 0;
  float top = 0.0f;
  for (int j = 0; j < weights.cols; ++j) {
    if (!core::isHidden(s.mask, row, j)) ++visible;
    top = std::max(top, weights.at(row, j));
  }
  return visible >= 2 && top > 0.95f;
}

// Query row `row` of the head was multiplied by one factor above 1: every entry by the same
// factor (taken from the largest entry), within float rounding. A turned query is not scaled,
// however long its largest entry makes it.
bool scaledUp(const core::Matrix& after, const core::Matrix& before, int row) {
  int largest = 0;
  for (int c = 1; c < before.cols; ++c)
    if (std::fabs(before.at(row, c)) > std::fabs(before.at(row, largest))) largest = c;
  if (before.cols == 0 || before.at(row, largest) == 0.0f) return false;
  const double factor = static_cast<double>(after.at(row, largest)) / before.at(row, largest);
  if (!(factor > 1.0001)) return false;
  for (int c = 0; c < after.cols; ++c)
    if (std::fabs(after.at(row, c) - factor * before.at(row, c)) > 1e-5 * std::fabs(after.at(row, largest)))
      return false;
  return true;
}

// An edit that scales a query up (its keys untouched; the "Scale x2" button, or a drag or edit
// that keeps its direction) until its row, in any head, puts more than 95% on one key; still
// so at temperature 1 with the division by the square root of d_k on, so the query did it, not
// a low temperature or the scale switched off.
bool oneHotEarned(const Move& m) {
  if (!vectorEdit(m) || !(m.afterTrace.attention.K == m.beforeTrace.attention.K)) return false;
  const auto &after = m.afterTrace.attention.heads, &before = m.beforeTrace.attention.heads;
  std::optional<LessonTrace> plain;
  for (size_t h = 0; h < after.size(); ++h)
    for (int i = 0; i < after[h].Q.rows; ++i) {
      if (!scaledUp(after[h].Q, before[h].Q, i)) continue;
      if (!rowNearOneHot(m.after, m.afterTrace, h, i) || rowNearOneHot(m.before, m.beforeTrace, h, i)) continue;
      if (m.after.temperature == 1.0f && m.after.scale) return true;
      LessonState plainState = m.after;
      plainState.temperature = 1.0f;
      plainState.scale = true;
      if (!plain) plain = computeTrace(plainState);
      if (plain->ok && rowNearOneHot(plainState, *plain, h, i)) return true;
    }
  return false;
}

// Row `bank` gives some "river" (as a learner writes it: "River", "river.") the most weight of
// any key, summed over the heads (a tie at the top counts), and clearly more than an even
// share (1.5 times it, as head_roles.cpp counts a link that stands out): a nearly flat row
// attends to none of its keys.
bool attendsMostToRiver(const LessonState& s, const LessonTrace& t, int bank) {
  const int n = t.attention.K.rows;
  const float heads = static_cast<float>(t.attention.heads.size());
  std::vector<float> total(static_cast<size_t>(n), 0.0f);
  int visible = 0;
  for (int j = 0; j < n; ++j) {
    if (core::isHidden(s.mask, bank, j)) continue;
    ++visible;
    for (const auto& head : t.attention.heads) total[static_cast<size_t>(j)] += head.weights.at(bank, j);
  }
  const float top = *std::max_element(total.begin(), total.end());
  const float tolerance = 1e-5f * heads;  // the same weight, computed along two paths
  for (int j = 0; j < n; ++j)
    if (plainWord(s.tokens[static_cast<size_t>(j)]) == "river" && !core::isHidden(s.mask, bank, j) &&
        total[static_cast<size_t>(j)] >= top - tolerance &&
        total[static_cast<size_t>(j)] >= 1.5f * heads / static_cast<float>(visible))
      return true;
  return false;
}

// An edit of vectors after which some "bank" attends most to a "river" where it did not.
bool bankRiverEarned(const Move& m) {
  if (!vectorEdit(m)) return false;
  for (size_t bank = 0; bank < m.after.tokens.size(); ++bank)
    if (plainWord(m.after.tokens[bank]) == "bank" &&
        attendsMostToRiver(m.after, m.afterTrace, static_cast<int>(bank)) &&
        !attendsMostToRiver(m.before, m.beforeTrace, static_cast<int>(bank)))
      return true;
  return false;
}

constexpr Experiment kExperiments[] = {
    {"twins", "Give two tokens identical queries and keys (edit Q and K so two rows match).",
     "Twins give every key the same score, so without a mask their rows of weights are identical (under "
     "the causal mask the later twin sees more keys). As keys they score the same against any query, so "
     "every query that sees both gives them equal weight. Attention tells tokens apart only through their "
     "vectors.",
     twinsEarned},
    {"zero-key", "Set every entry of one key to 0.",
     "Its score is 0 for every query, not minus infinity, so it still gets weight exp(0 - max) / sum. A zero "
     "key is not ignored; only the mask removes a key. (In 32-bit floats that weight rounds to exactly 0 "
     "once the row's top scaled score reaches about 104, where exp(-104) is below the smallest float.)",
     zeroKeyEarned},
    {"no-scale",
     "Switch off the division by \xE2\x88\x9A"
     "d_k and compare the weights.",
     "Without the scale the scores are larger, so softmax favours the top score more strongly and the rows "
     "get sharper. With wide keys the effect grows, which is why the scale is there.",
     noScaleEarned},
    {"bank-river",
     "Edit vectors until \"bank\" attends most to a \"river\" it did not favour before: for example, in the money "
     "sentence, rename \"went\" to \"river\" and give its embedding a strong nature entry.",
     "Attention follows the vectors, not the spelling: once a neighbour's key lines up with the query of "
     "\"bank\", that neighbour gets the largest share of the weight.",
     bankRiverEarned},
    {"causal-first", "Turn on the causal mask and look at the first token's row.",
     "The first token may only look at itself, so its single visible weight is exactly 1 and its output is "
     "its own value vector.",
     causalFirstEarned},
    {"one-hot",
     "Scale the selected query up (the button below doubles it) until its row, in any head, puts more than 95% "
     "of its weight on one key.",
     "Multiplying a query by c multiplies its scores by c, like dividing the temperature by c. Large scores "
     "push softmax towards a one-hot choice.",
     oneHotEarned},
};

constexpr QuizQuestion kQuiz[] = {
    {"roles",
     "Which vector does a token hand over when another token attends to it?",
     {"Its query", "Its key", "Its value"},
     2,
     "Queries ask, keys are matched against queries, and values are what gets mixed into the output."},
    {"sqrt",
     "Why are scores divided by \xE2\x88\x9A"
     "d_k?",
     {"To make them positive", "To stop their spread growing with d_k", "To make each row sum to 1"},
     1,
     "If the entries of q and k are independent with mean 0 and variance 1, q \xC2\xB7 k has variance d_k; "
     "dividing by \xE2\x88\x9A"
     "d_k brings it back to 1 so softmax does not saturate."},
    {"rows",
     "After softmax, what does each row of the weight matrix add up to?",
     {"0", "1", "d_k"},
     1,
     "Softmax makes every row a set of non-negative weights with sum 1."},
    {"cost",
     "What happens to the size of the weight matrix when the context doubles?",
     {"It doubles", "It grows four times", "It stays the same"},
     1,
     "The matrix is n \xC3\x97 n, so 2n tokens need 4n\xC2\xB2 entries."},
    {"mask",
     "What does a causal mask do?",
     {"Hides the keys that come after each query", "Hides the query itself", "Shuffles the tokens"},
     0,
     "Future positions get a score of minus infinity and so a weight of exactly 0."},
    {"heads",
     "Why use several heads?",
     {"To make each row sum to more than 1", "So heads can follow different relations",
      "Because one head cannot use a mask"},
     1,
     "Each head has its own projections and can specialise; their outputs are joined and mixed by W_O."},
    {"cross-attention",
     "In cross-attention for translation, where do the keys come from?",
     {"The sentence being written", "The sentence being translated", "Both sentences, joined"},
     1,
     "The queries come from the sentence being written and the keys and values from the source, so the weights "
     "have a row per written word and a column per source word."},
    {"kv-cache",
     "With a KV cache, how many scores does a model compute to write its 100th token?",
     {"1", "100", "5,050", "10,000"},
     1,
     "One query, the new token's, against the 100 cached keys (its own included): 100 scores. Recomputing every "
     "visible pair would take 5,050; the whole matrix 10,000."},
    {"zero-key",
     "A key made entirely of zeros receives how much weight?",
     {"None: zero matches nothing", "Some: a score of 0 still gets a share", "All of it: weight 1"},
     1,
     "Its score is 0, an ordinary number, so unless a mask hides it, it takes part in the softmax like any "
     "other key: its weight is exp(0 - max) / sum, above 0 (in 32-bit "
     "floats the weight rounds to 0 once the row's top score reaches about 104)."},
};

}  // namespace

ListView<Experiment> experiments() { return kExperiments; }
ListView<QuizQuestion> quiz() { return kQuiz; }

bool experimentEarned(std::string_view id, const Move& move) {
  if (!move.afterTrace.ok || !move.beforeTrace.ok || move.afterTrace.attention.heads.empty()) return false;
  for (const auto& experiment : experiments())
    if (experiment.id == id) return experiment.earned(move);
  return false;
}

}  // namespace lesson
