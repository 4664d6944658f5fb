// cross_view.cpp: the "cross-attention" step view. The picture is the alignment: the sentence
// being written above, the source sentence below, a line from each written word to each source
// word as thick as its weight (lesson/model/cross_attention.h). A click on a written word picks
// out its lines and their weights. Beside it, the pair picker and what the weights say, in
// words computed from them; the shapes show that Q and K come from different sentences.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "lesson/content/translations.h"
#include "lesson/model/actions.h"
#include "text/decimals.h"
#include "ui/kit/palette.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

void drawPairPicker(AppState& app, const lesson::CrossExample& cross) {
  bool first = true;
  for (const auto& pair : lesson::translationPairs()) {
    const std::string label(pair.label);
    if (!first) sameLineIfFits(choiceWidth(label.c_str()));
    first = false;
    // A click loads the pair as written, also the one already picked after edits or setState.
    if (ImGui::RadioButton(label.c_str(), cross.pairId == pair.id)) {
      queue(app, lesson::actions::LoadTranslation{std::string(pair.id)});
      app.view.crossWord = -1;
    }
    registerItem(
        app, "translation-" + std::string(pair.id), [&] { return label + ", sentence pair"; }, Role::Option,
        cross.pairId == pair.id);
  }
}

// One row of words, each centred in an equal share of the width; returns each box's rectangle.
std::vector<ImRect> layoutWords(AppState& app, const std::vector<std::string>& words, float left, float width,
                                float top) {
  std::vector<ImRect> boxes;
  const float share = width / static_cast<float>(words.size());
  const float height = ImGui::GetTextLineHeight() + px(app, 10);
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string name = fitLabel(words[k], share - px(app, 14));
    // At least 44 CSS px wide where there is room, so a finger finds a short word ("I").
    const float w =
        std::max(ImGui::CalcTextSize(name.c_str()).x + px(app, 12), std::min(px(app, 44), share - px(app, 4)));
    const float centre = left + share * (static_cast<float>(k) + 0.5f);
    boxes.emplace_back(ImVec2(centre - w * 0.5f, top), ImVec2(centre + w * 0.5f, top + height));
  }
  return boxes;
}

void drawWord(AppState& app, const ImRect& box, const std::string& word, ImU32 fill, ImU32 ink) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(box.Min, box.Max, fill, 4.0f);
  const std::string name = fitLabel(word, box.GetWidth() - px(app, 10));
  const float x = box.GetCenter().x - ImGui::CalcTextSize(name.c_str()).x * 0.5f;
  draw->AddText(ImVec2(x, box.Min.y + px(app, 5)), ink, name.c_str());
}

