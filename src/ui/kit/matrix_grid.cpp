// matrix_grid.cpp: the matrix grid, its header and the cell editor.
#include "ui/kit/matrix_grid.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "ui/kit/colormap.h"
#include "ui/kit/mirror.h"
#include "ui/kit/playback.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"

namespace ui {

using lesson::MatrixId;

namespace {

std::string cellId(MatrixId id, int row, int col) {
  return std::string(lesson::matrixName(id)) + "[" + std::to_string(row) + "][" + std::to_string(col) + "]";
}

// "X, row 2 "bank", column 1 "nature": 0.35. Enter types a new value."
std::string cellLabel(const lesson::MatrixDescription& d, int row, int col, float value) {
  std::string text = lesson::cellName(d, row, col);
  text.insert(std::strlen(lesson::matrixName(d.id)), ",");
  return text + ": " + spokenNumber(value) +
         (d.editable ? ". Enter types a new value." : ". Space shows this pair's worked numbers.");
}

// The decimals a value needs (the description's, worked out once per change), from 2 (0.50) up
// to what fits a cell: 4 below 10, 3 below 100, 1 from 100 on (-1000.0 still fits). The tooltip
// is exact.
const char* cellFormat(float value, int decimalsNeeded) {
  static const char* const formats[] = {"%.1f", "%.2f", "%.3f", "%.4f"};
  const float size = std::fabs(value);
  const int most = size < 9.99995f ? 4 : size < 99.995f ? 3 : 1;
  return formats[std::clamp(decimalsNeeded, std::min(2, most), most) - 1];
}

void startCellEdit(AppState& app, MatrixId id, int row, int col, float value) {
  CellEdit& edit = app.view.cellEdit;
  edit.active = true;
  edit.focusPending = true;
  edit.matrix = id;
  edit.row = row;
  edit.col = col;
  std::snprintf(edit.text, sizeof edit.text, "%g", static_cast<double>(value));
}

// The text field that replaces a cell while the learner types a value.
// What Reset gives back, as lesson/model/edits.cpp's resetMatrix does it.
std::string resetMeaning(const AppState& app, MatrixId id) {
  const auto& s = app.session().lesson();
  if ((id == MatrixId::Q || id == MatrixId::K || id == MatrixId::V) && !s.X.empty())
    return std::string("back to X times W_") + lesson::matrixName(id);
  const bool weights = id == MatrixId::WQ || id == MatrixId::WK || id == MatrixId::WV || id == MatrixId::WO;
  const std::string fallback = weights ? "the identity" : "zeros";
  lesson::LessonState example;
  if (!lesson::loadPreset(s.presetId, example))  // a random draw, or the learner's own sentence
    return "to " + fallback + ": these vectors come from no ready-made example";
  return "back to the example's values, or " + fallback + " where the sizes have changed";
}

void drawCellTextInput(AppState& app, MatrixId id, int row, int col, float width) {
  CellEdit& edit = app.view.cellEdit;
  if (edit.focusPending) {
    ImGui::SetKeyboardFocusHere();
    edit.focusPending = false;
  }
  ImGui::SetNextItemWidth(width);
  const bool entered = ImGui::InputText("##edit", edit.text, sizeof edit.text,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  registerItem(
      app, cellId(id, row, col),
      [&] {
        return std::string(lesson::matrixName(id)) + ", row " + std::to_string(row + 1) + ", column " +
               std::to_string(col + 1) + ", text field: Enter keeps the value typed, Escape the old one";
      },
      Role::TextField);
  // Ended from the keyboard, the field gives way to the cell, which takes the keyboard back (the
  // field's focus would otherwise go with it, and the arrows to the tour).
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    handKeyboardTo(app, cellId(id, row, col));
    edit.active = false;  // Escape: keep the old value
    return;
  }
  if (entered) {
    handKeyboardTo(app, cellId(id, row, col));
    float value = 0.0f;
    const std::string refusal = lesson::parseEntryText(edit.text, value);
    if (!refusal.empty()) {
      queue(app, lesson::actions::ShowNotice{refusal + "; the previous value was kept"});
      edit.active = false;
      return;
    }
    queue(app, lesson::actions::EditCell{id, row, col, value});
    edit.active = false;
  } else if (!ImGui::IsItemActive() && !edit.focusPending && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered()) {
    edit.active = false;  // clicking elsewhere abandons the edit
  }
}

void drawEditableCell(AppState& app, const lesson::MatrixDescription& d, int row, int col, float value, float width) {
  const MatrixId id = d.id;
  const CellEdit& edit = app.view.cellEdit;
  if (edit.active && edit.matrix == id && edit.row == row && edit.col == col) {
    drawCellTextInput(app, id, row, col, width);
    return;
  }
  float dragged = value;
  ImGui::SetNextItemWidth(width);
  // The value as typed: no rounding to the shown decimals, not even when the cell is pressed or
  // activated from the keyboard (Dear ImGui would round then, and 0.375 typed became 0.38).
  const bool changed =
      ImGui::DragFloat("##v", &dragged, 0.01f, -lesson::kMaxEditableValue, lesson::kMaxEditableValue,
                       cellFormat(value, d.decimalsAt(row, col)),
                       ImGuiSliderFlags_NoInput | ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoRoundToFormat);
  registerItem(
      app, cellId(id, row, col), [&] { return cellLabel(d, row, col, value); }, Role::Cell, false, value);
  keepEnterKey(app);
  if (ImGui::IsItemHovered())
    tooltipUnder(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "%s = %s  (drag to change, double-click to type)",
                 lesson::cellName(d, row, col).c_str(), formatExact(value).c_str());
  const bool typeRequested = (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) ||
                             (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)));
  if (typeRequested) {
    startCellEdit(app, id, row, col, value);
    return;
  }
  if (changed && dragged != value) queue(app, lesson::actions::EditCell{id, row, col, dragged});
}

