// session_test.cpp: the one door. An action that succeeds recomputes the trace, counts the
// step as seen and bumps the revision; a refusal changes nothing but the notice; a quiet
// refusal and a change that changes nothing change nothing at all; every named action is
// validated, including the ones that once wrote fields directly.
#include "lesson/model/session.h"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/positional.h"
#include "lesson/content/steps.h"
#include "lesson/io/json_io.h"
#include "lesson/model/actions.h"

namespace {

std::string stateText(const lesson::Session& s) { return (lesson::stateToJson(s.lesson())).dump(); }

// The state as JSON with the notice left out (the session's own state is read-only).
std::string stateTextWithoutNotice(const lesson::Session& s) {
  lesson::LessonState state = s.lesson();
  state.notice.clear();
  return lesson::stateToJson(state).dump();
}

}  // namespace

TEST_CASE("a successful action recomputes, counts the step as seen and bumps the revision") {
  lesson::Session s = lesson::Session();
  const auto revision = s.revision();
  const auto weightsBefore = s.trace().attention.heads.front().weights;
  CHECK(s.apply(lesson::actions::SetScale{false}) == "");
  CHECK(s.revision() == revision + 1);
  CHECK_FALSE(s.lesson().scale);
  CHECK_FALSE(s.trace().attention.heads.front().weights == weightsBefore);
  CHECK(s.apply(lesson::actions::GoToStep{lesson::stepIndexOf("softmax")}) == "");
  CHECK(s.progress().stepsSeen[static_cast<size_t>(lesson::stepIndexOf("softmax"))]);
}

TEST_CASE("a refused action changes nothing but the notice, which says why") {
  lesson::Session s = lesson::Session();
  const std::string before = stateText(s);
  const auto revision = s.revision();
  const std::string refusal = s.apply(lesson::actions::SetMask{core::Mask::slidingWindow(40)});
  CHECK(refusal == "the window W and the global tokens G must be between 0 and 16");  // once written, unchecked
  CHECK(s.lesson().notice == refusal);
  CHECK(s.revision() == revision + 1);
  CHECK(stateTextWithoutNotice(s) == before);
  CHECK(s.apply(lesson::actions::SetTemperature{500}) != "");
}

TEST_CASE("a quiet refusal and a change that changes nothing leave even the revision alone") {
  lesson::Session s = lesson::Session();
  const std::string before = stateText(s);
  const auto revision = s.revision();
  CHECK(s.apply(lesson::actions::ApplyStateText{R"({"step": "three"})"}) == "step must be a whole number");
  CHECK(s.apply(lesson::actions::GoToStep{-1}) == "");
  CHECK(s.apply(lesson::actions::GoToStep{lesson::stepCount()}) == "");
  CHECK(s.apply(lesson::actions::MergeProgress{"not json"}) == "");
  CHECK(s.apply(lesson::actions::SelectQuery{s.lesson().selected}) == "");
  CHECK(s.revision() == revision);
  CHECK(stateText(s) == before);
}

TEST_CASE("practice and start over go through the door too") {
  lesson::Session s = lesson::Session();
  CHECK(s.apply(lesson::actions::AnswerQuiz{"q-test", true}) == "");
  CHECK(s.progress().quizCorrect.count("q-test") == 1);
  CHECK(s.apply(lesson::actions::RecordChallenge{true}) == "");
  CHECK(s.progress().challengeDone);
  CHECK(s.apply(lesson::actions::GoToStep{5}) == "");
  CHECK(s.apply(lesson::actions::StartOver{1234}) == "");
  CHECK(s.progress().seenCount() == 1);
  CHECK_FALSE(s.progress().challengeDone);
  CHECK(s.progress().startedAt == 1234);
  CHECK(s.lesson().step == 0);
}

TEST_CASE("a refused link keeps the lesson and explains itself") {
  lesson::Session s = lesson::Session();
  REQUIRE(s.apply(lesson::actions::SetScale{false}) == "");
  const std::string refusal = s.apply(lesson::actions::OpenLink{"s=9.abc"});
  CHECK(refusal.rfind("Link not opened: ", 0) == 0);
  CHECK(s.lesson().notice == refusal);
  CHECK_FALSE(s.lesson().scale);
}

