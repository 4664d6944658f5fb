// json_io.h: lesson state <-> JSON, and the JSON form of matrices. Parsing never
// throws: bad input comes back as a message naming the field and the problem.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "lesson/state.h"
#include "lesson/trace.h"

namespace lesson {

// Serialises without throwing: invalid UTF-8 from user text is replaced, not fatal.
std::string dumpJson(const nlohmann::json& value);

// Scores hidden by a mask (-inf) are written as null, since JSON has no infinity.
// shortestNumbers writes each float as the shortest decimal that reads back as it (for links).
nlohmann::json matrixToJson(const core::Matrix& m, bool shortestNumbers = false);
// Reads an array of equal-length arrays of finite numbers; returns an error or "".
std::string matrixFromJson(const nlohmann::json& value, const std::string& name, core::Matrix& out);

// Optional fields of a request or state patch: absent leaves `out` as it is; a wrong type
// or a non-finite number is an error naming the field.
std::string readBoolField(const nlohmann::json& object, const char* key, bool& out);
std::string readFiniteField(const nlohmann::json& object, const char* key, float& out);

// The state alone: what a share link or saved progress needs to rebuild the lesson.
// compactNumbers writes each float as the shortest decimal that reads back as the same
// float ("0.1" rather than "0.10000000149011612"), which keeps links short.
nlohmann::json stateToJson(const LessonState& state, bool compactNumbers = false);
// The shortest decimal (as a double) that rounds to exactly this float.
double shortestFloat(float value);
// The shortest decimal text that reads back as this float ("0.1", not "0.100000001").
std::string shortestFloatText(float value);
// The state plus every matrix of its trace: what getState() returns.
nlohmann::json stateWithTraceToJson(const LessonState& state, const LessonTrace& trace);

// Applies a partial state given as JSON. Whole or nothing: on any problem the state is
// untouched and the message says why.
std::string applyStateJson(LessonState& state, const nlohmann::json& patch);
std::string applyStateText(LessonState& state, const std::string& text);

}  // namespace lesson
