// value_change.h: what attention did to one token, in words. Its output is a blend of the
// values; set beside its own value, dimension by dimension, it shows what the token took in
// from the others ("bank: nature 0.35 -> 0.54, ...").
#pragma once

#include <string>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// Names of the value (and output) columns: the embedding's dimension names when W_V keeps
// them (see dimension_names.h), otherwise "dim 1", "dim 2", ...
std::vector<std::string> valueColumnNames(const LessonState& state, const LessonTrace& trace);
bool valuesKeepDimensionNames(const LessonState& state);
// The token's own value and its output, column by column, then its largest gain and loss:
// "\"bank\": nature 0.35 → 0.54, ... Its largest gain is in nature (+0.19), its largest loss in money (-0.19)."
std::string describeValueChange(const LessonState& state, const LessonTrace& trace, int token);

}  // namespace lesson
