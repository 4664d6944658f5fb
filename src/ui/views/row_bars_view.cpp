// row_bars_view.cpp: the "row-bars" view of the softmax step: the selected query's scaled
// scores and its weights as bars, and the step's Play animation (exp(s - max), then the
// division by the sum).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/kit/bars.h"
#include "ui/kit/playback.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

// Playing the softmax step: first exp(s - max) of each score (the largest becomes exactly 1),
// then those shrink to the weights as they are divided by their sum.
void drawSoftmaxInMotion(AppState& app, const core::HeadTrace& head, int i, float progress, const BarColumns& columns) {
  const auto& tokens = app.session().lesson().tokens;
  const core::Matrix& s = head.maskedScores;
  float largest = -INFINITY, sum = 0;
  for (int j = 0; j < s.cols; ++j) largest = std::max(largest, s.at(i, j));
  std::vector<float> lifted(static_cast<size_t>(s.cols), 0.0f);
  int hidden = 0, underflow = 0;  // what the caption must not call positive
  for (int j = 0; j < s.cols; ++j) {
    const bool visible = std::isfinite(s.at(i, j));
    lifted[static_cast<size_t>(j)] = visible ? std::exp(s.at(i, j) - largest) : 0.0f;
    hidden += visible ? 0 : 1;
    underflow += visible && lifted[static_cast<size_t>(j)] == 0.0f ? 1 : 0;
    sum += lifted[static_cast<size_t>(j)];
  }
  const bool dividing = progress >= 0.5f;
  const float blend = dividing ? std::min(1.0f, (progress - 0.5f) * 2.5f) : 0.0f;
  char caption[160];
  if (dividing)
    std::snprintf(caption, sizeof caption, "divided by their sum, %.2f: now they add up to 1",
                  static_cast<double>(sum));
  else
    std::snprintf(caption, sizeof caption, "exp(s - max): the largest exactly 1%s%s%s",
                  hidden + underflow == 0 ? ", all positive" : "", hidden > 0 ? "; hidden keys stay 0" : "",
                  underflow > 0 ? "; some too small for a float: 0" : "");
  colouredParagraph(app, kAccent, caption);
  for (int j = 0; j < s.cols; ++j) {
    const float e = lifted[static_cast<size_t>(j)];
    const float shown = e + (head.weights.at(i, j) - e) * blend;
    bar(app, tokens[static_cast<size_t>(j)], shown, 1.0f, columns, kAccentFill, false, !dividing || blend >= 1.0f);
  }
}

}  // namespace

void drawRowBars(AppState& app) {
  const auto& head = shownHead(app);
  const int i = app.session().lesson().selected;
  sectionHeading(
      app, ("Row of \"" + app.session().lesson().tokens[static_cast<size_t>(i)] + "\": scores and weights").c_str());
  const auto& tokens = app.session().lesson().tokens;
  const BarColumns columns = barColumns(app, tokens);
  const float scoreMax = maxAbsFinite(head.maskedScores.rowData(i), head.maskedScores.cols);
  const bool negativeScores = anyNegative(head.maskedScores.rowData(i), head.maskedScores.cols);
  note(app, "scaled scores");
  for (int j = 0; j < head.maskedScores.cols; ++j)
    bar(app, tokens[static_cast<size_t>(j)], head.maskedScores.at(i, j), scoreMax, columns, kBefore, negativeScores);
  const float progress = playbackProgress(app, lesson::Animation::Softmax);
  if (progress >= 0) {
    drawSoftmaxInMotion(app, head, i, progress, columns);
    return;
  }
  note(app, "weights (softmax)");
  for (int j = 0; j < head.weights.cols; ++j)
    bar(app, tokens[static_cast<size_t>(j)], head.weights.at(i, j), 1.0f, columns, kAccentFill, false);
}

}  // namespace ui
