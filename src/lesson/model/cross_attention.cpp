// cross_attention.cpp: the cross-attention example's rules and its one call of the core.
#include "lesson/model/cross_attention.h"

#include <cmath>

#include "lesson/model/state.h"
#include "lesson/model/text_rules.h"

namespace lesson {

bool operator==(const CrossExample& a, const CrossExample& b) {
  return a.pairId == b.pairId && a.source == b.source && a.target == b.target &&
         a.dimensionLabels == b.dimensionLabels && a.sourceX == b.sourceX && a.targetX == b.targetX && a.WQ == b.WQ &&
         a.WK == b.WK && a.WV == b.WV;
}

namespace {

std::string checkWords(const std::vector<std::string>& words, const char* which) {
  if (words.size() < static_cast<size_t>(kMinTokens) || words.size() > static_cast<size_t>(kMaxTokens))
    return std::string("cross.") + which + " must have " + std::to_string(kMinTokens) + " to " +
           std::to_string(kMaxTokens) + " words";
  for (const auto& word : words)
    if (std::string error = checkName(word, "each word of a sentence"); !error.empty()) return error;
  return {};
}

}  // namespace

std::string validateCross(const CrossExample& c) {
  if (c.empty() && c.target.empty()) return {};
  std::string error;
  if (!(error = checkWords(c.source, "source")).empty()) return error;
  if (!(error = checkWords(c.target, "target")).empty()) return error;
  const int d = c.sourceX.cols;
  if (d < kMinWidth || d > kMaxWidth) return "cross.sourceX needs " + rangeText(kMinWidth, kMaxWidth) + " columns";
  const int dk = c.WQ.cols;
  if (dk < kMinWidth || dk > kMaxWidth) return "cross.WQ needs " + rangeText(kMinWidth, kMaxWidth) + " columns";
  if (!c.dimensionLabels.empty() && static_cast<int>(c.dimensionLabels.size()) != d)
    return "cross.dimensionLabels must name every column of the word vectors";
  for (const auto& label : c.dimensionLabels)
    if (!(error = checkName(label, "each dimension label")).empty()) return error;
  const int ns = static_cast<int>(c.source.size()), nt = static_cast<int>(c.target.size());
  if (!(error = checkShape(c.sourceX, "cross.sourceX", ns, d)).empty()) return error;
  if (!(error = checkShape(c.targetX, "cross.targetX", nt, d)).empty()) return error;
  if (!(error = checkShape(c.WQ, "cross.WQ", d, dk)).empty()) return error;
  if (!(error = checkShape(c.WK, "cross.WK", d, dk)).empty()) return error;
  const int dv = c.WV.cols;
  if (dv < kMinWidth || dv > kMaxWidth) return "cross.WV needs " + rangeText(kMinWidth, kMaxWidth) + " columns";
  return checkShape(c.WV, "cross.WV", d, dv);
}

CrossTrace computeCross(const CrossExample& cross, bool scale, float temperature) {
  CrossTrace trace;
  if (cross.empty()) return trace;
  if (trace.error = validateCross(cross); !trace.error.empty()) return trace;
  core::AttentionOptions options;
  options.scale = scale;
  options.temperature = temperature;
  auto result = core::attend(core::multiply(cross.targetX, cross.WQ), core::multiply(cross.sourceX, cross.WK),
                             core::multiply(cross.sourceX, cross.WV), options);
  if (!result.ok()) {
    trace.error = result.error();
    return trace;
  }
  trace.attention = std::move(result.value());
  trace.sourceX = cross.sourceX;
  trace.targetX = cross.targetX;
  trace.ok = true;
  return trace;
}

std::vector<int> strongestSource(const core::Matrix& weights) {
  std::vector<int> strongest;
  for (int i = 0; i < weights.rows; ++i) {
    int best = 0;
    for (int j = 1; j < weights.cols; ++j)
      if (weights.at(i, j) > weights.at(i, best)) best = j;
    for (int j = 0; j < weights.cols; ++j)
      if (j != best && weights.at(i, best) - weights.at(i, j) < kWeightTie) best = -1;
    strongest.push_back(best);
  }
  return strongest;
}

int crossings(const std::vector<int>& strongest) {
  int count = 0;
  for (size_t a = 0; a < strongest.size(); ++a)
    for (size_t b = a + 1; b < strongest.size(); ++b)
      if (strongest[a] >= 0 && strongest[b] >= 0 && strongest[a] > strongest[b]) ++count;
  return count;
}

}  // namespace lesson
