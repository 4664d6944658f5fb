// presets_test.cpp: every preset is a valid state and produces the attention it is meant to.
#include "lesson/content/presets.h"

#include <doctest/doctest.h>

#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/head_roles.h"
#include "lesson/model/trace.h"
#include "lesson/model/what_if.h"

namespace {

int strongestKey(const lesson::LessonTrace& trace, int row) {
  const auto& w = trace.attention.heads[0].weights;
  int best = 0;
  for (int j = 1; j < w.cols; ++j)
    if (w.at(row, j) > w.at(row, best)) best = j;
  return best;
}

int indexOf(const lesson::LessonState& s, const std::string& token) {
  for (size_t i = 0; i < s.tokens.size(); ++i)
    if (s.tokens[i] == token) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("every preset is valid and survives a share link") {
  for (const auto& preset : lesson::presetList()) {
    CAPTURE(preset.id);
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(preset.id, s));
    CHECK(lesson::validateState(s).empty());
    CHECK(lesson::computeTrace(s).ok);
    lesson::LessonState restored;
    CHECK(lesson::decodeShareFragment(lesson::encodeShareFragment(s), lesson::defaultState(), restored).empty());
    CHECK(lesson::stateToJson(restored) == lesson::stateToJson(s));
  }
}

TEST_CASE("three-token preset holds the classic numbers") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  const auto trace = lesson::computeTrace(s);
  CHECK(trace.attention.heads[0].rawScores.at(2, 2) == 2.0f);
  CHECK(trace.attention.V.at(2, 3) == 12.0f);
}

TEST_CASE("\"bank\" beside \"river\" attends most to \"river\"") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("bank-river", s));
  const auto trace = lesson::computeTrace(s);
  CHECK(strongestKey(trace, indexOf(s, "bank")) == indexOf(s, "river"));
  // The output of "bank" leans to nature, not money.
  CHECK(trace.attention.output.at(indexOf(s, "bank"), 0) > trace.attention.output.at(indexOf(s, "bank"), 1));
}

TEST_CASE("\"bank\" beside \"deposit money\" attends most to \"money\", then \"deposit\"") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("bank-money", s));
  const auto trace = lesson::computeTrace(s);
  const int bank = indexOf(s, "bank");
  CHECK(strongestKey(trace, bank) == indexOf(s, "money"));
  const auto& w = trace.attention.heads[0].weights;
  for (int j = 0; j < w.cols; ++j)
    if (j != indexOf(s, "money") && j != indexOf(s, "deposit"))
      CHECK(w.at(bank, j) < w.at(bank, indexOf(s, "deposit")));
  CHECK(trace.attention.output.at(bank, 1) > trace.attention.output.at(bank, 0));
}

TEST_CASE("in the cat sentence, \"sat\" attends most to \"cat\"") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("cat-mat", s));
  const auto trace = lesson::computeTrace(s);
  CHECK(strongestKey(trace, indexOf(s, "sat")) == indexOf(s, "cat"));
}

TEST_CASE("every preset record makes a valid state that carries its own id") {
  for (const auto& preset : lesson::presetList()) {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(preset.id, s));
    CHECK_MESSAGE(lesson::validateState(s).empty(), preset.id);
    CHECK(s.presetId == preset.id);
  }
  lesson::LessonState unknown;
  CHECK_FALSE(lesson::loadPreset("no-such-example", unknown));
  CHECK(lesson::defaultState().presetId == lesson::kDefaultPreset);
}

TEST_CASE("the two bank sentences say what the opening step claims about them") {
  // two_sentences_view.cpp says: by the river, bank's largest weight is on "river" and its output
  // leans to nature; beside "deposit" and "money" it leans to money.
  for (const char* id : {"bank-river", "bank-money"}) {
    CAPTURE(id);
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(id, s));
    const auto trace = lesson::computeTrace(s);
    REQUIRE(trace.ok);
    const int bank = lesson::findToken(s, "bank");
    REQUIRE(bank >= 0);
    const float nature = trace.attention.concatenated.at(bank, 0), money = trace.attention.concatenated.at(bank, 1);
    if (std::string(id) == "bank-river") {
      int top = 0;
      for (int j = 1; j < static_cast<int>(s.tokens.size()); ++j)
        if (trace.attention.heads.front().weights.at(bank, j) > trace.attention.heads.front().weights.at(bank, top))
          top = j;
      CHECK(s.tokens[static_cast<size_t>(top)] == "river");
      CHECK(nature > money);
    } else {
      CHECK(money > nature);
    }
  }
  lesson::LessonState s = lesson::defaultState();
  CHECK(lesson::findToken(s, "River.") == 4);  // as a learner writes it
  CHECK(lesson::findToken(s, "nowhere") == -1);
}

TEST_CASE("the two-heads example has heads that attend to different things, and says so") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("two-heads", s));
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  REQUIRE(trace.attention.heads.size() == 2);
  const auto& meaning = trace.attention.heads[0];
  const auto& order = trace.attention.heads[1];
  CHECK(lesson::headRole(meaning) == lesson::HeadRole::Content);
  CHECK(lesson::headRole(order) == lesson::HeadRole::PreviousWord);
  // The order head: every word after the first puts most of its weight on the word before.
  for (int i = 1; i < order.weights.rows; ++i) CHECK(order.weights.at(i, i - 1) > 0.8f);
  // The meaning head links the action and its animal.
  const std::string said = lesson::describeHead(s, meaning);
  CHECK(said.find("cat \xE2\x86\x92 sat") != std::string::npos);
  CHECK(said.find("sat \xE2\x86\x92 cat") != std::string::npos);
  CHECK(lesson::describeHead(s, order).rfind("looks one word back: 5 of the 5 words", 0) == 0);
  CHECK(said.rfind("matches words by their vectors:", 0) == 0);
  // With a mask the words' places shape the weights too, and the description says so.
  s.mask = core::Mask::slidingWindow(2);
  const auto windowed = lesson::computeTrace(s);
  REQUIRE(lesson::headRole(windowed.attention.heads[0]) == lesson::HeadRole::Content);
  CHECK(lesson::describeHead(s, windowed.attention.heads[0])
            .rfind("follows the words' vectors and, through the mask, where they are", 0) == 0);
}

TEST_CASE("a head's role is read off its weights") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  auto trace = lesson::computeTrace(s);
  CHECK(lesson::headRole(trace.attention.heads.front()) == lesson::HeadRole::SameWord);
  s.temperature = 20;  // nearly even weights
  trace = lesson::computeTrace(s);
  CHECK(lesson::headRole(trace.attention.heads.front()) == lesson::HeadRole::Even);
}
