// practice.cpp: experiment checks and quiz content, in the project's own words.
#include "lesson/content/practice.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "lesson/content/presets.h"
#include "lesson/model/vector_plane.h"
#include "lesson/model/what_if.h"

namespace lesson {

namespace {

bool rowsEqual(const core::Matrix& m, int a, int b) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(a, c) != m.at(b, c)) return false;
  return true;
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

// The scale is off where it would change something: with heads of width 1, dividing by the
// square root of 1 changed nothing, so switching it off shows nothing either.
bool noScale(const LessonState& s, const LessonTrace& t) {
  return !s.scale && !t.attention.heads.empty() && t.attention.heads.front().Q.cols >= 2;
}

// The key the row gives strictly more weight than any other (summed over heads), or -1 on a tie.
int clearFavourite(const LessonTrace& t, int row) {
  std::vector<float> total(static_cast<size_t>(t.attention.K.rows), 0.0f);
  for (const auto& head : t.attention.heads)
    for (int j = 0; j < head.weights.cols; ++j) total[static_cast<size_t>(j)] += head.weights.at(row, j);
  int best = 0;
  for (int j = 1; j < static_cast<int>(total.size()); ++j)
    if (total[static_cast<size_t>(j)] > total[static_cast<size_t>(best)]) best = j;
  for (int j = 0; j < static_cast<int>(total.size()); ++j)
    if (j != best && total[static_cast<size_t>(j)] == total[static_cast<size_t>(best)]) return -1;
  return best;
}

// The token's own vector leans to nature: its embedding (or, for vectors given directly, its
// key) has more "nature" than "money", and some of it.
bool leansToNature(const LessonState& s, const LessonTrace& t, int token) {
  const bool projected = s.source == VectorSource::Projected;
  const std::vector<std::string> names = projected ? s.dimensionLabels : keyColumnNames(s, t);
  const auto column = [&](const char* name) {
    const auto found = std::find(names.begin(), names.end(), name);
    return found == names.end() ? -1 : static_cast<int>(found - names.begin());
  };
  const int nature = column("nature"), money = column("money");
  if (nature < 0 || money < 0) return false;
  const core::Matrix& vectors = projected ? s.X : t.attention.K;
  return vectors.at(token, nature) > 0 && vectors.at(token, nature) > vectors.at(token, money);
}

// Some "bank" attends most to a "river" (as a learner writes them: "River", "river.") whose
// vector leans to nature, in a sentence of the learner's own: a word merely renamed "river"
// keeps the vector it had, and does not count.
bool bankToRiver(const LessonState& s, const LessonTrace& t) {
  LessonState preset;
  loadPreset("bank-river", preset);
  bool sameWords = s.tokens.size() == preset.tokens.size();
  for (size_t i = 0; sameWords && i < s.tokens.size(); ++i)
    sameWords = plainWord(s.tokens[i]) == plainWord(preset.tokens[i]);
  if (sameWords) return false;
  for (size_t bank = 0; bank < s.tokens.size(); ++bank) {
    if (plainWord(s.tokens[bank]) != "bank") continue;
    const int favourite = clearFavourite(t, static_cast<int>(bank));
    if (favourite >= 0 && plainWord(s.tokens[static_cast<size_t>(favourite)]) == "river" &&
        leansToNature(s, t, favourite))
      return true;
  }
  return false;
}

bool causalFirstToken(const LessonState& s, const LessonTrace& t) {
  return s.mask.kind == core::MaskKind::Causal && t.attention.heads.front().weights.at(0, 0) == 1.0f &&
         s.tokens.size() > 1;
}

// Some row with at least two visible keys puts more than 95% of its weight on one key.
bool rowNearOneHot(const LessonState& s, const LessonTrace& t) {
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

// ... because of the vectors: still so at temperature 1 with the division by the square root of
// d_k on, so lowering the temperature or switching the scale off is not the experiment.
bool nearOneHot(const LessonState& s, const LessonTrace& t) {
  if (!rowNearOneHot(s, t)) return false;
  if (s.temperature == 1.0f && s.scale) return true;
  LessonState plain = s;
  plain.temperature = 1.0f;
  plain.scale = true;
  const LessonTrace plainTrace = computeTrace(plain);
  return plainTrace.ok && rowNearOneHot(plain, plainTrace);
}

}  // namespace

const std::vector<Experiment>& experiments() {
  static const std::vector<Experiment> list = {
      {"twins", "Give two tokens identical queries and keys (edit Q and K so two rows match).",
       "Twins give every key the same score, so without a mask their rows of weights are identical (under "
       "the causal mask the later twin sees more keys). As keys they score the same against any query, so "
       "every query that sees both gives them equal weight. Attention tells tokens apart only through their "
       "vectors.",
       twinTokens},
      {"zero-key", "Set every entry of one key to 0.",
       "Its score is 0 for every query, not minus infinity, so it still gets weight exp(0 - max) / sum. A zero "
       "key is not ignored; only the mask removes a key. (In 32-bit floats that weight rounds to exactly 0 "
       "once the row's top scaled score reaches about 104, where exp(-104) is below the smallest float.)",
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
