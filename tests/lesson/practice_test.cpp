// practice_test.cpp: each experiment is earned by the learner's move that does what it
// teaches (including honest ties), never by a ready-made preset, a state handed in whole or a
// side door; and the quiz data is sound. practice_property_test.cpp tries random moves.
#include "lesson/content/practice.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "lesson/content/challenge.h"
#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/model/actions.h"
#include "lesson/model/progress.h"
#include "lesson/model/session.h"

using lesson::MatrixId;
namespace act = lesson::actions;

namespace {

lesson::Session sessionOn(const char* preset) {
  lesson::Session s;
  REQUIRE(s.apply(act::LoadExample{preset}) == "");
  return s;
}

bool earned(const lesson::Session& s, const char* id) { return s.progress().experimentsDone.count(id) == 1; }

void apply(lesson::Session& s, const lesson::Action& action) {
  const std::string name = lesson::actionName(action);
  CAPTURE(name);
  REQUIRE(s.apply(action) == "");
}

void edit(lesson::Session& s, MatrixId m, int row, int column, float value) {
  apply(s, act::EditCell{m, row, column, value});
}

// Sets a whole row of a matrix, one typed cell at a time, as a learner would.
void editRow(lesson::Session& s, MatrixId m, int row, const std::vector<float>& values) {
  for (size_t c = 0; c < values.size(); ++c) edit(s, m, row, static_cast<int>(c), values[c]);
}

std::vector<float> rowOf(const core::Matrix& m, int row, float times = 1.0f) {
  std::vector<float> values;
  for (int c = 0; c < m.cols; ++c) values.push_back(m.at(row, c) * times);
  return values;
}

}  // namespace

TEST_CASE("no experiment is done by opening a preset, or by a state handed in whole") {
  for (const auto& preset : lesson::presetList()) {
    CAPTURE(preset.id);
    CHECK(sessionOn(preset.id.c_str()).progress().experimentsDone.empty());
  }
  // A state where every effect shows (twins, a zero key, no scale, the causal mask, a
  // one-hot row), handed in by setState or a stored lesson, earns nothing: doing earns.
  lesson::Session done = sessionOn("three-tokens");
  lesson::LessonState shown = done.lesson();
  shown.source = lesson::VectorSource::Direct;
  for (int c = 0; c < 4; ++c) {
    shown.Q.at(1, c) = shown.Q.at(0, c);
    shown.K.at(1, c) = shown.K.at(0, c);
    shown.K.at(2, c) = 0;
    shown.Q.at(0, c) *= 40;
  }
  shown.scale = false;
  shown.mask = core::Mask::causal();
  const std::string text = lesson::stateToJson(shown).dump();
  for (const lesson::Action& whole : std::vector<lesson::Action>{act::ApplyStateText{text}, act::RestoreState{text}}) {
    lesson::Session s = sessionOn("three-tokens");
    apply(s, whole);
    CHECK(s.lesson().mask.kind == core::MaskKind::Causal);
    CHECK(s.progress().experimentsDone.empty());
  }
}

TEST_CASE("twins: an edit that gives two tokens equal queries and keys, not zero") {
  lesson::Session s = sessionOn("three-tokens");
  const auto q0 = rowOf(s.trace().attention.Q, 0), k0 = rowOf(s.trace().attention.K, 0);
  editRow(s, MatrixId::Q, 1, q0);
  editRow(s, MatrixId::K, 1, std::vector<float>(k0.begin(), k0.end() - 1));
  CHECK_FALSE(earned(s, "twins"));  // one entry still differs
  edit(s, MatrixId::K, 1, 3, k0[3]);
  CHECK(earned(s, "twins"));
  SUBCASE("side doors: renaming, new tokens, narrow keys") {
    lesson::Session other = sessionOn("cat-mat");  // "The" and "the" are twins already
    apply(other, act::RenameToken{4, "a"});
    apply(other, act::AddToken{"x"});
    apply(other, act::AddToken{"y"});  // two new tokens: equal rows of zeros
    apply(other, act::SetKeyWidth{1});
    apply(other, act::SetKeyWidth{4});
    CHECK_FALSE(earned(other, "twins"));
  }
}

