// json_io.h: lesson state <-> JSON, and the JSON form of matrices. Parsing never
// throws: bad input comes back as a message naming the field and the problem.
#pragma once

#include <string>

#include "json/json.h"
#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// Scores hidden by a mask (-inf) are written as null, since JSON has no infinity.
// shortestNumbers writes each float as the shortest decimal that reads back as it (for links).
json::Json matrixToJson(const core::Matrix& m, bool shortestNumbers = false);
// Reads an array of equal-length arrays of finite numbers; returns an error or "".
std::string matrixFromJson(const json::Json& value, const std::string& name, core::Matrix& out);

// Optional fields of a request or state patch: absent leaves `out` as it is; a wrong type
// or a non-finite number is an error naming the field.
std::string readBoolField(const json::Json& object, const char* key, bool& out);
std::string readFiniteField(const json::Json& object, const char* key, float& out);

// The state alone: what a share link or saved progress needs to rebuild the lesson.
// compactNumbers writes each float as the shortest decimal that reads back as the same
// float ("0.1" rather than "0.10000000149011612"), which keeps links short.
json::Json stateToJson(const LessonState& state, bool compactNumbers = false);
// The cross-attention example as the state carries it: {pair, source, target, dimensionLabels,
// sourceX, targetX, WQ, WK, WV}.
json::Json crossToJson(const CrossExample& cross, bool compactNumbers = false);
// The shortest decimal (as a double) that rounds to exactly this float.
double shortestFloat(float value);
// The shortest decimal text that reads back as this float ("0.1", not "0.100000001").
std::string shortestFloatText(float value);
// The state plus every matrix of its trace: what getState() returns.
json::Json stateWithTraceToJson(const LessonState& state, const LessonTrace& trace);

// Applies a partial state given as JSON. Whole or nothing: on any problem the state is
// untouched and the message says why.
std::string applyStateJson(LessonState& state, const json::Json& patch);
std::string applyStateText(LessonState& state, const std::string& text);

}  // namespace lesson
