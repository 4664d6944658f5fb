// value_plane_view.cpp: the "value-plane" step view. The values as arrows, thicker the more
// weight the selected query gives them, and the query's output as a point: their weighted
// average, which lies inside the outline of the value tips it can see.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "lesson/model/actions.h"
#include "lesson/model/value_change.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/playback.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// Which head the value column belongs to.
int headOfColumn(const core::AttentionTrace& attention, int column) {
  const int perHead = attention.V.cols / static_cast<int>(attention.heads.size());
  return perHead > 0 ? column / perHead : 0;
}

void drawReach(const PlaneFrame& frame, const std::vector<ImVec2>& tips) {
  std::vector<ImVec2> outline;
  for (const ImVec2& tip : convexHull(tips)) outline.push_back(frame.toScreen(tip.x, tip.y));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(frame.min, frame.max, true);
  if (outline.size() >= 3) {
    draw->AddConvexPolyFilled(outline.data(), static_cast<int>(outline.size()), withOpacity(kAccentFill, 0.10f));
    draw->AddPolyline(outline.data(), static_cast<int>(outline.size()), withOpacity(kAccentFill, 0.45f),
                      ImDrawFlags_Closed, 1.0f);
  } else if (outline.size() == 2) {
    draw->AddLine(outline[0], outline[1], withOpacity(kAccentFill, 0.45f), 3.0f);
  }
  draw->PopClipRect();
}

// Playing the weighted-sum step: w_j v_j added tip to tail, one key after another, from the
// origin to the output.
ImVec2 drawRunningSum(const PlaneFrame& frame, const core::Matrix& weights, int query,
                      const std::function<ImVec2(int)>& valueAt, const Reveal& added) {
  ImVec2 sum(0, 0);
  for (int j = 0; j < added.shown; ++j) {
    const float share = weights.at(query, j) * (j == added.shown - 1 ? added.newest : 1.0f);
    const ImVec2 v = valueAt(j);
    const ImVec2 next(sum.x + share * v.x, sum.y + share * v.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(frame.min, frame.max, true);
    draw->AddLine(frame.toScreen(sum.x, sum.y), frame.toScreen(next.x, next.y), kAccentFill, 3.0f);
    draw->AddCircleFilled(frame.toScreen(next.x, next.y), 3.0f, kAccentFill);
    draw->PopClipRect();
    sum = next;
  }
  return sum;
}

void drawOutputPoint(const PlaneFrame& frame, ImVec2 output) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 at = frame.toScreen(output.x, output.y);
  draw->PushClipRect(frame.min, frame.max, true);
  draw->AddCircleFilled(at, 7.0f, kAccentFill);
  draw->AddCircle(at, 7.0f, IM_COL32_BLACK, 0, 1.5f);
  draw->AddText(ImVec2(at.x + 10, at.y - ImGui::GetTextLineHeight() * 0.5f), IM_COL32_BLACK, "output");
  draw->PopClipRect();
}

}  // namespace