TEST_CASE("zero key: an edit that sets an existing key to 0") {
  lesson::Session s = sessionOn("three-tokens");
  const auto key = rowOf(s.trace().attention.K, 2);
  const int last = static_cast<int>(std::find_if(key.begin(), key.end(), [](float v) { return v != 0; }) - key.begin());
  REQUIRE(last < 4);
  for (int c = 0; c < 4; ++c)
    if (c != last) edit(s, MatrixId::K, 2, c, 0);
  CHECK_FALSE(earned(s, "zero-key"));
  edit(s, MatrixId::K, 2, last, 0);
  CHECK(earned(s, "zero-key"));
  lesson::Session other = sessionOn("three-tokens");
  apply(other, act::AddToken{"new"});  // a new token's key is zero, but nobody set it
  apply(other, act::SetKeyWidth{2});
  apply(other, act::SetKeyWidth{1});
  CHECK_FALSE(earned(other, "zero-key"));
}

TEST_CASE("no scale and the causal first token: the learner's own switch") {
  lesson::Session s = sessionOn("three-tokens");
  apply(s, act::SetScale{false});
  CHECK(earned(s, "no-scale"));
  apply(s, act::SetMask{core::Mask::causal()});
  CHECK(earned(s, "causal-first"));
  lesson::Session narrow = sessionOn("three-tokens");
  apply(narrow, act::SetKeyWidth{1});
  apply(narrow, act::SetScale{false});  // dividing by the square root of 1 changed nothing
  CHECK_FALSE(earned(narrow, "no-scale"));
}

TEST_CASE("one-hot: a query scaled up, in any head") {
  lesson::Session s = sessionOn("three-tokens");
  int presses = 0;
  while (!earned(s, "one-hot") && presses < 10) {
    apply(s, act::ScaleQuery{0, 2.0f});
    ++presses;
  }
  CHECK(earned(s, "one-hot"));
  CHECK(presses >= 2);  // the row sharpened press by press
  SUBCASE("side doors: positions, a key scaled up, a low temperature, no scale, a query pointed elsewhere") {
    lesson::Session other = sessionOn("bank-money");
    apply(other, act::SetPositional{lesson::Positional::Sinusoidal});
    apply(other, act::SetTemperature{0.05f});
    apply(other, act::SetScale{false});
    apply(other, act::SetTemperature{1.0f});
    apply(other, act::SetScale{true});
    apply(other, act::SetPositional{lesson::Positional::None});
    const auto k = rowOf(other.trace().attention.K, 1, 30.0f);
    editRow(other, MatrixId::K, 1, k);
    CHECK_FALSE(earned(other, "one-hot"));
    lesson::Session pointed = sessionOn("three-tokens");
    edit(pointed, MatrixId::Q, 0, 3, 40.0f);  // another key wins, by far: not a scaled query
    CHECK(pointed.trace().attention.heads.front().weights.at(0, 1) > 0.99f);
    CHECK_FALSE(earned(pointed, "one-hot"));
  }
  SUBCASE("the second head counts: its query dragged out along its own direction") {
    lesson::Session heads = sessionOn("two-heads");
    const auto& second = heads.trace().attention.heads[1];
    const int width = second.Q.cols;  // head 2 reads columns width .. 2 width - 1 of Q
    const float x = second.Q.at(2, 0), y = second.Q.at(2, 1);
    apply(heads, act::MoveVectorTip{MatrixId::Q, 2, width, 6 * x, width + 1, 6 * y});
    const auto& row = heads.trace().attention.heads[1].weights;
    float top = 0;
    for (int j = 0; j < row.cols; ++j) top = std::max(top, row.at(2, j));
    REQUIRE(top > 0.95f);
    CHECK(earned(heads, "one-hot"));
  }
}

TEST_CASE("bank and river: an edit of vectors that makes bank attend most to river") {
  SUBCASE("the hint, followed: a tie at the top earns it") {
    lesson::Session s = sessionOn("bank-money");
    apply(s, act::RenameToken{1, "river"});  // "went" becomes "river": a name alone changes nothing
    CHECK_FALSE(earned(s, "bank-river"));
    editRow(s, MatrixId::X, 1, {1, 0, 0, 0});  // nature = 1: river ties with money
    const auto& w = s.trace().attention.heads.front().weights;
    CHECK(w.at(4, 1) == doctest::Approx(w.at(4, 7)).epsilon(1e-5));
    CHECK(earned(s, "bank-river"));
  }
  SUBCASE("a second \"bank\" counts too") {
    lesson::Session s = sessionOn("bank-money");
    apply(s, act::RenameToken{0, "Bank"});  // "I" becomes a first "Bank", with I's vector
    apply(s, act::RenameToken{1, "river."});
    editRow(s, MatrixId::X, 1, {1.5f, 0, 0, 0});
    CHECK(earned(s, "bank-river"));  // the real bank (position 5) attends most to the river
  }
  SUBCASE("a word renamed \"river\" that bank already attended to most is no edit of vectors") {
    lesson::Session s = sessionOn("bank-money");
    apply(s, act::RenameToken{7, "river"});
    edit(s, MatrixId::X, 7, 2, 0.1f);  // an edit, but bank attended most to this word before it
    CHECK_FALSE(earned(s, "bank-river"));
  }
  SUBCASE("side doors: the river sentence respelled, an even row") {
    lesson::Session s = sessionOn("bank-river");
    apply(s, act::RenameToken{6, "wet"});
    apply(s, act::RenameToken{4, "River"});
    CHECK_FALSE(earned(s, "bank-river"));
    lesson::Session even = sessionOn("bank-money");
    apply(even, act::RenameToken{1, "river"});
    const int bank = 4;
    const auto q = rowOf(even.trace().attention.Q, bank, 0.0f);
    editRow(even, MatrixId::Q, bank, q);  // bank's query zero: every key the same weight
    CHECK_FALSE(earned(even, "bank-river"));
  }
}

