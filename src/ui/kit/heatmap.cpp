// heatmap.cpp: weights heatmap with row (query) and column (key) token labels.
#include "ui/kit/heatmap.h"

#include <algorithm>

#include "lesson/model/actions.h"
#include "ui/kit/colormap.h"
#include "ui/kit/mirror.h"
#include "ui/kit/theme.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

void drawCellsOnCpu(ImDrawList* draw, const core::Matrix& w, ImVec2 origin, float cell) {
  for (int i = 0; i < w.rows; ++i)
    for (int j = 0; j < w.cols; ++j) {
      const ImVec2 a(origin.x + static_cast<float>(j) * cell, origin.y + static_cast<float>(i) * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), ImGui::GetColorU32(colormap(w.at(i, j))));
    }
}

void drawCellOverlay(AppState& app, const core::Matrix& w, const core::Flags& hidden, ImVec2 origin, float cell,
                     const char* idPrefix) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto& names = app.session().lesson().tokens;
  const size_t table =
      openMirrorTable(app, idPrefix, "Attention weights: rows are the queries, columns the keys", names, names);
  const bool printValues = ImGui::CalcTextSize("0.00").x < cell - px(app, 4);
  for (int i = 0; i < w.rows; ++i) {
    for (int j = 0; j < w.cols; ++j) {
      const ImVec2 a(origin.x + static_cast<float>(j) * cell, origin.y + static_cast<float>(i) * cell);
      ImGui::SetCursorScreenPos(a);
      ImGui::PushID(i * 64 + j);
      ImGui::InvisibleButton("##h", ImVec2(cell, cell));
      ImGui::PopID();
      const float v = w.at(i, j);
      const auto& tokens = app.session().lesson().tokens;
      // A pair the mask hides is drawn as hidden, not as a weight near 0 in the colour scale.
      const bool masked = core::isHidden(app.session().lesson().mask, i, j);
      registerItem(
          app, std::string(idPrefix) + "[" + std::to_string(i) + "][" + std::to_string(j) + "]",
          [&] {
            return "Weight of " + inQuotes(tokens[static_cast<size_t>(i)]) + " on " +
                   inQuotes(tokens[static_cast<size_t>(j)]) + ": " +
                   (masked ? "hidden by the mask, 0" : spokenNumber(v)) + ". Space shows this pair's worked numbers.";
          },
          Role::Cell, false, masked ? 0.0f : v);
      if (ImGui::IsItemHovered())
        tooltipUnder(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "%s \xE2\x86\x92 %s: %s%s",
                     app.session().lesson().tokens[static_cast<size_t>(i)].c_str(),
                     app.session().lesson().tokens[static_cast<size_t>(j)].c_str(),
                     masked ? "hidden by the mask, weight " : "weight ", fourDecimals(v).c_str());
      if (masked) {
        draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), kMaskedFill);
        draw->AddLine(ImVec2(a.x + cell * 0.3f, a.y + cell * 0.7f), ImVec2(a.x + cell * 0.7f, a.y + cell * 0.3f),
                      kMaskedInk, 1.5f);
      }
      if (ImGui::IsItemClicked() || (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))))
        queue(app, lesson::actions::SelectPair{i, j});
      if (printValues && !masked) {
        const std::string text = formatNumber(v);
        const ImVec2 size = ImGui::CalcTextSize(text.c_str());
        draw->AddText(ImVec2(a.x + (cell - size.x) * 0.5f, a.y + (cell - size.y) * 0.5f), textColorOn(v), text.c_str());
      }
    }
    if (i < static_cast<int>(hidden.size()) && hidden[static_cast<size_t>(i)]) {
      const ImVec2 a(origin.x, origin.y + static_cast<float>(i) * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell * static_cast<float>(w.cols), a.y + cell), kMaskedFill);
      draw->AddText(ImVec2(a.x + px(app, 6), a.y + (cell - ImGui::GetTextLineHeight()) * 0.5f), kMaskedInk,
                    "no visible key: softmax undefined, weights 0");
    }
  }
  const int sel = app.session().lesson().selected;
  draw->AddRect(ImVec2(origin.x, origin.y + static_cast<float>(sel) * cell),
                ImVec2(origin.x + cell * static_cast<float>(w.cols), origin.y + static_cast<float>(sel + 1) * cell),
                kAccentFill, 0.0f, 0, 2.5f * app.platform.uiScale);
  closeMirrorNode(app, table, origin,
                  ImVec2(origin.x + cell * static_cast<float>(w.cols), origin.y + cell * static_cast<float>(w.rows)));
}

}  // namespace