TEST_CASE("a new token is added with a true word about its zero vectors, in each kind of example") {
  SUBCASE("embeddings: zero key and value, and weight all the same") {
    lesson::Session s = lesson::Session();
    REQUIRE(s.lesson().source == lesson::VectorSource::Projected);
    CHECK(s.apply(lesson::actions::AddToken{"fish"}) == "");
    CHECK(s.lesson().tokens.back() == "fish");
    const std::string& notice = s.lesson().notice;
    CHECK(notice.find("\"fish\" was added with a zero embedding") == 0);
    CHECK(notice.find("its row of X") != std::string::npos);
    const int last = s.lesson().X.rows - 1;
    for (int c = 0; c < s.lesson().X.cols; ++c) CHECK(s.lesson().X.at(last, c) == 0.0f);  // as it says
    for (int c = 0; c < s.trace().attention.K.cols; ++c) CHECK(s.trace().attention.K.at(last, c) == 0.0f);
    for (int c = 0; c < s.trace().attention.V.cols; ++c) CHECK(s.trace().attention.V.at(last, c) == 0.0f);
    CHECK(s.trace().attention.heads.front().weights.at(0, last) > 0.0f);  // it can still take weight
  }
  SUBCASE("with positions: only the position sets it apart") {
    lesson::Session s = lesson::Session();
    REQUIRE(s.apply(lesson::actions::SetPositional{lesson::Positional::Sinusoidal}) == "");
    CHECK(s.apply(lesson::actions::AddToken{"fish"}) == "");
    CHECK(s.lesson().notice.find("only its position vector sets it apart") != std::string::npos);
    const int last = s.lesson().X.rows - 1;
    float length = 0;
    for (int c = 0; c < s.lesson().X.cols; ++c) length += std::fabs(s.trace().XWithPositions.at(last, c));
    CHECK(length > 0.0f);
  }
  SUBCASE("vectors given directly") {
    lesson::Session s = lesson::Session();
    REQUIRE(s.apply(lesson::actions::LoadExample{"three-tokens"}) == "");
    CHECK(s.apply(lesson::actions::AddToken{"fish"}) == "");
    CHECK(s.lesson().notice.find("zero query, key and value") != std::string::npos);
    CHECK(s.trace().attention.heads.front().weights.at(0, 3) > 0.0f);
  }
}

TEST_CASE("the session describes each matrix once per change: names, editability, the emphasised row") {
  lesson::Session s = lesson::Session();
  REQUIRE(s.apply(lesson::actions::LoadExample{"bank-river"}) == "");
  const lesson::MatrixDescription& x = s.matrix(lesson::MatrixId::X);
  CHECK(x.rowNames == s.lesson().tokens);
  CHECK(x.columnNames.front() == s.lesson().dimensionLabels.front());
  CHECK(x.editable);
  CHECK(x.emphasisedRow == s.lesson().selected);
  CHECK(&s.matrix(lesson::MatrixId::X) == &x);  // the same description until the lesson changes
  const lesson::MatrixDescription& weights = s.matrix(lesson::MatrixId::Weights);
  CHECK_FALSE(weights.editable);
  CHECK(weights.columnNames == s.lesson().tokens);
  CHECK(lesson::cellName(weights, 1, 4) == "weights row 2 \"bank\", column 5 \"river\"");
  const lesson::MatrixDescription& wq = s.matrix(lesson::MatrixId::WQ);
  CHECK_FALSE(wq.rowsAreTokens);
  CHECK(wq.emphasisedRow == -1);
  REQUIRE(s.apply(lesson::actions::RenameToken{1, "shore"}) == "");
  CHECK(s.matrix(lesson::MatrixId::X).rowNames[1] == "shore");
  REQUIRE(s.apply(lesson::actions::SelectQuery{3}) == "");
  CHECK(s.matrix(lesson::MatrixId::Q).emphasisedRow == 3);
  // The decimals each editable entry needs, worked out once per change for the cells.
  REQUIRE(s.apply(lesson::actions::EditCell{lesson::MatrixId::X, 1, 2, 0.375f}) == "");
  CHECK(s.matrix(lesson::MatrixId::X).decimalsAt(1, 2) == 3);
  CHECK(s.matrix(lesson::MatrixId::X).decimalsAt(1, 0) == 2);  // 0.35
  CHECK(s.matrix(lesson::MatrixId::Weights).decimals.empty());
  const std::vector<std::pair<float, int>> needs = {
      {10.0f, 0}, {-12.125f, 3}, {0.00001f, 5}, {125.0f, 0}, {1.5e-5f, 6}};
  for (const auto& need : needs) {
    REQUIRE(s.apply(lesson::actions::EditCell{lesson::MatrixId::X, 0, 0, need.first}) == "");
    CHECK_MESSAGE(s.matrix(lesson::MatrixId::X).decimalsAt(0, 0) == need.second, need.first);
  }
}

