// heatmap.h: the attention weights as a heatmap (drawn by the GPU colormap shader
// when a renderer is present), values in the cells when they fit, exact value on hover.
#pragma once

#include "core/flags.h"
#include "ui/app_state.h"

namespace ui {

// One query's weights as a row of coloured cells with the keys' names above, after `label`
// (a fixed-width column, so rows drawn one under another line up).
void drawWeightRow(AppState& app, const char* label, float labelWidth, const std::vector<std::string>& keys,
                   const core::Matrix& weights, int row);

void drawKeyNames(AppState& app, float labelWidth, const std::vector<std::string>& keys);

// How wide rows of `count` weights after a `labelWidth` label are (for a WideBox around them).
float weightRowsWidth(AppState& app, float labelWidth, size_t count);

// `caption`: the line under it that says what rows and columns are (once for several maps).
void drawHeatmap(AppState& app, const core::Matrix& weights, const core::Flags& rowFullyHidden, const char* idPrefix,
                 float maxCell, bool caption = true);

}  // namespace ui
