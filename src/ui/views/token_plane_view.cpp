// token_plane_view.cpp: the "token-plane" step view. Each token's embedding as a point in a
// plane of two named dimensions (nature and money in the bank examples, or two the learner
// picks), so words with similar meanings sit together. Each point can be dragged, which edits
// that token's row of X; tokens that share a point are named together.
#include <algorithm>
#include <cmath>

#include "lesson/model/actions.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawTokenPlane(AppState& app) {
  const auto& state = app.session().lesson();
  const core::Matrix& X = app.session().trace().X;
  if (X.empty() || X.cols < 1) return;  // Q, K and V given directly: no embeddings to place
  // The embedding's dimension names, as the X matrix is headed (one source: its description).
  const std::vector<std::string>& names = app.session().matrix(lesson::MatrixId::X).columnNames;
  PlaneSpec spec{"emb", lesson::PlaneAxes{0, X.cols > 1 ? 1 : 0}, names, {{&X, -1}}, "auto: the first two"};
  sectionHeading(app, "Each token as a point: its embedding in two dimensions");
  PlaneFrame frame = beginPlane(app, spec, app.view.tokenPlane);
  const lesson::PlaneAxes axes = spec.axes;
  const auto pointOf = [&](int i) { return ImVec2(X.at(i, axes.x), axes.y == axes.x ? 0.0f : X.at(i, axes.y)); };
  // A label goes beside its point, whole inside the plane, where it touches no label already
  // placed: right, above, below, then left of the point (the first, moved inside the plane,
  // when every place is taken).
  std::vector<ImVec4> taken;
  const auto freePlace = [&](ImVec2 at, ImVec2 size) {
    const ImVec2 tries[] = {{at.x + 8.0f, at.y - size.y * 0.5f},
                            {at.x + 4.0f, at.y - size.y - 6.0f},
                            {at.x + 4.0f, at.y + 6.0f},
                            {at.x - 8.0f - size.x, at.y - size.y * 0.5f},
                            {at.x - size.x * 0.5f, at.y - size.y - 6.0f}};
    ImVec2 place = frame.inside(tries[0], size);  // with every place taken: the first, kept whole
    for (const ImVec2& t : tries) {
      const bool inside =
          t.x >= frame.min.x && t.x + size.x <= frame.max.x && t.y >= frame.min.y && t.y + size.y <= frame.max.y;
      const bool clash = std::any_of(taken.begin(), taken.end(), [&](const ImVec4& r) {
        return t.x < r.z + 2.0f && t.x + size.x + 2.0f > r.x && t.y < r.w && t.y + size.y > r.y;
      });
      if (inside && !clash) {
        place = t;
        break;
      }
    }
    taken.push_back(ImVec4(place.x, place.y, place.x + size.x, place.y + size.y));
    return place;
  };
  for (int i = 0; i < X.rows; ++i) {  // the points themselves are taken too
    const ImVec2 at = frame.toScreen(pointOf(i).x, pointOf(i).y);
    taken.push_back(ImVec4(at.x - 4.0f, at.y - 4.0f, at.x + 4.0f, at.y + 4.0f));
  }
  // Tokens drawn on the same spot share one label ("The, the, was").
  core::Flags named(static_cast<size_t>(X.rows), false);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(frame.min, frame.max, true);
  for (int i = 0; i < X.rows; ++i) {
    if (named[static_cast<size_t>(i)]) continue;
    const ImVec2 at = frame.toScreen(pointOf(i).x, pointOf(i).y);
    std::string label;
    for (int j = i; j < X.rows; ++j) {
      const ImVec2 other = frame.toScreen(pointOf(j).x, pointOf(j).y);
      if (std::hypot(other.x - at.x, other.y - at.y) >= 4.0f) continue;
      named[static_cast<size_t>(j)] = true;
      label += (label.empty() ? "" : ", ") + state.tokens[static_cast<size_t>(j)];
    }
    const ImU32 colour = i == state.selected ? kAccentFill : kTourBlue;
    draw->AddText(freePlace(at, ImGui::CalcTextSize(label.c_str())), colour, label.c_str());
  }
  draw->PopClipRect();
  for (int i = 0; i < X.rows; ++i) {
    const ImVec2 p = pointOf(i);
    std::string spoken = "Token " + std::to_string(i + 1) + " \"" + state.tokens[static_cast<size_t>(i)] +
                         "\", point at " + names[static_cast<size_t>(axes.x)] + " " + spokenNumber(p.x);
    if (axes.y != axes.x) spoken += ", " + names[static_cast<size_t>(axes.y)] + " " + spokenNumber(p.y);
    const TipSpec tip{lesson::MatrixId::X,
                      i,
                      p.x,
                      p.y,
                      "vec-x[" + std::to_string(i) + "]",
                      spoken + ": drag it or use the arrow keys; Space follows this token"};
    if (drawTip(app, frame, axes, tip, i == state.selected ? kAccentFill : kTourBlue))
      queue(app, lesson::actions::SelectQuery{i});
  }
  endPlane(app, frame);
  paragraph(app,
            "Tokens whose embeddings are alike sit close together. Drag a point to edit its row of X; the "
            "table follows.");
  // The selected token's nearest neighbour over every dimension, not only the two shown.
  int nearest = -1;
  float best = 0;
  for (int j = 0; j < X.rows; ++j) {
    if (j == state.selected) continue;
    float d = 0;
    for (int c = 0; c < X.cols; ++c)
      d += (X.at(j, c) - X.at(state.selected, c)) * (X.at(j, c) - X.at(state.selected, c));
    if (nearest < 0 || d < best) nearest = j, best = d;
  }
  if (nearest >= 0)
    paragraph(app, "Nearest to " + inQuotes(state.tokens[static_cast<size_t>(state.selected)]) + " over all " +
                       std::to_string(X.cols) + " dimensions: " + inQuotes(state.tokens[static_cast<size_t>(nearest)]) +
                       ".");
  endCaption(frame);
}

}  // namespace ui
