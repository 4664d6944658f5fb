// challenge_test.cpp: the challenge grader on its own. Right answers pass; wrong shapes are
// explained; oversized input (millions of weights, megabyte error texts, more answers than
// cases) is refused or cut without being copied into the grade, which stays short and valid.
#include "lesson/content/challenge.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "lesson/model/actions.h"
#include "lesson/model/progress.h"
#include "lesson/model/session.h"
#include "lesson/model/text_rules.h"
#include "text/utf8.h"

using json::Json;

namespace {

json::Json rightAnswers(const std::vector<lesson::ChallengeCase>& cases) {
  json::Json answers = json::Json::array();
  for (const auto& c : cases) answers.push_back(c.expected);
  return answers;
}

// A grade's message must be short and valid UTF-8.
void checkShortAndValid(const lesson::ChallengeGrade& grade) {
  CHECK(grade.message.size() < 2 * lesson::kMaxChallengeTextBytes);
  CHECK(text::countCodePoints(grade.message) >= 0);
}

}  // namespace

TEST_CASE("the expected weights pass and one wrong case is named") {
  const auto cases = lesson::challengeCases();
  const auto right = lesson::gradeChallenge(cases, rightAnswers(cases));
  CHECK(right.passed);
  CHECK(right.passedCases == static_cast<int>(cases.size()));
  json::Json answers = rightAnswers(cases);
  answers[1] = json::Json::array({0.5, 0.5});
  const auto wrong = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.message.find("Case 2: expected") != std::string::npos);
}

TEST_CASE("two million weights for one case are refused by their count") {
  const auto cases = lesson::challengeCases();
  json::Json answers = rightAnswers(cases);
  answers[0] = std::vector<double>(2000000, 0.25);
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(grade.passed);
  CHECK(grade.message.find("got 2000000") != std::string::npos);
  checkShortAndValid(grade);
}

TEST_CASE("a two-megabyte error text is cut, whether for one case or for all") {
  const auto cases = lesson::challengeCases();
  const std::string huge(2000000, 'x');
  json::Json answers = rightAnswers(cases);
  answers[0] = json::Json::object({{"error", huge}});
  const auto one = lesson::gradeChallenge(cases, answers);
  CHECK(one.message.find("Case 1: your function threw: xxx") != std::string::npos);
  checkShortAndValid(one);
  const auto all = lesson::gradeChallenge(cases, json::Json::object({{"error", huge}}));
  CHECK(all.message.rfind("Your code did not run: xxx", 0) == 0);
  checkShortAndValid(all);
}

TEST_CASE("a long text of multi-byte characters is cut between characters") {
  const auto cases = lesson::challengeCases();
  std::string accents;
  for (int k = 0; k < 100000; ++k) accents += "é€😀";  // 2, 3 and 4 bytes
  for (std::size_t skip = 0; skip < 4; ++skip) {
    CAPTURE(skip);
    const auto grade = lesson::gradeChallenge(cases, json::Json::object({{"error", std::string(skip, 'a') + accents}}));
    checkShortAndValid(grade);
  }
}

TEST_CASE("more answers than cases are refused without being read") {
  const auto cases = lesson::challengeCases();
  json::Json answers = rightAnswers(cases);
  for (int k = 0; k < 100000; ++k) answers.push_back(json::Json::array({1.0}));
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(grade.passed);
  CHECK(grade.message == "The page could not collect your function's answers.");
}

TEST_CASE("what the function returned instead of weights is explained, and cut") {
  const auto cases = lesson::challengeCases();
  json::Json answers = rightAnswers(cases);
  answers[2] = json::Json::object({{"returned", "a BigInt, not an array"}});
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK(grade.message == "5 of 6 cases pass. Case 3: your function returned a BigInt, not an array.");
  answers[2] = json::Json::object({{"returned", std::string(1000000, 'y')}});
  checkShortAndValid(lesson::gradeChallenge(cases, answers));
}

