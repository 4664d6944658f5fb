// steps.h: the guided tour as data. Views draw whatever the current step lists;
// adding or reordering a step never touches view code.
#pragma once

#include <string>
#include <vector>

namespace lesson {

// Output is the attention output (heads side by side); Mixed is that output times W_O.
enum class MatrixId { X, WQ, WK, WV, Q, K, V, Scores, Scaled, Masked, Weights, Output, WO, Mixed };

// Extra views a step may ask for beside its matrices.
enum class StepView { None, Tokens, Heatmap, RowBars, Links, Contributions, BeforeAfter, Cost, Heads, Tiles };

struct TourStep {
  std::string id;
  std::string title;
  std::string plain;    // short plain-language explanation
  std::string formal;   // the more formal explanation, one click away
  std::string formula;  // the step's formula, in the symbols the font covers
  std::vector<MatrixId> shows;
  MatrixId produces;
  std::vector<StepView> views;
};

const std::vector<TourStep>& tourSteps();
int stepCount();
int stepIndexOf(const std::string& id);  // -1 when unknown
const char* matrixName(MatrixId id);     // "X", "WQ", ..., "weights"

}  // namespace lesson
