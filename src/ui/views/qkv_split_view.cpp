// qkv_split_view.cpp: the "qkv-split" step view. One embedding turning into three vectors: the
// selected token's row of X on the left, three arrows (times W_Q, W_K, W_V) to its query, key
// and value on the right, each a row of numbers with its dimension names. The numbers are the
// trace's; with Q, K and V given directly there is no X, and the view says so.
#include <algorithm>
#include <cmath>

#include "lesson/model/actions.h"
#include "lesson/model/value_change.h"
#include "lesson/model/vector_plane.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// One vector as a row of cells, each with its number, its name above (shortened to fit).
// Returns the row's width.
float drawVectorRow(AppState& app, ImVec2 at, const core::Matrix& m, int row, const std::vector<std::string>& names,
                    float cell, ImU32 colour) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  float largest = 1e-6f;
  for (int c = 0; c < m.cols; ++c) largest = std::max(largest, std::fabs(m.at(row, c)));
  for (int c = 0; c < m.cols; ++c) {
    const ImVec2 p(at.x + cell * static_cast<float>(c), at.y + line);
    const float share = std::fabs(m.at(row, c)) / largest;
    draw->AddRectFilled(p, ImVec2(p.x + cell - 2, p.y + line + px(app, 8)), withOpacity(colour, 0.08f + 0.55f * share));
    const std::string value = formatNumber(m.at(row, c));
    const float w = ImGui::CalcTextSize(value.c_str()).x;
    draw->AddText(ImVec2(p.x + (cell - 2 - w) * 0.5f, p.y + px(app, 4)), kInkOnLight, value.c_str());
    const std::string name = fitLabel(names[static_cast<size_t>(c)], cell - 4);
    const float nw = ImGui::CalcTextSize(name.c_str()).x;
    draw->AddText(ImVec2(p.x + (cell - 2 - nw) * 0.5f, at.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), name.c_str());
  }
  return cell * static_cast<float>(m.cols);
}

}  // namespace

