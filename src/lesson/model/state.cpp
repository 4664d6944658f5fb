// state.cpp: consistency rules of the lesson state.
#include "lesson/model/state.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lesson/content/steps.h"
#include "lesson/model/text_rules.h"

namespace lesson {

std::string checkShape(const core::Matrix& m, const char* name, int rows, int cols) {
  if (m.rows != rows || m.cols != cols || m.values.size() != static_cast<size_t>(rows * cols))
    return std::string(name) + " must be " + std::to_string(rows) + " x " + std::to_string(cols) + " but is " +
           core::shapeText(m);
  for (float v : m.values)
    if (!std::isfinite(v) || std::fabs(v) > kMaxEditableValue)
      return std::string(name) + " holds a value outside -" + std::to_string(static_cast<int>(kMaxEditableValue)) +
             ".." + std::to_string(static_cast<int>(kMaxEditableValue));
  return {};
}

std::string validateState(const LessonState& s) {
  const int n = static_cast<int>(s.tokens.size());
  if (n < kMinTokens || n > kMaxTokens)
    return "the sentence must have " + std::to_string(kMinTokens) + " to " + std::to_string(kMaxTokens) + " tokens";
  for (const auto& token : s.tokens)
    if (std::string error = checkName(token, "each token"); !error.empty()) return error;
  if (s.dModel < kMinWidth || s.dModel > kMaxWidth) return "dModel must be " + rangeText(kMinWidth, kMaxWidth);
  if (s.dK < kMinWidth || s.dK > kMaxWidth) return "dK must be " + rangeText(kMinWidth, kMaxWidth);
  if (s.heads < 1 || s.dK % s.heads != 0) return "heads must divide dK";
  if (!std::isfinite(s.temperature) || s.temperature < kMinTemperature || s.temperature > kMaxTemperature)
    return "temperature must be " + rangeText(kMinTemperature, kMaxTemperature);
  if (s.mask.kind == core::MaskKind::Explicit) return "the lesson mask must be none, causal or window:W+global:G";
  if (s.mask.kind == core::MaskKind::Window &&
      (s.mask.window < 0 || s.mask.window > kMaxTokens || s.mask.global < 0 || s.mask.global > kMaxTokens))
    return "the window W and the global tokens G must be " + rangeText(0, kMaxTokens);
  if (s.tileSize < 1 || s.tileSize > kMaxTokens) return "tileSize must be " + rangeText(1, kMaxTokens);
  if (s.positional == Positional::Sinusoidal && s.source != VectorSource::Projected)
    return "positions are added to the embeddings X, and this example gives Q, K and V directly: load an example "
           "with embeddings first";
  if (!s.dimensionLabels.empty() && static_cast<int>(s.dimensionLabels.size()) != s.dModel)
    return "dimensionLabels must name every embedding dimension";
  for (const auto& label : s.dimensionLabels)
    if (std::string error = checkName(label, "each dimension label"); !error.empty()) return error;
  std::string error;
  if (s.source == VectorSource::Projected) {
    if (!(error = checkShape(s.X, "X", n, s.dModel)).empty()) return error;
    if (!(error = checkShape(s.WQ, "WQ", s.dModel, s.dK)).empty()) return error;
    if (!(error = checkShape(s.WK, "WK", s.dModel, s.dK)).empty()) return error;
    if (!(error = checkShape(s.WV, "WV", s.dModel, s.dK)).empty()) return error;
  } else {
    if (!(error = checkShape(s.Q, "Q", n, s.dK)).empty()) return error;
    if (!(error = checkShape(s.K, "K", n, s.dK)).empty()) return error;
    if (!(error = checkShape(s.V, "V", n, s.V.cols)).empty()) return error;
    if (s.V.cols < 1 || s.V.cols > kMaxWidth || s.V.cols % s.heads != 0)
      return "V needs " + std::to_string(kMinWidth) + " to " + std::to_string(kMaxWidth) +
             " columns, divisible by heads";
  }
  const int dv = valueWidth(s);
  if (!(error = checkShape(s.WO, "WO", dv, dv)).empty()) return error;
  if (!(error = validateCross(s.cross)).empty()) return error;
  if (s.step < 0 || s.step >= stepCount()) return "step must be between 0 and " + std::to_string(stepCount() - 1);
  return {};
}

std::string rangeText(double low, double high) {
  char text[64];
  std::snprintf(text, sizeof text, "between %g and %g", low, high);
  return text;
}

bool operator==(const LessonState& a, const LessonState& b) {
  return a.step == b.step && a.presetId == b.presetId && a.tokens == b.tokens &&
         a.dimensionLabels == b.dimensionLabels && a.dModel == b.dModel && a.dK == b.dK && a.heads == b.heads &&
         a.scale == b.scale && a.temperature == b.temperature && a.mask == b.mask && a.positional == b.positional &&
         a.tileSize == b.tileSize && a.selected == b.selected && a.selectedKey == b.selectedKey &&
         a.source == b.source && a.X == b.X && a.WQ == b.WQ && a.WK == b.WK && a.WV == b.WV && a.Q == b.Q &&
         a.K == b.K && a.V == b.V && a.WO == b.WO && a.cross == b.cross && a.notice == b.notice;
}

int valueWidth(const LessonState& s) { return s.source == VectorSource::Projected ? s.dK : s.V.cols; }

void fitOutputMixing(LessonState& s) {
  const int dv = valueWidth(s);
  if (s.WO.rows == dv && s.WO.cols == dv) return;
  // A width outside the lesson's range is refused by validateState; fitting it first would
  // allocate d_v x d_v numbers for any d_k a link or setState names (98421: 36 GB).
  if (dv < kMinWidth || dv > kMaxWidth) return;
  core::Matrix fitted(dv, dv);
  for (int i = 0; i < dv; ++i)
    for (int j = 0; j < dv; ++j)
      fitted.at(i, j) = i < s.WO.rows && j < s.WO.cols ? s.WO.at(i, j) : (i == j ? 1.0f : 0.0f);
  s.WO = fitted;
}

void clampSelection(LessonState& s) {
  const int n = std::max(1, static_cast<int>(s.tokens.size()));
  s.selected = std::clamp(s.selected, 0, n - 1);
  s.selectedKey = std::clamp(s.selectedKey, 0, n - 1);
  s.step = std::clamp(s.step, 0, stepCount() - 1);
}

}  // namespace lesson
