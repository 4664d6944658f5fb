// colormap.cpp: piecewise-linear colormap through five anchors of rising lightness.
#include "ui/kit/colormap.h"

#include <algorithm>
#include <cmath>

#include "ui/kit/palette.h"

namespace ui {

const float kColormapAnchors[kColormapAnchorCount][3] = {{0.267f, 0.005f, 0.329f},
                                                         {0.230f, 0.322f, 0.546f},
                                                         {0.128f, 0.567f, 0.551f},
                                                         {0.369f, 0.789f, 0.383f},
                                                         {0.993f, 0.906f, 0.144f}};

ImVec4 colormap(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  const float scaled = t * 4.0f;
  const int lower = std::min(3, static_cast<int>(scaled));
  const float f = scaled - static_cast<float>(lower);
  const float* a = kColormapAnchors[lower];
  const float* b = kColormapAnchors[lower + 1];
  return ImVec4(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, 1.0f);
}

ImU32 textColorOn(float t) { return t > 0.55f ? kInkOnLight : kInkOnDark; }

ImU32 divergingColour(float t) {
  const ImVec4 base = t >= 0 ? kWarmCell : kCoolCell;
  const float strength = std::min(1.0f, std::fabs(t));
  return ImGui::GetColorU32(ImVec4(1.0f + (base.x - 1.0f) * strength, 1.0f + (base.y - 1.0f) * strength,
                                   1.0f + (base.z - 1.0f) * strength, 1.0f));
}

void drawSignedStrip(ImDrawList* draw, const float* values, int count, ImVec2 at, float cell, float height,
                     float reach) {
  for (int c = 0; c < count; ++c) {
    const ImVec2 a(at.x + static_cast<float>(c) * cell, at.y);
    const float t = values[c] / reach;
    draw->AddRectFilled(a, ImVec2(a.x + cell - 1.0f, a.y + height),
                        divergingColour(std::copysign(std::sqrt(std::fabs(t)), t)), 2.0f);
  }
  draw->AddRect(at, ImVec2(at.x + cell * static_cast<float>(count) - 1.0f, at.y + height), kChartGrid, 2.0f);
}

}  // namespace ui
