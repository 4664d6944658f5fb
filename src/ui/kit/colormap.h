// colormap.h: the perceptual colormap of the heatmap (dark blue -> teal -> green ->
// yellow, monotonic in lightness). Its anchors are here only: the GPU heatmap hands them to
// its shader (shaders/heatmap.frag) as a uniform.
#pragma once

#include <imgui.h>

namespace ui {

// Anchors at t = 0, 0.25, 0.5, 0.75, 1 (RGB); the colour between two is a straight blend.
inline constexpr int kColormapAnchorCount = 5;
extern const float kColormapAnchors[kColormapAnchorCount][3];

ImVec4 colormap(float t);  // t in [0, 1], clamped
// Black or white, whichever reads better on the colour for t.
ImU32 textColorOn(float t);
// The signed scale of the positions grid and the outputs beside it: white at 0, orange toward
// +1, blue toward -1 (t clamped to [-1, 1]).
ImU32 divergingColour(float t);
// A vector as a strip of `count` cells from `at`, each `cell` wide, on the signed scale of
// divergingColour with values divided by `reach`; the square root lifts small values off white
// (the colour still rises with the value). Outlined, so an all-zero vector is still seen.
void drawSignedStrip(ImDrawList* draw, const float* values, int count, ImVec2 at, float cell, float height,
                     float reach);

}  // namespace ui
