// bars.h: lists of horizontal bars, one per token or dimension, as the row views draw them:
// where the names and bars go on a line, one bar from its zero line, and the colours and
// scales they share.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.h"

namespace ui {

// Where a list of bars goes on a line `available` pixels wide: names in a column as wide as the
// widest (capped), the bars as wide as the rest allows after room for their numbers, so every
// number is on screen (tested: a bar list never needs sideways scrolling on a phone).
struct BarColumns {
  float labelWidth = 0;
  float width = 0;
};
constexpr float kBarNumberRoom = 70;  // CSS pixels kept for a bar's number
BarColumns barLayout(float available, float widestLabel, float scale);
// The layout for these names in the width the window has left.
BarColumns barColumns(AppState& app, const std::vector<std::string>& labels);

// One horizontal bar from a zero line: at the left for values that cannot be negative, in the
// middle otherwise (negative values go left). Its number is printed unless the bar is between
// two values in an animation.
void bar(AppState& app, const std::string& label, float value, float scaleMax, const BarColumns& columns, ImU32 colour,
         bool canBeNegative, bool printValue = true);

// Token `index` of `count`: its colour along the colormap, the same in every view.
ImU32 tokenColour(int index, int count);
bool anyNegative(const float* values, int count);
// The largest |value| among the finite ones (0 when none is).
float maxAbsFinite(const float* values, int count);

}  // namespace ui
