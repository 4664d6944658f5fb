// positions_view.cpp: the "positions" step view. Reverse or shuffle the sentence, switch the
// sinusoidal encoding on or off (positions_compare_view.cpp draws what reversing does either
// way), and see what the positions did to the selected query; the encoding itself is drawn as
// a grid, one row per position.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/model/actions.h"
#include "lesson/model/token_order.h"
#include "text/decimals.h"
#include "ui/kit/colormap.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

void drawOrderButtons(AppState& app) {
  if (button(app, "Reverse the tokens")) queue(app, lesson::actions::ReverseTokens{});
  registerItem(app, "reverse-tokens", "Reverse the tokens, button: the last token becomes the first");
  ImGui::SameLine();
  if (button(app, "Shuffle the tokens")) queue(app, lesson::actions::ShuffleTokens{++app.view.randomSeed});
  registerItem(app, "shuffle-tokens", "Shuffle the tokens, button: puts them in a random order");
  bool positions = app.session().lesson().positional == lesson::Positional::Sinusoidal;
  if (ImGui::Checkbox("Add positions (sinusoidal encoding)", &positions))
    queue(app, lesson::actions::SetPositional{positions ? lesson::Positional::Sinusoidal : lesson::Positional::None});
  registerItem(
      app, "positional",
      [&] {
        return std::string("Add positions, sinusoidal encoding, checkbox, ") +
               (app.session().lesson().positional == lesson::Positional::Sinusoidal ? "on" : "off");
      },
      Role::Toggle, app.session().lesson().positional == lesson::Positional::Sinusoidal);
}

// When the positions took the selected query's weight from one key to another, say so, with the
// sizes that explain it: in a few dimensions the position vectors are as long as the meanings.
void drawPositionShift(AppState& app) {
  const lesson::PositionShift& shift = app.session().positionShift();
  if (!shift.moved) return;
  const auto& tokens = app.session().lesson().tokens;
  const auto word = [&](int k) { return "\"" + tokens[static_cast<size_t>(k)] + "\""; };
  char text[512];
  std::snprintf(text, sizeof text,
                "With positions, %s puts %.2f of its weight%s on %s; without them it put %.2f on %s. The position "
                "vectors here are %.2f long on average, the embeddings %.2f: in %d dimensions the positions can "
                "outweigh the meanings. Real models have hundreds of dimensions, room for the two to sit apart.",
                word(app.session().lesson().selected).c_str(), static_cast<double>(shift.weightWith),
                app.session().lesson().heads > 1 ? " (mean of the heads)" : "", word(shift.favouriteWith).c_str(),
                static_cast<double>(shift.weightWithout), word(shift.favouriteWithout).c_str(),
                static_cast<double>(shift.positionLength), static_cast<double>(shift.embeddingLength),
                app.session().lesson().dModel);
  paragraph(app, text);
}

// The encoding as a grid: orange for positive, blue for negative, the value in each cell.
void drawEncodingGrid(AppState& app, const core::Matrix& pe) {
  const float cell = std::clamp((visibleWidth() - px(app, 70)) / static_cast<float>(pe.cols), px(app, 14), px(app, 44));
  const bool numbers = cell >= ImGui::CalcTextSize("-0.00").x + px(app, 4);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float labelWidth = px(app, 64);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rowHeight = ImGui::GetTextLineHeight() + px(app, 6);
  for (int r = 0; r < pe.rows; ++r) {
    const float y = start.y + static_cast<float>(r) * rowHeight;
    const std::string label = "pos " + std::to_string(r);
    draw->AddText(ImVec2(start.x, y + px(app, 3)), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    for (int c = 0; c < pe.cols; ++c) {
      const float v = pe.at(r, c);
      const ImVec2 a(start.x + labelWidth + static_cast<float>(c) * cell, y);
      const float strength = std::min(1.0f, std::fabs(v));
      draw->AddRectFilled(a, ImVec2(a.x + cell - 2.0f, a.y + rowHeight - 2.0f), divergingColour(v), 3.0f);
      if (numbers) {
        const std::string text = formatNumber(v);
        const float w = ImGui::CalcTextSize(text.c_str()).x;
        draw->AddText(ImVec2(a.x + (cell - 2.0f - w) * 0.5f, a.y + px(app, 3)),
                      strength > 0.6f ? kInkOnDark : kInkOnLight, text.c_str());
      }
    }
  }
  ImGui::Dummy(ImVec2(labelWidth + cell * static_cast<float>(pe.cols), rowHeight * static_cast<float>(pe.rows)));
}

}  // namespace

void drawPositions(AppState& app) {
  sectionHeading(app, "Try it on the sentence");
  drawOrderButtons(app);
  drawPositionShift(app);
  const auto& trace = app.session().trace();
  if (trace.positions.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph(app, "Switch positions on to see the encoding added to each row of X.");
    ImGui::PopStyleColor();
    return;
  }
  ImGui::Spacing();
  sectionHeading(app, "The positions added to X");
  paragraph(app,
            "Row p is added to the embedding of the token at position p. Each pair of columns is a sine and a cosine "
            "of p at its own frequency: fast in the first columns, slow in the last, so every position gets its own "
            "pattern, and with hundreds of columns nearby positions get the most similar ones.");
  const auto [closeBy, farOff] = app.session().positionShift().farLookalike;  // worked out once per change
  if (closeBy >= 0)
    paragraph(app, "With only " + std::to_string(trace.positions.cols) +
                       " columns, as here, the slow waves are missing: pos " + std::to_string(farOff) +
                       " looks more like pos " + std::to_string(closeBy) + " than pos " + std::to_string(closeBy + 1) +
                       " does.");
  drawEncodingGrid(app, trace.positions);
}

}  // namespace ui