void drawQkvSplit(AppState& app) {
  const auto& state = app.session().lesson();
  const auto& trace = app.session().trace();
  const auto& a = trace.attention;
  const int i = state.selected;
  if (trace.XWithPositions.empty() && state.X.empty()) return;  // an example of Q, K and V only: nothing to split
  sectionHeading(app, ("One token, three vectors: \"" + state.tokens[static_cast<size_t>(i)] + "\"").c_str());
  if (trace.XWithPositions.empty()) {
    // Q, K or V was edited by hand (a dragged value, say): the picture's place is kept, so
    // nothing under the pointer moves in the middle of a drag, and says how to have it back.
    const float line = ImGui::GetTextLineHeight(), rowHeight = line * 2 + px(app, 8);
    const bool beside = visibleWidth() >= px(app, 560);
    const float height =
        beside ? 3 * rowHeight + 2 * px(app, 8) : rowHeight + px(app, 30) + 3 * (rowHeight + px(app, 22));
    const float top = ImGui::GetCursorScreenPos().y;
    paragraph(app,
              "You edited Q, K or V by hand, so they no longer come from the embedding x through W_Q, W_K and W_V.");
    if (button(app, "Use the embeddings and projections again")) queue(app, lesson::actions::UseProjections{});
    registerItem(app, "qkv-use-projections", "Use the embeddings and projections again, button");
    const float used = ImGui::GetCursorScreenPos().y - top;
    if (used < height) ImGui::Dummy(ImVec2(1, height - used));
    return;
  }
  const std::vector<std::string>& embedding = app.session().matrix(lesson::MatrixId::X).columnNames;
  const auto keyNames = lesson::keyColumnNames(state, trace);
  const auto valueNames = lesson::valueColumnNames(state, trace);
  const float line = ImGui::GetTextLineHeight();
  const float rowHeight = line * 2 + px(app, 8);
  const int widest = std::max({trace.XWithPositions.cols, a.Q.cols, a.V.cols});
  // Left the embedding, right the three; on a phone the three go under it.
  const float available = visibleWidth();
  const bool beside = available >= px(app, 560);
  const float cell =
      std::clamp((beside ? available * 0.5f - px(app, 120) : available - px(app, 90)) / static_cast<float>(widest),
                 px(app, 30), px(app, 52));
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float labelWidth = px(app, 48);
  const ImVec2 xAt =
      beside ? ImVec2(start.x + labelWidth, start.y + rowHeight + px(app, 10)) : ImVec2(start.x + labelWidth, start.y);
  draw->AddText(ImVec2(start.x, xAt.y + line + px(app, 4)), kInkOnLight,
                state.positional == lesson::Positional::None ? "x" : "x + pos");
  const float xWidth = drawVectorRow(app, xAt, trace.XWithPositions, i, embedding, cell, kRule);
  const float rightX = beside ? xAt.x + xWidth + px(app, 150) : start.x + labelWidth;
  const float firstY = beside ? start.y : start.y + rowHeight + px(app, 30);
  struct Part {
    const char* name;
    const char* by;
    const core::Matrix* m;
    const std::vector<std::string>* names;
    ImU32 colour;
  } parts[] = {{"query", "\xC3\x97 W_Q", &a.Q, &keyNames, kAccentFill},
               {"key", "\xC3\x97 W_K", &a.K, &keyNames, kTourBlue},
               {"value", "\xC3\x97 W_V", &a.V, &valueNames, kPositive}};
  const ImVec2 from(xAt.x + xWidth + px(app, 6), xAt.y + line + px(app, 8));
  const ImVec2 fromBelow(xAt.x + xWidth * 0.5f, xAt.y + rowHeight);
  for (int k = 0; k < 3; ++k) {
    const Part& part = parts[k];
    const ImVec2 at(rightX, firstY + static_cast<float>(k) * (rowHeight + px(app, beside ? 8 : 22)));
    const ImVec2 to(at.x - px(app, 56), at.y + line + px(app, 8));
    if (beside) {
      draw->AddLine(from, to, part.colour, 2.0f);
      draw->AddTriangleFilled(to, ImVec2(to.x - 8, to.y - 4), ImVec2(to.x - 8, to.y + 4), part.colour);
      // Near the arrow's head, above it: the three labels sit a row apart, never on each other.
      const ImVec2 mid(from.x + (to.x - from.x) * 0.62f, from.y + (to.y - from.y) * 0.62f);
      draw->AddText(ImVec2(mid.x - ImGui::CalcTextSize(part.by).x * 0.5f, mid.y - line - px(app, 3)), part.colour,
                    part.by);
      draw->AddText(ImVec2(at.x - px(app, 46), at.y + line + px(app, 4)), part.colour, part.name);
    } else {
      // Under the embedding: a line down the left edge, a short arrow to each row, and the
      // row's name and matrix above it.
      const ImVec2 arrowTo(at.x - px(app, 6), at.y + line + px(app, 8));
      draw->AddLine(ImVec2(start.x + px(app, 8), fromBelow.y), ImVec2(start.x + px(app, 8), arrowTo.y), kRule, 1.5f);
      draw->AddLine(ImVec2(start.x + px(app, 8), arrowTo.y), arrowTo, part.colour, 2.0f);
      draw->AddTriangleFilled(arrowTo, ImVec2(arrowTo.x - 8, arrowTo.y - 4), ImVec2(arrowTo.x - 8, arrowTo.y + 4),
                              part.colour);
      draw->AddText(ImVec2(at.x, at.y - line - px(app, 2)), part.colour,
                    (std::string(part.name) + " = x " + part.by).c_str());
    }
    drawVectorRow(app, ImVec2(at.x, at.y), *part.m, i, *part.names, cell, part.colour);
  }
  const float height = beside ? 3 * rowHeight + 2 * px(app, 8) : firstY - start.y + 3 * (rowHeight + px(app, 22));
  ImGui::Dummy(ImVec2(beside ? rightX - start.x + cell * static_cast<float>(widest) : available, height));
  paragraph(app,
            "The same embedding, multiplied by three different matrices: what the token asks for (query), what it "
            "offers to be matched on (key) and what it hands over (value). Pick another token above to follow it.");
}

}  // namespace ui
