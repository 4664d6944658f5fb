// heatmap_view.h: the attention weights as a heatmap (drawn by the GPU colormap shader
// when a renderer is present), values in the cells when they fit, exact value on hover.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawHeatmap(AppState& app, const core::Matrix& weights, const std::vector<bool>& rowFullyHidden,
                 const char* idPrefix, float maxCell);

}  // namespace ui
