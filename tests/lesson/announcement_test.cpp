// announcement_test.cpp: what the live region says after a change: a new step in a line, an
// edit by its effect on the numbers (with what they were), a guess by its result, nothing of an
// answer still hidden behind a guess, and nothing again when nothing changed.
#include "lesson/content/announcement.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "lesson/content/matrices.h"
#include "lesson/content/narration.h"
#include "lesson/content/presets.h"
#include "lesson/content/steps.h"
#include "lesson/model/edits.h"
#include "lesson/model/prediction.h"
#include "text/decimals.h"

using lesson::MatrixId;

namespace {

struct Listener {
  lesson::Announced last;
  lesson::Progress progress;
  std::string hear(const lesson::LessonState& state) {
    return lesson::announceChange(last, state, lesson::computeTrace(state), progress);
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void skipEveryGuess(lesson::Progress& progress) {
  for (const auto& question : lesson::predictionQuestions()) progress.predictions[question.stepId].skipped = true;
}

}  // namespace

TEST_CASE("a new step is said in a line, and the same state again says nothing") {
  Listener listener;
  lesson::LessonState s = lesson::defaultState();
  const std::string first = listener.hear(s);
  CHECK(first == lesson::stepHeading(s));
  CHECK(first.size() < 400);  // not the step's "More" text, drawings and numbers (1,700 characters)
  CHECK(listener.hear(s).empty());
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf("softmax")).empty());
  CHECK(listener.hear(s).rfind("Step " + std::to_string(lesson::stepIndexOf("softmax") + 1) + " of ", 0) == 0);
}

TEST_CASE("an edit is said by the weights it moved, with what they were") {
  Listener listener;
  skipEveryGuess(listener.progress);
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf("softmax")).empty());
  s.selected = 1;
  listener.hear(s);
  const auto before = lesson::computeTrace(s).attention.heads[0].weights;
  REQUIRE(lesson::setEntry(s, MatrixId::X, 1, 0, 2.5f).empty());
  const auto after = lesson::computeTrace(s).attention.heads[0].weights;
  const std::string said = listener.hear(s);
  CHECK(said.rfind("The weights of \"" + s.tokens[1] + "\" that changed:", 0) == 0);
  // The four that moved most are named, with what they were; the rest are counted.
  std::vector<int> changed;
  for (int j = 0; j < after.cols; ++j)
    if (text::fixedDecimals(after.at(1, j)) != text::fixedDecimals(before.at(1, j))) changed.push_back(j);
  std::stable_sort(changed.begin(), changed.end(), [&](int a, int b) {
    return std::fabs(after.at(1, a) - before.at(1, a)) > std::fabs(after.at(1, b) - before.at(1, b));
  });
  REQUIRE(!changed.empty());
  for (size_t k = 0; k < changed.size(); ++k) {
    const int j = changed[k];
    const std::string named = "\"" + s.tokens[static_cast<size_t>(j)] + "\" " + text::fixedDecimals(after.at(1, j)) +
                              " (was " + text::fixedDecimals(before.at(1, j)) + ")";
    CHECK_MESSAGE(has(said, named) == (k < 4), said);
  }
  if (changed.size() > 4) CHECK(has(said, "and " + std::to_string(changed.size() - 4) + " more that moved less"));
  CHECK(has(said, lesson::largestWeight(s, after, 1)));
  CHECK(listener.hear(s).empty());
}

TEST_CASE("an edit that moves another row's weights names that row") {
  Listener listener;
  skipEveryGuess(listener.progress);
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf("softmax")).empty());
  // With Q given directly, a cell of row 2's query moves row 2's weights only.
  lesson::switchToDirect(s);
  s.selected = 0;
  listener.hear(s);
  REQUIRE(lesson::setEntry(s, MatrixId::Q, 2, 0, 3.0f).empty());
  const std::string said = listener.hear(s);
  CHECK_MESSAGE(said.rfind("The weights of \"" + s.tokens[2] + "\" that changed:", 0) == 0, said);
  CHECK(!has(said, "nan"));
}

TEST_CASE("picking another token says its weights") {
  Listener listener;
  skipEveryGuess(listener.progress);
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf("softmax")).empty());
  listener.hear(s);
  s.selected = 2;
  const std::string said = listener.hear(s);
  CHECK(said.rfind("Selected token: \"" + s.tokens[2] + "\".", 0) == 0);
}

TEST_CASE("an answer hidden behind a guess is not said; the guess's result is") {
  Listener listener;
  lesson::LessonState s = lesson::defaultState();
  const char* stepId = "softmax";
  REQUIRE(lesson::predictionQuestion(stepId));
  REQUIRE(lesson::setStep(s, lesson::stepIndexOf(stepId)).empty());
  listener.hear(s);
  REQUIRE(lesson::setEntry(s, MatrixId::X, s.selected, 0, 2.5f).empty());
  CHECK(listener.hear(s).empty());  // the weights moved, but the learner has not guessed them yet
  lesson::Prediction made;
  made.guessed = true;
  const int n = static_cast<int>(s.tokens.size());
  made.guess =
      lesson::normalisedGuess(lesson::GuessKind::WeightRow,
                              {s.selected, std::vector<float>(static_cast<size_t>(n), 1.0f), lesson::guessSentence(s)});
  listener.progress.predictions[stepId] = made;
  const auto trace = lesson::computeTrace(s);
  const std::string said = listener.hear(s);
  CHECK(said == lesson::guessFeedback(lesson::GuessKind::WeightRow, s, trace, made.guess));
  CHECK(!said.empty());
}

TEST_CASE("every step, every change of the lesson's presets: short, no NaN, said once") {
  for (const auto& preset : lesson::presetList()) {
    Listener listener;
    skipEveryGuess(listener.progress);
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(preset.id, s));
    for (int step = 0; step < lesson::stepCount(); ++step) {
      REQUIRE(lesson::setStep(s, step).empty());
      const std::string atStep = listener.hear(s);
      CHECK(atStep.rfind("Step " + std::to_string(step + 1), 0) == 0);
      for (int row = 0; row < static_cast<int>(s.tokens.size()) && row < 3; ++row) {
        lesson::LessonState edited = s;
        if (!lesson::setEntry(edited, MatrixId::X, row, 0, 1.75f).empty() &&
            !lesson::setEntry(edited, MatrixId::Q, row, 0, 1.75f).empty())
          continue;
        const std::string said = listener.hear(edited);
        CHECK_MESSAGE(said.size() < 600, said);
        CHECK_MESSAGE(!has(said, "nan"), said);
        CHECK_MESSAGE(!has(said, "inf"), said);
        CHECK(listener.hear(edited).empty());
        s = edited;
      }
    }
  }
}
