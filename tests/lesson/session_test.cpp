// session_test.cpp: the one door. An action that succeeds recomputes the trace, counts the
// step as seen and bumps the revision; a refusal changes nothing but the notice; a quiet
// refusal and a change that changes nothing change nothing at all; every named action is
// validated, including the ones that once wrote fields directly.
#include <doctest/doctest.h>

#include "lesson/actions.h"
#include "lesson/json_io.h"
#include "lesson/steps.h"

namespace {

std::string stateText(const lesson::Session& s) { return (lesson::stateToJson(s.lesson)).dump(); }

}  // namespace

TEST_CASE("a successful action recomputes, counts the step as seen and bumps the revision") {
  lesson::Session s = lesson::startSession();
  const auto revision = s.revision;
  const auto weightsBefore = s.trace.attention.heads.front().weights;
  CHECK(lesson::applyAction(s, lesson::actions::setScale(false)) == "");
  CHECK(s.revision == revision + 1);
  CHECK_FALSE(s.lesson.scale);
  CHECK_FALSE(s.trace.attention.heads.front().weights == weightsBefore);
  CHECK(lesson::applyAction(s, lesson::actions::goToStep(lesson::stepIndexOf("softmax"))) == "");
  CHECK(s.progress.stepsSeen[static_cast<size_t>(lesson::stepIndexOf("softmax"))]);
}

TEST_CASE("a refused action changes nothing but the notice, which says why") {
  lesson::Session s = lesson::startSession();
  const std::string before = stateText(s);
  const auto revision = s.revision;
  const std::string refusal = lesson::applyAction(s, lesson::actions::setMask(core::Mask::slidingWindow(40)));
  CHECK(refusal == "the window W and the global tokens G must be between 0 and 16");  // once written, unchecked
  CHECK(s.lesson.notice == refusal);
  CHECK(s.revision == revision + 1);
  s.lesson.notice.clear();
  CHECK(stateText(s) == before);
  CHECK(lesson::applyAction(s, lesson::actions::setTemperature(500)) != "");
}

TEST_CASE("a quiet refusal and a change that changes nothing leave even the revision alone") {
  lesson::Session s = lesson::startSession();
  const std::string before = stateText(s);
  const auto revision = s.revision;
  CHECK(lesson::applyAction(s, lesson::actions::applyStateText(R"({"step": "three"})")) ==
        "step must be a whole number");
  CHECK(lesson::applyAction(s, lesson::actions::goToStep(-1)) == "");
  CHECK(lesson::applyAction(s, lesson::actions::goToStep(lesson::stepCount())) == "");
  CHECK(lesson::applyAction(s, lesson::actions::mergeProgress("not json")) == "");
  CHECK(lesson::applyAction(s, lesson::actions::selectQuery(s.lesson.selected)) == "");
  CHECK(s.revision == revision);
  CHECK(stateText(s) == before);
}

TEST_CASE("practice and start over go through the door too") {
  lesson::Session s = lesson::startSession();
  CHECK(lesson::applyAction(s, lesson::actions::answerQuiz("q-test", true)) == "");
  CHECK(s.progress.quizCorrect.count("q-test") == 1);
  CHECK(lesson::applyAction(s, lesson::actions::recordChallenge(true)) == "");
  CHECK(s.progress.challengeDone);
  CHECK(lesson::applyAction(s, lesson::actions::goToStep(5)) == "");
  CHECK(lesson::applyAction(s, lesson::actions::startOver(1234)) == "");
  CHECK(s.progress.seenCount() == 1);
  CHECK_FALSE(s.progress.challengeDone);
  CHECK(s.progress.startedAt == 1234);
  CHECK(s.lesson.step == 0);
}

TEST_CASE("a refused link keeps the lesson and explains itself") {
  lesson::Session s = lesson::startSession();
  REQUIRE(lesson::applyAction(s, lesson::actions::setScale(false)) == "");
  const std::string refusal = lesson::applyAction(s, lesson::actions::openLink("s=9.abc"));
  CHECK(refusal.rfind("Link not opened: ", 0) == 0);
  CHECK(s.lesson.notice == refusal);
  CHECK_FALSE(s.lesson.scale);
}

TEST_CASE("a new token is added with a word about its all-zero vectors") {
  lesson::Session s = lesson::startSession();
  CHECK(lesson::applyAction(s, lesson::actions::addToken("fish")) == "");
  CHECK(s.lesson.tokens.back() == "fish");
  CHECK(s.lesson.notice.find("\"fish\" was added with all-zero vectors") == 0);
  CHECK(s.lesson.notice.find("its row of X") != std::string::npos);
  for (int c = 0; c < s.lesson.X.cols; ++c) CHECK(s.lesson.X.at(s.lesson.X.rows - 1, c) == 0.0f);  // as it says
}
