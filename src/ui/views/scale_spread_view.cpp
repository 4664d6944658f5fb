// scale_spread_view.cpp: the "scale-spread" step view. Why the division by √d_k: for key widths
// 1 to 256, the dot products of random vectors (lesson/model/scale_spread.h) as dots on one
// axis, not divided above and divided below, so the spread that grows with the width and the
// spread the division keeps steady are seen at a glance; beside each width, the largest weight
// softmax gives a row of eight such scores, both ways.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/model/scale_spread.h"
#include "text/decimals.h"
#include "ui/kit/palette.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

constexpr ImU32 kPlainDot = IM_COL32(40, 90, 200, 150);     // q·k: the tour's blue, see-through
constexpr ImU32 kDividedDot = IM_COL32(230, 100, 30, 170);  // q·k / √d_k: the accent

void legendDot(AppState& app, ImU32 colour, const char* words) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + px(app, 6), at.y + line * 0.5f), px(app, 5), colour);
  ImGui::Dummy(ImVec2(px(app, 14), line));
  ImGui::SameLine(0, px(app, 4));
  textLine(app, words);
}

}  // namespace

void drawScaleSpread(AppState& app) {
  const auto& rows = lesson::scaleSpread();
  const int ownWidth = app.session().trace().ok && !app.session().trace().attention.heads.empty()
                           ? app.session().trace().attention.heads.front().Q.cols
                           : 0;
  sectionHeading(app, "Scores of random vectors, as the key width grows");
  legendDot(app, kPlainDot, "q \xC2\xB7 k");
  ImGui::SameLine(0, px(app, 18));
  legendDot(app, kDividedDot,
            "q \xC2\xB7 k / \xE2\x88\x9A"
            "d_k");
  float reach = 1;
  for (const auto& row : rows)
    for (float s : row.scores) reach = std::max(reach, std::fabs(s));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float labelWidth = ImGui::CalcTextSize("d_k = 256").x + px(app, 10);
  const float weightsWidth = ImGui::CalcTextSize("0.00 \xE2\x86\x92 0.00").x + px(app, 8);
  const float axisWidth = std::max(px(app, 120), visibleWidth() - labelWidth - weightsWidth - px(app, 12));
  const float rowHeight = line * 1.6f + px(app, 6);
  ImVec2 start = ImGui::GetCursorScreenPos();
  // The header over the weights column.
  draw->AddText(ImVec2(start.x + labelWidth + axisWidth + px(app, 8), start.y),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), "top weight");
  start.y += line + px(app, 2);
  const float zeroX = start.x + labelWidth + axisWidth * 0.5f;
  const auto xOf = [&](float score) { return zeroX + score / reach * (axisWidth * 0.5f - px(app, 4)); };
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const float top = start.y + static_cast<float>(r) * rowHeight;
    const float root = std::sqrt(static_cast<float>(row.width));
    if (row.width == ownWidth)
      draw->AddRectFilled(ImVec2(start.x, top),
                          ImVec2(start.x + labelWidth + axisWidth + weightsWidth, top + rowHeight - 2),
                          IM_COL32(250, 236, 220, 255), 4.0f);
    const std::string label = "d_k = " + std::to_string(row.width);
    draw->AddText(ImVec2(start.x, top + rowHeight * 0.5f - line * 0.5f), ImGui::GetColorU32(ImGuiCol_Text),
                  label.c_str());
    draw->AddLine(ImVec2(zeroX, top + 2), ImVec2(zeroX, top + rowHeight - 4), kChartGrid, 1.0f);
    const float plainY = top + rowHeight * 0.3f, dividedY = top + rowHeight * 0.68f;
    draw->AddLine(ImVec2(xOf(-reach), plainY), ImVec2(xOf(reach), plainY), kChartGrid);
    draw->AddLine(ImVec2(xOf(-reach), dividedY), ImVec2(xOf(reach), dividedY), kChartGrid);
    for (float s : row.scores) {
      draw->AddCircleFilled(ImVec2(xOf(s), plainY), px(app, 3.5f), kPlainDot);
      draw->AddCircleFilled(ImVec2(xOf(s / root), dividedY), px(app, 3.5f), kDividedDot);
    }
    const std::string weights =
        text::fixedDecimals(row.largestWeight) + " \xE2\x86\x92 " + text::fixedDecimals(row.largestWeightDivided);
    draw->AddText(ImVec2(start.x + labelWidth + axisWidth + px(app, 8), top + rowHeight * 0.5f - line * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), weights.c_str());
  }
  const float bottom = start.y + static_cast<float>(rows.size()) * rowHeight;
  char ends[24];
  std::snprintf(ends, sizeof ends, "%.0f", static_cast<double>(reach));
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddText(ImVec2(xOf(-reach), bottom), faint, (std::string("-") + ends).c_str());
  draw->AddText(ImVec2(zeroX - ImGui::CalcTextSize("0").x * 0.5f, bottom), faint, "0");
  draw->AddText(ImVec2(xOf(reach) - ImGui::CalcTextSize(ends).x, bottom), faint, ends);
  ImGui::Dummy(
      ImVec2(labelWidth + axisWidth + weightsWidth, bottom + line - ImGui::GetCursorScreenPos().y + px(app, 4)));
  const auto& first = rows.front();
  const auto& last = rows.back();
  float lowest = first.spreadDivided, highest = first.spreadDivided;
  for (const auto& row : rows) {
    lowest = std::min(lowest, row.spreadDivided);
    highest = std::max(highest, row.spreadDivided);
  }
  paragraph(app, "Each dot is q \xC2\xB7 k for two random vectors of d_k entries (mean 0, variance 1), " +
                     std::to_string(lesson::kScaleSpreadPairs) +
                     " pairs a row. Not divided, their spread (standard deviation) " + "grows from " +
                     text::fixedDecimals(first.spread, 1) + " to " + text::fixedDecimals(last.spread, 1) +
                     "; divided by \xE2\x88\x9A"
                     "d_k it stays between " +
                     text::fixedDecimals(lowest) + " and " + text::fixedDecimals(highest) +
                     ". On the right, softmax over " + std::to_string(lesson::kRowKeys) + " such scores: at d_k = " +
                     std::to_string(last.width) + " its largest weight is " + text::fixedDecimals(last.largestWeight) +
                     " not divided, " + text::fixedDecimals(last.largestWeightDivided) + " divided." +
                     (ownWidth > 0 ? " Your query and key width here: " + std::to_string(ownWidth) + "." : ""));
}

}  // namespace ui
