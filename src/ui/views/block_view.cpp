// block_view.cpp: the "transformer-block" step view. Where attention sits in a Transformer
// layer: attention, a residual addition and a normalisation, then a feed-forward network with
// its own addition and normalisation, drawn top to bottom with the residual paths beside them.
#include <algorithm>
#include <string>

#include "lesson/content/background.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

struct BlockPen {
  ImDrawList* draw;
  float left, width, y;  // the column of boxes, and the top of the next part
  float gap;             // the arrow between two parts
  float centreX() const { return left + width * 0.5f; }
};

void arrowDown(BlockPen& pen) {
  const float x = pen.centreX(), head = pen.gap * 0.3f;
  pen.draw->AddLine(ImVec2(x, pen.y), ImVec2(x, pen.y + pen.gap), kTourBlue, 2.0f);
  pen.draw->AddTriangleFilled(ImVec2(x - head, pen.y + pen.gap - head), ImVec2(x + head, pen.y + pen.gap - head),
                              ImVec2(x, pen.y + pen.gap), kTourBlue);
  pen.y += pen.gap;
}

void centredText(const BlockPen& pen, float y, const std::string& text, ImU32 colour) {
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float x = std::max(pen.left, pen.centreX() - size.x * 0.5f);  // wider than the boxes: from their left edge
  pen.draw->AddText(ImVec2(x, y), colour, text.c_str());
}

// A box with a centred label; the lesson's own part is filled with the accent.
void box(BlockPen& pen, const std::string& label, bool thisLesson) {
  const float height = ImGui::GetTextLineHeight() * 2.0f;
  const ImVec2 a(pen.left, pen.y), b(pen.left + pen.width, pen.y + height);
  pen.draw->AddRectFilled(a, b, thisLesson ? kAccentFill : ImGui::GetColorU32(ImGuiCol_FrameBg), 6.0f);
  pen.draw->AddRect(a, b, kTourBlue, 6.0f, 0, 1.5f);
  centredText(pen, pen.y + height * 0.25f, label, thisLesson ? kInkOnDark : ImGui::GetColorU32(ImGuiCol_Text));
  pen.y += height;
}

// The "+" where the part's input is added back; the path comes down the right-hand side
// from where the part's input branched off (branchY).
void residualAdd(BlockPen& pen, float branchY, float radius) {
  const float x = pen.centreX(), cy = pen.y + radius, side = pen.left + pen.width + radius * 2.0f;
  pen.draw->AddLine(ImVec2(x, branchY), ImVec2(side, branchY), kTourBlue, 2.0f);
  pen.draw->AddLine(ImVec2(side, branchY), ImVec2(side, cy), kTourBlue, 2.0f);
  pen.draw->AddLine(ImVec2(side, cy), ImVec2(x + radius, cy), kTourBlue, 2.0f);
  pen.draw->AddCircle(ImVec2(x, cy), radius, kTourBlue, 0, 2.0f);
  pen.draw->AddLine(ImVec2(x - radius * 0.6f, cy), ImVec2(x + radius * 0.6f, cy), kTourBlue, 2.0f);
  pen.draw->AddLine(ImVec2(x, cy - radius * 0.6f), ImVec2(x, cy + radius * 0.6f), kTourBlue, 2.0f);
  pen.y += radius * 2.0f;
}

// One sub-layer: arrow, the part, arrow, add its input back, arrow, normalise.
void subLayer(BlockPen& pen, const std::string& label, bool thisLesson, float radius) {
  const float branchY = pen.y + pen.gap * 0.4f;
  arrowDown(pen);
  box(pen, label, thisLesson);
  arrowDown(pen);
  residualAdd(pen, branchY, radius);
  arrowDown(pen);
  box(pen, "normalise", false);
}

}  // namespace

void drawTransformerBlock(AppState& app) {
  sectionHeading(app, "One Transformer layer");
  const float width = std::min(visibleWidth() - px(app, 60), px(app, 340));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  BlockPen pen{ImGui::GetWindowDrawList(), start.x, width, start.y, px(app, 22)};
  const float radius = px(app, 9);
  centredText(pen, pen.y, "one vector per token, from the layer below", ImGui::GetColorU32(ImGuiCol_Text));
  pen.y += ImGui::GetTextLineHeightWithSpacing();
  subLayer(pen, "attention (this lesson)", true, radius);
  subLayer(pen, "feed-forward: each token on its own", false, radius);
  arrowDown(pen);
  centredText(pen, pen.y + px(app, 2), "to the next layer: the same design again", ImGui::GetColorU32(ImGuiCol_Text));
  pen.y += ImGui::GetTextLineHeightWithSpacing();
  ImGui::Dummy(ImVec2(width + radius * 3.0f, pen.y - start.y));
  paragraph(app, lesson::transformerLayerDescription());
}

}  // namespace ui
