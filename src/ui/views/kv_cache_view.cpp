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
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

std::string countText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", value);
  std::string digits = text, grouped;
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  return grouped;
}

std::string bytesText(double bytes) {
  char text[32];
  if (bytes < 1e4)
    std::snprintf(text, sizeof text, "%.0f bytes", bytes);
  else if (bytes < 1e7)
    std::snprintf(text, sizeof text, "%.1f kB", bytes / 1e3);
  else if (bytes < 1e10)
    std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
  else
    std::snprintf(text, sizeof text, "%.1f GB", bytes / 1e9);
  return text;
}

void drawWriteButtons(AppState& app, int written, int count) {
  ImGui::BeginDisabled(written <= 1);
  if (ImGui::Button("\xE2\x86\x90 Back a token")) app.view.kvWritten = written - 1;
  ImGui::EndDisabled();
  registerItem(app, "kv-back", "Back a token, button: forgets the newest token written");
  ImGui::SameLine();
  ImGui::BeginDisabled(written >= count);
  if (ImGui::Button("Next token \xE2\x86\x92")) app.view.kvWritten = written + 1;
  ImGui::EndDisabled();
  registerItem(app, "kv-next", [&] {
    return "Next token, button: " + std::to_string(written) + " of " + std::to_string(count) + " tokens written";
  });
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%d of %d tokens written", written, count);
}

// A vector as a strip of cells, orange above 0 and blue below, on the scale `reach`.
void strip(ImDrawList* draw, const float* values, int count, ImVec2 at, float cell, float height, float reach) {
  for (int c = 0; c < count; ++c) {
    const ImVec2 a(at.x + static_cast<float>(c) * cell, at.y);
    const float t = values[c] / reach;
    draw->AddRectFilled(a, ImVec2(a.x + cell - 1.0f, a.y + height),
                        divergingColour(std::copysign(std::sqrt(std::fabs(t)), t)), 2.0f);
  }
  draw->AddRect(at, ImVec2(at.x + cell * static_cast<float>(count) - 1.0f, at.y + height), kChartGrid, 2.0f);
}

// The cache, a row per written token: name, key, the newest query's weight on it, value.
void drawCache(AppState& app, const lesson::KvCacheStep& step, const core::Matrix& K, const core::Matrix& V, int head) {
  const auto& tokens = app.session().lesson().tokens;
  const int newest = step.written - 1;
  const core::Matrix& weights = step.newest.heads[static_cast<size_t>(head)].weights;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight(), rowHeight = line + px(app, 8);
  float reach = 1e-6f;
  for (const auto* m : {&K, &V, &step.outputs, &step.newest.Q})
    for (float v : m->values) reach = std::max(reach, std::fabs(v));
  const float nameWidth = px(app, 80);
  const float cell = std::clamp((visibleWidth() - nameWidth - px(app, 130)) / static_cast<float>(K.cols + V.cols),
                                px(app, 6), px(app, 16));
  const float keyWidth = cell * static_cast<float>(K.cols), valueWidth = cell * static_cast<float>(V.cols);
  const float barWidth = px(app, 90);
  const ImVec2 start = ImGui::GetCursorScreenPos();
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
  strip(draw, step.newest.Q.rowData(0), step.newest.Q.cols, ImVec2(keyX, y + px(app, 4)), cell, line, reach);
  y += rowHeight + px(app, 4);
  for (int j = 0; j <= newest; ++j) {
    const bool fresh = j == newest;
    if (fresh)
      draw->AddRectFilled(ImVec2(start.x - px(app, 4), y), ImVec2(valueX + valueWidth + px(app, 60), y + rowHeight),
                          IM_COL32(250, 236, 220, 255), 4.0f);
    draw->AddText(ImVec2(start.x, y + px(app, 4)), ink,
                  fitLabel(tokens[static_cast<size_t>(j)], nameWidth - px(app, 6)).c_str());
    strip(draw, K.rowData(j), K.cols, ImVec2(keyX, y + px(app, 4)), cell, line, reach);
    const float w = weights.at(0, j);
    draw->AddRectFilled(ImVec2(barX, y + px(app, 5)),
                        ImVec2(barX + std::max(1.0f, w * barWidth * 0.6f), y + rowHeight - px(app, 5)), kTourBlue,
                        2.0f);
    draw->AddText(ImVec2(barX + w * barWidth * 0.6f + px(app, 4), y + px(app, 4)), ink, text::fixedDecimals(w).c_str());
    strip(draw, V.rowData(j), V.cols, ImVec2(valueX, y + px(app, 4)), cell, line, reach);
    if (fresh) draw->AddText(ImVec2(valueX + valueWidth + px(app, 6), y + px(app, 4)), kAccentFill, "new");
    y += rowHeight;
  }
  y += px(app, 4);
  draw->AddText(ImVec2(start.x, y + px(app, 4)), kAccentFill, "output");
  strip(draw, step.outputs.rowData(newest), step.outputs.cols, ImVec2(valueX, y + px(app, 4)), cell, line, reach);
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
  const int head = std::clamp(app.view.selectedHead, 0, static_cast<int>(step.newest.heads.size()) - 1);
  const auto& full = session.trace().attention;
  drawCache(app, step, full.K, full.V, head);
  const std::string newest = inQuotes(session.lesson().tokens[static_cast<size_t>(step.written - 1)]);
  paragraph(newest + "'s query met the " + std::to_string(step.written) +
            " cached keys, its own included, and its key " +
            "and value joined the cache. Every output written so far equals the full causal computation's row, " +
            "largest difference " + text::fixedDecimals(step.largestDifference, 6) + "." +
            (session.lesson().mask.kind == core::MaskKind::Causal
                 ? ""
                 : " (Your lesson has another mask; a model that writes uses the causal one, and so does this step.)"));
  textTable(app, {"to write " + newest, "multiply-adds"},
            {{"with the cache", countText(static_cast<double>(step.multiplyAddsWithCache))},
             {"recomputing every visible pair", countText(static_cast<double>(step.multiplyAddsWithout))}});
  const lesson::ModelCacheShape& model = lesson::kLlama2_7B;
  paragraph("The cache holds " + countText(static_cast<double>(step.cachedNumbers)) + " numbers here (" +
            bytesText(static_cast<double>(step.cachedNumbers) * 4) + " in 32-bit floats). " + model.name + " keeps " +
            countText(lesson::cacheBytes(model, 1)) + " bytes per token (" + std::to_string(model.layers) +
            " layers \xC3\x97 " + std::to_string(model.heads) + " heads \xC3\x97 " + std::to_string(model.headWidth) +
            " \xC3\x97 2 numbers, 16-bit): " + bytesText(lesson::cacheBytes(model, 4096)) + " for 4,096 tokens.");
}

}  // namespace ui