// Level 2: attention(Q, K, V). Answers are made here in double, as a learner's JavaScript
// would compute them, with switches for the usual shortcuts.
namespace {

using Rows = std::vector<std::vector<float>>;

struct Shortcuts {
  bool noScaling = false;    // scores q . k without dividing by sqrt(d_k)
  bool naiveExp = false;     // exp(score) without subtracting the row's largest score
  bool oneMaximum = false;   // one maximum, of the whole score matrix, subtracted from every row
  bool weightsOnly = false;  // the weights, never multiplied by V
  bool transposed = false;   // the right output, columns and rows swapped
};

json::Json learnerOutput(const Rows& Q, const Rows& K, const Rows& V, Shortcuts s = {}) {
  std::vector<std::vector<double>> out;
  double matrixTop = -INFINITY;
  for (const auto& q : Q)
    for (const auto& k : K) {
      double dot = 0;
      for (size_t c = 0; c < q.size(); ++c) dot += static_cast<double>(q[c]) * k[c];
      matrixTop = std::max(matrixTop, s.noScaling ? dot : dot / std::sqrt(static_cast<double>(q.size())));
    }
  for (const auto& q : Q) {
    std::vector<double> scores;
    for (const auto& k : K) {
      double dot = 0;
      for (size_t c = 0; c < q.size(); ++c) dot += static_cast<double>(q[c]) * k[c];
      scores.push_back(s.noScaling ? dot : dot / std::sqrt(static_cast<double>(q.size())));
    }
    double top = scores[0], total = 0;
    for (double v : scores) top = std::max(top, v);
    if (s.oneMaximum) top = matrixTop;
    for (double& v : scores) total += (v = std::exp(s.naiveExp ? v : v - top));
    for (double& v : scores) v /= total;
    if (s.weightsOnly) {
      out.push_back(scores);
      continue;
    }
    std::vector<double> row(V[0].size(), 0.0);
    for (size_t j = 0; j < V.size(); ++j)
      for (size_t c = 0; c < row.size(); ++c) row[c] += scores[j] * V[j][c];
    out.push_back(row);
  }
  json::Json answer = json::Json::array();
  if (s.transposed) {
    for (size_t c = 0; c < out[0].size(); ++c) {
      json::Json column = json::Json::array();
      for (const auto& row : out) column.push_back(row[c]);
      answer.push_back(column);
    }
    return answer;
  }
  for (const auto& row : out) {
    json::Json r = json::Json::array();
    for (double v : row) r.push_back(std::isfinite(v) ? json::Json(v) : json::Json());  // as the page sends NaN
    answer.push_back(r);
  }
  return answer;
}

json::Json learnerAnswers(const std::vector<lesson::OutputCase>& cases, Shortcuts s = {}) {
  json::Json answers = json::Json::array();
  for (const auto& c : cases) answers.push_back(learnerOutput(c.Q, c.K, c.V, s));
  return answers;
}

}  // namespace

TEST_CASE("level 2 cases cover the shapes the brief asks for") {
  const auto cases = lesson::outputCases();
  bool moreQueries = false, fewerQueries = false, otherWidth = false, singleKey = false, large = false;
  for (const auto& c : cases) {
    CHECK(c.expected.size() == c.Q.size());
    CHECK(c.expected[0].size() == c.V[0].size());
    CHECK(c.K.size() == c.V.size());
    moreQueries |= c.Q.size() > c.K.size();
    fewerQueries |= c.Q.size() < c.K.size();
    otherWidth |= c.V[0].size() != c.K[0].size();
    singleKey |= c.K.size() == 1;
    large |= c.largeScores;
  }
  CHECK((moreQueries && fewerQueries && otherWidth && singleKey && large));
  const json::Json sent = lesson::outputCasesToJson(cases);
  CHECK(sent["cases"].size() == cases.size());
  CHECK(sent["cases"][0].contains("V"));
  CHECK_FALSE(sent["cases"][0].contains("expected"));
}

TEST_CASE("a correct level 2 answer passes; the usual shortcuts fail with a clear message") {
  const auto cases = lesson::outputCases();
  const auto right = lesson::gradeOutputChallenge(cases, learnerAnswers(cases));
  CHECK(right.passed);
  CHECK(right.passedCases == 5);
  CHECK(right.message.rfind("All 5 hidden cases match", 0) == 0);

  Shortcuts noScaling;
  noScaling.noScaling = true;
  const auto unscaled = lesson::gradeOutputChallenge(cases, learnerAnswers(cases, noScaling));
  CHECK_FALSE(unscaled.passed);
  CHECK(unscaled.message.find("Case 1: row 1: got [") != std::string::npos);
  CHECK(unscaled.message.find("expected") == std::string::npos);  // a wrong try never hands over the answer

  Shortcuts naive;
  naive.naiveExp = true;
  const auto overflow = lesson::gradeOutputChallenge(cases, learnerAnswers(cases, naive));
  CHECK(overflow.message ==
        "4 of 5 cases pass. Case 5: row 1 holds NaN or Infinity: exp() of a large score "
        "overflows. Subtract the largest score of each row before exponentiating.");

  // One maximum for the whole matrix: the first row is whole, the second underflows to 0/0.
  Shortcuts oneMaximum;
  oneMaximum.oneMaximum = true;
  const auto underflow = lesson::gradeOutputChallenge(cases, learnerAnswers(cases, oneMaximum));
  CHECK(underflow.message.find("Case 5: row 2 holds NaN: its scores are all far below the largest score of the "
                               "whole matrix, so after subtracting that one maximum every exp() underflows to 0") !=
        std::string::npos);

  Shortcuts weights;
  weights.weightsOnly = true;
  const auto notMixed = lesson::gradeOutputChallenge(cases, learnerAnswers(cases, weights));
  CHECK(notMixed.passedCases == 0);
  CHECK(notMixed.message.find("Case 1: expected a 2 x 3 matrix (a row per query, a column per value entry), got "
                              "2 x 4: a column per key, as the weights have. Multiply the weights by V.") !=
        std::string::npos);

  // More rows than queries are refused by their count; the page's worker names the shape (3 x 2).
  Shortcuts transposed;
  transposed.transposed = true;
  const auto swapped = lesson::gradeOutputChallenge(cases, learnerAnswers(cases, transposed));
  CHECK_FALSE(swapped.passed);
  CHECK(swapped.message.find("Case 1: expected a 2 x 3 matrix (a row per query, a column per value entry), got 3 "
                             "rows.") != std::string::npos);
}