TEST_CASE("actions are data: a log of them, kept and replayed on a fresh session, gives the same lesson") {
  const std::vector<lesson::Action> log = {lesson::actions::LoadExample{"bank-river"},
                                           lesson::actions::GoToStep{6},
                                           lesson::actions::EditCell{lesson::MatrixId::X, 1, 0, 0.5f},
                                           lesson::actions::SetMask{core::Mask::causal()},
                                           lesson::actions::SetTemperature{5000},  // refused: only the notice
                                           lesson::actions::AnswerQuiz{"q-test", true}};
  lesson::Session first, replayed;
  for (const lesson::Action& action : log) first.apply(action);
  const std::vector<lesson::Action> copy = log;
  for (const lesson::Action& action : copy) replayed.apply(action);
  CHECK(first.lesson() == replayed.lesson());
  CHECK(first.progress() == replayed.progress());
  CHECK(first.revision() == replayed.revision());
  CHECK(first.lesson().mask == core::Mask::causal());
  CHECK(std::string(lesson::actionName(log[3])) == "set the mask");
  CHECK(std::string(lesson::actionName(log[4])) == "set the temperature");
}

TEST_CASE("the positions' shift of the selected query's favourite is read off both traces") {
  lesson::Session s = lesson::Session();
  CHECK_FALSE(s.positionShift().moved);  // no positions yet
  const auto without = s.trace().attention.heads.front().weights;
  REQUIRE(s.apply(lesson::actions::SetPositional{lesson::Positional::Sinusoidal}) == "");
  const lesson::PositionShift& shift = s.positionShift();
  const int row = s.lesson().selected;
  const auto& with = s.trace().attention.heads.front().weights;
  REQUIRE(shift.moved);  // at d_model = 4 the positions take bank's weight elsewhere
  CHECK(shift.weightWith == doctest::Approx(with.at(row, shift.favouriteWith)));
  CHECK(shift.weightWithout == doctest::Approx(without.at(row, shift.favouriteWithout)));
  for (int j = 0; j < with.cols; ++j) {
    CHECK(with.at(row, j) <= shift.weightWith);
    CHECK(without.at(row, j) <= shift.weightWithout);
  }
  CHECK(shift.positionLength > 0.0f);
  CHECK(shift.embeddingLength > 0.0f);
}

TEST_CASE("a far position that looks more alike than a neighbour is found only where there is one") {
  const auto at = [](int n, int d) { return core::sinusoidalPositions(n, d).value(); };
  CHECK(lesson::farLookalike(at(6, 4)).first == -1);   // six positions in four columns: neighbours win
  const auto [p, q] = lesson::farLookalike(at(8, 4));  // seven or more: position 6 comes round again
  REQUIRE(p >= 0);
  CHECK(q - p >= 2);
  CHECK(lesson::farLookalike(at(16, 16)).first == -1);
}
