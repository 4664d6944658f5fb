// steps.h: the guided tour as data. Views draw whatever the current step lists;
// adding or reordering a step never touches view code.
#pragma once

#include <string>
#include <vector>

namespace lesson {

// Output is the attention output (heads side by side); Mixed is that output times W_O.
enum class MatrixId { X, WQ, WK, WV, Q, K, V, Scores, Scaled, Masked, Weights, Output, WO, Mixed };

// Where a step's views go: after its matrices, or first, when the picture carries the idea
// and the matrices are there to check it.
enum class ViewPlacement { AfterMatrices, BeforeMatrices };

// The line of the formula panel a step is about, drawn emphasised.
enum class FormulaLine { None, Score, Scale, Mask, Softmax, Output, Mixing };

struct TourStep {
  std::string id;
  std::string title;
  std::string plain;    // short plain-language explanation
  std::string formal;   // the more formal explanation, one click away
  std::string formula;  // the step's formula, in the symbols the font covers
  std::vector<MatrixId> shows;
  MatrixId produces;
  std::vector<std::string> views;  // ids of the extra views beside the matrices (ui/step_views.cpp)
  FormulaLine emphasis = FormulaLine::None;
  bool tokenStrip = true;  // the clickable token strip above the matrices (steps that show tokens have their own)
  ViewPlacement placement = ViewPlacement::AfterMatrices;
  // The worked numbers of the learner's sentence beside the text; off where the step works on
  // other data (the cost lab's random matrices, the learning step's own model).
  bool workedNumbers = true;
};

const std::vector<TourStep>& tourSteps();
int stepCount();
int stepIndexOf(const std::string& id);  // -1 when unknown
const char* matrixName(MatrixId id);     // "X", "WQ", ..., "weights"

}  // namespace lesson
