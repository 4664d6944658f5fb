// practice.cpp: experiment checks and quiz content, in the project's own words.
#include "lesson/practice.h"

#include <algorithm>
#include <cctype>

#include "lesson/presets.h"

namespace lesson {

namespace {

bool rowsEqual(const core::Matrix& m, int a, int b) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(a, c) != m.at(b, c)) return false;
  return true;
}

int indexOfToken(const LessonState& s, const std::string& token) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i] == token) return static_cast<int>(i);
  return -1;
}

int strongestKey(const core::Matrix& w, int row) {
  int best = 0;
  for (int j = 1; j < w.cols; ++j)
    if (w.at(row, j) > w.at(row, best)) best = j;
  return best;
}

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Two different words (not "The" and "the", which the presets already give equal vectors).
bool twinTokens(const LessonState& s, const LessonTrace& t) {
  const auto& a = t.attention;
  for (int i = 0; i < a.Q.rows; ++i)
    for (int j = i + 1; j < a.Q.rows; ++j)
      if (lowered(s.tokens[static_cast<size_t>(i)]) != lowered(s.tokens[static_cast<size_t>(j)]) &&
          rowsEqual(a.Q, i, j) && rowsEqual(a.K, i, j))
        return true;
  return false;
}

bool zeroKey(const LessonState&, const LessonTrace& t) {
  const auto& K = t.attention.K;
  for (int j = 0; j < K.rows; ++j) {
    bool zero = true;
    for (int c = 0; c < K.cols; ++c) zero = zero && K.at(j, c) == 0.0f;
    if (zero && K.rows > 1) return true;
  }
  return false;
}

bool noScale(const LessonState& s, const LessonTrace&) { return !s.scale; }

// "bank" attends most to "river" in a sentence of the learner's own (not the ready-made one).
bool bankToRiver(const LessonState& s, const LessonTrace& t) {
  const int bank = indexOfToken(s, "bank"), river = indexOfToken(s, "river");
  if (bank < 0 || river < 0) return false;
  LessonState preset;
  loadPreset("bank-river", preset);
  if (s.tokens == preset.tokens) return false;
  return strongestKey(t.attention.heads.front().weights, bank) == river;
}

bool causalFirstToken(const LessonState& s, const LessonTrace& t) {
  return s.mask.kind == core::MaskKind::Causal && t.attention.heads.front().weights.at(0, 0) == 1.0f &&
         s.tokens.size() > 1;
}

// Some row with at least two visible keys puts more than 95% of its weight on one key.
bool nearOneHot(const LessonState& s, const LessonTrace& t) {
  const auto& head = t.attention.heads.front();
  for (int i = 0; i < head.weights.rows; ++i) {
    int visible = 0;
    float top = 0.0f;
    for (int j = 0; j < head.weights.cols; ++j) {
      if (!core::isHidden(s.mask, i, j)) ++visible;
      top = std::max(top, head.weights.at(i, j));
    }
    if (visible >= 2 && top > 0.95f) return true;
  }
  return false;
}

}  // namespace

const std::vector<Experiment>& experiments() {
  static const std::vector<Experiment> list = {
      {"twins", "Give two tokens identical queries and keys (edit Q and K so two rows match).",
       "Twins score every key the same way, so their weight rows are identical, and any key sees them as "
       "equally good matches. Attention tells tokens apart only through their vectors.",
       twinTokens},
      {"zero-key", "Set every entry of one key to 0.",
       "Its score is 0 for every query, not minus infinity, so it still gets weight exp(0 - max) / sum. A zero "
       "key is not ignored; only the mask removes a key.",
       zeroKey},
      {"no-scale",
       "Switch off the division by \xE2\x88\x9A"
       "d_k and compare the weights.",
       "Without the scale the scores are larger, so softmax favours the top score more strongly and the rows "
       "get sharper. With wide keys the effect grows, which is why the scale is there.",
       noScale},
      {"bank-river",
       "Make \"bank\" attend most to \"river\" in a sentence of your own: for example rename a word of the money "
       "sentence to \"river\" and give it a strong nature embedding.",
       "Attention follows the vectors, not the spelling: once a neighbour's key lines up with the query of "
       "\"bank\", that neighbour gets the largest share of the weight.",
       bankToRiver},
      {"causal-first", "Turn on the causal mask and look at the first token's row.",
       "The first token may only look at itself, so its single visible weight is exactly 1 and its output is "
       "its own value vector.",
       causalFirstToken},
      {"one-hot",
       "Scale one query up (multiply its entries) until its row puts more than 95% of its weight on one key.",
       "Multiplying a query by c multiplies its scores by c, like dividing the temperature by c. Large scores "
       "push softmax towards a one-hot choice.",
       nearOneHot},
  };
  return list;
}

const std::vector<QuizQuestion>& quiz() {
  static const std::vector<QuizQuestion> list = {
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
       "A dot product of d_k unit-variance terms has variance d_k; dividing by \xE2\x88\x9A"
       "d_k brings it back to 1 "
       "so softmax does not saturate."},
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
      {"zero-key",
       "A key made entirely of zeros receives how much weight?",
       {"Exactly 0", "exp(0 - max) / sum, which is more than 0", "Always 1"},
       1,
       "Its score is 0, an ordinary number, so it takes part in the softmax like any other key."},
  };
  return list;
}

bool experimentHolds(const std::string& id, const LessonState& state, const LessonTrace& trace) {
  if (!trace.ok || trace.attention.heads.empty()) return false;
  for (const auto& experiment : experiments())
    if (experiment.id == id) return experiment.holds(state, trace);
  return false;
}

}  // namespace lesson
