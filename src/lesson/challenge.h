// challenge.h: the coding challenge. The learner writes attentionWeights(query, keys):
// scores q . k_j / sqrt(d), then a softmax. Hidden cases and their expected weights come
// from the core; a large-score case catches a softmax that forgets to subtract the max.
// The web page runs the learner's JavaScript in a worker and hands the answers back here;
// the desktop build asks for the weights of one small case as numbers.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lesson {

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
// answers: [[w...], ...] one per case, or an entry {error: "..."}, or {error} for all.
ChallengeGrade gradeChallenge(const std::vector<ChallengeCase>& cases, const nlohmann::json& answers);

// The desktop version: one small case whose weights the learner enters by hand.
ChallengeCase handCase();
ChallengeGrade gradeHandAnswer(const ChallengeCase& handCase, const std::vector<float>& entered);

const char* challengeStarterCode();

}  // namespace lesson
