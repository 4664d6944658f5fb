// bars.cpp: lists of horizontal bars (see bars.h).
#include "ui/kit/bars.h"

#include <algorithm>
#include <cmath>

#include "ui/kit/colormap.h"
#include "ui/kit/widgets.h"

namespace ui {

BarColumns barLayout(float available, float widestLabel, float scale) {
  BarColumns columns;
  columns.labelWidth = std::min(widestLabel, 130 * scale) + 10 * scale;
  const float room = available - columns.labelWidth - kBarNumberRoom * scale;
  columns.width = std::min(room, 300 * scale);
  if (columns.width < 40 * scale) columns.width = 40 * scale;  // tiny screens: the bars stay visible
  return columns;
}

BarColumns barColumns(AppState& app, const std::vector<std::string>& labels) {
  float widest = 0;
  for (const auto& label : labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
  return barLayout(visibleWidth(), widest, app.platform.uiScale);
}

void bar(AppState& app, const std::string& label, float value, float scaleMax, const BarColumns& columns, ImU32 colour,
         bool canBeNegative, bool printValue) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(fitLabel(label, columns.labelWidth - px(app, 10)).c_str());  // said by the step's tables
  ImGui::SameLine(x0 + columns.labelWidth);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  const float reach = canBeNegative ? columns.width * 0.5f : columns.width;
  const float zeroX = canBeNegative ? p.x + reach : p.x;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float len = std::isfinite(value) && scaleMax > 0 ? std::clamp(value / scaleMax, -1.0f, 1.0f) * reach : 0.0f;
  draw->AddLine(ImVec2(zeroX, p.y - 1), ImVec2(zeroX, p.y + h + 1), kRule);
  draw->AddRectFilled(ImVec2(std::min(zeroX, zeroX + len), p.y + 2), ImVec2(std::max(zeroX, zeroX + len), p.y + h - 2),
                      colour);
  ImGui::Dummy(ImVec2(columns.width, h));
  if (!printValue) return;
  ImGui::SameLine();
  ImGui::TextUnformatted(formatNumber(value).c_str());  // said by the step's tables
}

ImU32 tokenColour(int index, int count) {
  const float t = count > 1 ? static_cast<float>(index) / static_cast<float>(count - 1) : 0.5f;
  ImVec4 c = colormap(0.1f + 0.8f * t);
  return ImGui::GetColorU32(c);
}

bool anyNegative(const float* values, int count) {
  for (int k = 0; k < count; ++k)
    if (values[k] < 0) return true;
  return false;
}

float maxAbsFinite(const float* values, int count) {
  float m = 0;
  for (int k = 0; k < count; ++k)
    if (std::isfinite(values[k])) m = std::max(m, std::fabs(values[k]));
  return m;
}

}  // namespace ui
