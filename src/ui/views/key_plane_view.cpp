// key_plane_view.cpp: the "key-plane" step view. The selected query and every key as arrows
// in two query/key dimensions; each key's shadow on the query's line is its dot product with
// the query (divided by the query's length), so a score can be seen, not just read.
#include <cmath>
#include <cstdio>

#include "lesson/model/actions.h"
#include "text/decimals.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/playback.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

float fullDot(const core::Matrix& a, int i, const core::Matrix& b, int j) {
  float sum = 0;
  for (int d = 0; d < a.cols; ++d) sum += a.at(i, d) * b.at(j, d);
  return sum;
}

std::string twoDecimals(float value) { return text::fixedDecimals(static_cast<double>(value)); }

// The dashed drop from a key's tip to the query's line, and where it lands.
void drawShadow(const PlaneFrame& frame, ImVec2 key, ImVec2 queryUnit, bool selected) {
  const float along = key.x * queryUnit.x + key.y * queryUnit.y;
  const ImVec2 foot(along * queryUnit.x, along * queryUnit.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(frame.min, frame.max, true);
  const ImVec2 from = frame.toScreen(key.x, key.y), to = frame.toScreen(foot.x, foot.y);
  const float length = std::hypot(to.x - from.x, to.y - from.y);
  for (float t = 0; t < length; t += 6.0f) {
    const float end = std::min(length, t + 3.0f);
    draw->AddLine(ImVec2(from.x + (to.x - from.x) * t / length, from.y + (to.y - from.y) * t / length),
                  ImVec2(from.x + (to.x - from.x) * end / length, from.y + (to.y - from.y) * end / length), kRule);
  }
  const ImU32 sign = along >= 0 ? kPositive : kNegative;
  if (selected) {  // the selected key's shadow as a bar just beside the query's line, so the arrow does not hide it
    const ImVec2 beside(queryUnit.y * 6.0f, queryUnit.x * 6.0f);
    draw->AddLine(ImVec2(frame.origin.x + beside.x, frame.origin.y + beside.y),
                  ImVec2(to.x + beside.x, to.y + beside.y), sign, 4.0f);
  }
  draw->AddCircleFilled(to, selected ? 4.0f : 3.0f, sign);
  draw->PopClipRect();
}

std::string tipLabel(const char* kind, int index, const std::string& token, const std::vector<std::string>& names,
                     lesson::PlaneAxes axes, float x, float y, const char* action) {
  std::string text = std::string(kind) + " " + std::to_string(index + 1) + " \"" + token + "\", arrow tip at " +
                     names[static_cast<size_t>(axes.x)] + " " + spokenNumber(x);
  if (axes.y != axes.x) text += ", " + names[static_cast<size_t>(axes.y)] + " " + spokenNumber(y);
  return text + ": drag it or use the arrow keys" + action;
}

}  // namespace

