// kv_cache_view.cpp: the "kv-cache" step view. The sentence written one token at a time
// (lesson/model/kv_cache.h): Next token writes one more. The picture is the cache itself, a
// row per token written, its key and its value as strips of coloured cells; the newest
// token's query above, a bar of its weight beside each cached key, its output below. Then
// what writing it cost against recomputing every pair, and what the cache takes in memory,
// here and in a published model.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/model/kv_cache.h"
#include "text/decimals.h"
#include "ui/kit/colormap.h"
#include "ui/kit/palette.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// The sentence: the tokens written in blue, the newest outlined, those still to come faint.
void drawSentence(AppState& app, int written) {
  const auto& tokens = app.session().lesson().tokens;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  ImVec2 at = ImGui::GetCursorScreenPos();
  const float left = at.x, top = at.y, right = at.x + visibleWidth();
  float bottom = at.y;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string name = fitLabel(tokens[k], px(app, 110));
    const float w = ImGui::CalcTextSize(name.c_str()).x + px(app, 12);
    if (at.x + w > right && at.x > left) at = ImVec2(left, at.y + line + px(app, 14));
    const ImVec2 b(at.x + w, at.y + line + px(app, 8));
    const bool done = static_cast<int>(k) < written;
    draw->AddRectFilled(at, b, done ? kTourBlue : ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
    if (static_cast<int>(k) == written - 1) draw->AddRect(at, b, kAccentFill, 4.0f, 0, 2.5f);
    draw->AddText(ImVec2(at.x + px(app, 6), at.y + px(app, 4)),
                  done ? kInkOnDark : ImGui::GetColorU32(ImGuiCol_TextDisabled), name.c_str());
    at.x = b.x + px(app, 4);
    bottom = b.y;
  }
  ImGui::Dummy(ImVec2(1, bottom - top + px(app, 4)));
}

void drawWriteButtons(AppState& app, int written, int count) {
  ImGui::BeginDisabled(written <= 1);
  if (button(app, "\xE2\x86\x90 Back a token")) app.view.kvWritten = written - 1;
  ImGui::EndDisabled();
  registerItem(app, "kv-back", "Back a token, button: forgets the newest token written");
  ImGui::SameLine();
  ImGui::BeginDisabled(written >= count);
  if (button(app, "Next token \xE2\x86\x92")) app.view.kvWritten = written + 1;
  ImGui::EndDisabled();
  registerItem(app, "kv-next", [&] {
    return "Next token, button: " + std::to_string(written) + " of " + std::to_string(count) + " tokens written";
  });
  const std::string counted = std::to_string(written) + " of " + std::to_string(count) + " tokens written";
  sameLineIfFits(ImGui::CalcTextSize(counted.c_str()).x);  // under the buttons on a phone
  ImGui::AlignTextToFramePadding();
  textLine(app, counted);
}

