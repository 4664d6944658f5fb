// edits.h: every change a learner can make, as functions on the lesson state.
// Each returns an empty string on success, or a message and leaves the state as it was.
#pragma once

#include <cstdint>
#include <string>

#include "lesson/content/steps.h"
#include "lesson/model/state.h"

namespace lesson {

bool isEditable(const LessonState& state, MatrixId id);
core::Matrix* editableMatrix(LessonState& state, MatrixId id);

// Parses typed text as a number; refuses letters, inf, nan and anything outside +-1000.
std::string parseEntryText(const std::string& text, float& value);

// Multiplies query `row` by `factor` (switching to vectors given directly, as an edit of Q
// does); refused when an entry would pass the lesson's limit.
std::string scaleQuery(LessonState& state, int row, float factor);
std::string setEntry(LessonState& state, MatrixId id, int row, int col, float value);
std::string resetMatrix(LessonState& state, MatrixId id);  // back to the preset's values

std::string addToken(LessonState& state, const std::string& token);
std::string removeToken(LessonState& state, int index);
std::string renameToken(LessonState& state, int index, const std::string& token);
std::string setModelWidth(LessonState& state, int dModel);
std::string setKeyWidth(LessonState& state, int dK);
std::string setHeads(LessonState& state, int heads);
// The head count to use when the learner asks for `requested` (the +/- buttons step by one):
// the nearest count from there, in the direction of the change, that divides d_k and d_v.
// Falls back to the current count when there is none.
int headCountToward(const LessonState& state, int requested);
std::string setTemperature(LessonState& state, float temperature);
std::string setStep(LessonState& state, int step);

// Q, K, V become given directly, copied from the current projection (used when a
// learner edits a derived Q, K or V cell).
void switchToDirect(LessonState& state);
// Back to Q, K, V projected from X (refused when this example has no embeddings).
std::string switchToProjected(LessonState& state);

}  // namespace lesson
