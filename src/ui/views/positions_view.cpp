// positions_view.cpp: the "positions" step view. Reverse or shuffle the sentence and see that,
// without positions (and without a mask), every token keeps its output, only in a new row;
// switch on the sinusoidal encoding and the same reversal changes the outputs. The encoding
// itself is drawn as a grid, one row per position.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/model/actions.h"
#include "lesson/model/token_order.h"
#include "text/decimals.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

void drawOrderButtons(AppState& app) {
  if (ImGui::Button("Reverse the tokens")) queue(app, lesson::actions::ReverseTokens{});
  registerItem(app, "reverse-tokens", "Reverse the tokens, button: the last token becomes the first");
  ImGui::SameLine();
  if (ImGui::Button("Shuffle the tokens")) queue(app, lesson::actions::ShuffleTokens{++app.view.randomSeed});
  registerItem(app, "shuffle-tokens", "Shuffle the tokens, button: puts them in a random order");
  bool positions = app.session().lesson().positional == lesson::Positional::Sinusoidal;
  if (ImGui::Checkbox("Add positions (sinusoidal encoding)", &positions))
    queue(app, lesson::actions::SetPositional{positions ? lesson::Positional::Sinusoidal : lesson::Positional::None});
  registerItem(app, "positional", [&] {
    return std::string("Add positions, sinusoidal encoding, checkbox, ") +
           (app.session().lesson().positional == lesson::Positional::Sinusoidal ? "on" : "off");
  });
}

// What reversing would do, token by token: nothing at all, or a change that positions or a
// mask bring. A change within float rounding (sums in another order can differ in the last
// bits) is no change; "attention alone cannot tell the order" is said only where nothing but
// attention is on (a window mask can be symmetric under reversal and still see the order).
void drawReverseEffect(AppState& app) {
  const lesson::ReorderEffect& effect = app.session().reverseEffect();
  if (!effect.ok) return;
  const auto& s = app.session().lesson();
  const bool positions = s.positional == lesson::Positional::Sinusoidal;
  const bool masked = s.mask.kind != core::MaskKind::None;
  float largestOutput = 0;
  for (float v : app.session().trace().attention.output.values) largestOutput = std::max(largestOutput, std::fabs(v));
  const bool rounding = effect.largestChange <= 1e-5f * std::max(1.0f, largestOutput);
  if (rounding || (!positions && !masked)) {
    paragraph(std::string("Reversing the tokens now would give every token the output it has now") +
              (effect.largestChange == 0.0f ? " exactly" : ", up to float rounding,") + ", only in its new row" +
              (positions || masked ? "."
                                   : ": the outputs are reordered, not changed. Attention alone cannot tell the "
                                     "order of the words."));
    return;
  }
  char largest[32];
  std::snprintf(largest, sizeof largest, "%.2g", static_cast<double>(effect.largestChange));
  const std::string why = positions && masked ? "the positions and the mask depend on where each token is"
                          : positions         ? "the positions added to each token change"
                                              : "the mask depends on where each token is";
  paragraph("Reversing the tokens now would change their outputs, by up to " + std::string(largest) +
            " in one entry, because " + why + ". Largest change per token:");
  std::vector<std::string> pieces;
  for (size_t i = 0; i < effect.changeByToken.size(); ++i) {
    const std::string value = text::fixedDecimals(static_cast<double>(effect.changeByToken[i]));
    pieces.push_back(fitLabel(s.tokens[i], px(app, 90)) + " " + value +
                     (i + 1 < effect.changeByToken.size() ? "," : ""));
  }
  flowPieces(pieces);
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
  paragraph(text);
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
      const ImVec4 base = v >= 0 ? kWarmCell : kCoolCell;
      const float strength = std::min(1.0f, std::fabs(v));
      const ImVec4 colour(1.0f + (base.x - 1.0f) * strength, 1.0f + (base.y - 1.0f) * strength,
                          1.0f + (base.z - 1.0f) * strength, 1.0f);
      draw->AddRectFilled(a, ImVec2(a.x + cell - 2.0f, a.y + rowHeight - 2.0f), ImGui::GetColorU32(colour), 3.0f);
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
  sectionHeading(app, "Does attention know the order?");
  drawOrderButtons(app);
  drawReverseEffect(app);
  drawPositionShift(app);
  const auto& trace = app.session().trace();
  if (trace.positions.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    paragraph("Switch positions on to see the encoding added to each row of X.");
    ImGui::PopStyleColor();
    return;
  }
  ImGui::Spacing();
  sectionHeading(app, "The positions added to X");
  paragraph(
      "Row p is added to the embedding of the token at position p. Each pair of columns is a sine and a cosine "
      "of p at its own frequency: fast in the first columns, slow in the last, so every position gets its own "
      "pattern, and with hundreds of columns nearby positions get the most similar ones.");
  const auto [closeBy, farOff] = app.session().positionShift().farLookalike;  // worked out once per change
  if (closeBy >= 0)
    paragraph("With only " + std::to_string(trace.positions.cols) +
              " columns, as here, the slow waves are missing: pos " + std::to_string(farOff) + " looks more like pos " +
              std::to_string(closeBy) + " than pos " + std::to_string(closeBy + 1) + " does.");
  drawEncodingGrid(app, trace.positions);
}

}  // namespace ui
