// challenge.h: the coding challenge. The learner writes attentionWeights(query, keys):
// scores q . k_j / sqrt(d), then a softmax. Hidden cases and their expected weights come
// from the core; a large-score case catches a softmax that forgets to subtract the max.
// The web page runs the learner's JavaScript in a worker and hands the answers back here;
// the desktop build asks for the weights of one small case as numbers.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lesson {

// Texts from the learner's code (what it threw, what it returned) are cut to this many
// bytes in a grade, at a character boundary, however long they arrive.
constexpr std::size_t kMaxChallengeTextBytes = 500;

struct ChallengeCase {
  std::vector<float> query;
  std::vector<std::vector<float>> keys;
  std::vector<double> expected;  // weights computed by the core
  bool largeScores = false;      // the naive exp overflows here
};

struct ChallengeGrade {
  bool passed = false;
  int passedCases = 0;
  int totalCases = 0;
  std::string message;
};

std::vector<ChallengeCase> challengeCases();
// {cases: [{query, keys}]}: what the page hands to the learner's function.
nlohmann::json challengeCasesToJson(const std::vector<ChallengeCase>& cases);
// answers: [[w...], ...] one per case, where an entry can also be {error: "what it threw"}
// or {returned: "what it returned instead"}; or {error} for all. Oversized input is refused
// without being read: more answers than cases, more weights than a case has keys.
ChallengeGrade gradeChallenge(const std::vector<ChallengeCase>& cases, const nlohmann::json& answers);

// The desktop version: one small case whose weights the learner enters by hand.
ChallengeCase handCase();
ChallengeGrade gradeHandAnswer(const ChallengeCase& handCase, const std::vector<float>& entered);

const char* challengeStarterCode();

}  // namespace lesson
