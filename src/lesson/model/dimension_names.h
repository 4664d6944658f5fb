// dimension_names.h: what the columns of Q, K, V and the output stand for. The embedding's
// dimensions have names ("nature", "money", ...); a projection keeps them when it only scales
// each dimension (a square, diagonal W), and mixes them into "dim 1", "dim 2", ... otherwise.
#pragma once

#include <string>
#include <vector>

#include "core/matrix.h"
#include "lesson/model/state.h"

namespace lesson {

// True when `projection` is square and diagonal, so column c of X times it is a scaled copy of
// embedding dimension c (also after the vectors were edited directly: they stay in that space).
bool projectionKeepsNames(const LessonState& state, const core::Matrix& projection);
// `count` column names for vectors made with `projection`: the embedding's names when the
// projection keeps them, otherwise "dim 1", "dim 2", ...
std::vector<std::string> projectedColumnNames(const LessonState& state, const core::Matrix& projection, int count);

}  // namespace lesson