TEST_CASE("level 2 explains wrong shapes and wrong numbers, naming the row") {
  const auto cases = lesson::outputCases();
  json::Json answers = learnerAnswers(cases);
  answers[0] = json::Json::array({json::Json::array({0.0, 0.0, 0.0})});
  CHECK(lesson::gradeOutputChallenge(cases, answers).message ==
        "4 of 5 cases pass. Case 1: expected a 2 x 3 matrix (a row per query, a column per value entry), got 1 x 3.");
  answers[0] = json::Json::array({json::Json::array({0.0, 0.0}), json::Json::array({0.0})});
  CHECK(lesson::gradeOutputChallenge(cases, answers).message.find("got 2 rows of different lengths.") !=
        std::string::npos);
  answers[0] = json::Json::array({json::Json::array({0.0, 0.0, 0.0}), 7});
  CHECK(lesson::gradeOutputChallenge(cases, answers).message.find("got row 2 that is not an array.") !=
        std::string::npos);
  answers[0] = json::Json::object({{"shape", "3 x 2"}});
  CHECK(lesson::gradeOutputChallenge(cases, answers)
            .message.find("per value entry), got 3 x 2, the expected shape with") != std::string::npos);
  answers[0] = 5;
  CHECK(lesson::gradeOutputChallenge(cases, answers).message.find("must return an array of rows") != std::string::npos);

  answers = learnerAnswers(cases);
  answers[3][0][1] = 0.25;
  const std::string message = lesson::gradeOutputChallenge(cases, answers).message;
  CHECK(message.find("Case 4: row 1: got [") != std::string::npos);
  CHECK(message.find("entry 2, 0.2500, is too ") != std::string::npos);

  answers = learnerAnswers(cases);
  answers[1][2][0] = nullptr;  // NaN, not in the large case
  CHECK(lesson::gradeOutputChallenge(cases, answers).message ==
        "4 of 5 cases pass. Case 2: row 3 holds something that is not a finite number (NaN or Infinity?).");

  // Each entry is held to 1e-6.
  answers = learnerAnswers(cases);
  answers[0][1][2] = answers[0][1][2].asNumber() + 5e-7;
  CHECK(lesson::gradeOutputChallenge(cases, answers).passed);
  answers[0][1][2] = answers[0][1][2].asNumber() + 5e-6;
  CHECK_FALSE(lesson::gradeOutputChallenge(cases, answers).passed);
}

TEST_CASE("an oversized level 2 answer is refused by its size, and long texts are cut") {
  const auto cases = lesson::outputCases();
  json::Json answers = learnerAnswers(cases);
  answers[0] = json::Json::Array(1000000, json::Json::array({1.0, 2.0, 3.0}));
  const auto manyRows = lesson::gradeOutputChallenge(cases, answers);
  CHECK(manyRows.message.find("got 1000000 rows.") != std::string::npos);
  checkShortAndValid(manyRows);
  answers[0] = json::Json::array({std::vector<double>(2000000, 0.5), json::Json::array({1.0, 2.0, 3.0})});
  const auto wideRow = lesson::gradeOutputChallenge(cases, answers);
  CHECK(wideRow.message.find("got 2 rows of different lengths.") != std::string::npos);
  checkShortAndValid(wideRow);
  answers[0][1] = answers[0][0];
  const auto wideRows = lesson::gradeOutputChallenge(cases, answers);
  CHECK(wideRows.message.find("got 2 x 2000000.") != std::string::npos);
  checkShortAndValid(wideRow);
  answers = learnerAnswers(cases);
  for (int k = 0; k < 100000; ++k) answers.push_back(json::Json::array());
  CHECK(lesson::gradeOutputChallenge(cases, answers).message == "The page could not collect your function's answers.");
  answers = learnerAnswers(cases);
  answers[4] = json::Json::object({{"returned", std::string(1000000, 'z')}});
  checkShortAndValid(lesson::gradeOutputChallenge(cases, answers));
  checkShortAndValid(lesson::gradeOutputChallenge(cases, json::Json::object({{"error", std::string(1000000, 'e')}})));
}

