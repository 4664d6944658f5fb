// steps.h: the guided tour as data. Views draw whatever the current step lists;
// adding or reordering a step never touches view code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lesson/content/inline_list.h"
#include "lesson/content/matrices.h"

namespace lesson {

// The line of the formula panel a step is about, drawn emphasised.
enum class FormulaLine { None, Score, Scale, Mask, Softmax, Output, Mixing };

// The steps of the tour, in their order: step k of tourSteps() has key StepId(k).
enum class StepId {
  Why,
  Tokens,
  Qkv,
  Scores,
  Scale,
  Mask,
  Softmax,
  WeightedSum,
  Output,
  AllAtOnce,
  MultiHead,
  CrossAttention,
  KvCache,
  Positions,
  Sparse,
  Flash,
  Linear,
  CostLab,
  Learning,
  Uses,
  Next,
  Count
};

// The Play animation a step offers for the selected query. Each view that takes part asks the
// clock (ui/kit/playback.h) how far its own animation has got; none asks which step it is on.
enum class Animation {
  None,
  QueryMeetsKeys,  // the query meets each key in turn: its scores appear one by one
  Softmax,         // exp(s - max) of each score, then each divided by the sum
  WeightedSum,     // each value, times its weight, joins the output
  TileSweep,       // FlashAttention folds the tiles of keys in, one after another
};

struct StepPlay {
  Animation animation = Animation::None;
  const char* words = "";  // what Play will show, beside the button and in its spoken name
};

struct TourStep {
  StepId key;
  std::string_view id;  // the step's name in links, stored progress, getState() and --step
  // The texts are views of the lesson's string literals (static storage): a table of 21 steps
  // built from std::string members costs the page kilobytes of construction code.
  std::string_view title;
  std::string_view plain;    // short plain-language explanation: what the learner reads beside the picture
  std::string_view formula;  // the step's formula, in the symbols the font covers
  InlineList<MatrixId, 8> shows;
  MatrixId produces;
  InlineList<std::string_view, 6> views;  // ids of the extra views beside the matrices (ui/views/step_views.cpp)
  FormulaLine emphasis = FormulaLine::None;
  bool tokenStrip = true;  // the clickable token strip above the matrices (steps that show tokens have their own)
  // The worked numbers of the learner's sentence beside the text; off where the step works on
  // other data (the cost lab's random matrices, the learning step's own model).
  bool workedNumbers = true;
  StepPlay play = {};          // a step with an animation lists the "play" view where its button goes
  std::string_view more = {};  // the rest of the plain explanation, behind "More" so the step stays short
};

const std::vector<TourStep>& tourSteps();
int stepCount();
int stepIndexOf(std::string_view id);  // -1 when unknown
int stepIndexOf(StepId key);
// The step at `index`, which is clamped to the tour.
const TourStep& tourStep(int index);

}  // namespace lesson
