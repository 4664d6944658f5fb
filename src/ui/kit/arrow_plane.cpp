// arrow_plane.cpp: the plane both arrow views draw on, and the tips a learner drags.
#include "ui/kit/arrow_plane.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/few_sort.h"
#include "lesson/model/actions.h"
#include "ui/kit/mirror.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

// The smallest round number that holds `largest` with a margin, so the scale changes in
// steps and not with every drag.
float roundExtent(float largest) {
  static const float kSteps[] = {0.5f, 1, 1.5f, 2, 3, 4, 5, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1000};
  for (float step : kSteps)
    if (largest * 1.15f <= step) return step;
  return 1000;
}

float gridSpacing(float extent) {
  if (extent <= 1.5f) return 0.25f;
  if (extent <= 4) return 0.5f;
  if (extent <= 10) return 1;
  if (extent <= 40) return 5;
  if (extent <= 100) return 10;
  return 100;
}

// One axis picker: a dimension by name, or the default the view chose.
void drawAxisPicker(AppState& app, const PlaneSpec& spec, const char* label, const std::string& widgetId, int& chosen,
                    int shown) {
  // As wide as the longest name, so the one shown is never cut ("auto" is said in the list).
  float widest = 0;
  for (const auto& name : spec.names) widest = std::max(widest, ImGui::CalcTextSize(name.c_str()).x);
  ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + px(app, 4));
  const std::string& current = spec.names[static_cast<size_t>(shown)];
  if (ImGui::BeginCombo(("##" + widgetId).c_str(), current.c_str())) {
    if (option(app, spec.automatic, chosen < 0)) chosen = -1;
    for (int d = 0; d < static_cast<int>(spec.names.size()); ++d)
      if (option(app, spec.names[static_cast<size_t>(d)].c_str(), chosen == d)) chosen = d;
    ImGui::EndCombo();
  }
  registerItem(
      app, widgetId,
      [&] {
        return std::string(label) + " axis, list, " + spec.names[static_cast<size_t>(shown)] + ": Space opens it";
      },
      Role::List);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::TextUnformatted(chosen < 0 ? (std::string(label) + " (auto)").c_str() : label);  // said by the list's name
}

void drawGrid(const PlaneFrame& frame, ImDrawList* draw) {
  draw->AddRectFilled(frame.min, frame.max, kPlaneBackground);
  const float spacing = gridSpacing(frame.extent), e = frame.extent;
  for (float v = spacing; v <= e + 1e-4f; v += spacing)
    for (float s : {v, -v}) {
      if (s >= frame.low[0]) draw->AddLine(frame.toScreen(s, frame.low[1]), frame.toScreen(s, e), kPlaneGrid);
      if (s >= frame.low[1]) draw->AddLine(frame.toScreen(frame.low[0], s), frame.toScreen(e, s), kPlaneGrid);
    }
  draw->AddLine(frame.toScreen(frame.low[0], 0), frame.toScreen(e, 0), kRule, 1.2f);
  draw->AddLine(frame.toScreen(0, frame.low[1]), frame.toScreen(0, e), kRule, 1.2f);
  draw->AddRect(frame.min, frame.max, kRule);
}

// The largest |coordinate| on the shown axes, and whether any is negative on each.
void measure(const PlaneSpec& spec, float& largest, bool negative[2]) {
  largest = 0;
  negative[0] = negative[1] = false;
  for (const PlaneRows& rows : spec.drawn) {
    const core::Matrix& m = *rows.matrix;
    for (int r = 0; r < m.rows; ++r) {
      if (rows.row >= 0 && r != rows.row) continue;
      const float x = m.at(r, spec.axes.x), y = spec.axes.y == spec.axes.x ? 0.0f : m.at(r, spec.axes.y);
      largest = std::max({largest, std::fabs(x), std::fabs(y)});
      negative[0] = negative[0] || x < 0;
      negative[1] = negative[1] || y < 0;
    }
  }
  // A key's shadow on the query's line can fall on the negative side of either axis as soon as
  // anything points away, so then both axes get their negative half.
  negative[0] = negative[1] = negative[0] || negative[1];
}

