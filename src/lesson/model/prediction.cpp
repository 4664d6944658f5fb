// prediction.cpp: the steps' questions, the checks on a guess and the one line of feedback,
// each read from the current trace.
#include "lesson/model/prediction.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "lesson/model/value_change.h"
#include "lesson/model/vector_plane.h"
#include "text/decimals.h"
#include "text/join.h"

namespace lesson {

namespace {

std::string quoted(const LessonState& state, int token) {
  return text::join({"\"", state.tokens[static_cast<size_t>(token)], "\""});
}

std::string number(float value) { return text::fixedDecimals(value); }

bool isIndex(float value, int count) {
  return std::isfinite(value) && value == std::floor(value) && value >= 0 && value < static_cast<float>(count);
}

// Head 1's weights, or those of the head a value column belongs to.
const core::Matrix& weightsOfColumn(const LessonTrace& trace, int column) {
  const auto& heads = trace.attention.heads;
  const int perHead = trace.attention.V.cols / std::max(1, static_cast<int>(heads.size()));
  const int head = perHead > 0 ? std::min(column / perHead, static_cast<int>(heads.size()) - 1) : 0;
  return heads[static_cast<size_t>(head)].weights;
}

int largestIn(const std::vector<float>& values) {
  return static_cast<int>(std::max_element(values.begin(), values.end()) - values.begin());
}

std::string listOf(const LessonState& state, const std::vector<int>& tokens) {
  std::vector<std::string> names;
  for (int token : tokens) names.push_back(quoted(state, token));
  return text::listWithAnd(names);
}

std::string topKeyFeedback(const LessonState& state, const LessonTrace& trace, const Guess& guess) {
  const core::Matrix& scores = traceMatrix(trace, MatrixId::Scores, 0);
  const int picked = static_cast<int>(guess.values[0]);
  const std::vector<int> tops = topKeys(trace, guess.query);
  const std::string head = trace.attention.heads.size() > 1 ? "In head 1, " : "";
  const std::string best = number(scores.at(guess.query, tops.front()));
  if (std::find(tops.begin(), tops.end(), picked) != tops.end())
    return text::join({head, "Right: no key scores higher with the query of ", quoted(state, guess.query), " than ",
                       quoted(state, picked), " (", best, ")."});
  return text::join({head, listOf(state, tops), tops.size() > 1 ? " score" : " scores", " highest (", best,
                     "); your pick, ", quoted(state, picked), ", scores ", number(scores.at(guess.query, picked)),
                     "."});
}

std::string visibleKeysFeedback(const LessonState& state, const Guess& guess) {
  const int n = static_cast<int>(state.tokens.size());
  std::vector<int> extra, missing;
  for (int j = 0; j < n; ++j) {
    const bool picked = guess.values[static_cast<size_t>(j)] > 0.5f;
    if (picked && !causallyVisible(guess.query, j)) extra.push_back(j);
    if (!picked && causallyVisible(guess.query, j)) missing.push_back(j);
  }
  const std::string who = quoted(state, guess.query);
  if (extra.empty() && missing.empty())
    return text::join({"Right: a causal mask lets ", who, " see itself and every token before it, ",
                       std::to_string(guess.query + 1), guess.query == 0 ? " key" : " keys", " in all."});
  std::string extras, missed;
  if (!extra.empty())
    extras = text::join({"; ", listOf(state, extra), extra.size() > 1 ? " come" : " comes", " after it"});
  if (!missing.empty()) {
    const bool self = std::find(missing.begin(), missing.end(), guess.query) != missing.end();
    missed = text::join({"; you left out ", listOf(state, missing),
                         self ? (missing.size() > 1 ? ", itself included" : ", itself") : ""});
  }
  return text::join(
      {"A causal mask lets ", who, " see itself and every token before it, none after", extras, missed, "."});
}

std::string weightRowLine(const LessonState& state, const LessonTrace& trace, const Guess& guess);

// With several heads, the weights are head 1's, and the line says so.
std::string weightRowFeedback(const LessonState& state, const LessonTrace& trace, const Guess& guess) {
  const std::string inHead = trace.attention.heads.size() > 1 ? "In head 1: " : "";
  return text::join({inHead, weightRowLine(state, trace, guess)});
}

std::string weightRowLine(const LessonState& state, const LessonTrace& trace, const Guess& guess) {
  const auto& head = trace.attention.heads.front();
  if (head.rowFullyHidden[static_cast<size_t>(guess.query)])
    return text::join(
        {"Every key is hidden from ", quoted(state, guess.query), " by the mask: its weights are all 0."});
  const core::Matrix& weights = head.weights;
  std::vector<float> row(static_cast<size_t>(weights.cols));
  for (int j = 0; j < weights.cols; ++j) row[static_cast<size_t>(j)] = weights.at(guess.query, j);
  float apart = 0;
  for (size_t j = 0; j < row.size(); ++j) apart += std::fabs(row[j] - guess.values[j]);
  apart /= static_cast<float>(row.size());
  const int truth = largestIn(row);
  const std::string off = text::join({" Your bars are ", number(apart), " from the weights on average."});
  // The tallest bars of the guess and of the truth: one each, several of equal height, or all.
  const auto tallestOf = [](const std::vector<float>& values) {
    std::vector<int> at;
    const float top = *std::max_element(values.begin(), values.end());
    for (size_t j = 0; j < values.size(); ++j)
      if (values[j] == top) at.push_back(static_cast<int>(j));
    return at;
  };
  const std::vector<int> tallest = tallestOf(guess.values), heaviest = tallestOf(row);
  const std::string top = number(row[static_cast<size_t>(truth)]);
  const std::string largest = text::join(
      {"the largest weight goes to ", listOf(state, heaviest), ", ", top, heaviest.size() > 1 ? " each." : "."});
  if (tallest == heaviest)
    return text::join({"Right about the tallest: ", listOf(state, tallest), tallest.size() > 1 ? " get" : " gets",
                       " the largest weight, ", top, ".", off});
  if (tallest.size() == guess.values.size()) return text::join({"Your bars are all equal; ", largest, off});
  return text::join({tallest.size() > 1 ? "Your tallest bars are " : "Your tallest bar is ", listOf(state, tallest),
                     "; ", largest, off});
}

std::string outputFeedback(const LessonState& state, const LessonTrace& trace, const Guess& guess) {
  const int column = static_cast<int>(guess.values[0]);
  const float guessed = guess.values[1];
  const std::string name = valueColumnNames(state, trace)[static_cast<size_t>(column)];
  const float output = trace.attention.concatenated.at(guess.query, column);
  const core::Matrix& weights = weightsOfColumn(trace, column);
  const std::string who = quoted(state, guess.query);
  std::vector<float> row(static_cast<size_t>(weights.cols));
  for (int j = 0; j < weights.cols; ++j) row[static_cast<size_t>(j)] = weights.at(guess.query, j);
  const float total = std::accumulate(row.begin(), row.end(), 0.0f);
  if (total == 0)
    return text::join(
        {"Every key is hidden from ", who, ", so its output is 0 on ", name, "; you guessed ", number(guessed), "."});
  // The key whose share w_j v_j of the sum is largest (ties named together), and "close" as a
  // share of the line the values span, whatever their scale.
  const core::Matrix& V = trace.attention.V;
  std::vector<float> shares(row.size());
  float low = 0, high = 0;
  for (size_t j = 0; j < row.size(); ++j) {
    shares[j] = std::fabs(row[j] * V.at(static_cast<int>(j), column));
    low = std::min(low, V.at(static_cast<int>(j), column));
    high = std::max(high, V.at(static_cast<int>(j), column));
  }
  const float biggest = *std::max_element(shares.begin(), shares.end());
  std::vector<int> pulls;
  for (size_t j = 0; j < shares.size(); ++j)
    if (shares[j] == biggest) pulls.push_back(static_cast<int>(j));
  const int pull = pulls.front();
  const float gap = std::fabs(output - guessed);
  const bool close = gap <= 0.05f * std::max(high - low, 1e-6f);
  const std::string line =
      text::join({close ? "Close: the" : "The", " output of ", who, " lands at ", number(output), " on ", name, ", ",
                  number(gap), " from your guess (", number(guessed), "): a weighted average of the values."});
  if (biggest == 0) return line;
  return text::join({line, " The largest share, weight ", number(row[static_cast<size_t>(pull)]), " times value ",
                     number(V.at(pull, column)), pulls.size() > 1 ? ", comes from each of " : ", comes from ",
                     listOf(state, pulls), "."});
}

}  // namespace

const std::vector<PredictionQuestion>& predictionQuestions() {
  static const std::vector<PredictionQuestion> questions = {
      {"scores", GuessKind::TopKey},
      {"mask", GuessKind::VisibleKeys},
      {"softmax", GuessKind::WeightRow},
      {"weighted-sum", GuessKind::OutputPosition},
  };
  return questions;
}

const PredictionQuestion* predictionQuestion(const std::string& stepId) {
  for (const auto& question : predictionQuestions())
    if (stepId == question.stepId) return &question;
  return nullptr;
}

std::string predictionPrompt(GuessKind kind, const LessonState& state, const LessonTrace& trace, int query) {
  const std::string who = quoted(state, query);
  const std::string inHead = trace.attention.heads.size() > 1 ? " in head 1" : "";
  switch (kind) {
    case GuessKind::TopKey:
      return text::join(
          {"Guess first: which key will score highest with the query of ", who, inHead, "? Pick a token."});
    case GuessKind::VisibleKeys:
      return text::join({"Guess first: with a causal mask on, which keys can ", who, " still see? Pick each one."});
    case GuessKind::WeightRow:
      return text::join({"Guess first: drag the bars to the weights you expect for ", who, inHead,
                         ". They will be scaled to add up to 1."});
    case GuessKind::OutputPosition:
      return text::join({"Guess first: where will the output of ", who, " land on ",
                         valueColumnNames(state, trace)[static_cast<size_t>(outputGuessColumn(trace, query))],
                         "? Drag the marker. The ticks are the values, with their weights."});
  }
  return {};
}

std::string checkGuess(GuessKind kind, const LessonState& state, const Guess& guess) {
  const int n = static_cast<int>(state.tokens.size());
  if (guess.query < 0 || guess.query >= n) return "the guess is for a token the sentence does not have";
  if (!std::all_of(guess.values.begin(), guess.values.end(), [](float v) { return std::isfinite(v); }))
    return "a guess must be made of finite numbers";
  switch (kind) {
    case GuessKind::TopKey:
      if (guess.values.size() != 1 || !isIndex(guess.values[0], n)) return "pick one of the sentence's tokens";
      return {};
    case GuessKind::VisibleKeys:
      if (guess.values.size() != static_cast<size_t>(n)) return "give one answer for each token";
      if (!std::all_of(guess.values.begin(), guess.values.end(), [](float v) { return v == 0 || v == 1; }))
        return "each token is either picked (1) or not (0)";
      return {};
    case GuessKind::WeightRow:
      if (guess.values.size() != static_cast<size_t>(n)) return "give one bar for each token";
      if (!std::all_of(guess.values.begin(), guess.values.end(), [](float v) { return v >= 0 && v <= 1; }))
        return "each bar is between 0 and 1";
      if (std::all_of(guess.values.begin(), guess.values.end(), [](float v) { return v == 0; }))
        return "give at least one bar some height";
      return {};
    case GuessKind::OutputPosition: {
      const int width = state.V.empty() ? state.dK : state.V.cols;
      if (guess.values.size() != 2 || !isIndex(guess.values[0], width)) return "the guess names no value column";
      if (std::fabs(guess.values[1]) > 1e6f) return "the guessed position is too far out";
      return {};
    }
  }
  return "unknown question";
}

Guess normalisedGuess(GuessKind kind, Guess guess) {
  if (kind != GuessKind::WeightRow) return guess;
  const float sum = std::accumulate(guess.values.begin(), guess.values.end(), 0.0f);
  if (sum > 0)
    for (float& v : guess.values) v /= sum;
  return guess;
}

std::string guessSentence(const LessonState& state) {
  std::string sentence;
  for (const auto& token : state.tokens) sentence += (sentence.empty() ? "" : " ") + token;
  return sentence;
}

std::string guessFeedback(GuessKind kind, const LessonState& state, const LessonTrace& trace, const Guess& guess) {
  if (!trace.ok) return {};
  if (!checkGuess(kind, state, guess).empty() || (!guess.sentence.empty() && guess.sentence != guessSentence(state)) ||
      (kind == GuessKind::OutputPosition && guess.values[0] >= static_cast<float>(trace.attention.V.cols)))
    return "Your guess was made for another sentence: guess again to compare.";
  switch (kind) {
    case GuessKind::TopKey:
      return topKeyFeedback(state, trace, guess);
    case GuessKind::VisibleKeys:
      return visibleKeysFeedback(state, guess);
    case GuessKind::WeightRow:
      return weightRowFeedback(state, trace, guess);
    case GuessKind::OutputPosition:
      return outputFeedback(state, trace, guess);
  }
  return {};
}

std::vector<int> topKeys(const LessonTrace& trace, int query) {
  const core::Matrix& scores = traceMatrix(trace, MatrixId::Scores, 0);
  std::vector<int> tops;
  if (query < 0 || query >= scores.rows) return tops;
  float best = -INFINITY;
  for (int j = 0; j < scores.cols; ++j) best = std::max(best, scores.at(query, j));
  for (int j = 0; j < scores.cols; ++j)
    if (scores.at(query, j) == best) tops.push_back(j);
  return tops;
}

bool causallyVisible(int query, int key) { return key <= query; }

int outputGuessColumn(const LessonTrace& trace, int query) { return valueAxes(trace, query).x; }

}  // namespace lesson
