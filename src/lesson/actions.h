// actions.h: the named changes a learner (or the page's API, a link, stored data, the
// desktop) can make to the lesson, each an Action for the one door, applyAction(). A view
// queues them while drawing; the bridge and the drivers apply them between frames.
#pragma once

#include <cstdint>
#include <string>

#include "core/mask.h"
#include "lesson/session.h"
#include "lesson/steps.h"

namespace lesson::actions {

// Tour and selection.
Action goToStep(int step);  // a step outside the tour is no change (the arrows stop at the ends)
Action selectQuery(int row);
Action selectPair(int row, int column);
Action selectKey(int column);

// Settings.
Action setScale(bool scale);
Action setMask(const core::Mask& mask);
Action setTemperature(float temperature);
Action loadExample(const std::string& presetId);  // keeps the step the learner is on
Action randomise(uint32_t seed);
Action setPositional(Positional positional);
Action reverseTokens();
Action shuffleTokens(uint32_t seed);
Action setTileSize(int keysPerTile);

// The sentence and the sizes.
Action renameToken(int index, const std::string& name);
Action addToken(const std::string& name);
Action removeToken(int index);
Action setModelWidth(int dModel);
Action setKeyWidth(int dK);
Action setHeadsToward(int requested);  // the nearest head count that divides d_k and d_v

// Matrices.
Action editCell(MatrixId matrix, int row, int column, float value);
Action resetMatrix(MatrixId matrix);
// Drags the tip of vector `row` of Q, K or V in a plane: two of its entries change at once.
Action moveVectorTip(MatrixId matrix, int row, int xColumn, float x, int yColumn, float y);
Action useProjections();

// Practice.
Action answerQuiz(const std::string& questionId, bool correct);
// level 1: the weights of one query; level 2: the whole output. A pass stays recorded.
Action recordChallenge(bool passed, int level = 1);

// Whole states and stored data.
Action applyStateText(const std::string& json);  // setState(); whole or nothing
Action openLink(const std::string& fragment);    // a share link; refused links keep the lesson
Action restoreState(const std::string& json);    // the lesson saved in storage
Action restoreProgress(const std::string& json);
Action mergeProgress(const std::string& json);  // another tab's progress; unreadable is no change
Action startOver(double startedAt);             // startedAt: ms since 1970, or 0

// A message for the learner and nothing else (a refused typed value, storage trouble).
Action showNotice(const std::string& message);

}  // namespace lesson::actions
