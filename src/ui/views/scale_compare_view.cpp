// scale_compare_view.cpp: the "scale-compare" step view. The selected query's weights with
// and without the division by the square root of d_k, one row above the other, because the
// scaling step's point is what the division does to the weights, not to the scores.
#include <cmath>
#include <cstdio>

#include "lesson/model/what_if.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

struct LargestWeight {
  float weight = 0;
  int key = 0;
};

LargestWeight largestIn(const core::Matrix& weights, int row) {
  LargestWeight best;
  for (int j = 0; j < weights.cols; ++j)
    if (weights.at(row, j) > best.weight) best = {weights.at(row, j), j};
  return best;
}

std::string sentence(const lesson::LessonState& state, const LargestWeight& plain, const LargestWeight& divided,
                     int headWidth) {
  char text[480];
  const char* key = state.tokens[static_cast<size_t>(plain.key)].c_str();
  if (headWidth == 1) {
    std::snprintf(text, sizeof text,
                  "With one query/key column per head the division is by \xE2\x88\x9A"
                  "1 = 1 and changes nothing: the largest weight is %.2f "
                  "either way. Add key dimensions, or use fewer heads, to see it matter.",
                  static_cast<double>(plain.weight));
    return text;
  }
  const bool evensOut = divided.weight < plain.weight - 0.005f;
  const double root = std::sqrt(static_cast<double>(headWidth));
  const char* ending = evensOut ? ": the weights even out." : ": here the division hardly changes the weights.";
  if (state.temperature != 1.0f) {
    // Both rows are divided by the temperature too: the division by the root is what differs.
    const double temperature = static_cast<double>(state.temperature);
    std::snprintf(text, sizeof text,
                  "Not divided by the root (only by the temperature, %.2f), the largest weight is %.2f (on \"%s\"). "
                  "Divided by \xE2\x88\x9A%d = %.2f as well (by %.2f in all), every score is %.2f times smaller "
                  "than in the row above, the gaps between them too, and the largest weight is %.2f%s",
                  temperature, static_cast<double>(plain.weight), key, headWidth, root, root * temperature, root,
                  static_cast<double>(divided.weight), ending);
    return text;
  }
  std::snprintf(text, sizeof text,
                "Not divided, the largest weight is %.2f (on \"%s\"). Divided by \xE2\x88\x9A%d = %.2f, every score "
                "shrinks by that factor, the gaps between them too, and the largest weight is %.2f%s",
                static_cast<double>(plain.weight), key, headWidth, root, static_cast<double>(divided.weight), ending);
  return text;
}

}  // namespace

void drawScaleComparison(AppState& app) {
  const auto& state = app.session().lesson();
  const int query = state.selected;
  const size_t head = static_cast<size_t>(app.view.selectedHead);
  const lesson::LessonTrace& divided = app.session().traceWithScale(true);
  const lesson::LessonTrace& plain = app.session().traceWithScale(false);
  if (!divided.ok || !plain.ok || head >= divided.attention.heads.size()) return;
  const auto& dividedWeights = divided.attention.heads[head].weights;
  const auto& plainWeights = plain.attention.heads[head].weights;
  sectionHeading(
      app, ("What the division does to the weights of \"" + state.tokens[static_cast<size_t>(query)] + "\"").c_str());
  const int headWidth = divided.attention.heads[head].Q.cols;
  const std::string dividedLabel =
      "divided by \xE2\x88\x9A" + std::to_string(headWidth) + (state.scale ? " (now)" : "");
  // Both rows keep the learner's temperature: only the division by the square root differs.
  const bool tempered = state.temperature != 1.0f;
  const std::string plainLabel =
      std::string("not divided by \xE2\x88\x9A") + std::to_string(headWidth) + (state.scale ? "" : " (now)");
  const float labelWidth =
      std::max(ImGui::CalcTextSize(dividedLabel.c_str()).x, ImGui::CalcTextSize(plainLabel.c_str()).x) + px(app, 12);
  {
    const WideBox box(app, "scale-weights", weightRowsWidth(app, labelWidth, state.tokens.size()));
    drawKeyNames(app, labelWidth, state.tokens);
    drawWeightRow(app, plainLabel.c_str(), labelWidth, state.tokens, plainWeights, query);
    drawWeightRow(app, dividedLabel.c_str(), labelWidth, state.tokens, dividedWeights, query);
  }
  if (tempered) note(app, "Temperature " + formatNumber(state.temperature) + " divides the scores in both rows.");
  paragraph(app, sentence(state, largestIn(plainWeights, query), largestIn(dividedWeights, query), headWidth));
}

}  // namespace ui
