// presets.h: ready-made lesson states a learner can pick; every one is a valid state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lesson/model/state.h"

namespace lesson {

// A ready-made example: a new one is one record in presetList() and its make function.
struct PresetInfo {
  std::string id;
  std::string label;
  LessonState (*make)();  // the example's tokens, vectors and settings; loadPreset sets its id
};

constexpr const char* kDefaultPreset = "bank-river";

const std::vector<PresetInfo>& presetList();
// The state of a preset with step and selection at their defaults; false for an unknown id.
bool loadPreset(const std::string& id, LessonState& out);
LessonState defaultState();

// Fills every editable matrix with values in [-1, 1] rounded to 0.01, from a seed.
// Uses its own generator so the web and desktop builds produce the same numbers.
void randomiseVectors(LessonState& state, uint32_t seed);

}  // namespace lesson
