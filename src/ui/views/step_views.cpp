// step_views.cpp: every extra view a step can ask for, by id.
#include "ui/views/step_views.h"

#include "ui/views/cost_lab_view.h"
#include "ui/views/learning_view.h"

namespace ui {

const std::vector<StepViewRecord>& stepViews() {
  static const std::vector<StepViewRecord> records = {
      {"tokens", drawTokenStrip},
      {"heatmap", drawWeightsHeatmap},
      {"row-bars", drawRowBars, true},
      {"links", drawTokenLinks, true},
      {"contributions", drawContributions},
      {"before-after", drawBeforeAfter},
      {"change-words", drawChangeInWords},
      {"key-plane", drawKeyPlane},
      {"value-plane", drawValuePlane},
      {"scale-compare", drawScaleComparison},
      {"scale-spread", drawScaleSpread},
      {"scale-controls", drawScaleStepControls},
      {"meaning-moves", drawMeaningMoves},
      {"edit-goal", drawEditGoal},
      {"token-plane", drawTokenPlane},
      {"qkv-split", drawQkvSplit},
      {"mask-controls", drawMaskStepControls},
      {"two-sentences", drawTwoSentences},
      {"play", drawPlayButton},
      {"pairs-grid", drawPairsGrid},
      {"cost", drawCost},
      {"heads", drawHeads},
      {"code", drawCodeListing},
      {"history", drawHistory},
      {"uses", drawUses},
      {"transformer-block", drawTransformerBlock},
      {"cross", drawCrossAttention},
      {"kv-cache", drawKvCache},
      {"positions-compare", drawPositionsCompare},
      {"positions", drawPositions},
      {"sparse", drawSparse},
      {"linear", drawLinear},
      {"code-linear", drawLinearCodeListing},
      {"flash", drawFlashStepper},
      {"cost-lab", drawCostLab},
      {"learning", drawLearning},
  };
  return records;
}

const StepViewRecord* findStepView(std::string_view id) {
  for (const auto& record : stepViews())
    if (id == record.id) return &record;
  return nullptr;
}

}  // namespace ui