// Read-only cells are coloured; clicking one selects its query row and key column.
void drawValueCell(AppState& app, const lesson::MatrixDescription& d, int row, int col, float value, float width,
                   float height, float colourLevel, bool pending) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##c", ImVec2(width, height));
  registerItem(
      app, cellId(d.id, row, col), [&] { return cellLabel(d, row, col, value); }, Role::Cell, false, value);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (pending) {  // not worked out yet in the animation
    draw->AddRect(p, ImVec2(p.x + width, p.y + height), kRule, 3.0f);
    const ImVec2 size = ImGui::CalcTextSize("?");
    draw->AddText(ImVec2(p.x + (width - size.x) * 0.5f, p.y + (height - size.y) * 0.5f), kRule, "?");
    return;
  }
  const bool masked = std::isinf(value);
  const ImU32 background = masked ? kMaskedFill : ImGui::GetColorU32(colormap(colourLevel));
  draw->AddRectFilled(p, ImVec2(p.x + width, p.y + height), background, 3.0f);
  const std::string text = formatNumber(value);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImU32 ink = masked ? kMaskedInk : textColorOn(colourLevel);
  draw->AddText(ImVec2(p.x + (width - size.x) * 0.5f, p.y + (height - size.y) * 0.5f), ink, text.c_str());
  const bool selected = row == d.emphasisedRow && (!d.columnsAreTokens || col == app.session().lesson().selectedKey);
  if (selected) draw->AddRect(p, ImVec2(p.x + width, p.y + height), ImGui::GetColorU32(kAccent), 3.0f, 0, 2.0f);
  if (ImGui::IsItemHovered())
    tooltipUnder(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "%s = %s", lesson::cellName(d, row, col).c_str(),
                 fourDecimals(value).c_str());
  if (ImGui::IsItemClicked() || (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space)))) {
    const auto& lesson = app.session().lesson();
    queue(app, lesson::actions::SelectPair{d.rowsAreTokens ? row : lesson.selected,
                                           d.columnsAreTokens ? col : lesson.selectedKey});
  }
}

