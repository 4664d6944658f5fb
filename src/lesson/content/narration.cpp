// narration.cpp: step text plus the selected row's weights, rounded for speech.
#include "lesson/content/narration.h"

#include <cstdio>

#include "lesson/content/background.h"
#include "lesson/content/steps.h"
#include "text/decimals.h"
#include "text/join.h"

namespace lesson {

namespace {

std::string twoDecimals(float value) { return text::fixedDecimals(static_cast<double>(value)); }

std::string withFullStop(const std::string& sentence) {
  const char last = sentence.empty() ? '.' : sentence.back();
  return last == '.' || last == '!' || last == '?' ? sentence : sentence + ".";
}

}  // namespace

std::string narrate(const LessonState& state, const LessonTrace& trace) {
  const auto& step = tourSteps()[static_cast<size_t>(state.step)];
  std::string text =
      text::join({"Step ", std::to_string(state.step + 1), " of ", std::to_string(stepCount()), ": ", step.title,
                  step.title.back() == '?' ? " " : ". ", step.plain, step.more.empty() ? "" : " ", step.more});
  for (const auto& view : step.views) {
    const std::string described = viewNarration(std::string(view));  // views of text and drawings, not numbers
    if (!described.empty()) text += " " + described;
  }
  if (!state.notice.empty()) text += " Notice: " + withFullStop(state.notice);
  if (!trace.ok) return text + " This state cannot be computed: " + withFullStop(trace.error);
  if (step.key == StepId::CrossAttention) {  // the step's picture is the translation's alignment
    if (!trace.cross.ok) return text;
    const core::Matrix& weights = trace.cross.weights();
    return text + " " + describeAlignment(state.cross, weights, widestReader(weights));
  }
  // Steps without worked numbers draw other data (the cost lab, the learning step's model): the
  // lesson's selected row is not on screen there.
  if (!step.workedNumbers) return text;
  const auto& head = trace.attention.heads.front();
  const size_t i = static_cast<size_t>(state.selected);
  text +=
      " Selected token: \"" + state.tokens[i] + "\". Its attention weights" + (state.heads > 1 ? " in head 1:" : ":");
  if (head.rowFullyHidden[i]) return text + " none, every key is hidden.";
  for (int j = 0; j < head.weights.cols; ++j)
    text += std::string(j ? "," : "") + " " + state.tokens[static_cast<size_t>(j)] + " " +
            twoDecimals(head.weights.at(state.selected, j));
  return text + ".";
}

}  // namespace lesson
