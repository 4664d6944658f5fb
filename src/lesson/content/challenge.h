// challenge.h: the coding challenge, in two levels. Level 1: the learner writes
// attentionWeights(query, keys): scores q . k_j / sqrt(d), then a softmax. Level 2: the
// learner writes attention(Q, K, V), the whole output softmax(Q K^T / sqrt(d_k)) V. Hidden
// cases and their expected answers come from the core; a large-score case catches a softmax
// that forgets to subtract the max. The web page runs the learner's JavaScript in a worker
// and hands the answers back here; the desktop build asks for one small case as numbers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "json/json.h"

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
json::Json challengeCasesToJson(const std::vector<ChallengeCase>& cases);
// answers: [[w...], ...] one per case, where an entry can also be {error: "what it threw"}
// or {returned: "what it returned instead"}; or {error} for all. Oversized input is refused
// without being read: more answers than cases, more weights than a case has keys.
ChallengeGrade gradeChallenge(const std::vector<ChallengeCase>& cases, const json::Json& answers);

// The desktop version: one small case whose weights the learner enters by hand.
ChallengeCase handCase();
ChallengeGrade gradeHandAnswer(const ChallengeCase& handCase, const std::vector<float>& entered);

const char* challengeStarterCode();

// Level 2: the attention output of a whole Q, K, V (no mask, scaled by sqrt(d_k)).
struct OutputCase {
  std::vector<std::vector<float>> Q, K, V;    // rows are queries, keys and values
  std::vector<std::vector<double>> expected;  // the core's output: Q.size() rows of V[0].size()
  bool largeScores = false;                   // the naive exp overflows here
};

std::vector<OutputCase> outputCases();
// {cases: [{Q, K, V}]}: what the page hands to the learner's attention(Q, K, V).
json::Json outputCasesToJson(const std::vector<OutputCase>& cases);
// answers: one per case, each a matrix [[...], ...] or {error}, {returned} or {shape: "3 x 2"}
// (the worker's words for a matrix too large to send); or {error} for all. Oversized input is
// refused without being read: more answers than cases, more rows than the case has queries,
// more entries in a row than V has columns.
ChallengeGrade gradeOutputChallenge(const std::vector<OutputCase>& cases, const json::Json& answers);

// The desktop version of level 2: handCase()'s query and keys, with three values of two
// numbers each; the learner enters the output vector.
OutputCase handOutputCase();
ChallengeGrade gradeHandOutput(const OutputCase& handCase, const std::vector<float>& entered);

const char* outputStarterCode();

// The page's side of both levels (1: weights, 2: the whole output), as the bridge forwards it:
// the hidden cases handed to the learner's function (the expected answers stay here), and the
// grade of the answers the page's sandbox sent back, as JSON text (text that is not JSON is
// graded as {error: "no answers"}).
json::Json challengeCasesJson(int level);
ChallengeGrade gradeChallengeText(int level, const std::string& answersText);
// {passed, passedCases, totalCases, message}.
json::Json gradeToJson(const ChallengeGrade& grade);

}  // namespace lesson
