// edit_goal.h: a goal for the steps that invite editing vectors: "make "bank" attend most to
// "was"". The goal is picked once, when the learner arrives (the key the query now weights
// least), and stays while they edit; whether it is reached is read from the current trace.
#pragma once

#include <string>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

struct EditGoal {
  int query = -1;  // -1: no goal (fewer than two keys the query can see)
  int key = -1;
};

// For `query`: the key it now weights least among those it can see, itself left out (the
// first of equals). Head 1's weights.
EditGoal pickEditGoal(const LessonTrace& trace, int query);
// False when the goal no longer fits the lesson: its tokens are gone, or a mask now hides its
// key from the query (no edit of vectors could reach it then; a new goal is picked).
bool goalReachable(const LessonTrace& trace, const EditGoal& goal);
// True when the goal's key has a larger weight than every other key of the query's row.
bool goalReached(const LessonTrace& trace, const EditGoal& goal);
// The goal and where it stands, in one line computed from the trace: "Goal: make "bank" attend
// most to "was". Now "was" gets 0.06 and "river" leads with 0.35." A goal that no longer fits
// the sentence is said to be so.
std::string goalText(const LessonState& state, const LessonTrace& trace, const EditGoal& goal);

}  // namespace lesson
