// edit_goal.cpp: picking a goal for an edit, and reading from the trace whether it is reached.
#include "lesson/model/edit_goal.h"

#include <cmath>

#include "text/decimals.h"

namespace lesson {

namespace {

const core::Matrix* weightsOf(const LessonTrace& trace) {
  if (!trace.ok || trace.attention.heads.empty()) return nullptr;
  return &trace.attention.heads.front().weights;
}

bool fits(const core::Matrix& weights, const EditGoal& goal) {
  return goal.query >= 0 && goal.query < weights.rows && goal.key >= 0 && goal.key < weights.cols &&
         goal.key != goal.query;
}

std::string quoted(const LessonState& state, int token) {
  return "\"" + state.tokens[static_cast<size_t>(token)] + "\"";
}

}  // namespace

EditGoal pickEditGoal(const LessonTrace& trace, int query) {
  const core::Matrix* weights = weightsOf(trace);
  EditGoal goal;
  if (!weights || query < 0 || query >= weights->rows) return goal;
  const auto& hidden = trace.attention.heads.front().maskedScores;
  for (int j = 0; j < weights->cols; ++j) {
    if (j == query || hidden.at(query, j) == -INFINITY) continue;
    if (goal.key < 0 || weights->at(query, j) < weights->at(query, goal.key)) goal.key = j;
  }
  if (goal.key >= 0) goal.query = query;
  return goal;
}

bool goalReached(const LessonTrace& trace, const EditGoal& goal) {
  const core::Matrix* weights = weightsOf(trace);
  if (!weights || !fits(*weights, goal)) return false;
  for (int j = 0; j < weights->cols; ++j)
    if (j != goal.key && weights->at(goal.query, j) >= weights->at(goal.query, goal.key)) return false;
  return true;
}

std::string goalText(const LessonState& state, const LessonTrace& trace, const EditGoal& goal) {
  const core::Matrix* weights = weightsOf(trace);
  if (!weights || !fits(*weights, goal) || goal.query >= static_cast<int>(state.tokens.size())) return {};
  const std::string head = trace.attention.heads.size() > 1 ? " in head 1" : "";
  const std::string aim =
      "Goal: make " + quoted(state, goal.query) + " attend most to " + quoted(state, goal.key) + head + ".";
  if (goalReached(trace, goal))
    return aim + " Done: " + quoted(state, goal.key) + " now gets " +
           text::fixedDecimals(weights->at(goal.query, goal.key)) + ", more than any other key.";
  int rival = -1;  // the strongest other key
  for (int j = 0; j < weights->cols; ++j)
    if (j != goal.key && (rival < 0 || weights->at(goal.query, j) > weights->at(goal.query, rival))) rival = j;
  return aim + " Now " + quoted(state, goal.key) + " gets " + text::fixedDecimals(weights->at(goal.query, goal.key)) +
         "; the strongest other key, " + quoted(state, rival) + ", gets " +
         text::fixedDecimals(weights->at(goal.query, rival)) + ". Edit the numbers or drag the tips.";
}

}  // namespace lesson
