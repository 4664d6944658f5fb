// history_view.cpp: the "history" step view. Where attention came from before 2017, as a
// timeline: a dot and a year for each milestone, joined by a line down the left.
#include <algorithm>

#include "lesson/content/background.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawHistory(AppState& app) {
  sectionHeading(app, "Where attention came from");
  const auto& milestones = lesson::historyMilestones();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The text starts after the widest year, so "2014-15" never runs into it.
  float widestYear = 0;
  ImGui::PushFont(app.platform.fonts.bold);
  for (const auto& milestone : milestones)
    widestYear = std::max(widestYear,
                          ImGui::CalcTextSize(milestone.when.data(), milestone.when.data() + milestone.when.size()).x);
  ImGui::PopFont();
  const float textIndent = px(app, 22) + widestYear + px(app, 14);
  const float lineX = ImGui::GetCursorScreenPos().x + px(app, 8);
  float previousDotY = -1;
  for (const auto& milestone : milestones) {
    const float left = ImGui::GetCursorPosX();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float dotY = top.y + ImGui::GetTextLineHeight() * 0.5f;
    if (previousDotY >= 0) draw->AddLine(ImVec2(lineX, previousDotY), ImVec2(lineX, dotY), kTourBlue, px(app, 2));
    draw->AddCircleFilled(ImVec2(lineX, dotY), px(app, 5), kTourBlue);
    previousDotY = dotY;
    ImGui::SetCursorPosX(left + px(app, 22));
    ImGui::PushFont(app.platform.fonts.bold);
    textLine(app, milestone.when);
    ImGui::PopFont();
    ImGui::SameLine(left + textIndent);
    ImGui::BeginGroup();
    paragraph(app, milestone.what);
    ImGui::EndGroup();
    ImGui::Spacing();
  }
}

}  // namespace ui