void drawAxisNames(const PlaneFrame& frame, const PlaneSpec& spec, ImDrawList* draw) {
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const std::string across = spec.names[static_cast<size_t>(spec.axes.x)] + " \xE2\x86\x92";
  const ImVec2 acrossSize = ImGui::CalcTextSize(across.c_str());
  const ImVec2 right = frame.toScreen(frame.extent, 0);
  const bool roomBelow = frame.max.y - right.y > acrossSize.y + 4;
  draw->AddText(ImVec2(right.x - acrossSize.x - 4, roomBelow ? right.y + 2 : right.y - acrossSize.y - 2), ink,
                across.c_str());
  if (spec.axes.y != spec.axes.x) {
    const std::string up = "\xE2\x86\x91 " + spec.names[static_cast<size_t>(spec.axes.y)];
    const ImVec2 top = frame.toScreen(0, frame.extent);
    draw->AddText(ImVec2(top.x + 4, top.y + 2), ink, up.c_str());
  }
  char scale[32];
  std::snprintf(scale, sizeof scale, "%g", static_cast<double>(frame.extent));
  const ImVec2 scaleSize = ImGui::CalcTextSize(scale);
  const ImVec2 top = frame.toScreen(frame.extent, frame.extent);
  draw->AddText(ImVec2(top.x - scaleSize.x - 4, top.y + 2), ink, scale);  // the value at the plane's edge
}

float roundToHundredths(float v) { return std::round(v * 100.0f) / 100.0f; }

}  // namespace

PlaneFrame beginPlane(AppState& app, PlaneSpec& spec, PlaneView& view) {
  const int dims = static_cast<int>(spec.names.size());
  for (int& pick : view.axes)
    if (pick >= dims) pick = -1;  // the width shrank under the learner's pick
  if (view.axes[0] >= 0) spec.axes.x = view.axes[0];
  if (view.axes[1] >= 0) spec.axes.y = view.axes[1];
  if (dims < 2) spec.axes.y = spec.axes.x;
  drawAxisPicker(app, spec, "across", std::string(spec.id) + "-x", view.axes[0], spec.axes.x);
  if (dims >= 2) {
    // Beside the first picker when it fits, else under it (a phone), never cut at the edge.
    float widest = 0;
    for (const auto& name : spec.names) widest = std::max(widest, ImGui::CalcTextSize(name.c_str()).x);
    const float second = widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2 + px(app, 4) +
                         ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("up (auto)").x;
    const float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + px(app, 16);
    if (used + second <= visibleRight()) ImGui::SameLine(0, px(app, 16));
    drawAxisPicker(app, spec, "up", std::string(spec.id) + "-y", view.axes[1], spec.axes.y);
  }
  PlaneFrame frame;
  frame.view = &view;
  float largest = 0;
  bool negative[2];
  measure(spec, largest, negative);
  if (view.heldExtent > 0) {
    frame.extent = view.heldExtent;
    frame.low[0] = view.heldLow[0];
    frame.low[1] = view.heldLow[1];
  } else {
    // Equal units on both axes (so angles and lengths are true); a side with nothing negative
    // keeps only a margin, so the arrows get the room.
    frame.extent = roundExtent(largest);
    for (int a = 0; a < 2; ++a) frame.low[a] = negative[a] ? -frame.extent : -0.12f * frame.extent;
  }
  const float side = std::max(px(app, 160), std::min(visibleWidth() - px(app, 8), px(app, 320)));
  const float spanX = frame.extent - frame.low[0], spanY = frame.extent - frame.low[1];
  frame.pixelsPerUnit = side / std::max(spanX, spanY);
  frame.min = ImGui::GetCursorScreenPos();
  frame.max = ImVec2(frame.min.x + spanX * frame.pixelsPerUnit, frame.min.y + spanY * frame.pixelsPerUnit);
  frame.origin =
      ImVec2(frame.min.x - frame.low[0] * frame.pixelsPerUnit, frame.min.y + frame.extent * frame.pixelsPerUnit);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(frame.min, frame.max, true);
  drawGrid(frame, draw);
  drawAxisNames(frame, spec, draw);
  draw->PopClipRect();
  if (mirroring(app))
    frame.said = "Arrows from the origin on a plane of " + spec.names[static_cast<size_t>(spec.axes.x)] +
                 " (across) and " + spec.names[static_cast<size_t>(spec.axes.y)] + " (up):";
  return frame;
}

