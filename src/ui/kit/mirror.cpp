// mirror.cpp: the mirror's text, tables and pictures, at the rectangles Dear ImGui gave them.
#include "ui/kit/mirror.h"

#include <imgui.h>

#include <utility>

namespace ui {

namespace {

constexpr size_t kNotRecorded = static_cast<size_t>(-1);

void placeAtLastItem(MirrorNode& node) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  node.x = min.x, node.y = min.y, node.w = max.x - min.x, node.h = max.y - min.y;
}

size_t open(AppState& app, MirrorNode node) {
  if (!mirroring(app)) return kNotRecorded;
  node.part = static_cast<int>(app.focus.part);
  app.focus.mirrorBuilding.push_back(std::move(node));
  return app.focus.mirrorBuilding.size() - 1;
}

}  // namespace

void mirrorText(AppState& app, MirrorNode::Kind kind, std::string text) {
  if (!mirroring(app) || text.empty()) return;
  MirrorNode node;
  node.kind = kind;
  node.text = std::move(text);
  placeAtLastItem(node);
  open(app, std::move(node));
}

size_t openMirrorTable(AppState& app, std::string id, std::string caption, std::vector<std::string> rows,
                       std::vector<std::string> cols, std::vector<std::string> cells) {
  if (!mirroring(app)) return kNotRecorded;
  MirrorNode node;
  node.kind = MirrorNode::Kind::Table;
  node.id = std::move(id);
  node.text = std::move(caption);
  node.rows = std::move(rows);
  node.cols = std::move(cols);
  node.cells = std::move(cells);
  return open(app, std::move(node));
}

size_t openMirrorPicture(AppState& app, std::string text) {
  if (!mirroring(app) || text.empty()) return kNotRecorded;
  MirrorNode node;
  node.kind = MirrorNode::Kind::Picture;
  node.text = std::move(text);
  return open(app, std::move(node));
}

void closeMirrorNode(AppState& app, size_t opened) {
  closeMirrorNode(app, opened, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void closeMirrorNode(AppState& app, size_t opened, ImVec2 min, ImVec2 max) {
  if (opened == kNotRecorded || opened >= app.focus.mirrorBuilding.size()) return;
  MirrorNode& node = app.focus.mirrorBuilding[opened];
  node.x = min.x, node.y = min.y, node.w = max.x - min.x, node.h = max.y - min.y;
}

}  // namespace ui
