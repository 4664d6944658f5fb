// challenge.cpp: hidden cases, expected weights from the core, and grading.
#include "lesson/content/challenge.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "core/attention.h"
#include "text/utf8.h"

namespace lesson {

namespace {

constexpr double kTolerance = 1e-6;              // absolute, per weight
constexpr double kHandTolerance = 0.005 + 1e-6;  // "to two decimals": the rounded value, with room for float input

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
  return text::cutAtCharacter(text, kMaxChallengeTextBytes) + "…";
}

// The text under `key` when the answer is {key: "text"}, else nullptr.
const std::string* textField(const json::Json& answer, const char* key) {
  if (!answer.isObject()) return nullptr;
  const json::Json* found = answer.find(key);
  return found && found->isString() ? &found->asString() : nullptr;
}

// What is wrong with numbers that do not match: the learner's own numbers and the first one
// off, and which way, but never the expected values, so a wrong try does not hand over the
// answer (a function could otherwise return it for these inputs).
std::string firstMiss(const std::vector<double>& expected, const std::vector<double>& got, double tolerance,
                      const char* what) {
  for (size_t k = 0; k < got.size(); ++k) {
    if (std::fabs(got[k] - expected[k]) <= tolerance) continue;
    char number[32];
    std::snprintf(number, sizeof number, "%.4f", got[k]);
    return "got " + listText(got) + ": " + what + " " + std::to_string(k + 1) + ", " + number + ", is too " +
           (got[k] > expected[k] ? "high" : "low");
  }
  return {};
}

// "" when the answer matches, otherwise what went wrong. A list longer than the case's keys
// is refused by its size before any of it is read.
std::string checkAnswer(const ChallengeCase& c, const json::Json& answer, double tolerance) {
  if (const std::string* thrown = textField(answer, "error")) return "your function threw: " + learnerText(*thrown);
  if (const std::string* returned = textField(answer, "returned"))
    return "your function returned " + learnerText(*returned);
  if (!answer.isArray()) return "your function must return an array of weights";
  if (answer.size() != c.expected.size())
    return "expected " + std::to_string(c.expected.size()) + " weights, got " + std::to_string(answer.size());
  std::vector<double> got;
  for (const auto& value : answer) {
    if (!value.isNumber()) {
      if (c.largeScores)
        return "got NaN or Infinity: exp() of a large score overflows. Subtract the largest score before "
               "exponentiating";
      return "got something that is not a finite number (NaN or Infinity?)";
    }
    got.push_back(value.asNumber());
  }
  return firstMiss(c.expected, got, tolerance, "weight");
}

// Grades `count` cases with check(k, answer) ("" when case k matches) and names the first
// problem. One function for both levels (not a template), which keeps the page smaller.
ChallengeGrade gradeCases(std::size_t count, const json::Json& answers,
                          const std::function<std::string(std::size_t, const json::Json&)>& check) {
  ChallengeGrade grade;
  grade.totalCases = static_cast<int>(count);
  if (const std::string* error = textField(answers, "error")) {
    grade.message = "Your code did not run: " + learnerText(*error);
    return grade;
  }
  if (!answers.isArray() || answers.size() != count) {
    grade.message = "The page could not collect your function's answers.";
    return grade;
  }
  std::string firstProblem;
  for (std::size_t k = 0; k < count; ++k) {
    const std::string problem = check(k, answers[k]);
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

// Level 2 ------------------------------------------------------------------------------

core::Matrix toMatrix(const std::vector<std::vector<float>>& rows) {
  core::Matrix m(static_cast<int>(rows.size()), static_cast<int>(rows[0].size()));
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows[r].size(); ++c) m.at(static_cast<int>(r), static_cast<int>(c)) = rows[r][c];
  return m;
}

// `count` rows of `width` numbers, read from `values` onwards.
std::vector<std::vector<float>> takeRows(const float*& values, int count, int width) {
  std::vector<std::vector<float>> rows;
  for (int r = 0; r < count; ++r, values += width) rows.emplace_back(values, values + width);
  return rows;
}

// A case from one list of numbers: the rows of Q, then those of K, then those of V. (A list of
// numbers rather than nested braces: each braced vector costs the page code of its own.)
OutputCase makeOutputCase(int queries, int keys, int dK, int dV, const float* values, bool large = false) {
  OutputCase c;
  c.Q = takeRows(values, queries, dK);
  c.K = takeRows(values, keys, dK);
  c.V = takeRows(values, keys, dV);
  c.largeScores = large;
  const auto traced = core::attend(toMatrix(c.Q), toMatrix(c.K), toMatrix(c.V));
  const core::Matrix& out = traced.value().output;  // the cases below are valid inputs
  for (int r = 0; r < out.rows; ++r) c.expected.emplace_back(out.rowData(r), out.rowData(r) + out.cols);
  return c;
}

std::string shapeText(std::size_t rows, std::size_t cols) {
  return std::to_string(rows) + " x " + std::to_string(cols);
}

// The message for an answer of the wrong shape, `got` ("3 x 2", "3 rows", ...), with a hint
// when the shape is that of two usual slips: the weights, or the output transposed.
std::string wrongShape(const OutputCase& c, const std::string& got) {
  const std::size_t rows = c.expected.size(), cols = c.expected[0].size(), keys = c.K.size();
  std::string text = "expected a " + shapeText(rows, cols) +
                     " matrix (a row per query, a column per value entry), got " + learnerText(got);
  if (keys != cols && got == shapeText(rows, keys))
    text += ": a column per key, as the weights have. Multiply the weights by V";
  else if (rows != cols && got == shapeText(cols, rows))
    text += ", the expected shape with rows and columns swapped";
  return text;
}

// "" when the matrix has the expected shape, otherwise what shape it has. The row count is
// compared before any row is read; then only the rows' lengths are, never their entries.
std::string checkShape(const OutputCase& c, const json::Json& answer) {
  const std::size_t rows = c.expected.size(), cols = c.expected[0].size();
  if (answer.size() > rows) return wrongShape(c, std::to_string(answer.size()) + " rows");
  std::size_t width = 0;
  bool sameWidth = true;
  for (std::size_t r = 0; r < answer.size(); ++r) {
    if (!answer[r].isArray()) return wrongShape(c, "row " + std::to_string(r + 1) + " that is not an array");
    if (r > 0 && answer[r].size() != width) sameWidth = false;
    width = answer[r].size();
  }
  if (answer.size() == rows && sameWidth && width == cols) return {};
  return wrongShape(
      c, sameWidth ? shapeText(answer.size(), width) : std::to_string(answer.size()) + " rows of different lengths");
}

// The largest scaled score q . k / sqrt(d_k) of query row `row`, in doubles as JavaScript has them.
double largestScore(const OutputCase& c, std::size_t row) {
  double largest = -INFINITY;
  for (const auto& key : c.K) {
    double dot = 0;
    for (std::size_t i = 0; i < key.size(); ++i) dot += static_cast<double>(c.Q[row][i]) * key[i];
    largest = std::max(largest, dot / std::sqrt(static_cast<double>(key.size())));
  }
  return largest;
}

// True when row `row` went NaN the way one maximum over the whole matrix makes it: the rows
// before it came out whole (so the learner subtracted something), and even this row's largest
// score is so far below the matrix's that exp() of the difference is 0 in doubles (below
// about -745), so every weight is 0/0.
bool underflowsWithOneMaximum(const OutputCase& c, std::size_t row) {
  double matrixLargest = -INFINITY;
  for (std::size_t r = 0; r < c.Q.size(); ++r) matrixLargest = std::max(matrixLargest, largestScore(c, r));
  return row > 0 && std::exp(largestScore(c, row) - matrixLargest) == 0.0;
}

std::string checkOutput(const OutputCase& c, const json::Json& answer, double tolerance) {
  if (const std::string* thrown = textField(answer, "error")) return "your function threw: " + learnerText(*thrown);
  if (const std::string* shape = textField(answer, "shape")) return wrongShape(c, *shape);
  if (const std::string* returned = textField(answer, "returned"))
    return "your function returned " + learnerText(*returned);
  if (!answer.isArray()) return "your function must return an array of rows, one per query";
  if (std::string problem = checkShape(c, answer); !problem.empty()) return problem;
  for (std::size_t r = 0; r < answer.size(); ++r) {
    std::vector<double> got;
    for (const auto& value : answer[r]) {
      if (!value.isNumber()) {
        if (c.largeScores && underflowsWithOneMaximum(c, r))
          return "row " + std::to_string(r + 1) + " holds NaN: its scores are all far below the largest score of " +
                 "the whole matrix, so after subtracting that one maximum every exp() underflows to 0 and the " +
                 "weights are 0/0. Subtract each row's own largest score";
        if (c.largeScores)
          return "row " + std::to_string(r + 1) + " holds NaN or Infinity: exp() of a large score overflows. " +
                 "Subtract the largest score of each row before exponentiating";
        return "row " + std::to_string(r + 1) + " holds something that is not a finite number (NaN or Infinity?)";
      }
      got.push_back(value.asNumber());
    }
    if (std::string miss = firstMiss(c.expected[r], got, tolerance, "entry"); !miss.empty())
      return "row " + std::to_string(r + 1) + ": " + miss;
  }
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

json::Json challengeCasesToJson(const std::vector<ChallengeCase>& cases) {
  json::Json list = json::Json::array();
  for (const auto& c : cases) list.push_back(json::Json::object({{"query", c.query}, {"keys", c.keys}}));
  return json::Json::object({{"cases", list}});
}

ChallengeGrade gradeChallenge(const std::vector<ChallengeCase>& cases, const json::Json& answers) {
  return gradeCases(cases.size(), answers,
                    [&](std::size_t k, const json::Json& answer) { return checkAnswer(cases[k], answer, kTolerance); });
}

ChallengeCase handCase() { return makeCase({1, 2}, {{1, 0}, {0, 1}, {1, 1}}); }

ChallengeGrade gradeHandAnswer(const ChallengeCase& c, const std::vector<float>& entered) {
  ChallengeGrade grade;
  grade.totalCases = 1;
  json::Json answer = json::Json::array();
  for (float v : entered) answer.push_back(std::isfinite(v) ? json::Json(v) : json::Json());
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

std::vector<OutputCase> outputCases() {
  // Two queries, four keys; d_k = 2, d_v = 3.
  static const float kTwoByFour[] = {1, 0, 0.5f, -1,                                 // Q
                                     1, 1, 0,    2,  -1, 0.5f, 2, -1,                // K
                                     1, 0, 2,    0,  1,  -1,   3, 1,  0, -1, 2, 1};  // V
  // Three queries, two keys; d_k = 4, one value entry.
  static const float kMoreQueries[] = {1, 2, 0, -1, 0, 0, 1,  1, -2, 0.5f, 1, 0,  // Q
                                       1, 0, 1, 0,  0, 1, -1, 2,                  // K
                                       2, -1};                                    // V
  // A single key: every query gives all its weight to it.
  static const float kOneKey[] = {0.5f, 1, -3, 2, 1, -1, 0.25f, -2, 1.5f};
  // Fractions (exact in binary, so the cases read cleanly), one query.
  static const float kFractions[] = {0.375f, -0.75f, 0.25f,                                             // Q
                                     0.25f,  0.875f, -0.125f, -0.625f, 0.5f, 1,    0.5f, -0.5f, 0.25f,  // K
                                     1.5f,   -0.5f,  0.25f,   2,       -1,   0.75f};                    // V
  // Scores in the thousands: exp() without subtracting the max overflows.
  static const float kLarge[] = {60, 60, -40, 55, 60, 60, 59, 61, -40, 55, 1, 2, 3, -1, 0, 0.5f};
  return {makeOutputCase(2, 4, 2, 3, kTwoByFour), makeOutputCase(3, 2, 4, 1, kMoreQueries),
          makeOutputCase(2, 1, 2, 3, kOneKey), makeOutputCase(1, 3, 3, 2, kFractions),
          makeOutputCase(2, 3, 2, 2, kLarge, true)};
}

json::Json outputCasesToJson(const std::vector<OutputCase>& cases) {
  json::Json list = json::Json::array();
  for (const auto& c : cases) list.push_back(json::Json::object({{"Q", c.Q}, {"K", c.K}, {"V", c.V}}));
  return json::Json::object({{"cases", list}});
}

ChallengeGrade gradeOutputChallenge(const std::vector<OutputCase>& cases, const json::Json& answers) {
  return gradeCases(cases.size(), answers,
                    [&](std::size_t k, const json::Json& answer) { return checkOutput(cases[k], answer, kTolerance); });
}

// handCase()'s query and keys, with three easy values.
OutputCase handOutputCase() {
  static const float kHand[] = {1, 2, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1};
  return makeOutputCase(1, 3, 2, 2, kHand);
}

ChallengeGrade gradeHandOutput(const OutputCase& c, const std::vector<float>& entered) {
  ChallengeGrade grade;
  grade.totalCases = 1;
  json::Json row = json::Json::array();
  for (float v : entered) row.push_back(std::isfinite(v) ? json::Json(v) : json::Json());
  const std::string problem = checkOutput(c, json::Json::array({row}), kHandTolerance);
  grade.passed = problem.empty();
  grade.passedCases = grade.passed ? 1 : 0;
  grade.message = grade.passed ? "Right: this is the output the core computes, to two decimals."
                               : "Not yet: " + problem +
                                     ". The output is w1 v1 + w2 v2 + w3 v3, with the weights "
                                     "of level 1.";
  return grade;
}

const char* outputStarterCode() {
  // Lines of at most 40 characters, so they fit the code box on a phone.
  return "// attention(Q, K, V) returns one row\n"
         "// per query (a row of Q) and one\n"
         "// column per value entry (V's width).\n"
         "// For each query q:\n"
         "//  1. scores: q . k / sqrt(d_k) for\n"
         "//     each key k (a row of K)\n"
         "//  2. weights: a softmax of the scores\n"
         "//     (subtract the largest first)\n"
         "//  3. output row: the sum over keys j\n"
         "//     of weight_j times V[j]\n"
         "// Helpers are welcome here: write\n"
         "// them above, or paste your\n"
         "// attentionWeights from level 1.\n"
         "function attention(Q, K, V) {\n"
         "  // Zeros for now: write the steps.\n"
         "  return Q.map(q => V[0].map(v => 0));\n"
         "}\n";
}

json::Json challengeCasesJson(int level) {
  return level == 2 ? outputCasesToJson(outputCases()) : challengeCasesToJson(challengeCases());
}

ChallengeGrade gradeChallengeText(int level, const std::string& answersText) {
  const auto parsed = json::Json::parse(answersText);
  const json::Json answers = parsed ? *parsed : json::Json::object({{"error", "no answers"}});
  return level == 2 ? gradeOutputChallenge(outputCases(), answers) : gradeChallenge(challengeCases(), answers);
}

json::Json gradeToJson(const ChallengeGrade& grade) {
  return json::Json::object({{"passed", grade.passed},
                             {"passedCases", grade.passedCases},
                             {"totalCases", grade.totalCases},
                             {"message", grade.message}});
}

}  // namespace lesson
