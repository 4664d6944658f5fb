// challenge.cpp: hidden cases, expected weights from the core, and grading.
#include "lesson/challenge.h"

#include <cmath>
#include <cstdio>

#include "core/attention.h"

namespace lesson {

namespace {

constexpr double kTolerance = 1e-6;  // absolute, per weight
constexpr double kHandTolerance = 0.01;

std::vector<double> coreWeights(const std::vector<float>& query, const std::vector<std::vector<float>>& keys) {
  core::Matrix Q(1, static_cast<int>(query.size()));
  Q.values = query;
  core::Matrix K(static_cast<int>(keys.size()), static_cast<int>(query.size()));
  for (size_t j = 0; j < keys.size(); ++j)
    for (size_t c = 0; c < query.size(); ++c) K.at(static_cast<int>(j), static_cast<int>(c)) = keys[j][c];
  const core::Matrix scaled = core::divideScores(core::scores(Q, K), core::scaleDivisorFor(Q.cols, true, 1.0f));
  const core::Matrix w = core::softmaxRows(scaled);
  return std::vector<double>(w.values.begin(), w.values.end());
}

ChallengeCase makeCase(std::vector<float> query, std::vector<std::vector<float>> keys, bool large = false) {
  ChallengeCase c{std::move(query), std::move(keys), {}, large};
  c.expected = coreWeights(c.query, c.keys);
  return c;
}

std::string listText(const std::vector<double>& values) {
  std::string text = "[";
  char number[32];
  for (size_t k = 0; k < values.size(); ++k) {
    std::snprintf(number, sizeof number, "%.4f", values[k]);
    text += (k ? ", " : "") + std::string(number);
  }
  return text + "]";
}

// The learner's text, cut at a UTF-8 character boundary so the grade stays short and valid.
std::string learnerText(const std::string& text) {
  if (text.size() <= kMaxChallengeTextBytes) return text;
  std::size_t end = kMaxChallengeTextBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// The text under `key` when the answer is {key: "text"}, else nullptr.
const std::string* textField(const nlohmann::json& answer, const char* key) {
  if (!answer.is_object()) return nullptr;
  const auto found = answer.find(key);
  return found != answer.end() && found->is_string() ? found->get_ptr<const std::string*>() : nullptr;
}

// "" when the answer matches, otherwise what went wrong. A list longer than the case's keys
// is refused by its size before any of it is read.
std::string checkAnswer(const ChallengeCase& c, const nlohmann::json& answer, double tolerance) {
  if (const std::string* thrown = textField(answer, "error")) return "your function threw: " + learnerText(*thrown);
  if (const std::string* returned = textField(answer, "returned"))
    return "your function returned " + learnerText(*returned);
  if (!answer.is_array()) return "your function must return an array of weights";
  if (answer.size() != c.expected.size())
    return "expected " + std::to_string(c.expected.size()) + " weights, got " + std::to_string(answer.size());
  std::vector<double> got;
  for (const auto& value : answer) {
    if (!value.is_number()) {
      if (c.largeScores)
        return "got NaN or Infinity: exp() of a large score overflows. Subtract the largest score before "
               "exponentiating";
      return "got something that is not a finite number (NaN or Infinity?)";
    }
    got.push_back(value.get<double>());
  }
  for (size_t k = 0; k < got.size(); ++k)
    if (!(std::fabs(got[k] - c.expected[k]) <= tolerance))
      return "expected " + listText(c.expected) + ", got " + listText(got);
  return {};
}

}  // namespace

std::vector<ChallengeCase> challengeCases() {
  return {
      makeCase({1, 0, 1, 0}, {{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}}),
      makeCase({0.5f, -1.5f}, {{2, 1}, {-1, 0.5f}, {0, 0}, {3, -2}}),
      makeCase({1, 2, 3}, {{1, 2, 3}}),
      makeCase({0.3f, 0.1f, -0.7f, 0.2f, 0.9f, -0.4f},
               {{0.2f, 0.8f, -0.1f, 0.5f, 0.3f, 0.0f}, {-0.6f, 0.4f, 0.9f, -0.2f, 0.1f, 0.7f}}),
      makeCase({60, 60}, {{60, 60}, {59, 61}, {-60, 10}}, true),
      makeCase({-40, 55, 70}, {{-40, 55, 70}, {40, 55, 70}, {0, 0, 0}}, true),
  };
}

nlohmann::json challengeCasesToJson(const std::vector<ChallengeCase>& cases) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : cases) list.push_back({{"query", c.query}, {"keys", c.keys}});
  return {{"cases", list}};
}

ChallengeGrade gradeChallenge(const std::vector<ChallengeCase>& cases, const nlohmann::json& answers) {
  ChallengeGrade grade;
  grade.totalCases = static_cast<int>(cases.size());
  if (const std::string* error = textField(answers, "error")) {
    grade.message = "Your code did not run: " + learnerText(*error);
    return grade;
  }
  if (!answers.is_array() || answers.size() != cases.size()) {
    grade.message = "The page could not collect your function's answers.";
    return grade;
  }
  std::string firstProblem;
  for (size_t k = 0; k < cases.size(); ++k) {
    const std::string problem = checkAnswer(cases[k], answers[k], kTolerance);
    if (problem.empty())
      ++grade.passedCases;
    else if (firstProblem.empty())
      firstProblem = "Case " + std::to_string(k + 1) + ": " + problem + ".";
  }
  grade.passed = grade.passedCases == grade.totalCases;
  grade.message = grade.passed ? "All " + std::to_string(grade.totalCases) +
                                     " hidden cases match the C++ core, including the large scores. Well done."
                               : std::to_string(grade.passedCases) + " of " + std::to_string(grade.totalCases) +
                                     " cases pass. " + firstProblem;
  return grade;
}

ChallengeCase handCase() { return makeCase({1, 2}, {{1, 0}, {0, 1}, {1, 1}}); }

ChallengeGrade gradeHandAnswer(const ChallengeCase& c, const std::vector<float>& entered) {
  ChallengeGrade grade;
  grade.totalCases = 1;
  nlohmann::json answer = nlohmann::json::array();
  for (float v : entered) answer.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr));
  const std::string problem = checkAnswer(c, answer, kHandTolerance);
  grade.passed = problem.empty();
  grade.passedCases = grade.passed ? 1 : 0;
  grade.message = grade.passed ? "Right: these are the weights the core computes, to two decimals."
                               : "Not yet: " + problem + ". Scores are q . k / sqrt(2); then softmax.";
  return grade;
}

const char* challengeStarterCode() {
  return "// Return the attention weights of one query over the keys:\n"
         "// scores q.k / sqrt(d), then a softmax that sums to 1.\n"
         "function attentionWeights(query, keys) {\n"
         "  const d = query.length;\n"
         "  const scores = keys.map(k => k.reduce((s, x, i) => s + x * query[i], 0) / Math.sqrt(d));\n"
         "  const exps = scores.map(s => Math.exp(s));\n"
         "  const total = exps.reduce((a, b) => a + b, 0);\n"
         "  return exps.map(e => e / total);\n"
         "}\n";
}

}  // namespace lesson
