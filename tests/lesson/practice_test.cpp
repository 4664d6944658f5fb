// practice_test.cpp: each experiment's live check fires exactly when its effect is on
// screen, none is already done by a ready-made preset, and the quiz data is sound.
#include "lesson/content/practice.h"

#include <doctest/doctest.h>

#include <cmath>

#include "lesson/content/challenge.h"
#include "lesson/content/presets.h"
#include "lesson/model/edits.h"
#include "lesson/model/progress.h"
#include "lesson/model/trace.h"

using lesson::MatrixId;

namespace {

bool holds(const char* id, const lesson::LessonState& s) {
  return lesson::experimentHolds(id, s, lesson::computeTrace(s));
}

}  // namespace

TEST_CASE("no experiment is done by simply opening a preset") {
  for (const auto& preset : lesson::presetList()) {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(preset.id, s));
    for (const auto& e : lesson::experiments()) {
      CAPTURE(preset.id);
      CAPTURE(e.id);
      CHECK_FALSE(holds(e.id.c_str(), s));
    }
  }
}

TEST_CASE("twins: two different words with identical Q and K") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  for (int c = 0; c < 4; ++c) {
    REQUIRE(lesson::setEntry(s, MatrixId::Q, 1, c, s.Q.at(0, c)).empty());
    REQUIRE(lesson::setEntry(s, MatrixId::K, 1, c, s.K.at(0, c)).empty());
  }
  CHECK(holds("twins", s));
}

TEST_CASE("zero key, no scale, causal first token") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(s, MatrixId::K, 2, c, 0.0f).empty());
  CHECK(holds("zero-key", s));
  CHECK_FALSE(holds("no-scale", s));
  s.scale = false;
  CHECK(holds("no-scale", s));
  s.mask = core::Mask::causal();
  CHECK(holds("causal-first", s));
}

TEST_CASE("one-hot: scaling a query up sharpens its row past 95%") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  CHECK_FALSE(holds("one-hot", s));
  for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(s, MatrixId::Q, 0, c, s.Q.at(0, c) * 10.0f).empty());
  CHECK(holds("one-hot", s));
}

TEST_CASE("bank-river: a sentence of one's own where bank attends most to river") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("bank-money", s));
  REQUIRE(lesson::renameToken(s, 1, "river").empty());  // "went" becomes "river": a name alone changes nothing
  CHECK_FALSE(holds("bank-river", s));
  // a strong nature embedding outbids "money" for bank's query, which asks for both alike
  const float nature[] = {1.2f, 0, 0.2f, 0};
  for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(s, MatrixId::X, 1, c, nature[c]).empty());
  CHECK(holds("bank-river", s));
}

TEST_CASE("progress keeps experiments and quiz answers, and drops unknown ids") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  s.scale = false;
  lesson::Progress p;
  CHECK(lesson::updateExperiments(p, s, lesson::computeTrace(s)));
  CHECK_FALSE(lesson::updateExperiments(p, s, lesson::computeTrace(s)));  // already done
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
    CHECK(ids.insert(q.id).second);
  }
  CHECK(lesson::quiz().size() == 7);
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

TEST_CASE("experiments credit the action they teach, not a shortcut") {
  SUBCASE("bank-river: renaming a money word to \"River.\" is not enough; a nature vector is") {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset("bank-money", s));
    REQUIRE(lesson::renameToken(s, 7, "River.").empty());  // "money" renamed: bank still attends to it most
    const auto trace = lesson::computeTrace(s);
    REQUIRE(lesson::experimentHolds("bank-river", s, trace) == false);
    const float nature[] = {1.0f, 0, 0, 0};
    for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(s, MatrixId::X, 7, c, nature[c]).empty());
    CHECK(holds("bank-river", s));  // any spelling of the word, once its vector says nature
    // The ready-made river sentence, respelled, is not a sentence of one's own.
    REQUIRE(lesson::loadPreset("bank-river", s));
    REQUIRE(lesson::renameToken(s, 4, "River").empty());
    CHECK_FALSE(holds("bank-river", s));
  }
  SUBCASE("bank-river: a second \"bank\" counts too") {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset("bank-money", s));
    REQUIRE(lesson::renameToken(s, 0, "Bank").empty());  // "I" becomes a first "Bank", with I's vector
    REQUIRE(lesson::renameToken(s, 7, "river").empty());
    const float nature[] = {1.0f, 0, 0, 0};
    for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(s, MatrixId::X, 7, c, nature[c]).empty());
    CHECK(holds("bank-river", s));  // the real bank (position 5) attends most to the river
  }
  SUBCASE("one-hot: a low temperature or no scale is not scaling a query up") {
    lesson::LessonState s = lesson::defaultState();
    s.temperature = 0.05f;
    REQUIRE(lesson::experimentHolds("one-hot", s, lesson::computeTrace(s)) == false);
    lesson::LessonState scaled = lesson::defaultState();
    const auto projected = lesson::computeTrace(scaled).attention.Q;
    for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(scaled, MatrixId::Q, 1, c, projected.at(1, c)).empty());
    CHECK_FALSE(holds("one-hot", scaled));  // switched to direct vectors, nothing scaled yet
    for (int c = 0; c < 4; ++c) REQUIRE(lesson::setEntry(scaled, MatrixId::Q, 1, c, projected.at(1, c) * 8.0f).empty());
    CHECK(holds("one-hot", scaled));  // bank's query eight times longer: over 95% on river
  }
  SUBCASE("no-scale: with heads one column wide there is nothing to switch off") {
    lesson::LessonState s = lesson::defaultState();
    REQUIRE(lesson::setKeyWidth(s, 1).empty());
    s.scale = false;
    CHECK_FALSE(holds("no-scale", s));
    lesson::LessonState wide = lesson::defaultState();
    wide.scale = false;
    CHECK(holds("no-scale", wide));
  }
}
