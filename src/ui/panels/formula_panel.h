// formula_panel.h: the selected cell written out with the learner's own numbers,
// from the dot product to the weighted sum, the current step's line emphasised.
#pragma once

#include "ui/app_state.h"

namespace ui {

// Returns whether it drew anything (before the scores step there is nothing to work out).
bool drawFormulaPanel(AppState& app);
// The furthest formula line the tour has introduced by `step`: the panel shows the lines up to it.
lesson::FormulaLine introducedSoFar(int step);

// The lines themselves (tested without drawing): dot product, scaling, softmax, output.
struct FormulaLines {
  std::string dot, scale, mask, softmax, output, mixed;
};
FormulaLines formulaLines(const AppState& app);

}  // namespace ui
