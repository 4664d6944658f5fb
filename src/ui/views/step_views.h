// step_views.h: the registry of the extra views a tour step can show beside its matrices.
// A step names its views by id (lesson/content/steps.cpp); a new view is its own file, its
// declaration below and one record in step_views.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/app_state.h"

namespace ui {

struct StepViewRecord {
  const char* id;
  void (*draw)(AppState& app);
  // The view draws the step's numbers as a picture only (lines or bars for the selected row's
  // weights): the page's mirror gives it those numbers in words
  // (lesson::numbersInWords) as its text alternative. Views whose numbers are tables, items or
  // text are read from those; the planes of arrows describe themselves (kit/arrow_plane).
  bool picturesTheNumbers = false;
};

const std::vector<StepViewRecord>& stepViews();

// The views, each in its own file named after its id (the cost lab's and the learning step's
// are declared with the rest of their interface, in cost_lab_view.h and learning_view.h).
void drawTokenStrip(AppState& app);         // "tokens": tokens_view.cpp
void drawWeightsHeatmap(AppState& app);     // "heatmap": heatmap_view.cpp
void drawRowBars(AppState& app);            // "row-bars": row_bars_view.cpp
void drawTokenLinks(AppState& app);         // "links": links_view.cpp
void drawContributions(AppState& app);      // "contributions": contributions_view.cpp
void drawBeforeAfter(AppState& app);        // "before-after": before_after_view.cpp
void drawChangeInWords(AppState& app);      // "change-words": change_words_view.cpp
void drawKeyPlane(AppState& app);           // "key-plane": key_plane_view.cpp
void drawValuePlane(AppState& app);         // "value-plane": value_plane_view.cpp
void drawScaleComparison(AppState& app);    // "scale-compare": scale_compare_view.cpp
void drawTwoSentences(AppState& app);       // "two-sentences": two_sentences_view.cpp
void drawMeaningMoves(AppState& app);       // "meaning-moves": meaning_moves_view.cpp
void drawEditGoal(AppState& app);           // "edit-goal": edit_goal_view.cpp
void drawTokenPlane(AppState& app);         // "token-plane": token_plane_view.cpp
void drawQkvSplit(AppState& app);           // "qkv-split": qkv_split_view.cpp
void drawPlayButton(AppState& app);         // "play": play_view.cpp
void drawPairsGrid(AppState& app);          // "pairs-grid": pairs_grid_view.cpp
void drawCost(AppState& app);               // "cost": cost_view.cpp
void drawHeads(AppState& app);              // "heads": heads_view.cpp
void drawCodeListing(AppState& app);        // "code": code_view.cpp
void drawHistory(AppState& app);            // "history": history_view.cpp
void drawUses(AppState& app);               // "uses": uses_view.cpp
void drawScaleStepControls(AppState& app);  // "scale-controls": step_controls_view.cpp
void drawMaskStepControls(AppState& app);   // "mask-controls": step_controls_view.cpp
void drawTransformerBlock(AppState& app);   // "transformer-block": block_view.cpp
void drawScaleSpread(AppState& app);        // "scale-spread": scale_spread_view.cpp
void drawPositionsCompare(AppState& app);   // "positions-compare": positions_compare_view.cpp
void drawCrossAttention(AppState& app);     // "cross": cross_view.cpp
void drawKvCache(AppState& app);            // "kv-cache": kv_cache_view.cpp
// Predict, then see (predict_view.cpp): drawn first on a step that asks for a guess. Until the
// learner guesses or skips, awaitingGuess is true and the step shows the question alone.
void drawPrediction(AppState& app);
bool awaitingGuess(const AppState& app);
void drawPositions(AppState& app);          // "positions": positions_view.cpp
void drawSparse(AppState& app);             // "sparse": sparse_view.cpp
void drawLinear(AppState& app);             // "linear": linear_view.cpp
void drawLinearCodeListing(AppState& app);  // "code-linear": code_view.cpp
void drawFlashStepper(AppState& app);       // "flash": flash_view.cpp
// The record for `id`, or nullptr when no view has that id.
const StepViewRecord* findStepView(std::string_view id);

}  // namespace ui