void drawValuePlane(AppState& app) {
  const auto& state = app.session().lesson();
  const auto& attention = app.session().trace().attention;
  const core::Matrix& V = attention.V;
  const int query = state.selected;
  PlaneSpec spec{"v",
                 lesson::valueAxes(app.session().trace(), query),
                 lesson::valueColumnNames(state, app.session().trace()),
                 {{&V, -1}}};
  sectionHeading(app, "The values as arrows, and the output they average to");
  PlaneFrame frame = beginPlane(app, spec, app.view.valuePlane);
  const lesson::PlaneAxes axes = spec.axes;
  const auto& weightsX = attention.heads[static_cast<size_t>(headOfColumn(attention, axes.x))].weights;
  const auto& weightsY = attention.heads[static_cast<size_t>(headOfColumn(attention, axes.y))].weights;
  const bool oneHead = &weightsX == &weightsY;
  const auto at = [&](int j) { return ImVec2(V.at(j, axes.x), axes.y == axes.x ? 0.0f : V.at(j, axes.y)); };
  std::vector<ImVec2> visible;
  float heaviest = 0;
  for (int j = 0; j < V.rows; ++j) heaviest = std::max(heaviest, weightsX.at(query, j));
  for (int j = 0; j < V.rows; ++j) {
    if (weightsX.at(query, j) > 0 || weightsY.at(query, j) > 0) visible.push_back(at(j));
  }
  if (oneHead) drawReach(frame, visible);
  std::vector<ImVec2> tips;
  for (int j = 0; j < V.rows; ++j) tips.push_back(at(j));
  const std::vector<std::string> tipNames = sharedTipNames(frame, tips, state.tokens);
  for (int j = 0; j < V.rows; ++j) {
    const float share = heaviest > 0 ? weightsX.at(query, j) / heaviest : 0.0f;
    const ImVec2 v = at(j);
    const bool atOrigin = std::hypot(v.x, v.y) * frame.pixelsPerUnit < 4.0f;  // no name piled on the origin
    drawArrow(frame, v.x, v.y, withOpacity(j == query ? kAccentFill : kTourBlue, 0.3f + 0.7f * share),
              1.0f + 4.0f * share, atOrigin ? std::string() : tipNames[static_cast<size_t>(j)]);
  }
  const float progress = playbackProgress(app, lesson::Animation::WeightedSum);
  const Reveal added = revealed(progress, V.rows);
  if (progress >= 0 && oneHead) {
    drawOutputPoint(frame, drawRunningSum(frame, weightsX, query, at, added));
  } else {
    drawOutputPoint(frame, ImVec2(attention.concatenated.at(query, axes.x),
                                  axes.y == axes.x ? 0.0f : attention.concatenated.at(query, axes.y)));
  }
  for (int j = 0; j < V.rows; ++j) {
    const ImVec2 v = at(j);
    std::string spoken = "Value " + std::to_string(j + 1) + " \"" + state.tokens[static_cast<size_t>(j)] +
                         "\", arrow tip at " + spec.names[static_cast<size_t>(axes.x)] + " " + spokenNumber(v.x);
    if (axes.y != axes.x) spoken += ", " + spec.names[static_cast<size_t>(axes.y)] + " " + spokenNumber(v.y);
    const TipSpec tip{lesson::MatrixId::V,
                      j,
                      v.x,
                      v.y,
                      "vec-v[" + std::to_string(j) + "]",
                      spoken + ": drag it or use the arrow keys; Space makes its token the picked key"};
    if (drawTip(app, frame, axes, tip, j == query ? kAccentFill : kTourBlue)) queue(app, lesson::actions::SelectKey{j});
  }
  endPlane(app, frame);
  const bool hidden =
      attention.heads[static_cast<size_t>(app.view.selectedHead)].rowFullyHidden[static_cast<size_t>(query)];
  if (progress >= 0 && oneHead) {
    char adding[160];
    std::snprintf(adding, sizeof adding, "Adding %.2f times the value of \"%s\" to the output.",
                  static_cast<double>(weightsX.at(query, added.shown - 1)),
                  state.tokens[static_cast<size_t>(added.shown - 1)].c_str());
    paragraph(app, adding);
  } else if (hidden) {
    paragraph(app, "Every key is hidden from this query, so it averages nothing: its output is zero.");
  } else if (oneHead) {
    paragraph(app,
              "The output (the orange dot) is w_1 v_1 + w_2 v_2 + ...: the weights are between 0 and 1 and add up "
              "to 1, so it is an average of the value tips and lies inside their shaded outline. Thicker arrows carry "
              "more weight; drag a heavy one and the output follows it.");
  } else {
    paragraph(app,
              "These two dimensions belong to different heads, so each coordinate of the output is averaged with "
              "its own head's weights (arrow thickness shows the across-axis head's).");
  }
  endCaption(frame);
}

}  // namespace ui
