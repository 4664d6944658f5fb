// set_state_fuzz.cpp: libFuzzer target for setState; a refused patch must leave the state as it was.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/model/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lesson::LessonState state = lesson::defaultState();
  const auto before = lesson::stateToJson(state);
  const std::string error = lesson::applyStateText(state, std::string(reinterpret_cast<const char*>(data), size));
  if (!error.empty() && lesson::stateToJson(state) != before) __builtin_trap();
  if (error.empty() && !lesson::computeTrace(state).ok) __builtin_trap();  // accepted states always compute
  (void)(lesson::stateWithTraceToJson(state, lesson::computeTrace(state))).dump();
  return 0;
}
