// edit_goal.cpp: picking a goal for an edit, and reading from the trace whether it is reached.
#include "lesson/model/edit_goal.h"

#include <cmath>

#include "text/decimals.h"
#include "text/join.h"

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
  return text::join({"\"", state.tokens[static_cast<size_t>(token)], "\""});
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

bool goalReachable(const LessonTrace& trace, const EditGoal& goal) {
  const core::Matrix* weights = weightsOf(trace);
  return weights && fits(*weights, goal) &&
         trace.attention.heads.front().maskedScores.at(goal.query, goal.key) != -INFINITY;
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
      text::join({"Goal: make ", quoted(state, goal.query), " attend most to ", quoted(state, goal.key), head, "."});
  int rival = -1;  // the strongest other key
  for (int j = 0; j < weights->cols; ++j)
    if (j != goal.key && (rival < 0 || weights->at(goal.query, j) > weights->at(goal.query, rival))) rival = j;
  // Two decimals, or more where two decimals would print the two weights alike.
  const float mine = weights->at(goal.query, goal.key), theirs = weights->at(goal.query, rival);
  int decimals = 2;
  while (decimals < 6 && text::fixedDecimals(mine, decimals) == text::fixedDecimals(theirs, decimals)) ++decimals;
  const std::string a = text::fixedDecimals(mine, decimals), b = text::fixedDecimals(theirs, decimals);
  if (goalReached(trace, goal))
    return text::join({aim, " Done: ", quoted(state, goal.key), " now gets ", a,
                       ", more than any other key (the next, ", quoted(state, rival), ", gets ", b, ")."});
  return text::join({aim, " Now ", quoted(state, goal.key), " gets ", a, "; the strongest other key, ",
                     quoted(state, rival), ", gets ", b, ". Edit the numbers or drag the tips."});
}

}  // namespace lesson
