// challenge_test.cpp: the challenge grader on its own. Right answers pass; wrong shapes are
// explained; oversized input (millions of weights, megabyte error texts, more answers than
// cases) is refused or cut without being copied into the grade, which stays short and valid.
#include "lesson/challenge.h"

#include <doctest/doctest.h>

#include <string>

using nlohmann::json;

namespace {

json rightAnswers(const std::vector<lesson::ChallengeCase>& cases) {
  json answers = json::array();
  for (const auto& c : cases) answers.push_back(c.expected);
  return answers;
}

// A grade's message must be short and valid UTF-8 (dump() throws on anything else).
void checkShortAndValid(const lesson::ChallengeGrade& grade) {
  CHECK(grade.message.size() < 2 * lesson::kMaxChallengeTextBytes);
  CHECK_NOTHROW((void)json(grade.message).dump());
}

}  // namespace

TEST_CASE("the expected weights pass and one wrong case is named") {
  const auto cases = lesson::challengeCases();
  const auto right = lesson::gradeChallenge(cases, rightAnswers(cases));
  CHECK(right.passed);
  CHECK(right.passedCases == static_cast<int>(cases.size()));
  json answers = rightAnswers(cases);
  answers[1] = json::array({0.5, 0.5});
  const auto wrong = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(wrong.passed);
  CHECK(wrong.message.find("Case 2: expected") != std::string::npos);
}

TEST_CASE("two million weights for one case are refused by their count") {
  const auto cases = lesson::challengeCases();
  json answers = rightAnswers(cases);
  answers[0] = json::array();
  answers[0].get_ref<json::array_t&>().assign(2000000, 0.25);
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(grade.passed);
  CHECK(grade.message.find("got 2000000") != std::string::npos);
  checkShortAndValid(grade);
}

TEST_CASE("a two-megabyte error text is cut, whether for one case or for all") {
  const auto cases = lesson::challengeCases();
  const std::string huge(2000000, 'x');
  json answers = rightAnswers(cases);
  answers[0] = {{"error", huge}};
  const auto one = lesson::gradeChallenge(cases, answers);
  CHECK(one.message.find("Case 1: your function threw: xxx") != std::string::npos);
  checkShortAndValid(one);
  const auto all = lesson::gradeChallenge(cases, json{{"error", huge}});
  CHECK(all.message.rfind("Your code did not run: xxx", 0) == 0);
  checkShortAndValid(all);
}

TEST_CASE("a long text of multi-byte characters is cut between characters") {
  const auto cases = lesson::challengeCases();
  std::string accents;
  for (int k = 0; k < 100000; ++k) accents += "é€😀";  // 2, 3 and 4 bytes
  for (std::size_t skip = 0; skip < 4; ++skip) {
    CAPTURE(skip);
    const auto grade = lesson::gradeChallenge(cases, json{{"error", std::string(skip, 'a') + accents}});
    checkShortAndValid(grade);
  }
}

TEST_CASE("more answers than cases are refused without being read") {
  const auto cases = lesson::challengeCases();
  json answers = rightAnswers(cases);
  for (int k = 0; k < 100000; ++k) answers.push_back(json::array({1.0}));
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK_FALSE(grade.passed);
  CHECK(grade.message == "The page could not collect your function's answers.");
}

TEST_CASE("what the function returned instead of weights is explained, and cut") {
  const auto cases = lesson::challengeCases();
  json answers = rightAnswers(cases);
  answers[2] = {{"returned", "a BigInt, not an array"}};
  const auto grade = lesson::gradeChallenge(cases, answers);
  CHECK(grade.message == "5 of 6 cases pass. Case 3: your function returned a BigInt, not an array.");
  answers[2] = {{"returned", std::string(1000000, 'y')}};
  checkShortAndValid(lesson::gradeChallenge(cases, answers));
}
