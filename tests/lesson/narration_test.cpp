// narration_test.cpp: what the page's ARIA live region reads out for a step.
#include "lesson/narration.h"

#include <doctest/doctest.h>

#include <cstdio>

#include "lesson/edits.h"
#include "lesson/presets.h"
#include "lesson/trace.h"

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
  CHECK(text.rfind(
            "Step " + std::to_string(softmax + 1) + " of " + std::to_string(lesson::stepCount()) + ": " + step.title,
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
