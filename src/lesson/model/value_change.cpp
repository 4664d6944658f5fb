// value_change.cpp: a token's value before attention and its output after, in words.
#include "lesson/model/value_change.h"

#include <cstdio>

#include "lesson/model/dimension_names.h"
#include "text/decimals.h"

namespace lesson {

namespace {

std::string twoDecimals(float value, bool sign = false) {
  return text::fixedDecimals(static_cast<double>(value), 2, sign);
}

}  // namespace

bool valuesKeepDimensionNames(const LessonState& state) { return projectionKeepsNames(state, state.WV); }

std::vector<std::string> valueColumnNames(const LessonState& state, const LessonTrace& trace) {
  return projectedColumnNames(state, state.WV, trace.attention.V.cols);
}

std::string describeValueChange(const LessonState& state, const LessonTrace& trace, int token) {
  if (!trace.ok || token < 0 || token >= trace.attention.V.rows) return {};
  const core::Matrix& before = trace.attention.V;
  const core::Matrix& after = trace.attention.concatenated;
  const auto names = valueColumnNames(state, trace);
  std::string text = "\"" + state.tokens[static_cast<size_t>(token)] + "\":";
  int gain = -1, loss = -1;
  float most = 0.0f, least = 0.0f;
  for (int c = 0; c < before.cols && c < after.cols; ++c) {
    const float was = before.at(token, c), is = after.at(token, c), change = is - was;
    text += std::string(c ? "," : "") + " " + names[static_cast<size_t>(c)] + " " + twoDecimals(was) +
            " \xE2\x86\x92 " + twoDecimals(is);
    if (change > most) most = change, gain = c;
    if (change < least) least = change, loss = c;
  }
  text += ".";
  // Changes that round to 0.00 are not worth a sentence.
  const bool gained = gain >= 0 && most >= 0.005f, lost = loss >= 0 && least <= -0.005f;
  if (gained)
    text += " Its largest gain is in " + names[static_cast<size_t>(gain)] + " (" + twoDecimals(most, true) + ")";
  if (gained && lost) text += ", its largest loss in ";
  if (!gained && lost) text += " Its largest loss is in ";
  if (lost) text += names[static_cast<size_t>(loss)] + " (" + twoDecimals(least, true) + ")";
  if (gained || lost) text += ".";
  if (!gained && !lost) text += " Attention left it as it was: the blend of values it took in comes out at its own.";
  return text;
}

}  // namespace lesson
