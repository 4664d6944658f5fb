// head_roles.cpp: a head's role from where each query row puts its largest weight.
#include "lesson/model/head_roles.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "core/few_sort.h"
#include "text/decimals.h"

namespace lesson {

namespace {

int largestIn(const core::Matrix& weights, int row) {
  int best = 0;
  for (int j = 1; j < weights.cols; ++j)
    if (weights.at(row, j) > weights.at(row, best)) best = j;
  return best;
}

struct RowCounts {
  int rows = 0;       // rows with a visible key
  int previous = 0;   // of rows 1.., how many put their largest weight on the word before
  int same = 0;       // how many put it on themselves
  int even = 0;       // how many give no key more than 1.5 times an even share
  int laterRows = 0;  // visible rows after the first
};

RowCounts countRows(const core::HeadTrace& head) {
  RowCounts counts;
  const core::Matrix& w = head.weights;
  for (int i = 0; i < w.rows; ++i) {
    if (i < static_cast<int>(head.rowFullyHidden.size()) && head.rowFullyHidden[static_cast<size_t>(i)]) continue;
    ++counts.rows;
    const int top = largestIn(w, i);
    if (i > 0) ++counts.laterRows;
    if (i > 0 && top == i - 1) ++counts.previous;
    if (top == i) ++counts.same;
    if (w.at(i, top) < 1.5f / static_cast<float>(w.cols)) ++counts.even;
  }
  return counts;
}

bool most(int count, int of) { return of > 0 && 4 * count >= 3 * of; }

std::string twoDecimals(float value) { return text::fixedDecimals(static_cast<double>(value)); }

}  // namespace

HeadRole headRole(const core::HeadTrace& head) {
  const RowCounts counts = countRows(head);
  if (head.weights.rows >= 3 && most(counts.previous, counts.laterRows)) return HeadRole::PreviousWord;
  if (most(counts.even, counts.rows)) return HeadRole::Even;
  if (most(counts.same, counts.rows)) return HeadRole::SameWord;
  return HeadRole::Content;
}

std::string describeHead(const LessonState& state, const core::HeadTrace& head) {
  const RowCounts counts = countRows(head);
  const core::Matrix& w = head.weights;
  switch (headRole(head)) {
    case HeadRole::PreviousWord:
      return "looks one word back: " + std::to_string(counts.previous) + " of the " + std::to_string(counts.laterRows) +
             " words after the first put their largest weight on the word just before.";
    case HeadRole::Even:
      return "spreads its weight almost evenly: it mixes all the words it can see.";
    case HeadRole::SameWord:
      return "mostly looks at each word itself: " + std::to_string(counts.same) + " of " + std::to_string(counts.rows) +
             " words put their largest weight on themselves.";
    case HeadRole::Content:
      break;
  }
  // Matching by content: the strongest links from a word to another word.
  struct Link {
    float weight;
    int from, to;
  };
  std::vector<Link> links;
  for (int i = 0; i < w.rows; ++i) {
    if (i < static_cast<int>(head.rowFullyHidden.size()) && head.rowFullyHidden[static_cast<size_t>(i)]) continue;
    const int top = largestIn(w, i);
    // Only links that stand out from an even share (1.5 times it) are worth naming.
    if (top != i && w.at(i, top) >= 1.5f / static_cast<float>(w.cols)) links.push_back({w.at(i, top), i, top});
  }
  core::sortFew(links.begin(), links.end(), [](const Link& a, const Link& b) { return a.weight > b.weight; });
  // The weights come from the vectors; with positions or a mask, where the words are counts too.
  // (Whether the vectors themselves hold a word's place, as in the two-heads example, is the
  // learner's to read off X.)
  const bool positions = state.positional != Positional::None && state.source == VectorSource::Projected;
  const bool masked = state.mask.kind != core::MaskKind::None;
  const char* where = positions && masked ? "the positions and the mask" : positions ? "the positions" : "the mask";
  std::string text = positions || masked
                         ? std::string("follows the words' vectors and, through ") + where + ", where they are"
                         : "matches words by their vectors";
  if (links.empty()) return text + "; no link stands out.";
  text += ":";
  for (size_t k = 0; k < links.size() && k < 3; ++k)
    text += std::string(k ? "," : "") + " " + state.tokens[static_cast<size_t>(links[k].from)] + " \xE2\x86\x92 " +
            state.tokens[static_cast<size_t>(links[k].to)] + " " + twoDecimals(links[k].weight);
  return text + ".";
}

}  // namespace lesson
