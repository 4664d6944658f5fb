// step_views.cpp: every extra view a step can ask for, by id.
#include "ui/views/step_views.h"

#include "ui/kit/heatmap_view.h"
#include "ui/kit/widgets.h"
#include "ui/panels/controls_panel.h"

namespace ui {

namespace {

// The selected head's weights as a colour grid, marked as what this step produces.
void drawWeightsHeatmap(AppState& app) {
  const auto& head = shownHead(app);
  sectionHeading(app, "Attention weights");
  ImGui::SameLine();
  ImGui::TextColored(kAccent, "\xE2\x86\x90 this step");
  drawHeatmap(app, head.weights, head.rowFullyHidden, "heatmap", px(app, 56));
}

}  // namespace

// Views that live in a file of their own, with nothing else to export, are declared here by
// their record.
void drawRowBars(AppState& app);           // row_bars_view.cpp
void drawTokenLinks(AppState& app);        // links_view.cpp
void drawContributions(AppState& app);     // contributions_view.cpp
void drawBeforeAfter(AppState& app);       // before_after_view.cpp
void drawCost(AppState& app);              // cost_view.cpp
void drawHeads(AppState& app);             // heads_view.cpp
void drawChangeInWords(AppState& app);     // change_words_view.cpp
void drawKeyPlane(AppState& app);          // key_plane_view.cpp
void drawValuePlane(AppState& app);        // value_plane_view.cpp
void drawScaleComparison(AppState& app);   // scale_compare_view.cpp
void drawTwoSentences(AppState& app);      // two_sentences_view.cpp
void drawPlayButton(AppState& app);        // playback.cpp
void drawPairsGrid(AppState& app);         // pairs_grid_view.cpp
void drawCodeListing(AppState& app);       // code_view.cpp
void drawHistory(AppState& app);           // history_view.cpp
void drawUses(AppState& app);              // uses_view.cpp
void drawTransformerBlock(AppState& app);  // block_view.cpp
void drawPositions(AppState& app);         // positions_view.cpp
void drawSparse(AppState& app);            // sparse_view.cpp
void drawLinear(AppState& app);            // linear_view.cpp
void drawFlashStepper(AppState& app);      // flash_view.cpp
void drawCostLab(AppState& app);           // cost_lab_view.cpp
void drawLearning(AppState& app);          // learning_view.cpp

const std::vector<StepViewRecord>& stepViews() {
  static const std::vector<StepViewRecord> records = {
      {"tokens", drawTokenStrip},
      {"heatmap", drawWeightsHeatmap},
      {"row-bars", drawRowBars},
      {"links", drawTokenLinks},
      {"contributions", drawContributions},
      {"before-after", drawBeforeAfter},
      {"change-words", drawChangeInWords},
      {"key-plane", drawKeyPlane},
      {"value-plane", drawValuePlane},
      {"scale-compare", drawScaleComparison},
      {"two-sentences", drawTwoSentences},
      {"play", drawPlayButton},
      {"pairs-grid", drawPairsGrid},
      {"cost", drawCost},
      {"heads", drawHeads},
      {"code", drawCodeListing},
      {"history", drawHistory},
      {"uses", drawUses},
      {"transformer-block", drawTransformerBlock},
      {"positions", drawPositions},
      {"sparse", drawSparse},
      {"linear", drawLinear},
      {"flash", drawFlashStepper},
      {"cost-lab", drawCostLab},
      {"learning", drawLearning},
  };
  return records;
}

const StepViewRecord* findStepView(const std::string& id) {
  for (const auto& record : stepViews())
    if (id == record.id) return &record;
  return nullptr;
}

}  // namespace ui
