// row_views.cpp: bars, links, stacked contributions and before/after for the selected row.
#include "ui/row_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "lesson/value_change.h"
#include "ui/colormap.h"
#include "ui/playback.h"
#include "ui/widgets.h"

namespace ui {

namespace {

const core::HeadTrace& currentHead(const AppState& app) {
  return app.session.trace().attention.heads[static_cast<size_t>(app.view.selectedHead)];
}

ImU32 tokenColour(int index, int count) {
  const float t = count > 1 ? static_cast<float>(index) / static_cast<float>(count - 1) : 0.5f;
  ImVec4 c = colormap(0.1f + 0.8f * t);
  return ImGui::GetColorU32(c);
}

BarColumns barColumns(AppState& app, const std::vector<std::string>& labels) {
  float widest = 0;
  for (const auto& label : labels) widest = std::max(widest, ImGui::CalcTextSize(label.c_str()).x);
  return barLayout(visibleWidth(), widest, app.platform.uiScale);
}

// One horizontal bar from a zero line: at the left for values that cannot be negative, in the
// middle otherwise (negative values go left). Its number is printed unless the bar is between
// two values in an animation.
void bar(AppState& app, const std::string& label, float value, float scaleMax, const BarColumns& columns, ImU32 colour,
         bool canBeNegative, bool printValue = true) {
  const float x0 = ImGui::GetCursorPosX();
  ImGui::TextUnformatted(fitLabel(label, columns.labelWidth - px(app, 10)).c_str());
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
  ImGui::TextUnformatted(formatNumber(value).c_str());
}

bool anyNegative(const float* values, int count) {
  for (int k = 0; k < count; ++k)
    if (values[k] < 0) return true;
  return false;
}

// Playing the softmax step: first exp(s - max) of each score (the largest becomes exactly 1),
// then those shrink to the weights as they are divided by their sum.
void drawSoftmaxInMotion(AppState& app, const core::HeadTrace& head, int i, float progress, const BarColumns& columns) {
  const auto& tokens = app.session.lesson().tokens;
  const core::Matrix& s = head.maskedScores;
  float largest = -INFINITY, sum = 0;
  for (int j = 0; j < s.cols; ++j) largest = std::max(largest, s.at(i, j));
  std::vector<float> lifted(static_cast<size_t>(s.cols), 0.0f);
  for (int j = 0; j < s.cols; ++j) {
    lifted[static_cast<size_t>(j)] = std::isfinite(s.at(i, j)) ? std::exp(s.at(i, j) - largest) : 0.0f;
    sum += lifted[static_cast<size_t>(j)];
  }
  const bool dividing = progress >= 0.5f;
  const float blend = dividing ? std::min(1.0f, (progress - 0.5f) * 2.5f) : 0.0f;
  char caption[128];
  if (dividing)
    std::snprintf(caption, sizeof caption, "divided by their sum, %.2f: now they add up to 1",
                  static_cast<double>(sum));
  else
    std::snprintf(caption, sizeof caption, "exp(s - max): all positive, the largest exactly 1");
  ImGui::TextColored(kAccent, "%s", caption);
  for (int j = 0; j < s.cols; ++j) {
    const float e = lifted[static_cast<size_t>(j)];
    const float shown = e + (head.weights.at(i, j) - e) * blend;
    bar(app, tokens[static_cast<size_t>(j)], shown, 1.0f, columns, kAccentFill, false, !dividing || blend >= 1.0f);
  }
}

float maxAbsFinite(const float* values, int count) {
  float m = 0;
  for (int k = 0; k < count; ++k)
    if (std::isfinite(values[k])) m = std::max(m, std::fabs(values[k]));
  return m;
}

}  // namespace

BarColumns barLayout(float available, float widestLabel, float scale) {
  BarColumns columns;
  columns.labelWidth = std::min(widestLabel, 130 * scale) + 10 * scale;
  const float room = available - columns.labelWidth - kBarNumberRoom * scale;
  columns.width = std::min(room, 300 * scale);
  if (columns.width < 40 * scale) columns.width = 40 * scale;  // tiny screens: the bars stay visible
  return columns;
}

void drawRowBars(AppState& app) {
  const auto& head = currentHead(app);
  const int i = app.session.lesson().selected;
  sectionHeading(
      app, ("Row of \"" + app.session.lesson().tokens[static_cast<size_t>(i)] + "\": scores and weights").c_str());
  const auto& tokens = app.session.lesson().tokens;
  const BarColumns columns = barColumns(app, tokens);
  const float scoreMax = maxAbsFinite(head.maskedScores.rowData(i), head.maskedScores.cols);
  const bool negativeScores = anyNegative(head.maskedScores.rowData(i), head.maskedScores.cols);
  ImGui::TextDisabled("scaled scores");
  for (int j = 0; j < head.maskedScores.cols; ++j)
    bar(app, tokens[static_cast<size_t>(j)], head.maskedScores.at(i, j), scoreMax, columns, kBefore, negativeScores);
  const float progress = playbackProgress(app, lesson::Animation::Softmax);
  if (progress >= 0) {
    drawSoftmaxInMotion(app, head, i, progress, columns);
    return;
  }
  ImGui::TextDisabled("weights (softmax)");
  for (int j = 0; j < head.weights.cols; ++j)
    bar(app, tokens[static_cast<size_t>(j)], head.weights.at(i, j), 1.0f, columns, kAccentFill, false);
}

void drawTokenLinks(AppState& app) {
  const auto& head = currentHead(app);
  const auto& tokens = app.session.lesson().tokens;
  const int n = static_cast<int>(tokens.size());
  sectionHeading(app, "Who looks at whom (line width follows the weight)");
  const float width = visibleWidth();
  const float height = px(app, 120);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float step = width / static_cast<float>(n);
  const float lineH = ImGui::GetTextLineHeight();
  auto xOf = [&](int k) { return p.x + step * (static_cast<float>(k) + 0.5f); };
  const int i = app.session.lesson().selected;
  for (int j = 0; j < n; ++j) {
    const float w = head.weights.at(i, j);
    if (w <= 0.0f) continue;
    draw->AddLine(ImVec2(xOf(i), p.y + lineH + px(app, 4)), ImVec2(xOf(j), p.y + height - lineH - px(app, 4)),
                  (kAccentFill & ~IM_COL32_A_MASK) | (static_cast<ImU32>(60 + 195 * w) << IM_COL32_A_SHIFT),
                  (1.0f + 14.0f * w) * app.platform.uiScale);
  }
  for (int k = 0; k < n; ++k) {
    // Each name keeps to its own column, so a long one never runs into its neighbour.
    const std::string name = fitLabel(tokens[static_cast<size_t>(k)], step - px(app, 4));
    const char* t = name.c_str();
    const float tw = ImGui::CalcTextSize(t).x;
    const ImU32 ink = k == i ? ImGui::GetColorU32(kAccent) : ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddText(ImVec2(xOf(k) - tw * 0.5f, p.y), ink, t);
    draw->AddText(ImVec2(xOf(k) - tw * 0.5f, p.y + height - lineH), ImGui::GetColorU32(ImGuiCol_Text), t);
  }
}

void drawContributions(AppState& app) {
  const auto& head = currentHead(app);
  const int i = app.session.lesson().selected;
  const int n = head.weights.cols, dims = head.V.cols;
  sectionHeading(app, "Output as a stack of weighted value vectors");
  // Scale: the largest stacked height over dimensions, positive or negative.
  float scaleMax = 1e-6f;
  for (int c = 0; c < dims; ++c) {
    float pos = 0, neg = 0;
    for (int j = 0; j < n; ++j) {
      const float part = head.weights.at(i, j) * head.V.at(j, c);
      (part > 0 ? pos : neg) += part;
    }
    scaleMax = std::max({scaleMax, pos, -neg});
  }
  const float colWidth = std::min(px(app, 56), visibleWidth() / static_cast<float>(dims + 1));
  const float half = px(app, 70);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(colWidth * static_cast<float>(dims), half * 2 + ImGui::GetTextLineHeightWithSpacing()));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float zeroY = p.y + half;
  draw->AddLine(ImVec2(p.x, zeroY), ImVec2(p.x + colWidth * static_cast<float>(dims), zeroY), kRule);
  for (int c = 0; c < dims; ++c) {
    float up = 0, down = 0;
    const float x0 = p.x + colWidth * static_cast<float>(c) + colWidth * 0.15f, x1 = x0 + colWidth * 0.7f;
    for (int j = 0; j < n; ++j) {
      const float part = head.weights.at(i, j) * head.V.at(j, c) / scaleMax * half;
      float& base = part > 0 ? up : down;
      draw->AddRectFilled(ImVec2(x0, zeroY - base - part), ImVec2(x1, zeroY - base), tokenColour(j, n));
      base += part;
    }
    const std::string value = formatNumber(head.output.at(i, c));
    draw->AddText(ImVec2(x0, p.y + half * 2), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
  }
  for (int j = 0; j < n; ++j) {  // legend
    if (j > 0) ImGui::SameLine();
    ImGui::ColorButton("##legend", ImGui::ColorConvertU32ToFloat4(tokenColour(j, n)), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, px(app, 3));
    ImGui::Text("%s %s", app.session.lesson().tokens[static_cast<size_t>(j)].c_str(),
                formatNumber(head.weights.at(i, j)).c_str());
  }
}

void drawBeforeAfter(AppState& app) {
  const int i = app.session.lesson().selected;
  // Before and after in the same space, column by column: the token's own value and its output.
  const core::Matrix& before = app.session.trace().attention.V;
  const core::Matrix& after = app.session.trace().attention.concatenated;
  sectionHeading(
      app, ("\"" + app.session.lesson().tokens[static_cast<size_t>(i)] + "\" before and after attention").c_str());
  const float scaleMax =
      std::max(maxAbsFinite(before.rowData(i), before.cols), maxAbsFinite(after.rowData(i), after.cols));
  const bool negative = anyNegative(before.rowData(i), before.cols) || anyNegative(after.rowData(i), after.cols);
  const auto names = lesson::valueColumnNames(app.session.lesson(), app.session.trace());
  const BarColumns columns = barColumns(app, names);
  ImGui::TextDisabled("before: its own value v_i (it knows only itself)");
  for (int c = 0; c < before.cols; ++c)
    bar(app, names[static_cast<size_t>(c)], before.at(i, c), scaleMax, columns, kBefore, negative);
  ImGui::TextDisabled("after: output_i (a blend of the values it attended to)");
  for (int c = 0; c < after.cols; ++c)
    bar(app, names[static_cast<size_t>(c)], after.at(i, c), scaleMax, columns, kAccentFill, negative);
}

}  // namespace ui
