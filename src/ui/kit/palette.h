// palette.h: every colour the views draw with, by what it means. One accent (orange) marks
// what a step produces, the selection and the current step; blue marks what came before.
#pragma once

#include <imgui.h>

namespace ui {

// The accent: text and outlines (kAccent), fills and strokes (kAccentFill), soft backgrounds.
inline const ImVec4 kAccent(0.75f, 0.30f, 0.05f, 1.0f);
inline constexpr ImU32 kAccentFill = IM_COL32(230, 100, 30, 255);
inline const ImVec4 kAccentSoft(0.98f, 0.78f, 0.55f, 1.0f);
// Before, as opposed to after: bars of the input beside the output, the tour's progress.
inline constexpr ImU32 kBefore = IM_COL32(120, 140, 190, 255);
inline constexpr ImU32 kTourBlue = IM_COL32(40, 90, 200, 255);
// Hidden (masked) cells and their ink; rules such as a bar chart's zero line.
inline constexpr ImU32 kMaskedFill = IM_COL32(210, 210, 215, 255);
inline constexpr ImU32 kMaskedInk = IM_COL32(65, 65, 75, 255);
inline constexpr ImU32 kRule = IM_COL32(120, 120, 120, 255);
// The page behind everything (also the GL clear colour and web/style.css's background, which
// the headless test holds to this one).
inline const ImVec4 kBackground(247 / 255.0f, 247 / 255.0f, 245 / 255.0f, 1.0f);
// Charts (the cost lab, the loss curve): grid lines, and the second series' ink.
inline constexpr ImU32 kChartGrid = IM_COL32(215, 215, 220, 255);
inline constexpr ImU32 kChartInk = IM_COL32(60, 90, 170, 255);
// Planes of arrows: the background and its grid.
inline constexpr ImU32 kPlaneBackground = IM_COL32(250, 251, 253, 255);
inline constexpr ImU32 kPlaneGrid = IM_COL32(225, 228, 235, 255);
// Signs: a positive and a negative dot product (strokes), and cells tinted by sign (fills).
inline constexpr ImU32 kPositive = IM_COL32(30, 130, 60, 255);
inline constexpr ImU32 kNegative = IM_COL32(190, 40, 30, 255);
inline const ImVec4 kWarmCell(0.90f, 0.45f, 0.10f, 1.0f);
inline const ImVec4 kCoolCell(0.25f, 0.45f, 0.85f, 1.0f);
// Ink on a dark fill and on a light one.
inline constexpr ImU32 kInkOnDark = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kInkOnLight = IM_COL32(20, 20, 20, 255);
// Panels: the step's text, a notice; messages: done, wrong, an error.
inline const ImVec4 kStepPanel(0.93f, 0.95f, 1.0f, 1.0f);
inline const ImVec4 kNoticePanel(1.0f, 0.95f, 0.85f, 1.0f);
inline const ImVec4 kDone(0.10f, 0.50f, 0.20f, 1.0f);
inline const ImVec4 kWrong(0.70f, 0.15f, 0.10f, 1.0f);
inline const ImVec4 kError(0.70f, 0.10f, 0.10f, 1.0f);

}  // namespace ui
