// mirror.cpp: the mirror's text, tables and pictures, at the rectangles Dear ImGui gave them.
#include "ui/kit/mirror.h"

#include <imgui.h>

#include <utility>

namespace ui {

namespace {

void placeAt(MirrorNode& node, ImVec2 min, ImVec2 max) {
  node.x = min.x, node.y = min.y, node.w = max.x - min.x, node.h = max.y - min.y;
}

size_t add(AppState& app, MirrorNode&& node) {
  node.part = static_cast<int>(app.focus.part);
  app.focus.mirrorBuilding.push_back(std::move(node));
  return app.focus.mirrorBuilding.size() - 1;
}

}  // namespace

void mirrorText(AppState& app, MirrorNode::Kind kind, std::string_view text) {
  // Text drawn in a transparent colour holds a place (a quiz answer's explanation until it is
  // answered): a screen reader must not read what the eye cannot see.
  if (!mirroring(app) || text.empty() || ImGui::GetStyleColorVec4(ImGuiCol_Text).w <= 0.0f) return;
  MirrorNode node;
  node.kind = kind;
  node.text = std::string(text);
  placeAt(node, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  add(app, std::move(node));
}

void mirrorItem(AppState& app, const std::string& id, std::string spoken, Role role, bool on, float value,
                bool disabled, float low, float high) {
  if (!mirroring(app)) return;
  MirrorNode node;
  node.kind = MirrorNode::Kind::Item;
  node.role = role;
  node.on = on;
  node.value = value;
  node.low = low;
  node.high = high;
  node.disabled = disabled;
  node.id = id;
  node.text = std::move(spoken);
  placeAt(node, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  add(app, std::move(node));
}

size_t openMirrorTable(AppState& app, std::string_view id, std::string_view caption,
                       const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                       std::vector<std::string> cells) {
  if (!mirroring(app)) return kNotMirrored;
  MirrorNode node;
  node.kind = MirrorNode::Kind::Table;
  node.id = std::string(id);
  node.text = std::string(caption);
  node.rows = rows;
  node.cols = cols;
  node.cells = std::move(cells);
  return add(app, std::move(node));
}

size_t openMirrorPicture(AppState& app, std::string_view text) {
  if (!mirroring(app) || text.empty()) return kNotMirrored;
  MirrorNode node;
  node.kind = MirrorNode::Kind::Picture;
  node.text = std::string(text);
  return add(app, std::move(node));
}

void closeMirrorNode(AppState& app, size_t opened) {
  closeMirrorNode(app, opened, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void closeMirrorNode(AppState& app, size_t opened, ImVec2 min, ImVec2 max) {
  if (opened >= app.focus.mirrorBuilding.size()) return;  // kNotMirrored, or a frame that records nothing
  placeAt(app.focus.mirrorBuilding[opened], min, max);
}

}  // namespace ui
