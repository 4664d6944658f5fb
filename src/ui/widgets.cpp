// widgets.cpp: formatting, sizes and text helpers.
#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {

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

std::string spokenNumber(float value) {
  if (std::isinf(value)) return value < 0 ? "minus infinity (hidden)" : "infinity";
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
  return text;
}

std::string inQuotes(const std::string& text) { return "\"" + text + "\""; }

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
