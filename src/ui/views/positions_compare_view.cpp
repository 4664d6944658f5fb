// positions_compare_view.cpp: the "positions-compare" step view. The positions step's point in
// one picture: the sentence and its reversal, without positions and with them, side by side.
// Each token's output is a strip of coloured cells; a line takes each token to its place in
// the reversed sentence. Without positions (and without a mask) the strips arrive unchanged;
// with them, they change. Both come from the same core, through the session's cache.
#include <algorithm>
#include <cmath>

#include "text/decimals.h"
#include "ui/kit/bars.h"
#include "ui/kit/colormap.h"
#include "ui/kit/palette.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// A change this small is float rounding (sums in another order), not a change.
bool unchanged(float change, const core::Matrix& outputs) {
  float largest = 1;
  for (float v : outputs.values) largest = std::max(largest, std::fabs(v));
  return change <= 1e-5f * largest;
}

// One panel: the sentence, its outputs, the lines to the reversal, the reversal's outputs and
// how much each token's output changed.
void drawPanel(AppState& app, const char* title, const lesson::ReorderEffect& effect, float width, float reach) {
  const auto& tokens = app.session().lesson().tokens;
  const int n = static_cast<int>(tokens.size());
  ImGui::BeginGroup();
  ImGui::PushFont(app.platform.fonts.bold);
  textLine(app, title);
  ImGui::PopFont();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float column = width / static_cast<float>(n);
  const float cell = std::min(px(app, 16), (column - px(app, 6)) / static_cast<float>(effect.outputBefore.cols));
  const float stripWidth = cell * static_cast<float>(effect.outputBefore.cols);
  const float strip = px(app, 18), gap = px(app, 44);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const auto left = [&](int k) { return start.x + static_cast<float>(k) * column + (column - stripWidth) * 0.5f; };
  const auto name = [&](int token, int k, float y) {
    const std::string text = fitLabel(tokens[static_cast<size_t>(token)], column - px(app, 4));
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    draw->AddText(ImVec2(start.x + static_cast<float>(k) * column + (column - w) * 0.5f, y),
                  ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
  };
  const float stripTop = start.y + line + px(app, 2);
  const float reversedTop = stripTop + strip + gap;
  for (int i = 0; i < n; ++i) {
    const int k = n - 1 - i;  // where token i goes
    name(i, i, start.y);
    drawSignedStrip(draw, effect.outputBefore.rowData(i), effect.outputBefore.cols, ImVec2(left(i), stripTop), cell,
                    strip, reach);
    draw->AddLine(ImVec2(left(i) + stripWidth * 0.5f, stripTop + strip + px(app, 2)),
                  ImVec2(left(k) + stripWidth * 0.5f, reversedTop - px(app, 2)), tokenColour(i, n), px(app, 2));
    name(i, k, reversedTop);
    drawSignedStrip(draw, effect.outputAfter.rowData(k), effect.outputAfter.cols,
                    ImVec2(left(k), reversedTop + line + px(app, 2)), cell, strip, reach);
    const float change = effect.changeByToken[static_cast<size_t>(i)];
    const bool same = unchanged(change, effect.outputBefore);
    const std::string words = same ? "same" : text::fixedDecimals(change);
    const float w = ImGui::CalcTextSize(words.c_str()).x;
    draw->AddText(
        ImVec2(start.x + static_cast<float>(k) * column + (column - w) * 0.5f, reversedTop + line + strip + px(app, 6)),
        same ? ImGui::GetColorU32(ImGuiCol_TextDisabled) : ImGui::GetColorU32(kAccent), words.c_str());
  }
  ImGui::Dummy(ImVec2(width, reversedTop + line * 2 + strip + px(app, 8) - start.y));
  ImGui::EndGroup();
}

float largestChange(const lesson::ReorderEffect& effect) { return effect.ok ? effect.largestChange : 0.0f; }

}  // namespace

void drawPositionsCompare(AppState& app) {
  const auto& session = app.session();
  const auto& without = session.reverseEffect(lesson::Positional::None);
  if (!without.ok || without.outputBefore.cols == 0) return;
  const bool direct = session.lesson().source == lesson::VectorSource::Direct;
  const auto& with = direct ? without : session.reverseEffect(lesson::Positional::Sinusoidal);
  sectionHeading(app, "Reverse the sentence: which outputs change?");
  if (session.lesson().tokens.size() < 2) {
    paragraph(app, "With one token there is nothing to reverse: add tokens under Edit.");
    return;
  }
  float reach = 1e-6f;
  for (const auto* effect : {&without, &with})
    for (const auto* m : {&effect->outputBefore, &effect->outputAfter})
      for (float v : m->values) reach = std::max(reach, std::fabs(v));
  const bool sideBySide = !direct && visibleWidth() >= px(app, 700);
  const float width = sideBySide ? (visibleWidth() - px(app, 28)) / 2.0f : visibleWidth() - px(app, 4);
  drawPanel(app, "Without positions", without, width, reach);
  if (!direct) {
    if (sideBySide) ImGui::SameLine(0, px(app, 24));
    drawPanel(app, "With positions", with, width, reach);
  }
  const bool masked = session.lesson().mask.kind != core::MaskKind::None;
  std::string words =
      "Each strip is one token's output, a cell per column (orange above 0, blue below). Without positions ";
  words += unchanged(largestChange(without), without.outputBefore)
               ? "every token keeps its output exactly, now in its mirrored place."
               : "the outputs change by up to " + text::fixedDecimals(largestChange(without)) +
                     (masked ? ": the mask depends on where each token is." : ".");
  if (direct)
    words += " This example gives Q, K and V directly, so there is no X to add positions to.";
  else
    words += unchanged(largestChange(with), with.outputBefore)
                 ? " With positions nothing changes either."
                 : " With positions they change, by up to " + text::fixedDecimals(largestChange(with)) +
                       (masked ? ", the mask's part included: each token's vector now also says where it is."
                               : ": each token's vector now says where it is.");
  paragraph(app, words);
}

}  // namespace ui
