// sparse_view.cpp: the "sparse" step view. Masks beyond causal: a sliding window, plus a few
// global tokens. The weights show the pattern (hidden pairs are blank), and a count says how
// many of the n² pairs are computed, here and for long sequences.
#include <algorithm>
#include <cstdio>

#include "core/mask.h"
#include "text/decimals.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/widgets.h"
#include "ui/panels/controls_panel.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

std::string pairsLine(const core::Mask& mask, int n) {
  const long long visible = core::visiblePairs(mask, n, n);
  const long long all = static_cast<long long>(n) * n;
  char share[32];
  std::snprintf(share, sizeof share, " pairs (%.1f%%)",
                100.0 * static_cast<double>(visible) / static_cast<double>(all));
  return "n = " + text::groupedCount(n) + ": " + text::groupedCount(static_cast<double>(visible)) + " of " +
         text::groupedCount(static_cast<double>(all)) + share;
}

// The mask as a grid of pairs: filled where the score is computed, an empty outline where the
// pair is skipped (its weight is exactly 0, unlike a weight that is merely small).
void drawPattern(AppState& app, const core::Mask& mask, int n) {
  const float cell = std::clamp((visibleWidth() - px(app, 20)) / static_cast<float>(n), px(app, 8), px(app, 18));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const ImVec2 a(start.x + static_cast<float>(j) * cell, start.y + static_cast<float>(i) * cell);
      const ImVec2 b(a.x + cell - 2.0f, a.y + cell - 2.0f);
      if (core::isHidden(mask, i, j))
        draw->AddRect(a, b, kBefore, 2.0f);
      else
        draw->AddRectFilled(a, b, kTourBlue, 2.0f);
    }
  ImGui::Dummy(ImVec2(cell * static_cast<float>(n), cell * static_cast<float>(n)));
}

}  // namespace

void drawSparse(AppState& app) {
  const auto& s = app.session().lesson();
  const auto& head = shownHead(app);
  sectionHeading(app, "Which pairs are computed");
  drawMaskControls(app, "sparse-mask");
  if (s.mask.kind != core::MaskKind::Window)
    paragraph(app,
              "Choose window to let each token see only its neighbours, plus a few global tokens that see and are "
              "seen by everyone.");
  const int n = static_cast<int>(s.tokens.size());
  ImGui::BeginGroup();
  drawPattern(app, s.mask, n);
  ImGui::EndGroup();
  ImGui::SameLine(0, px(app, 12));
  ImGui::BeginGroup();
  paragraph(
      app,
      "Filled: the pairs a sparse kernel computes (this page computes every score, then hides). Empty: pairs the mask "
      "skips; their weight below is "
      "exactly 0, not just small.");
  ImGui::EndGroup();
  drawHeatmap(app, head.weights, head.rowFullyHidden, "sparseWeights", px(app, 44));
  paragraph(app, "Scores a sparse kernel computes: " + pairsLine(s.mask, n) + ". The same mask on longer inputs:");
  for (int longer : {1024, 4096}) {
    ImGui::Bullet();
    paragraph(app, pairsLine(s.mask, longer));
  }
  if (s.mask.kind == core::MaskKind::Window)
    paragraph(app,
              "Each ordinary token sees at most 2W + 1 neighbours plus the G global tokens, so the count grows "
              "like n (2W + 1 + 2G), not n\xC2\xB2. Information still travels far: a global token sees every token in "
              "one layer and passes it on in the next.");
}

}  // namespace ui