void drawArrow(PlaneFrame& frame, float x, float y, ImU32 colour, float thickness, const std::string& label) {
  if (!frame.said.empty() && !label.empty())
    frame.said += " " + label + " to " + spokenNumber(x) + ", " + spokenNumber(y) + ";";
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 tip = frame.toScreen(x, y);
  const ImVec2 d(tip.x - frame.origin.x, tip.y - frame.origin.y);
  const float length = std::sqrt(d.x * d.x + d.y * d.y);
  draw->PushClipRect(frame.min, frame.max, true);
  if (length > 1.0f) {
    const ImVec2 unit(d.x / length, d.y / length);
    const float head = std::min(length, 6.0f + thickness * 2.0f);
    const ImVec2 base(tip.x - unit.x * head, tip.y - unit.y * head);
    const ImVec2 side(-unit.y * head * 0.5f, unit.x * head * 0.5f);
    draw->AddLine(frame.origin, base, colour, thickness);
    draw->AddTriangleFilled(tip, ImVec2(base.x + side.x, base.y + side.y), ImVec2(base.x - side.x, base.y - side.y),
                            colour);
  }
  if (!label.empty()) {
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 away = length > 1.0f ? ImVec2(d.x / length, d.y / length) : ImVec2(0.7f, -0.7f);
    const ImVec2 at(tip.x + away.x * (size.x * 0.5f + 10.0f) - size.x * 0.5f,
                    tip.y + away.y * (size.y * 0.5f + 8.0f) - size.y * 0.5f);
    draw->AddText(frame.inside(at, size), colour | IM_COL32(0, 0, 0, 255), label.c_str());
  }
  draw->PopClipRect();
}

bool drawTip(AppState& app, PlaneFrame& frame, const lesson::PlaneAxes& axes, const TipSpec& tip, ImU32 colour) {
  const ImVec2 at = frame.toScreen(tip.x, tip.y);
  const float hit = touchSize(app, ImVec2(px(app, 22), px(app, 22))).x;  // a fingertip on a touch screen
  const ImVec2 corner(std::clamp(at.x - hit * 0.5f, frame.min.x, frame.max.x - hit),
                      std::clamp(at.y - hit * 0.5f, frame.min.y, frame.max.y - hit));
  ImGui::SetCursorScreenPos(corner);
  ImGui::PushID(tip.widgetId.c_str());
  const bool pressed = ImGui::InvisibleButton("##tip", ImVec2(hit, hit));
  const bool byKeyboard = pressed && GImGui->NavActivateId == ImGui::GetItemID();
  ImGui::PopID();
  registerItem(app, tip.widgetId, tip.spoken.c_str(), Role::Point);
  PlaneView& view = *frame.view;
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsItemActivated()) view.grabOffset = ImVec2(io.MousePos.x - at.x, io.MousePos.y - at.y);
  float x = tip.x, y = tip.y;
  bool moved = false;  // only a move changes the vector: a tip merely drawn keeps its numbers as typed
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 2.0f)) {
    frame.dragging = moved = true;
    x = std::clamp((io.MousePos.x - view.grabOffset.x - frame.origin.x) / frame.pixelsPerUnit, frame.low[0],
                   frame.extent);
    y = std::clamp((frame.origin.y - (io.MousePos.y - view.grabOffset.y)) / frame.pixelsPerUnit, frame.low[1],
                   frame.extent);
  }
  const ArrowPresses arrows = takeArrowKeys(app);
  if (arrows.x != 0 || arrows.y != 0) {
    const float step = io.KeyShift ? 0.01f : 0.1f;
    x += static_cast<float>(arrows.x) * step;
    y += static_cast<float>(arrows.y) * step;
    moved = true;
  }
  if (moved) {                    // a moved tip lands on hundredths, as a dragged cell moves in steps
    if (axes.y == axes.x) y = x;  // one dimension: the tip moves along it only
    x = roundToHundredths(x);
    y = roundToHundredths(y);
    if (x != tip.x || y != tip.y) queue(app, lesson::actions::MoveVectorTip{tip.matrix, tip.row, axes.x, x, axes.y, y});
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool keyboardFocus = ImGui::IsItemFocused() && !GImGui->NavDisableHighlight;
  const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  draw->AddCircleFilled(at, px(app, hot ? 7 : 5), colour);
  draw->AddCircle(at, px(app, hot ? 7 : 5), IM_COL32_WHITE, 0, 1.5f);
  if (keyboardFocus) draw->AddCircle(at, px(app, 10), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 2.0f);
  if (hot) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  return byKeyboard || (pressed && !ImGui::IsMouseDragPastThreshold(0));
}

