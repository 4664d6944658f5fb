// narration_test.cpp: what the page's ARIA live region reads out for a step, and a token's change in words.
#include "lesson/content/narration.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "lesson/content/presets.h"
#include "lesson/model/edits.h"
#include "lesson/model/trace.h"
#include "lesson/model/value_change.h"

namespace {
std::string rounded(float value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(value));
  return text;
}
}  // namespace

TEST_CASE("the narration reads the step and the selected row's weights as computed") {
  lesson::LessonState s = lesson::defaultState();
  const int softmax = lesson::stepIndexOf("softmax");
  REQUIRE(lesson::setStep(s, softmax).empty());
  s.selected = 1;
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const std::string text = lesson::narrate(s, trace);
  const auto& step = lesson::tourSteps()[static_cast<size_t>(softmax)];
  CHECK(text.rfind("Step " + std::to_string(softmax + 1) + " of " + std::to_string(lesson::stepCount()) + ": " +
                       std::string(step.title),
                   0) == 0);
  CHECK(text.find(step.plain) != std::string::npos);
  CHECK(text.find("Selected token: \"bank\".") != std::string::npos);
  for (int j = 0; j < static_cast<int>(s.tokens.size()); ++j) {
    const std::string spoken =
        s.tokens[static_cast<size_t>(j)] + " " + rounded(trace.attention.heads[0].weights.at(1, j));
    CHECK_MESSAGE(text.find(spoken) != std::string::npos, spoken);
  }
  CHECK(text.back() == '.');
}

TEST_CASE("the narration follows an edit and ends a notice with one full stop") {
  lesson::LessonState s = lesson::defaultState();
  const std::string before = lesson::narrate(s, lesson::computeTrace(s));
  REQUIRE(lesson::setEntry(s, lesson::MatrixId::X, 0, 0, 5.0f).empty());
  s.notice = "Progress will not be kept.";
  const std::string after = lesson::narrate(s, lesson::computeTrace(s));
  CHECK(after != before);
  CHECK(after.find("Notice: Progress will not be kept. Selected") != std::string::npos);
  s.notice = "the link was cut short";
  CHECK(lesson::narrate(s, lesson::computeTrace(s)).find("Notice: the link was cut short. ") != std::string::npos);
}

TEST_CASE("a state that cannot be computed is said so, not read as numbers") {
  lesson::LessonState s = lesson::defaultState();
  lesson::LessonTrace broken;
  broken.error = "dK must be between 1 and 16";
  const std::string text = lesson::narrate(s, broken);
  CHECK(text.find("This state cannot be computed: dK must be between 1 and 16.") != std::string::npos);
  CHECK(text.find("Selected token") == std::string::npos);
}

TEST_CASE("a token's change through attention is said in words, with the embedding's dimension names") {
  lesson::LessonState s = lesson::defaultState();  // bank by the river: W_V is the identity
  s.selected = 1;
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  CHECK(lesson::valuesKeepDimensionNames(s));
  CHECK(lesson::valueColumnNames(s, trace) == std::vector<std::string>{"nature", "money", "motion", "grammar"});
  const std::string text = lesson::describeValueChange(s, trace, 1);
  // Every number is the core's, rounded: bank's value (its embedding) and its output.
  char expected[64];
  std::snprintf(expected, sizeof expected, "\"bank\": nature %.2f \xE2\x86\x92 %.2f,",
                static_cast<double>(trace.attention.V.at(1, 0)),
                static_cast<double>(trace.attention.concatenated.at(1, 0)));
  CHECK(text.rfind(expected, 0) == 0);
  CHECK(text.find("nature 0.35 \xE2\x86\x92 ") != std::string::npos);     // bank starts half nature
  CHECK(text.find("its largest loss in money (-") != std::string::npos);  // by the river, bank is not money
  int gain = 0;
  for (int c = 1; c < 4; ++c) {
    const auto change = [&](int col) { return trace.attention.concatenated.at(1, col) - trace.attention.V.at(1, col); };
    if (change(c) > change(gain)) gain = c;
  }
  CHECK(text.find("Its largest gain is in " + s.dimensionLabels[static_cast<size_t>(gain)] + " (+") !=
        std::string::npos);
}

TEST_CASE("values that mix the embedding's dimensions lose their names") {
  lesson::LessonState s = lesson::defaultState();
  s.WV.at(0, 1) = 0.5f;  // value column 2 now mixes nature into money
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  CHECK_FALSE(lesson::valuesKeepDimensionNames(s));
  CHECK(lesson::valueColumnNames(s, trace).front() == "dim 1");
  CHECK(lesson::describeValueChange(s, trace, 1).find("nature") == std::string::npos);
  CHECK(lesson::describeValueChange(s, trace, 99).empty());  // no such token: nothing said, no crash
}

TEST_CASE("a token that attends only to itself is said to be left as it was") {
  lesson::LessonState s = lesson::defaultState();
  s.selected = 0;
  s.mask = core::Mask::causal();  // the first token sees only itself
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  CHECK(lesson::describeValueChange(s, trace, 0).find("left it as it was") != std::string::npos);
}

TEST_CASE("the picture's text alternative names the selected row's largest weight, every key tied with it too") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf("softmax")).empty());
  s.selected = 1;
  auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const core::Matrix& w = trace.attention.heads[0].weights;
  int top = 0;
  for (int j = 1; j < w.cols; ++j)
    if (w.at(1, j) > w.at(1, top)) top = j;
  const std::string text = lesson::describePicture(s, trace);
  CHECK(text.find("\"bank\" gives its largest weight, " + rounded(w.at(1, top)) + ", to \"" +
                  s.tokens[static_cast<size_t>(top)] + "\".") != std::string::npos);
  CHECK(text.find("Selected token") != std::string::npos);
  CHECK(lesson::narrate(s, trace).find(text) != std::string::npos);  // the live region reads the same words
  // Every query equal: every key ties, and each is named.
  for (float& v : s.WQ.values) v = 0.0f;
  trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const std::string tied = lesson::describePicture(s, trace);
  CHECK(tied.find("gives its largest weight, " + rounded(trace.attention.heads[0].weights.at(1, 0)) + ", to each of") !=
        std::string::npos);
  for (const auto& token : s.tokens) CHECK(tied.find("\"" + token + "\"") != std::string::npos);
}