TEST_CASE("the level 2 starter runs the right shape but is wrong") {
  const std::string starter = lesson::outputStarterCode();
  CHECK(starter.find("function attention(Q, K, V)") != std::string::npos);
  // The starter returns zeros of the right shape: the first message names row 1 of case 1.
  const auto cases = lesson::outputCases();
  json::Json zeros = json::Json::array();
  for (const auto& c : cases) {
    json::Json rows = json::Json::array();
    for (size_t r = 0; r < c.Q.size(); ++r) rows.push_back(json::Json(std::vector<double>(c.V[0].size(), 0.0)));
    zeros.push_back(rows);
  }
  const auto grade = lesson::gradeOutputChallenge(cases, zeros);
  CHECK(grade.passedCases == 0);
  CHECK(grade.message.find("0 of 5 cases pass. Case 1: row 1: got [") != std::string::npos);
  CHECK(grade.message.find("got [0.0000, 0.0000, 0.0000]") != std::string::npos);
}

TEST_CASE("the desktop level 2: the output vector by hand, to two decimals") {
  const auto c = lesson::handOutputCase();
  REQUIRE(c.expected.size() == 1);
  REQUIRE(c.expected[0].size() == 2);
  const json::Json mine = learnerOutput(c.Q, c.K, c.V);
  const float o1 = std::round(static_cast<float>(mine[0][0].asNumber()) * 100) / 100,
              o2 = std::round(static_cast<float>(mine[0][1].asNumber()) * 100) / 100;
  CHECK(o1 == doctest::Approx(0.72f));
  CHECK(o2 == doctest::Approx(0.86f));
  const auto right = lesson::gradeHandOutput(c, {o1, o2});
  CHECK(right.passed);
  CHECK(right.message.rfind("Right", 0) == 0);
  const auto wrong = lesson::gradeHandOutput(c, {0.14f, 0.28f});  // two of the weights, not the output
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.message.rfind("Not yet: row 1: got [0.1400, 0.2800]: entry 1, 0.1400, is too low", 0) == 0);
  CHECK(wrong.message.find("0.71") == std::string::npos);             // the answer is not in the message
  CHECK_FALSE(lesson::gradeHandOutput(c, {o1 + 0.007f, o2}).passed);  // "to two decimals": within 0.005
  CHECK_FALSE(lesson::gradeHandOutput(c, {std::nanf(""), 0.86f}).passed);
  CHECK_FALSE(lesson::gradeHandOutput(c, {0.72f}).passed);
}

TEST_CASE("level 2 progress is stored, merged, reset, and old records still load") {
  lesson::Progress p;
  p.challenge2Done = true;
  const json::Json saved = lesson::progressToJson(p);
  CHECK(saved["challenge2Done"].isBool());
  CHECK(saved["challenge2Done"].asBool());
  CHECK(saved["challengeDone"].isBool());
  CHECK_FALSE(saved["challengeDone"].asBool());
  lesson::Progress loaded;
  REQUIRE(lesson::progressFromJson(saved, loaded));
  CHECK(loaded == p);

  lesson::Progress old;
  old.challengeDone = true;
  REQUIRE(lesson::progressFromText(R"({"stepsSeen": ["why"], "challengeDone": true})", old).empty());
  CHECK(old.challengeDone);
  CHECK_FALSE(old.challenge2Done);
  CHECK(lesson::progressFromText(R"({"stepsSeen": [], "challenge2Done": "yes"})", old) ==
        "the progress record does not have the expected fields");

  lesson::Progress other;
  CHECK(lesson::mergeProgress(other, p));
  CHECK(other.challenge2Done);
  CHECK_FALSE(lesson::mergeProgress(other, p));

  lesson::Session s = lesson::Session();
  CHECK(s.apply(lesson::actions::RecordChallenge{false, 2}) == "");
  CHECK_FALSE(s.progress().challenge2Done);
  CHECK(s.apply(lesson::actions::RecordChallenge{true, 2}) == "");
  CHECK(s.progress().challenge2Done);
  CHECK_FALSE(s.progress().challengeDone);
  CHECK(s.apply(lesson::actions::RecordChallenge{false, 2}) == "");
  CHECK(s.progress().challenge2Done);  // a later failure does not undo a pass
  CHECK(s.apply(lesson::actions::StartOver{99}) == "");
  CHECK_FALSE(s.progress().challenge2Done);
}
