// linear_view.cpp: the "linear" step view. The same queries, keys and values through softmax
// and through linear attention (phi(x) = elu(x) + 1), weights side by side, and how far
// their outputs differ.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/model/actions.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

void drawMap(AppState& app, const char* title, const core::HeadTrace& head, const char* idPrefix, float cell) {
  ImGui::BeginGroup();
  ImGui::PushFont(app.platform.fonts.bold);
  textLine(app, title);
  ImGui::PopFont();
  drawHeatmap(app, head.weights, head.rowFullyHidden, idPrefix, cell, false);
  ImGui::EndGroup();
}

std::string rowText(const core::Matrix& m, int row) {
  std::string text = "[";
  for (int c = 0; c < m.cols; ++c) text += (c ? ", " : "") + formatNumber(m.at(row, c));
  return text + "]";
}

}  // namespace

void drawLinear(AppState& app) {
  const lesson::LessonTrace& linear = app.session().linearTrace();
  const auto& trace = app.session().trace();
  if (!linear.ok || !trace.ok) return;
  const size_t h = static_cast<size_t>(app.view.selectedHead);
  sectionHeading(app, "Softmax and linear attention, side by side");
  // A mask chosen on an earlier step (causal, or the sparse step's window) still holds here.
  const core::Mask& mask = app.session().lesson().mask;
  if (mask.kind != core::MaskKind::None) {
    paragraph(app, std::string(mask.kind == core::MaskKind::Causal   ? "The causal mask"
                               : mask.kind == core::MaskKind::Window ? "The sliding-window mask"
                                                                     : "The mask") +
                       " set on an earlier step still applies, to both maps: the keys it hides get weight 0 in each.");
    if (smallButton(app, "Remove the mask")) queue(app, lesson::actions::SetMask{core::Mask::none()});
    registerItem(app, "linear-mask-off", "Remove the mask, button");
  }
  const int n = static_cast<int>(app.session().lesson().tokens.size());
  // Side by side when both fit at a readable size, else one under the other at full width.
  const bool sideBySide = visibleWidth() >= px(app, 640);
  const float share = sideBySide ? visibleWidth() * 0.5f : visibleWidth();
  const float cell = std::clamp((share - px(app, 90)) / static_cast<float>(n), px(app, 18), px(app, 40));
  const auto& lesson = app.session().lesson();
  const char* softmaxTitle = lesson.scale && lesson.temperature == 1.0f ? "softmax: exp(q\xC2\xB7k / \xE2\x88\x9A"
                                                                          "d_k)"
                             : lesson.scale                             ? "softmax: exp(q\xC2\xB7k / (\xE2\x88\x9A"
                                                                          "d_k \xC2\xB7 T))"
                             : lesson.temperature == 1.0f               ? "softmax: exp(q\xC2\xB7k)"
                                                                        : "softmax: exp(q\xC2\xB7k / T)";
  drawMap(app, softmaxTitle, trace.attention.heads[h], "softmaxWeights", cell);
  if (sideBySide) ImGui::SameLine(0, px(app, 24));
  drawMap(app, "linear: phi(q)\xC2\xB7phi(k)", linear.attention.heads[h], "linearWeights", cell);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  paragraph(app, "rows: queries, columns: keys; each row adds up to 1 in both");
  ImGui::PopStyleColor();
  const int i = app.session().lesson().selected;
  const core::Matrix& a = trace.attention.output;
  const core::Matrix& b = linear.attention.output;
  const float largest = core::largestDifference(a, b);
  char difference[32];
  std::snprintf(difference, sizeof difference, "%.2f", static_cast<double>(largest));
  paragraph(app, "Output of \"" + app.session().lesson().tokens[static_cast<size_t>(i)] + "\": softmax " +
                     rowText(a, i) + ", linear " + rowText(b, i) +
                     ". Largest difference over all outputs: " + difference + ".");
  paragraph(app,
            "Linear weights are usually flatter: phi grows only linearly for positive entries, where exp grows "
            "exponentially, so a strong match stands out less. In exchange, with no mask or the causal one, the output "
            "needs no n \xC3\x97 n matrix (a sliding window here uses the full weights): "
            "sum phi(k_j) v_j\xE1\xB5\x80 over the keys once (d \xC3\x97 d_v numbers), then each query reads "
            "from that sum, O(n d d_v) in all. With the causal mask the sums run along the sequence, one key "
            "at a time.");
}

}  // namespace ui
