// widgets.cpp: item registration and formatting helpers.
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {

void registerItem(AppState& app, const std::string& id) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  if (app.focus.scrollTo != 0 && ImGui::GetItemID() == app.focus.scrollTo) {
    if (min.y < clip.Min.y || max.y > clip.Max.y) ImGui::SetScrollHereY(0.5f);
    app.focus.scrollTo = 0;
  }
  // Tab reaches every control, scrolled out of view or not (it is scrolled in when focused).
  const ImGuiID itemId = ImGui::GetItemID();
  const bool disabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  if (itemId != 0 && !disabled) app.focus.orderBuilding.push_back({itemId, ImGui::GetCurrentWindow(), app.focus.part});
  // widgets() lists only what is actually visible: what a person could click.
  if (max.x <= clip.Min.x || max.y <= clip.Min.y || min.x >= clip.Max.x || min.y >= clip.Max.y) return;
  const bool focused = itemId != 0 && itemId == GImGui->NavId && !GImGui->NavDisableHighlight;
  app.focus.widgetsBuilding.push_back({id, min.x, min.y, max.x - min.x, max.y - min.y, focused});
}

std::string formatNumber(float value) {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(value));
  if (std::string(text) == "-0.00") return "0.00";
  return text;
}

std::string formatExact(float value) {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", static_cast<double>(value));
  return text;
}

void sectionHeading(AppState& app, const char* text) {
  ImGui::PushFont(app.platform.fonts.bold);
  ImGui::PushTextWrapPos(visibleRight());
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

float px(const AppState& app, float cssPixels) { return cssPixels * app.platform.uiScale; }

// Right edge of what is visible, in window coordinates: text wraps there even when wide
// matrices make the window scroll sideways.
float visibleRight() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool verticalBar = ImGui::GetScrollMaxY() > 0.0f;
  return ImGui::GetScrollX() + ImGui::GetWindowWidth() - style.WindowPadding.x -
         (verticalBar ? style.ScrollbarSize : 0.0f);
}

float visibleWidth() { return std::max(1.0f, visibleRight() - ImGui::GetCursorPosX()); }

void paragraph(const std::string& text) {
  ImGui::PushTextWrapPos(visibleRight());
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace ui

namespace ui {

void flowPieces(const std::vector<std::string>& pieces) {
  const float right = std::min(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x, visibleRight());
  const float left = ImGui::GetCursorPosX();
  const float space = ImGui::CalcTextSize(" ").x;
  bool first = true;
  for (const auto& piece : pieces) {
    const float width = ImGui::CalcTextSize(piece.c_str()).x;
    if (!first) {
      ImGui::SameLine(0, space);
      if (ImGui::GetCursorPosX() + width > right) {
        ImGui::NewLine();
        ImGui::SetCursorPosX(left);
      }
    }
    ImGui::TextUnformatted(piece.c_str());
    first = false;
  }
}

}  // namespace ui
