// cross_attention.cpp: the cross-attention example's rules and its one call of the core.
#include "lesson/model/cross_attention.h"

#include <cmath>
#include <utility>

#include "lesson/model/state.h"
#include "lesson/model/text_rules.h"
#include "text/decimals.h"
#include "text/join.h"

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

std::string quotedWord(const std::vector<std::string>& words, int k) {
  return "\"" + words[static_cast<size_t>(k)] + "\"";
}

// The two largest weights of written word `i`: first and second source words (second -1 when
// there is one source word).
std::pair<int, int> topTwo(const core::Matrix& weights, int i) {
  int first = 0, second = -1;
  for (int j = 1; j < weights.cols; ++j)
    if (weights.at(i, j) > weights.at(i, first)) first = j;
  for (int j = 0; j < weights.cols; ++j)
    if (j != first && (second < 0 || weights.at(i, j) > weights.at(i, second))) second = j;
  return {first, second};
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
    const auto [first, second] = topTwo(weights, i);
    const bool tie = second >= 0 && weights.at(i, first) - weights.at(i, second) < kWeightTie;
    strongest.push_back(tie ? -1 : first);
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

std::string describeAlignment(const lesson::CrossExample& cross, const core::Matrix& weights, int picked) {
  const auto strongest = strongestSource(weights);
  std::string lines;
  std::vector<std::string> tied;  // written words with no single strongest line
  int single = 0;
  for (size_t i = 0; i < strongest.size(); ++i) {
    const std::string word = quotedWord(cross.target, static_cast<int>(i));
    if (strongest[i] < 0) {
      tied.push_back(word);
      continue;
    }
    lines +=
        (lines.empty() ? "Strongest lines: " : ", ") + word + " \xE2\x86\x92 " + quotedWord(cross.source, strongest[i]);
    ++single;
  }
  std::string text = lines.empty() ? "" : lines + ".";
  if (!tied.empty()) {
    text += (text.empty() ? "" : " ") + text::listWithAnd(tied) + (tied.size() == 1 ? " has" : " have") +
            " no single strongest line: the largest weights are within 0.005 of each other.";
  }
  const int crossing = crossings(strongest);
  if (single > 1)
    text += crossing == 0 ? " These strongest lines do not cross: those written words read their source words in order."
                          : " " + std::to_string(crossing) +
                                (crossing == 1 ? " pair of these strongest lines crosses"
                                               : " pairs of these strongest lines cross") +
                                ": there the written words read their source words in the opposite order.";
  const auto [first, second] = topTwo(weights, picked);
  text += " " + quotedWord(cross.target, picked) + " gives " + text::fixedDecimals(weights.at(picked, first)) + " to " +
          quotedWord(cross.source, first);
  if (second >= 0)
    text += " and " + text::fixedDecimals(weights.at(picked, second)) + " to " + quotedWord(cross.source, second);
  return text + "; its weights add up to 1.";
}

int widestReader(const core::Matrix& weights) {
  int widest = 0;
  float smallestTop = 2.0f;  // above any weight
  for (int i = 0; i < weights.rows; ++i) {
    const float top = weights.at(i, topTwo(weights, i).first);
    if (top < smallestTop) smallestTop = top, widest = i;
  }
  return widest;
}

}  // namespace lesson