// The cache, a row per written token: name, key, the newest query's weight on it, value.
void drawCache(AppState& app, const lesson::KvCacheStep& step, const core::Matrix& K, const core::Matrix& V, int head) {
  const auto& tokens = app.session().lesson().tokens;
  const int newest = step.written - 1;
  const core::Matrix& weights = step.newest.heads[static_cast<size_t>(head)].weights;
  const float line = ImGui::GetTextLineHeight(), rowHeight = line + px(app, 8);
  float reach = 1e-6f;
  for (const auto* m : {&K, &V, &step.outputs, &step.newest.Q})
    for (float v : m->values) reach = std::max(reach, std::fabs(v));
  const float nameWidth = px(app, 80);
  const float cell = std::clamp((visibleWidth() - nameWidth - px(app, 190)) / static_cast<float>(K.cols + V.cols),
                                px(app, 6), px(app, 16));
  const float keyWidth = cell * static_cast<float>(K.cols), valueWidth = cell * static_cast<float>(V.cols);
  const float barWidth = px(app, 110), barScale = barWidth - ImGui::CalcTextSize("0.00").x - px(app, 10);
  // Wide vectors on a phone: the rows scroll sideways in their own box.
  const float width = nameWidth + keyWidth + px(app, 10) + barWidth + px(app, 12) + valueWidth + px(app, 60);
  const WideBox box(app, "cache-rows", width,
                    line + px(app, 8) + rowHeight * static_cast<float>(newest + 3) + px(app, 4));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();  // the box's own, when the rows are in one
  const float keyX = start.x + nameWidth, barX = keyX + keyWidth + px(app, 10), valueX = barX + barWidth + px(app, 12);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled), ink = ImGui::GetColorU32(ImGuiCol_Text);
  // Headings, then the newest token's query above the keys it meets.
  draw->AddText(ImVec2(keyX, start.y), faint, "key");
  draw->AddText(ImVec2(barX, start.y), faint,
                step.newest.heads.size() > 1 ? ("weight, head " + std::to_string(head + 1)).c_str() : "weight");
  draw->AddText(ImVec2(valueX, start.y), faint, "value");
  float y = start.y + line + px(app, 4);
  draw->AddText(ImVec2(start.x, y + px(app, 4)), kAccentFill,
                ("q: " + fitLabel(tokens[static_cast<size_t>(newest)], nameWidth - px(app, 24))).c_str());
  drawSignedStrip(draw, step.newest.Q.rowData(0), step.newest.Q.cols, ImVec2(keyX, y + px(app, 4)), cell, line, reach);
  y += rowHeight + px(app, 4);
  for (int j = 0; j <= newest; ++j) {
    const bool fresh = j == newest;
    if (fresh)
      draw->AddRectFilled(ImVec2(start.x - px(app, 4), y), ImVec2(valueX + valueWidth + px(app, 60), y + rowHeight),
                          IM_COL32(250, 236, 220, 255), 4.0f);
    draw->AddText(ImVec2(start.x, y + px(app, 4)), ink,
                  fitLabel(tokens[static_cast<size_t>(j)], nameWidth - px(app, 6)).c_str());
    drawSignedStrip(draw, K.rowData(j), K.cols, ImVec2(keyX, y + px(app, 4)), cell, line, reach);
    const float w = weights.at(0, j);
    draw->AddRectFilled(ImVec2(barX, y + px(app, 5)),
                        ImVec2(barX + std::max(1.0f, w * barScale), y + rowHeight - px(app, 5)), kTourBlue, 2.0f);
    draw->AddText(ImVec2(barX + w * barScale + px(app, 4), y + px(app, 4)), ink, text::fixedDecimals(w).c_str());
    drawSignedStrip(draw, V.rowData(j), V.cols, ImVec2(valueX, y + px(app, 4)), cell, line, reach);
    if (fresh && valueX + valueWidth + px(app, 6) + ImGui::CalcTextSize("new").x <= start.x + visibleWidth())
      draw->AddText(ImVec2(valueX + valueWidth + px(app, 6), y + px(app, 4)), kAccentFill, "new");
    y += rowHeight;
  }
  y += px(app, 4);
  draw->AddText(ImVec2(start.x, y + px(app, 4)), kAccentFill, "output");
  drawSignedStrip(draw, step.outputs.rowData(newest), step.outputs.cols, ImVec2(valueX, y + px(app, 4)), cell, line,
                  reach);
  ImGui::Dummy(ImVec2(valueX + valueWidth + px(app, 60) - start.x, y + rowHeight - start.y));
}

}  // namespace

void drawKvCache(AppState& app) {
  const auto& session = app.session();
  const int count = static_cast<int>(session.lesson().tokens.size());
  app.view.kvWritten = std::clamp(app.view.kvWritten, 1, std::max(1, count));
  const lesson::KvCacheStep& step = session.kvCache(app.view.kvWritten);
  if (!step.ok) return;
  sectionHeading(app, "The cache, one token at a time");
  drawWriteButtons(app, step.written, count);
  drawSentence(app, step.written);
  const int head = std::clamp(app.view.selectedHead, 0, static_cast<int>(step.newest.heads.size()) - 1);
  const auto& full = session.trace().attention;
  drawCache(app, step, full.K, full.V, head);
  const std::string newest = inQuotes(session.lesson().tokens[static_cast<size_t>(step.written - 1)]);
  char difference[32];
  std::snprintf(difference, sizeof difference, "%.2g", static_cast<double>(step.largestDifference));
  paragraph(
      app,
      "The query of " + newest + " met " +
          (step.written == 1 ? std::string("the one cached key, its own")
                             : "the " + std::to_string(step.written) + " cached keys, its own included") +
          ", and its key and value joined the cache. Every output written so far equals the row of the full causal "
          "computation (largest difference " +
          difference + ")." +
          (session.lesson().mask.kind == core::MaskKind::Causal
               ? ""
               : " Your lesson's mask is not causal here; a model that writes always is, and so is this step."));
  textTable(app, {"to write " + newest, "multiply-adds"},
            {{"with the cache", text::groupedCount(static_cast<double>(step.multiplyAddsWithCache))},
             {"recomputing every visible pair", text::groupedCount(static_cast<double>(step.multiplyAddsWithout))}});
  const lesson::ModelCacheShape& model = lesson::kLlama2_7B;
  paragraph(app, "The cache holds " + text::groupedCount(static_cast<double>(step.cachedNumbers)) + " numbers here (" +
                     text::byteSize(static_cast<double>(step.cachedNumbers) * 4) + " in 32-bit floats). " + model.name +
                     " keeps " + text::groupedCount(lesson::cacheBytes(model, 1)) + " bytes per token (" +
                     std::to_string(model.layers) + " layers \xC3\x97 " + std::to_string(model.heads) +
                     " heads \xC3\x97 " + std::to_string(model.headWidth) + " \xC3\x97 2 numbers, 16-bit): " +
                     text::byteSize(lesson::cacheBytes(model, 4096)) + " for 4,096 tokens.");
}

}  // namespace ui
