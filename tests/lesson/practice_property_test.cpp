// practice_property_test.cpp: thousands of random sequences of the lesson's own actions
// (renaming, adding and removing tokens, sizes, heads, settings, examples, positions,
// reordering, random draws, edits of any cell, dragged tips) and, whenever an action earns an
// experiment, a check written here, apart from practice.cpp, that the action did what the
// experiment teaches. Honest solutions, run after a random start, always earn theirs.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "lesson/content/practice.h"
#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/session.h"
#include "lesson/model/what_if.h"

namespace act = lesson::actions;
using lesson::MatrixId;

namespace {

struct Draw {
  std::mt19937 engine;
  std::vector<lesson::Action> planned;  // the rest of a move that takes several edits
  int below(int n) { return static_cast<int>(engine() % static_cast<unsigned>(std::max(n, 1))); }
  bool chance(int percent) { return below(100) < percent; }
  float value() {
    static const float kValues[] = {0.0f, 1.0f, -1.0f, 0.5f, 2.0f, 0.375f, -0.25f, 3.0f};
    return chance(50) ? kValues[below(8)] : static_cast<float>(below(801) - 400) / 100.0f;
  }
};

bool isEdit(const lesson::Action& a) {
  return std::holds_alternative<act::EditCell>(a) || std::holds_alternative<act::MoveVectorTip>(a) ||
         std::holds_alternative<act::ScaleQuery>(a);
}

bool wholeState(const lesson::Action& a) {
  return std::holds_alternative<act::LoadExample>(a) || std::holds_alternative<act::Randomise>(a) ||
         std::holds_alternative<act::ApplyStateText>(a) || std::holds_alternative<act::OpenLink>(a) ||
         std::holds_alternative<act::RestoreState>(a) || std::holds_alternative<act::StartOver>(a);
}

bool zeroRow(const core::Matrix& m, int r) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(r, c) != 0) return false;
  return true;
}

bool sameRows(const core::Matrix& m, int a, int b) {
  for (int c = 0; c < m.cols; ++c)
    if (m.at(a, c) != m.at(b, c)) return false;
  return true;
}

float lengthSquared(const core::Matrix& m, int r) {
  float sum = 0;
  for (int c = 0; c < m.cols; ++c) sum += m.at(r, c) * m.at(r, c);
  return sum;
}

// What each experiment teaches, as the learner's action and the lesson before and after it.
bool taught(const std::string& id, const lesson::Action& a, const lesson::LessonState& s0,
            const lesson::LessonTrace& t0, const lesson::LessonState& s1, const lesson::LessonTrace& t1) {
  const auto &A0 = t0.attention, &A1 = t1.attention;
  const int n = A1.Q.rows;
  if (id == "no-scale") return std::holds_alternative<act::SetScale>(a) && s0.scale && !s1.scale;
  if (id == "causal-first")
    return !wholeState(a) && s0.mask.kind != core::MaskKind::Causal && s1.mask.kind == core::MaskKind::Causal &&
           n > 1 && A1.heads[0].weights.at(0, 0) == 1;
  if (!isEdit(a) || s0.tokens != s1.tokens) return false;
  if (id == "twins") {
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j)
        if (sameRows(A1.Q, i, j) && sameRows(A1.K, i, j) && !zeroRow(A1.Q, i) && !zeroRow(A1.K, i) &&
            !(sameRows(A0.Q, i, j) && sameRows(A0.K, i, j) && !zeroRow(A0.Q, i) && !zeroRow(A0.K, i)))
          return true;
    return false;
  }
  if (id == "zero-key") {
    for (int j = 0; j < n; ++j)
      if (n > 1 && zeroRow(A1.K, j) && !zeroRow(A0.K, j)) return true;
    return false;
  }
  if (id == "one-hot") {
    if (!(A1.K == A0.K)) return false;
    for (size_t h = 0; h < A1.heads.size(); ++h)
      for (int i = 0; i < n; ++i) {
        const auto& w = A1.heads[h].weights;
        float top = 0;
        int visible = 0;
        for (int j = 0; j < n; ++j) {
          top = std::max(top, w.at(i, j));
          visible += core::isHidden(s1.mask, i, j) ? 0 : 1;
        }
        // Scaled: after = f * before, one f > 1 for every entry (to float rounding).
        const auto &q1 = A1.heads[h].Q, &q0 = A0.heads[h].Q;
        const double f = lengthSquared(q0, i) > 0 ? std::sqrt(lengthSquared(q1, i) / lengthSquared(q0, i)) : 0;
        bool scaled = f > 1;
        for (int c = 0; c < q1.cols; ++c)
          scaled = scaled && std::fabs(q1.at(i, c) - f * q0.at(i, c)) <= 1e-4 * std::sqrt(lengthSquared(q1, i));
        if (top > 0.95f && visible >= 2 && scaled) return true;
      }
    return false;
  }
  if (id == "bank-river") {
    for (int b = 0; b < n; ++b) {
      if (lesson::plainWord(s1.tokens[static_cast<size_t>(b)]) != "bank") continue;
      std::vector<float> total(static_cast<size_t>(n), 0);
      for (const auto& head : A1.heads)
        for (int j = 0; j < n; ++j) total[static_cast<size_t>(j)] += head.weights.at(b, j);
      const float top = *std::max_element(total.begin(), total.end());
      for (int j = 0; j < n; ++j)
        if (lesson::plainWord(s1.tokens[static_cast<size_t>(j)]) == "river" &&
            total[static_cast<size_t>(j)] >= top - 1e-4f)
          return true;
    }
    return false;
  }
  return false;
}

