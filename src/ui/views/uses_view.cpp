// uses_view.cpp: the "uses" step view. The same computation in five fields: for each, a small
// picture of what a token is there (pieces of words, a source and its translation, the patches
// of an image, code, amino acids) with where one token looks, beside what attention does there.
// The pictures are lesson data (lesson/content/background.cpp) and show no weights.
#include <algorithm>
#include <cmath>

#include "lesson/content/background.h"
#include "ui/kit/palette.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

struct Box {
  ImVec2 min, max;
  ImVec2 top() const { return ImVec2((min.x + max.x) * 0.5f, min.y); }
  ImVec2 bottom() const { return ImVec2((min.x + max.x) * 0.5f, max.y); }
};

// A row of token boxes from `at`, each as wide as its text; returns them.
std::vector<Box> drawRow(AppState& app, const lesson::InlineList<std::string_view, 10>& pieces, size_t first,
                         size_t last, ImVec2 at, ImU32 fill) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  std::vector<Box> boxes;
  for (size_t k = first; k < last; ++k) {
    const char* text = pieces[k].data();
    const char* textEnd = text + pieces[k].size();
    const float w = ImGui::CalcTextSize(text, textEnd).x + px(app, 10);
    const Box box{at, ImVec2(at.x + w, at.y + line + px(app, 6))};
    draw->AddRectFilled(box.min, box.max, fill, 4.0f);
    draw->AddText(ImVec2(at.x + px(app, 5), at.y + px(app, 3)), ImGui::GetColorU32(ImGuiCol_Text), text, textEnd);
    boxes.push_back(box);
    at.x += w + px(app, 3);
  }
  return boxes;
}

// Where one token looks: an arc over the row from the looking token down to the one it reads.
void arc(ImDrawList* draw, ImVec2 from, ImVec2 to, float lift, float thickness) {
  const float rise = std::min(lift, 0.35f * std::max(12.0f, std::abs(to.x - from.x)));
  draw->AddBezierCubic(from, ImVec2(from.x, from.y - rise), ImVec2(to.x, to.y - rise), to, kAccentFill, thickness);
  draw->AddCircleFilled(to, thickness * 1.6f, kAccentFill);
}

// The use's picture at the cursor; returns its size.
ImVec2 drawUsePicture(AppState& app, const lesson::AttentionUse& use) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight(), thick = px(app, 2);
  const ImU32 fill = IM_COL32(226, 232, 245, 255);
  ImVec2 size;
  switch (use.layout) {
    case lesson::UseLayout::Row: {
      const float lift = px(app, 30);
      const auto boxes = drawRow(app, use.pieces, 0, use.pieces.size(), ImVec2(start.x, start.y + lift), fill);
      for (const auto& [from, to] : use.links)
        arc(draw, boxes[static_cast<size_t>(from)].top(), boxes[static_cast<size_t>(to)].top(), lift, thick);
      size = ImVec2(boxes.back().max.x - start.x, boxes.back().max.y - start.y);
      break;
    }
    case lesson::UseLayout::TwoRows: {
      const size_t split = static_cast<size_t>(use.split);
      const auto source = drawRow(app, use.pieces, 0, split, start, fill);
      const auto written = drawRow(app, use.pieces, split, use.pieces.size(),
                                   ImVec2(start.x, start.y + line + px(app, 36)), IM_COL32(250, 230, 210, 255));
      for (const auto& [from, to] : use.links)
        draw->AddLine(written[static_cast<size_t>(from) - split].top(), source[static_cast<size_t>(to)].bottom(),
                      kAccentFill, thick);
      size = ImVec2(std::max(source.back().max.x, written.back().max.x) - start.x, written.back().max.y - start.y);
      break;
    }
    case lesson::UseLayout::Patches: {
      // An image of sky, hills and ground, cut into square patches.
      const int side = static_cast<int>(std::lround(std::sqrt(static_cast<double>(use.pieces.size()))));
      const float patch = px(app, 24), gap = px(app, 2);
      const ImU32 shades[] = {IM_COL32(170, 205, 240, 255), IM_COL32(120, 180, 110, 255), IM_COL32(165, 130, 90, 255)};
      const auto centre = [&](int k) {
        return ImVec2(start.x + (static_cast<float>(k % side) + 0.5f) * (patch + gap),
                      start.y + (static_cast<float>(k / side) + 0.5f) * (patch + gap));
      };
      for (int k = 0; k < side * side; ++k) {
        const ImVec2 c = centre(k);
        draw->AddRectFilled(ImVec2(c.x - patch * 0.5f, c.y - patch * 0.5f),
                            ImVec2(c.x + patch * 0.5f, c.y + patch * 0.5f), shades[k / side], 2.0f);
      }
      for (const auto& [from, to] : use.links) {
        draw->AddLine(centre(from), centre(to), kAccentFill, thick);
        draw->AddCircleFilled(centre(to), thick * 1.6f, kAccentFill);
      }
      const float extent = static_cast<float>(side) * (patch + gap);
      size = ImVec2(extent, extent);
      break;
    }
  }
  ImGui::Dummy(size);
  return size;
}

}  // namespace

void drawUses(AppState& app) {
  sectionHeading(app, "One computation, many kinds of token");
  const bool beside = visibleWidth() >= px(app, 560);
  const float pictureWidth = px(app, 250);
  const auto title = [&](const lesson::AttentionUse& use) {
    ImGui::PushFont(app.platform.fonts.bold);
    paragraph(app, use.field);
    ImGui::PopFont();
  };
  // Wide: the picture left of the field's name and words; narrow: the name, the picture, the words.
  for (const auto& use : lesson::attentionUses()) {
    if (!beside) title(use);
    ImGui::BeginGroup();
    drawUsePicture(app, use);
    ImGui::EndGroup();
    if (beside) {
      ImGui::SameLine(pictureWidth);
      ImGui::BeginGroup();
      title(use);
    }
    paragraph(app, std::string("A token is: ").append(use.tokens).append("."));
    paragraph(app, std::string("Attention: ").append(use.attention).append("."));
    if (beside) ImGui::EndGroup();
    ImGui::Spacing();
    ImGui::Spacing();
  }
}

}  // namespace ui
