// what_if.h: the traces views set beside the lesson's own, to compare: the same state with
// one setting switched, or another example sentence. Computed from the same core.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// The learner's state with the division by the square root of d_k set to `scale`.
LessonTrace traceWithScale(const LessonState& state, bool scale);
// An example sentence with its trace, computed once: the lesson's data, never the learner's.
struct Example {
  LessonState state;
  LessonTrace trace;
};
// "bank" by the river and "bank" with money: the same vector and weights, other neighbours.
const std::vector<Example>& bankSentences();

// What the positions do to the selected query's favourite key: the key with the largest weight
// (averaged over the heads) without and with them, and how long the position vectors are
// beside the embeddings (mean row lengths). `moved` is false without positions or when the
// favourite stays.
struct PositionShift {
  bool moved = false;
  int favouriteWithout = -1, favouriteWith = -1;
  float weightWithout = 0, weightWith = 0;
  float embeddingLength = 0, positionLength = 0;
  std::pair<int, int> farLookalike{-1, -1};  // farLookalike(positions) below
};
PositionShift positionShift(const LessonState& state, const LessonTrace& trace);

// Two positions whose encodings are more alike (by cosine) than `near`'s is with its own next
// neighbour, though `far` is further off: {near, far}, or {-1, -1} when every position is most
// like a neighbour. With few columns the slow waves are missing and a far position can repeat.
std::pair<int, int> farLookalike(const core::Matrix& positions);

// A word as a learner means it: lower case, without punctuation at either end ("River." is "river").
std::string plainWord(const std::string& token);
// The index of the first token named `name` (compared as typed: case and trailing punctuation
// ignored), or -1.
int findToken(const LessonState& state, const std::string& name);

}  // namespace lesson
