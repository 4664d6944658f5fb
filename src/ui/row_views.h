// row_views.h: views of the selected query row: its scores and weights as bars, links
// between tokens, the weighted sum as stacked contributions, and the vector before/after.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawRowBars(AppState& app);
void drawTokenLinks(AppState& app);
void drawContributions(AppState& app);
void drawBeforeAfter(AppState& app);

// Where a list of bars goes on a line `available` pixels wide: names in a column as wide as the
// widest (capped), the bars as wide as the rest allows after room for their numbers, so every
// number is on screen (tested: a bar list never needs sideways scrolling on a phone).
struct BarColumns {
  float labelWidth = 0;
  float width = 0;
};
constexpr float kBarNumberRoom = 70;  // CSS pixels kept for a bar's number
BarColumns barLayout(float available, float widestLabel, float scale);

}  // namespace ui
