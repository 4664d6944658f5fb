// links_view.cpp: the "links" view: who looks at whom, a line from the selected token to each
// other, as wide as its weight.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/kit/bars.h"
#include "ui/kit/widgets.h"

namespace ui {

void drawTokenLinks(AppState& app) {
  const auto& head = shownHead(app);
  const auto& tokens = app.session().lesson().tokens;
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
  const int i = app.session().lesson().selected;
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

}  // namespace ui