void drawKeyPlane(AppState& app) {
  const auto& state = app.session().lesson();
  const auto& attention = app.session().trace().attention;
  const core::Matrix &Q = attention.Q, &K = attention.K;
  const int query = state.selected;
  const auto& weights = attention.heads[static_cast<size_t>(app.view.selectedHead)].weights;
  PlaneSpec spec{"qk",
                 lesson::scoreAxes(app.session().trace(), query),
                 lesson::keyColumnNames(state, app.session().trace()),
                 {{&K, -1}, {&Q, query}}};
  sectionHeading(app, "The query and the keys as arrows");
  PlaneFrame frame = beginPlane(app, spec, app.view.keyPlane);
  const lesson::PlaneAxes axes = spec.axes;
  const ImVec2 q(Q.at(query, axes.x), axes.y == axes.x ? 0.0f : Q.at(query, axes.y));
  const float qLength = std::hypot(q.x, q.y);
  const ImVec2 qUnit = qLength > 0 ? ImVec2(q.x / qLength, q.y / qLength) : ImVec2(0, 0);
  float heaviest = 0;
  for (int j = 0; j < K.rows; ++j) heaviest = std::max(heaviest, weights.at(query, j));
  std::string onOrigin;  // keys with no length in the shown dimensions
  // Playing: the query meets the keys one by one; the newest is the one its shadow is shown for.
  const float progress = playbackProgress(app, lesson::Animation::QueryMeetsKeys);
  const Reveal met = revealed(progress, K.rows);
  const bool playing = progress >= 0;
  const int key = playing ? met.shown - 1 : state.selectedKey;
  std::vector<ImVec2> tips;
  for (int j = 0; j < met.shown; ++j) tips.emplace_back(K.at(j, axes.x), axes.y == axes.x ? 0.0f : K.at(j, axes.y));
  const std::vector<std::string> tipNames =
      sharedTipNames(frame, tips, std::vector<std::string>(state.tokens.begin(), state.tokens.begin() + met.shown));
  for (int j = 0; j < met.shown; ++j) {
    const ImVec2 k(K.at(j, axes.x), axes.y == axes.x ? 0.0f : K.at(j, axes.y));
    const float share = heaviest > 0 ? weights.at(query, j) / heaviest : 0.0f;
    if (qLength > 0) drawShadow(frame, k, qUnit, j == key);
    // Every key is named, except those with no length in these two dimensions: they sit on the
    // origin together and the caption names them.
    const bool atOrigin = std::hypot(k.x, k.y) * frame.pixelsPerUnit < 4.0f;
    drawArrow(frame, k.x, k.y, withOpacity(kTourBlue, 0.3f + 0.7f * share), 1.0f + 3.0f * share,
              atOrigin ? std::string() : tipNames[static_cast<size_t>(j)]);
    if (atOrigin) onOrigin += (onOrigin.empty() ? "" : ", ") + ("\"" + state.tokens[static_cast<size_t>(j)] + "\"");
  }
  drawArrow(frame, q.x, q.y, kAccentFill, 3.0f, "q: " + state.tokens[static_cast<size_t>(query)]);
  for (int j = 0; j < met.shown; ++j) {
    const ImVec2 k(K.at(j, axes.x), axes.y == axes.x ? 0.0f : K.at(j, axes.y));
    const TipSpec tip{
        lesson::MatrixId::K,
        j,
        k.x,
        k.y,
        "vec-k[" + std::to_string(j) + "]",
        tipLabel("Key", j, state.tokens[static_cast<size_t>(j)], spec.names, axes, k.x, k.y, "; Space picks this key")};
    if (drawTip(app, frame, axes, tip, kTourBlue)) queue(app, lesson::actions::SelectKey{j});
  }
  const TipSpec queryTip{
      lesson::MatrixId::Q,
      query,
      q.x,
      q.y,
      "vec-q[" + std::to_string(query) + "]",
      tipLabel("Query", query, state.tokens[static_cast<size_t>(query)], spec.names, axes, q.x, q.y, "")};
  drawTip(app, frame, axes, queryTip, kAccentFill);
  endPlane(app, frame);
  const float shown = lesson::planeDot(Q, query, K, key, axes);
  const std::string pair =
      "\"" + state.tokens[static_cast<size_t>(query)] + "\" and \"" + state.tokens[static_cast<size_t>(key)] + "\"";
  paragraph(app,
            "Each key's dashed line drops onto the query's line. How far along it lands, times the query's length, "
            "is the dot product in these two dimensions: far out for a long key pointing the query's way, behind the "
            "origin (red) when it points away. Thicker keys get more weight.");
  if (!onOrigin.empty())
    paragraph(app,
              "At the origin, with nothing in these two dimensions: " + onOrigin + ". Their dot product here is 0.");
  paragraph(
      app,
      "For " + pair + ": q \xC2\xB7 k = " + twoDecimals(fullDot(Q, query, K, key)) + " over all " +
          std::to_string(Q.cols) + " dimensions, " + twoDecimals(shown) + " of it in the two shown." +
          (attention.heads.size() > 1
               ? " With several heads, each head's score uses only its own columns: head " +
                     std::to_string(app.view.selectedHead + 1) + "'s is " +
                     twoDecimals(attention.heads[static_cast<size_t>(app.view.selectedHead)].rawScores.at(query, key)) +
                     ", as in the worked numbers."
               : ""));
  endCaption(frame);
}

}  // namespace ui