std::vector<std::string> sharedTipNames(const PlaneFrame& frame, const std::vector<ImVec2>& tips,
                                        const std::vector<std::string>& names) {
  std::vector<std::string> shown(tips.size());
  core::Flags taken(tips.size(), false);
  for (size_t i = 0; i < tips.size(); ++i) {
    if (taken[i]) continue;
    const ImVec2 a = frame.toScreen(tips[i].x, tips[i].y);
    for (size_t j = i; j < tips.size(); ++j) {
      const ImVec2 b = frame.toScreen(tips[j].x, tips[j].y);
      if (taken[j] || std::hypot(a.x - b.x, a.y - b.y) >= 4.0f) continue;
      taken[j] = true;
      shown[i] += (shown[i].empty() ? "" : ", ") + names[j];
    }
  }
  return shown;
}

ImU32 withOpacity(ImU32 colour, float opacity) {
  const auto alpha = static_cast<ImU32>(std::clamp(opacity, 0.0f, 1.0f) * 255.0f + 0.5f);
  return (colour & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

std::vector<ImVec2> convexHull(std::vector<ImVec2> points) {
  core::sortFew(points.begin(), points.end(),
                [](ImVec2 a, ImVec2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  if (points.size() < 3) return points;
  const auto cross = [](ImVec2 o, ImVec2 a, ImVec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  std::vector<ImVec2> hull(points.size() * 2);
  size_t k = 0;
  for (const ImVec2& p : points) {  // lower chain
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {  // upper chain
    while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  hull.resize(k - 1);
  return hull;
}

void endPlane(AppState& app, PlaneFrame& frame) {
  if (!frame.said.empty() && frame.said.back() == ';') {
    frame.said.back() = '.';
    closeMirrorNode(app, openMirrorPicture(app, frame.said), frame.min, frame.max);
  }
  frame.view->heldExtent = frame.dragging ? frame.extent : 0.0f;
  frame.view->heldLow[0] = frame.low[0];
  frame.view->heldLow[1] = frame.low[1];
  const float gap = px(app, 16);
  const float right = ImGui::GetWindowPos().x + visibleRight() - ImGui::GetScrollX();
  if (right - frame.max.x - gap >= px(app, 220))
    ImGui::SetCursorScreenPos(ImVec2(frame.max.x + gap, frame.min.y));
  else
    ImGui::SetCursorScreenPos(ImVec2(frame.min.x, frame.max.y + ImGui::GetStyle().ItemSpacing.y));
  ImGui::BeginGroup();
}

void endCaption(PlaneFrame& frame) {
  ImGui::EndGroup();
  const float bottom = std::max(frame.max.y, ImGui::GetItemRectMax().y);
  ImGui::SetCursorScreenPos(ImVec2(frame.min.x, bottom));
  ImGui::Dummy(ImVec2(frame.max.x - frame.min.x, ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace ui
