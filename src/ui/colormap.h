// colormap.h: the perceptual colormap of the heatmap (dark blue -> teal -> green ->
// yellow, monotonic in lightness). The GLSL shader in shaders/ uses the same anchors.
#pragma once

#include <imgui.h>

namespace ui {

ImVec4 colormap(float t);  // t in [0, 1], clamped
// Black or white, whichever reads better on the colour for t.
ImU32 textColorOn(float t);

}  // namespace ui
