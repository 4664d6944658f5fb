// contributions_view.cpp: the "contributions" view of the weighted sum: each value vector,
// times its weight, stacked dimension by dimension into the output.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/kit/bars.h"
#include "ui/kit/widgets.h"

namespace ui {

void drawContributions(AppState& app) {
  const auto& head = shownHead(app);
  const int i = app.session().lesson().selected;
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
  // Each column is named for its value dimension (the head's own slice of V's columns).
  const auto& names = app.session().matrix(lesson::MatrixId::V).columnNames;
  const size_t firstColumn = static_cast<size_t>(app.view.selectedHead) * static_cast<size_t>(dims);
  ImGui::Dummy(ImVec2(colWidth * static_cast<float>(dims), half * 2 + ImGui::GetTextLineHeightWithSpacing() * 2));
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
    if (firstColumn + static_cast<size_t>(c) < names.size()) {
      const std::string name = fitLabel(names[firstColumn + static_cast<size_t>(c)], colWidth - px(app, 4));
      draw->AddText(ImVec2(p.x + colWidth * static_cast<float>(c) + px(app, 2),
                           p.y + half * 2 + ImGui::GetTextLineHeightWithSpacing()),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), name.c_str());
    }
  }
  // The legend flows onto as many lines as the column needs; a name longer than the column is cut.
  const float side = ImGui::GetTextLineHeight();
  for (int j = 0; j < n; ++j) {
    const std::string entry =
        fitLabel(app.session().lesson().tokens[static_cast<size_t>(j)] + " " + formatNumber(head.weights.at(i, j)),
                 visibleWidth() - side - px(app, 3));
    if (j > 0) sameLineIfFits(side + px(app, 3) + ImGui::CalcTextSize(entry.c_str()).x);
    // A swatch drawn, not a button: nothing to press (Dear ImGui's ColorButton weighs 1.5 KB).
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(side, side));
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + side, at.y + side), tokenColour(j, n), 2.0f);
    ImGui::SameLine(0, px(app, 3));
    textLine(app, entry);
  }
}

}  // namespace ui
