// narration.cpp: step text plus the selected row's weights, rounded for speech.
#include "lesson/content/narration.h"

#include <algorithm>
#include <cstdio>
#include <vector>

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

std::string largestWeight(const LessonState& state, const core::Matrix& weights, int row) {
  float largest = 0.0f;
  for (int j = 0; j < weights.cols; ++j) largest = std::max(largest, weights.at(row, j));
  std::vector<std::string> keys;
  for (int j = 0; j < weights.cols; ++j)
    if (largest - weights.at(row, j) <= kWeightTie) keys.push_back("\"" + state.tokens[static_cast<size_t>(j)] + "\"");
  const std::string who = "\"" + state.tokens[static_cast<size_t>(row)] + "\"";
  if (keys.size() == 1) return who + " gives its largest weight, " + twoDecimals(largest) + ", to " + keys[0] + ".";
  return who + " gives its largest weight, " + twoDecimals(largest) + ", to each of " + text::listWithAnd(keys) + ".";
}

namespace {

// The step's drawings in words (views of text and drawings, not numbers).
std::string drawingsInWords(const TourStep& step) {
  std::string text;
  for (const auto& view : step.views) {
    const std::string described = viewNarration(std::string(view));
    if (!described.empty()) text += " " + described;
  }
  return text;
}

}  // namespace

// The numbers the picture shows: the translation's alignment, or the selected row's weights.
std::string numbersInWords(const LessonState& state, const LessonTrace& trace) {
  const auto& step = tourSteps()[static_cast<size_t>(state.step)];
  if (step.key == StepId::CrossAttention) {  // the step's picture is the translation's alignment
    if (!trace.cross.ok) return "";
    const core::Matrix& weights = trace.cross.weights();
    return " " + describeAlignment(state.cross, weights, widestReader(weights));
  }
  // Steps without worked numbers draw other data (the cost lab, the learning step's model): the
  // lesson's selected row is not on screen there.
  if (!step.workedNumbers) return "";
  const auto& head = trace.attention.heads.front();
  const size_t i = static_cast<size_t>(state.selected);
  std::string text =
      " Selected token: \"" + state.tokens[i] + "\". Its attention weights" + (state.heads > 1 ? " in head 1:" : ":");
  if (head.rowFullyHidden[i]) return text + " none, every key is hidden.";
  for (int j = 0; j < head.weights.cols; ++j)
    text += std::string(j ? "," : "") + " " + state.tokens[static_cast<size_t>(j)] + " " +
            twoDecimals(head.weights.at(state.selected, j));
  return text + ". " + largestWeight(state, head.weights, state.selected);
}

std::string describePicture(const LessonState& state, const LessonTrace& trace) {
  const std::string drawings = drawingsInWords(tourSteps()[static_cast<size_t>(state.step)]);
  const std::string text = trace.ok ? drawings + numbersInWords(state, trace) : drawings;
  return text.empty() ? text : text.substr(1);  // without the leading space
}

std::string stepHeading(const LessonState& state) {
  const auto& step = tourSteps()[static_cast<size_t>(state.step)];
  return text::join({"Step ", std::to_string(state.step + 1), " of ", std::to_string(stepCount()), ": ", step.title,
                     step.title.back() == '?' ? " " : ". ", step.plain});
}

std::string narrate(const LessonState& state, const LessonTrace& trace) {
  const auto& step = tourSteps()[static_cast<size_t>(state.step)];
  std::string text = stepHeading(state) + (step.more.empty() ? "" : " ") + std::string(step.more);
  text += drawingsInWords(step);
  if (!state.notice.empty()) text += " Notice: " + withFullStop(state.notice);
  if (!trace.ok) return text + " This state cannot be computed: " + withFullStop(trace.error);
  return text + numbersInWords(state, trace);
}

}  // namespace lesson