bool isScore(MatrixId id) { return id == MatrixId::Scores || id == MatrixId::Scaled || id == MatrixId::Masked; }

// Maps a read-only value to the colormap, one scale per kind of quantity: weights directly;
// raw, scaled and masked scores all by the raw scores' range, so dividing by the square root
// of d_k or raising the temperature visibly pales them (values past the range keep its end
// colour); anything else by its own range. Measured once per matrix, not once per cell.
struct ColourScale {
  bool identity = false;
  float lo = 0.0f, hi = 0.0f;

  ColourScale(const AppState& app, const core::Matrix& m, MatrixId id)
      : identity(id == MatrixId::Weights || id == MatrixId::CrossWeights) {
    if (identity) return;
    const core::Matrix& range =
        isScore(id) ? lesson::traceMatrix(app.session().trace(), MatrixId::Scores, app.view.selectedHead) : m;
    for (float v : range.values)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  }
  float level(float value) const {
    if (identity) return value;
    return hi > lo ? std::clamp((value - lo) / (hi - lo), 0.0f, 1.0f) : 0.5f;
  }
};

void drawHeader(AppState& app, MatrixId id, const core::Matrix& m, bool producedHere, bool editable) {
  ImGui::PushFont(app.platform.fonts.bold);
  ImGui::PushTextWrapPos(visibleRight());                    // the table says the caption to the mirror
  ImGui::TextUnformatted(lesson::matrixRecord(id).caption);  // said by the table
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  const std::string size = std::to_string(m.rows) + " x " + std::to_string(m.cols);
  sameLineIfFits(ImGui::CalcTextSize(size.c_str()).x);
  ImGui::TextDisabled("%s", size.c_str());  // said by the table
  if (producedHere) {
    sameLineIfFits(ImGui::CalcTextSize("\xE2\x86\x90 this step").x);
    ImGui::TextColored(kAccent, "\xE2\x86\x90 this step");  // said by the table
  }
  const bool holdsOwnValues = id == MatrixId::WO || (id == MatrixId::Q || id == MatrixId::K || id == MatrixId::V) ==
                                                        (app.session().lesson().source == lesson::VectorSource::Direct);
  if (editable && holdsOwnValues) {
    sameLineIfFits(ImGui::CalcTextSize("Reset").x + ImGui::GetStyle().FramePadding.x * 2);
    ImGui::PushID("reset");
    if (smallButton(app, "Reset")) queue(app, lesson::actions::ResetMatrix{id});
    registerItem(app, std::string("reset-") + lesson::matrixName(id),
                 [&] { return std::string("Reset ") + lesson::matrixName(id) + ", button: " + resetMeaning(app, id); });
    ImGui::PopID();
  }
}

}  // namespace

std::string cellName(const AppState& app, MatrixId id, int row, int col) {
  return lesson::cellName(app.session().matrix(id, app.view.selectedHead), row, col);
}