// The trace's matrix a learner sees under each id (X and the projections are the state's).
int traceMatrixWidth(const lesson::LessonTrace& t, MatrixId m) {
  return m == MatrixId::Q ? t.attention.Q.cols : m == MatrixId::K ? t.attention.K.cols : t.attention.V.cols;
}

const core::Matrix& traceMatrixOf(const lesson::LessonTrace& t, const lesson::LessonState& s, MatrixId m) {
  switch (m) {
    case MatrixId::X:
      return s.X;
    case MatrixId::WQ:
      return s.WQ;
    case MatrixId::WK:
      return s.WK;
    case MatrixId::WV:
      return s.WV;
    case MatrixId::WO:
      return t.WO;
    case MatrixId::K:
      return t.attention.K;
    case MatrixId::V:
      return t.attention.V;
    default:
      return t.attention.Q;
  }
}

const std::vector<std::string> kWords = {"river", "bank", "the", "The", "a", "money", "River.", "x"};

// Copies row `from` of Q and K into row `to`, a cell at a time, as a learner makes twins.
void planTwins(Draw& d, const lesson::LessonTrace& trace, int n) {
  const int from = d.below(n), to = d.below(n);
  for (MatrixId m : {MatrixId::K, MatrixId::Q}) {
    const core::Matrix& source = m == MatrixId::Q ? trace.attention.Q : trace.attention.K;
    for (int c = 0; c < source.cols; ++c) d.planned.push_back(act::EditCell{m, to, c, source.at(from, c)});
  }
}

lesson::Action randomAction(Draw& d, const lesson::Session& s) {
  const auto& state = s.lesson();
  const auto& trace = s.trace();
  const int n = static_cast<int>(state.tokens.size());
  if (d.planned.empty() && d.chance(3)) planTwins(d, trace, n);
  if (!d.planned.empty()) {
    const lesson::Action next = d.planned.back();
    d.planned.pop_back();
    return next;
  }
  static const MatrixId kEditable[] = {MatrixId::Q,  MatrixId::K,  MatrixId::V,  MatrixId::X,
                                       MatrixId::WQ, MatrixId::WK, MatrixId::WV, MatrixId::WO};
  switch (d.below(20)) {
    case 0:
      return act::RenameToken{d.below(n), kWords[static_cast<size_t>(d.below(8))]};
    case 1:
      return act::AddToken{kWords[static_cast<size_t>(d.below(8))]};
    case 2:
      return act::RemoveToken{d.below(n)};
    case 3:
      return act::SetKeyWidth{1 + d.below(6)};
    case 4:
      return act::SetHeadsToward{1 + d.below(3)};
    case 5:
      return act::SetScale{d.chance(50)};
    case 6: {
      const core::Mask masks[] = {core::Mask::none(), core::Mask::causal(), core::Mask::slidingWindow(1),
                                  core::Mask::slidingWindow(0, 1)};
      return act::SetMask{masks[d.below(4)]};
    }
    case 7:
      return act::SetTemperature{d.chance(50) ? 1.0f : 0.05f + static_cast<float>(d.below(300)) / 100.0f};
    case 8:
      return act::LoadExample{
          lesson::presetList()[static_cast<size_t>(d.below(static_cast<int>(lesson::presetList().size())))].id};
    case 9:
      return act::SetPositional{d.chance(50) ? lesson::Positional::Sinusoidal : lesson::Positional::None};
    case 10:
      return d.chance(50) ? lesson::Action(act::ReverseTokens{})
                          : act::ShuffleTokens{static_cast<uint32_t>(d.engine())};
    case 11:
      return act::Randomise{static_cast<uint32_t>(d.engine())};
    case 12:
      return act::ResetMatrix{kEditable[d.below(8)]};
    case 13:
      return d.chance(50) ? lesson::Action(act::UseProjections{}) : act::ScaleQuery{d.below(n), 2.0f};
    case 14: {  // a tip dragged in a plane of two columns
      const MatrixId m = kEditable[d.below(3)];
      const int width = traceMatrixWidth(trace, m);
      return act::MoveVectorTip{m, d.below(n), d.below(width), d.value(), d.below(width), d.value()};
    }
    default: {  // an edit of any cell; often a copy, a zero or a multiple of another cell
      const MatrixId m = kEditable[d.below(8)];
      const core::Matrix& shown = traceMatrixOf(trace, state, m);
      if (shown.rows == 0 || shown.cols == 0) return act::SelectQuery{d.below(n)};
      const int r = d.below(shown.rows), c = d.below(shown.cols);
      float v = d.value();
      const int kind = d.below(4);
      if (kind == 0) v = shown.at(d.below(shown.rows), c);  // copies another row's entry
      if (kind == 1) v = 0;
      if (kind == 2) v = shown.at(r, c) * static_cast<float>(2 + d.below(9));  // scales it up
      return act::EditCell{m, r, c, v};
    }
  }
}

}  // namespace