// The alignment: written words above, source words below, a line per pair as thick as its weight.
// Returns the written word whose lines it picked out: the one under the pointer, else `picked`.
int drawAlignment(AppState& app, const lesson::CrossExample& cross, const core::Matrix& weights, int picked) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float line = ImGui::GetTextLineHeight();
  const float left = start.x, width = std::max(px(app, 120), visibleWidth());
  const float gap = px(app, 96);
  // Where each of Q, K and V comes from, said over and under the two sentences: the one
  // difference from self-attention, where both rows would be the same sentence.
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  draw->AddText(start, faint, "writing: the queries Q come from here");
  const auto written = layoutWords(app, cross.target, left, width, start.y + line + px(app, 4));
  const auto read = layoutWords(app, cross.source, left, width, written[0].Max.y + gap);
  draw->AddText(ImVec2(start.x, read[0].Max.y + line + px(app, 6)), faint,
                "reading: the keys K and values V come from here");
  // A written word under the pointer shows its lines as a click would.
  for (size_t i = 0; i < written.size(); ++i)
    if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(written[i].Min, written[i].Max))
      picked = static_cast<int>(i);
  // The other words' lines first, faint, then the picked word's on top.
  for (int pass = 0; pass < 2; ++pass)
    for (int i = 0; i < weights.rows; ++i) {
      if ((i == picked) != (pass == 1)) continue;
      for (int j = 0; j < weights.cols; ++j) {
        const float w = weights.at(i, j);
        if (w < 0.02f) continue;
        const ImVec2 from(written[static_cast<size_t>(i)].GetCenter().x, written[static_cast<size_t>(i)].Max.y);
        const ImVec2 to(read[static_cast<size_t>(j)].GetCenter().x, read[static_cast<size_t>(j)].Min.y);
        const int alpha =
            static_cast<int>(std::lround((pass == 1 ? 90.0f : 40.0f) + (pass == 1 ? 165.0f : 110.0f) * w));
        const ImU32 colour = pass == 1 ? IM_COL32(230, 100, 30, alpha) : IM_COL32(40, 90, 200, alpha);
        draw->AddLine(from, to, colour, px(app, 1.0f + 7.0f * w));
      }
    }
  for (size_t i = 0; i < written.size(); ++i) {
    // The word's box, or a fingertip's around its centre on a touch screen.
    const ImVec2 hit = touchSize(app, written[i].GetSize());
    ImGui::SetCursorScreenPos(ImVec2(std::clamp(written[i].GetCenter().x - hit.x * 0.5f, left, left + width - hit.x),
                                     written[i].GetCenter().y - hit.y * 0.5f));
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("##written", hit)) app.view.crossWord = static_cast<int>(i);
    ImGui::PopID();
    registerItem(
        app, "cross-word[" + std::to_string(i) + "]",
        [&] {
          return "written word " + inQuotes(cross.target[i]) + ", button: shows the weights it gives the source words";
        },
        Role::Option, static_cast<int>(i) == picked);
    const bool isPicked = static_cast<int>(i) == picked;
    drawWord(app, written[i], cross.target[i], isPicked ? kAccentFill : kTourBlue, kInkOnDark);
  }
  for (size_t j = 0; j < read.size(); ++j) {
    drawWord(app, read[j], cross.source[j], ImGui::GetColorU32(ImGuiCol_FrameBg), ImGui::GetColorU32(ImGuiCol_Text));
    const float w = weights.at(picked, static_cast<int>(j));
    if (w < 0.005f) continue;
    const std::string value = text::fixedDecimals(w);
    const float x = read[j].GetCenter().x - ImGui::CalcTextSize(value.c_str()).x * 0.5f;
    draw->AddText(ImVec2(x, read[j].Max.y + px(app, 2)), kAccentFill, value.c_str());
  }
  ImGui::SetCursorScreenPos(start);
  ImGui::Dummy(ImVec2(width, read[0].Max.y + 2 * line - start.y + px(app, 10)));
  return picked;
}

}  // namespace

void drawCrossAttention(AppState& app) {
  const auto& session = app.session();
  const lesson::CrossExample& cross = session.lesson().cross;
  const lesson::CrossTrace& trace = session.trace().cross;
  drawPairPicker(app, cross);
  if (cross.empty()) {
    paragraph(app, "No sentence pair is loaded: pick one above.");
    return;
  }
  if (!trace.ok) {
    paragraph(app, trace.error);
    return;
  }
  const core::Matrix& weights = trace.weights();
  if (app.view.crossWord < 0) app.view.crossWord = lesson::widestReader(weights);
  app.view.crossWord = std::clamp(app.view.crossWord, 0, weights.rows - 1);
  const int shown = drawAlignment(app, cross, weights, app.view.crossWord);
  paragraph(app, lesson::describeAlignment(cross, weights, shown));
  const auto& a = trace.attention;
  const auto shape = [](const core::Matrix& m) {
    return std::to_string(m.rows) + " \xC3\x97 " + std::to_string(m.cols);
  };
  textTable(app, {"", "shape", "rows \xC3\x97 columns"},
            {{"Q", shape(a.Q), "written words \xC3\x97 features"},
             {"K", shape(a.K), "source words \xC3\x97 features"},
             {"V", shape(a.V), "source words \xC3\x97 features"},
             {"weights", shape(weights), "written \xC3\x97 source words"}});
  const auto& lesson = session.lesson();
  if (!lesson.scale || text::fixedDecimals(lesson.temperature) != "1.00")
    paragraph(app, "These weights use your lesson's settings: " +
                       std::string(lesson.scale ? "scores divided by \xE2\x88\x9A"
                                                  "d_k"
                                                : "no division by \xE2\x88\x9A"
                                                  "d_k") +
                       ", temperature " + text::fixedDecimals(lesson.temperature) + ".");
}

}  // namespace ui