TEST_CASE("progress keeps experiments and quiz answers, and drops unknown ids") {
  lesson::LessonState before;
  REQUIRE(lesson::loadPreset("three-tokens", before));
  lesson::LessonState s = before;
  s.scale = false;
  const auto beforeTrace = lesson::computeTrace(before), trace = lesson::computeTrace(s);
  const lesson::Move move{lesson::MoveKind::Other, before, beforeTrace, s, trace};
  lesson::Progress p;
  CHECK(lesson::updateExperiments(p, move));
  CHECK_FALSE(lesson::updateExperiments(p, move));  // already done
  p.quizCorrect.insert("rows");
  auto saved = lesson::progressToJson(p);
  saved["experimentsDone"].push_back("from-the-future");
  lesson::Progress back;
  REQUIRE(lesson::progressFromJson(saved, back));
  CHECK(back.experimentsDone == std::set<std::string>{"no-scale"});
  CHECK(back.quizCorrect == std::set<std::string>{"rows"});
}

TEST_CASE("quiz questions are well formed") {
  std::set<std::string> ids;
  for (const auto& q : lesson::quiz()) {
    CHECK(q.answers.size() >= 2);
    CHECK(q.correct >= 0);
    CHECK(q.correct < static_cast<int>(q.answers.size()));
    CHECK_FALSE(q.why.empty());
    CHECK(ids.insert(std::string(q.id)).second);
  }
  CHECK(lesson::quiz().size() == 9);
}

TEST_CASE("challenge: exact answers pass, an overflowing softmax is explained") {
  const auto cases = lesson::challengeCases();
  json::Json exact = json::Json::array(), naive = json::Json::array();
  for (const auto& c : cases) {
    exact.push_back(c.expected);
    json::Json row = json::Json::array();
    for (double w : c.expected) row.push_back(c.largeScores ? json::Json() : json::Json(w));
    naive.push_back(row);
  }
  const auto pass = lesson::gradeChallenge(cases, exact);
  CHECK(pass.passed);
  CHECK(pass.passedCases == static_cast<int>(cases.size()));
  const auto fail = lesson::gradeChallenge(cases, naive);
  CHECK_FALSE(fail.passed);
  CHECK(fail.message.find("Subtract the largest score") != std::string::npos);
  CHECK(lesson::gradeChallenge(cases, json::Json::object({{"error", "boom"}})).message ==
        "Your code did not run: boom");
  CHECK_FALSE(lesson::gradeChallenge(cases, json::Json::array()).passed);
  for (const auto& c : cases) {
    double sum = 0;
    for (double w : c.expected) sum += w;
    CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
  }
}

TEST_CASE("challenge by hand: weights to two decimals") {
  const auto c = lesson::handCase();
  std::vector<float> entered;
  for (double w : c.expected) entered.push_back(static_cast<float>(std::round(w * 100.0) / 100.0));
  CHECK(lesson::gradeHandAnswer(c, entered).passed);
  CHECK_FALSE(lesson::gradeHandAnswer(c, {0.33f, 0.33f, 0.34f}).passed);
  CHECK_FALSE(lesson::gradeHandAnswer(c, {0.5f, 0.5f}).passed);
}

TEST_CASE("one-hot: a query turned by a large ballast entry is not a scaled query") {
  // A fresh reader's side door: one large entry makes a turn of another entry look "longer, same direction".
  lesson::Session s = sessionOn("three-tokens");
  edit(s, MatrixId::K, 2, 2, 0.6f);
  edit(s, MatrixId::Q, 0, 0, 1000.0f);
  edit(s, MatrixId::Q, 0, 2, 12.0f);
  edit(s, MatrixId::Q, 0, 2, 16.0f);
  CHECK_FALSE(earned(s, "one-hot"));
}