TEST_CASE("random sequences of the lesson's actions credit an experiment only when its action teaches it") {
  std::map<std::string, int> credited;
  int actions = 0;
  for (uint32_t seed = 1; seed <= 500; ++seed) {
    Draw d{std::mt19937(seed), {}};
    lesson::Session s;
    for (int k = 0; k < 60; ++k) {
      const lesson::Action a = randomAction(d, s);
      const lesson::LessonState before = s.lesson();
      const lesson::LessonTrace beforeTrace = s.trace();
      const auto doneBefore = s.progress().experimentsDone;
      s.apply(a);
      ++actions;
      for (const auto& id : s.progress().experimentsDone) {
        if (doneBefore.count(id)) continue;
        const std::string name = lesson::actionName(a);
        CAPTURE(seed);
        CAPTURE(k);
        CAPTURE(id);
        CAPTURE(name);
        CHECK(taught(id, a, before, beforeTrace, s.lesson(), s.trace()));
        ++credited[id];
      }
    }
  }
  MESSAGE(actions << " actions; credited: twins " << credited["twins"] << ", zero-key " << credited["zero-key"]
                  << ", no-scale " << credited["no-scale"] << ", causal-first " << credited["causal-first"]
                  << ", one-hot " << credited["one-hot"] << ", bank-river " << credited["bank-river"]);
  // The random moves reach every experiment, so every check above was really tried.
  for (const auto& experiment : lesson::experiments()) {
    CAPTURE(experiment.id);
    CHECK(credited[std::string(experiment.id)] > 0);
  }
}

TEST_CASE("after any random start, the honest solutions earn their experiments") {
  for (uint32_t seed = 1; seed <= 60; ++seed) {
    CAPTURE(seed);
    Draw d{std::mt19937(seed), {}};
    lesson::Session s;
    for (int k = 0; k < 30; ++k) s.apply(randomAction(d, s));
    const auto done = [&](const char* id) { return s.progress().experimentsDone.count(id) == 1; };
    // bank and river, by the hint: a word of the money sentence renamed, a nature embedding (a tie).
    REQUIRE(s.apply(act::LoadExample{"bank-money"}) == "");
    REQUIRE(s.apply(act::SetMask{core::Mask::none()}) == "");
    REQUIRE(s.apply(act::SetPositional{lesson::Positional::None}) == "");
    REQUIRE(s.apply(act::SetTemperature{1.0f}) == "");
    REQUIRE(s.apply(act::SetScale{true}) == "");
    REQUIRE(s.apply(act::RenameToken{2, "river"}) == "");
    for (int c = 0; c < 4; ++c) REQUIRE(s.apply(act::EditCell{MatrixId::X, 2, c, c == 0 ? 1.0f : 0.0f}) == "");
    CHECK(done("bank-river"));
    // one-hot: the query of "went" doubled, press after press (bank's row is the tie above,
    // which no scaling breaks).
    for (int press = 0; press < 8 && !done("one-hot"); ++press) REQUIRE(s.apply(act::ScaleQuery{1, 2.0f}) == "");
    CHECK(done("one-hot"));
    const auto q = s.trace().attention.Q;
    // twins: row 1 made a copy of row 0; zero key: row 3's key set to 0.
    const auto k0 = s.trace().attention.K;
    for (int c = 0; c < q.cols; ++c) {
      REQUIRE(s.apply(act::EditCell{MatrixId::Q, 1, c, s.trace().attention.Q.at(0, c)}) == "");
      REQUIRE(s.apply(act::EditCell{MatrixId::K, 1, c, k0.at(0, c)}) == "");
      REQUIRE(s.apply(act::EditCell{MatrixId::K, 3, c, 0}) == "");
    }
    CHECK(done("twins"));
    CHECK(done("zero-key"));
    REQUIRE(s.apply(act::SetScale{true}) == "");
    REQUIRE(s.apply(act::SetScale{false}) == "");
    CHECK(done("no-scale"));
    REQUIRE(s.apply(act::SetMask{core::Mask::causal()}) == "");
    CHECK(done("causal-first"));
  }
}