void drawHeatmap(AppState& app, const core::Matrix& weights, const core::Flags& rowFullyHidden, const char* idPrefix,
                 float maxCell, bool caption) {
  if (weights.empty()) return;
  const auto& tokens = app.session().lesson().tokens;
  // Query names up to a width, cut at a character beyond it (the mirror's table says them whole).
  float labelWidth = 0;
  for (const auto& t : tokens) labelWidth = std::max(labelWidth, ImGui::CalcTextSize(t.c_str()).x);
  labelWidth = std::min(labelWidth, px(app, 110)) + px(app, 8);
  const float avail = visibleWidth() - labelWidth;
  // Cells shrink to fit the column, but never below a fingertip on a touch screen (the map's
  // box scrolls sideways then).
  const float least = app.platform.touchScreen ? px(app, kTouchTarget) : px(app, 18);
  const float cell = std::max(least, std::min(maxCell, avail / static_cast<float>(weights.cols)));
  const float lineHeight = ImGui::GetTextLineHeight();
  const ImVec2 size(cell * static_cast<float>(weights.cols), cell * static_cast<float>(weights.rows));
  {
    const WideBox box(app, idPrefix, labelWidth + size.x, lineHeight + px(app, 10) + size.y);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // key labels above (cut at a character to fit their column), query labels on the left
    for (int j = 0; j < weights.cols; ++j) {
      const std::string t = fitLabel(tokens[static_cast<size_t>(j)], cell - px(app, 2));
      const float w = ImGui::CalcTextSize(t.c_str()).x;
      draw->AddText(ImVec2(start.x + labelWidth + static_cast<float>(j) * cell + (cell - w) * 0.5f, start.y),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), t.c_str());
    }
    const ImVec2 origin(start.x + labelWidth, start.y + lineHeight + px(app, 4));
    for (int i = 0; i < weights.rows; ++i)
      draw->AddText(ImVec2(start.x, origin.y + static_cast<float>(i) * cell + (cell - lineHeight) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_Text),
                    fitLabel(tokens[static_cast<size_t>(i)], labelWidth - px(app, 8)).c_str());
    ImTextureID texture = app.platform.heatmap ? app.platform.heatmap->render(weights) : nullptr;
    if (texture)
      draw->AddImage(texture, origin, ImVec2(origin.x + size.x, origin.y + size.y));
    else
      drawCellsOnCpu(draw, weights, origin, cell);
    drawCellOverlay(app, weights, rowFullyHidden, origin, cell, idPrefix);
    ImGui::SetCursorScreenPos(ImVec2(start.x, origin.y + size.y + px(app, 6)));
    ImGui::Dummy(ImVec2(labelWidth + size.x, 0));
  }
  if (caption) note(app, "Rows: queries. Columns: keys. Each row sums to 1.");
}

namespace {

// Cells of a weight row: 52 px, narrower on a small screen so the row fits, but never too narrow
// for their number (the rows scroll sideways in a box then).
float weightCellWidth(AppState& app, float labelWidth, size_t count) {
  const float fits = (visibleWidth() - labelWidth) / static_cast<float>(std::max<size_t>(count, 1)) - px(app, 2);
  return std::clamp(fits, ImGui::CalcTextSize("0.00").x + px(app, 4), px(app, 52));
}

}  // namespace

float weightRowsWidth(AppState& app, float labelWidth, size_t count) {
  return labelWidth + static_cast<float>(count) * (weightCellWidth(app, labelWidth, count) + px(app, 2));
}

void drawWeightRow(AppState& app, const char* label, float labelWidth, const std::vector<std::string>& keys,
                   const core::Matrix& weights, int row) {
  const float cell = weightCellWidth(app, labelWidth, static_cast<size_t>(weights.cols)), gap = px(app, 2);
  const bool printValues = ImGui::CalcTextSize("0.00").x <= cell - px(app, 2);
  const float height = ImGui::GetFrameHeight();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(fitLabel(label, labelWidth - px(app, 4)).c_str());  // said by the row's text
  for (int j = 0; j < weights.cols; ++j) {
    const ImVec2 a(start.x + labelWidth + static_cast<float>(j) * (cell + gap), start.y);
    const float w = weights.at(row, j);
    draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + height), ImGui::GetColorU32(colormap(w)), 3.0f);
    const std::string text = formatNumber(w);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    if (printValues)
      draw->AddText(ImVec2(a.x + (cell - size.x) * 0.5f, a.y + (height - size.y) * 0.5f), textColorOn(w), text.c_str());
    if (j < static_cast<int>(keys.size()) && ImGui::IsMouseHoveringRect(a, ImVec2(a.x + cell, a.y + height)))
      tooltipUnder(a, ImVec2(a.x + cell, a.y + height), "%s: weight %s", keys[static_cast<size_t>(j)].c_str(),
                   fourDecimals(w).c_str());
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + height + gap));
  ImGui::Dummy(ImVec2(labelWidth + static_cast<float>(weights.cols) * (cell + gap), 0));
  if (!mirroring(app)) return;
  std::string said = std::string(label) + ", weights:";
  for (int j = 0; j < weights.cols && j < static_cast<int>(keys.size()); ++j)
    said += (j ? ", " : " ") + inQuotes(keys[static_cast<size_t>(j)]) + " " + formatNumber(weights.at(row, j));
  mirrorText(app, MirrorNode::Kind::Text, said);
}

// The keys' names above a row of cells drawn by drawWeightRow.
void drawKeyNames(AppState& app, float labelWidth, const std::vector<std::string>& keys) {
  const float cell = weightCellWidth(app, labelWidth, keys.size()), gap = px(app, 2);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (size_t j = 0; j < keys.size(); ++j) {
    const std::string name = fitLabel(keys[j], cell - px(app, 4));
    const float w = ImGui::CalcTextSize(name.c_str()).x;
    draw->AddText(ImVec2(start.x + labelWidth + static_cast<float>(j) * (cell + gap) + (cell - w) * 0.5f, start.y), ink,
                  name.c_str());
  }
  ImGui::Dummy(ImVec2(labelWidth + static_cast<float>(keys.size()) * (cell + gap), ImGui::GetTextLineHeight()));
}

}  // namespace ui