void drawMatrix(AppState& app, MatrixId id, bool producedHere) {
  const core::Matrix& m = lesson::traceMatrix(app.session().trace(), id, app.view.selectedHead);
  if (m.empty()) return;
  const lesson::MatrixDescription& d = app.session().matrix(id, app.view.selectedHead);
  const bool editable = d.editable;
  ImGui::PushID(lesson::matrixName(id));
  ImGui::BeginGroup();
  drawHeader(app, id, m, producedHere, editable);
  const auto& rows = d.rowNames;
  // Row names up to a width, cut at a character beyond it (the table says them whole).
  float labelWidth = px(app, 24);
  for (const auto& label : rows) labelWidth = std::max(labelWidth, ImGui::CalcTextSize(label.c_str()).x);
  labelWidth = std::min(labelWidth, px(app, 110));
  const float cellWidth = px(app, 58);
  const float cellHeight = ImGui::GetFrameHeight();
  const float spacing = px(app, 3);
  const float gridWidth = labelWidth + px(app, 8) + static_cast<float>(m.cols) * (cellWidth + spacing);
  size_t table = kNotMirrored;
  {
    const WideBox box(app, "grid", gridWidth,
                      ImGui::GetTextLineHeightWithSpacing() + static_cast<float>(m.rows) * (cellHeight + spacing));
    const auto& cols = d.columnNames;
    table = !mirroring(app) ? kNotMirrored
                            : openMirrorTable(app, lesson::matrixName(id),
                                              std::string(lesson::matrixRecord(id).caption) + ", " +
                                                  std::to_string(m.rows) + " rows by " + std::to_string(m.cols) +
                                                  " columns" + (producedHere ? ", worked out in this step" : ""),
                                              rows, cols);
    const ColourScale colours(app, m, id);
    // Playing the scores step: the selected query's scores appear as it meets each key.
    const float scoresPlayed =
        id == MatrixId::Scores ? playbackProgress(app, lesson::Animation::QueryMeetsKeys) : -1.0f;
    const int revealedKeys = revealed(scoresPlayed, m.cols).shown;
    const float x0 = ImGui::GetCursorPosX();
    const float gridX = x0 + labelWidth + px(app, 8);
    float y = ImGui::GetCursorPosY();
    for (int j = 0; j < m.cols; ++j) {
      const std::string label = fitLabel(cols[static_cast<size_t>(j)], cellWidth);
      const float w = ImGui::CalcTextSize(label.c_str()).x;
      ImGui::SetCursorPos(ImVec2(gridX + static_cast<float>(j) * (cellWidth + spacing) + (cellWidth - w) * 0.5f, y));
      ImGui::TextDisabled("%s", label.c_str());  // said by the table
    }
    // In a box scrolled sideways (a phone) the row names stay at its left edge, over the cells
    // and column names that pass under them, so a row is never a line of numbers without its name.
    const float stuck = ImGui::GetScrollX();
    if (stuck > 0) {
      ImGui::SetCursorPos(ImVec2(x0 + stuck, y));
      const ImVec2 at = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(
          at, ImVec2(at.x + labelWidth + px(app, 8), at.y + ImGui::GetTextLineHeightWithSpacing()),
          ImGui::GetColorU32(ImGuiCol_WindowBg));
    }
    y += ImGui::GetTextLineHeightWithSpacing();
    for (int i = 0; i < m.rows; ++i) {
      for (int j = 0; j < m.cols; ++j) {
        ImGui::SetCursorPos(ImVec2(gridX + static_cast<float>(j) * (cellWidth + spacing), y));
        ImGui::PushID(i * 64 + j);
        const float value = m.at(i, j);
        if (editable)
          drawEditableCell(app, d, i, j, value, cellWidth);
        else
          drawValueCell(app, d, i, j, value, cellWidth, cellHeight, colours.level(value),
                        i == app.session().lesson().selected && j >= revealedKeys);
        ImGui::PopID();
      }
      ImGui::SetCursorPos(ImVec2(x0 + stuck, y));
      if (stuck > 0) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + labelWidth + px(app, 8), at.y + cellHeight),
                                                  ImGui::GetColorU32(ImGuiCol_WindowBg));
      }
      ImGui::AlignTextToFramePadding();
      const std::string label = fitLabel(rows[static_cast<size_t>(i)], labelWidth);
      if (i == d.emphasisedRow)
        ImGui::TextColored(kAccent, "%s", label.c_str());  // said by the table
      else
        ImGui::TextUnformatted(label.c_str());  // said by the table
      y += cellHeight + spacing;
    }
    ImGui::SetCursorPos(ImVec2(x0, y));
    ImGui::Dummy(ImVec2(0, 0));
  }
  ImGui::EndGroup();
  closeMirrorNode(app, table);
  ImGui::PopID();
}

}  // namespace ui
