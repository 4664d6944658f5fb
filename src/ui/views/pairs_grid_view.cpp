// pairs_grid_view.cpp: the "pairs-grid" step view. Every query meets every key: one square per
// pair, for this sentence and for one twice as long, side by side, so the quadratic cost is
// seen as area (twice the tokens, four times the squares).
#include <algorithm>
#include <string>

#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// An n x n grid of small squares, the selected query's row in the accent colour; returns its width.
float drawPairs(int n, int highlightRow, float cell) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const ImVec2 a(start.x + static_cast<float>(j) * cell, start.y + static_cast<float>(i) * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell - 1.0f, a.y + cell - 1.0f), i == highlightRow ? kAccentFill : kBefore);
    }
  const float side = cell * static_cast<float>(n);
  ImGui::Dummy(ImVec2(side, side));
  return side;
}

// The caption wraps at the grid's width (or the column's, if that is narrower).
void drawGridWithCaption(AppState& app, int n, int highlightRow, float cell, const std::string& caption) {
  ImGui::BeginGroup();
  const float left = ImGui::GetCursorPosX();
  const float side = drawPairs(n, highlightRow, cell);
  ImGui::PushTextWrapPos(std::min(left + std::max(side, px(app, 120)), visibleRight()));
  textLine(app, caption);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

}  // namespace

void drawPairsGrid(AppState& app) {
  const int n = static_cast<int>(app.session().lesson().tokens.size());
  const int query = app.session().lesson().selected;
  sectionHeading(app, "Every query meets every key");
  // Both grids share one square size, so their areas compare truly.
  const float cell = std::clamp((visibleWidth() - px(app, 40)) / static_cast<float>(3 * n), px(app, 3), px(app, 12));
  drawGridWithCaption(app, n, query, cell, std::to_string(n) + " tokens: " + std::to_string(n * n) + " pairs");
  sameLineIfFits(std::max(cell * static_cast<float>(2 * n), px(app, 120)), px(app, 40));
  drawGridWithCaption(app, 2 * n, -1, cell,
                      std::to_string(2 * n) + " tokens: " + std::to_string(4 * n * n) + " pairs, four times as many");
  paragraph(app,
            "The orange row is one query's pairs: its weights come from one softmax over that row. All rows are "
            "independent, so they are computed at once, but there are n of them, each n long.");
}

}  // namespace ui
