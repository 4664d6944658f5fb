// heatmap_view.cpp: the "heatmap" view of the softmax step: the shown head's weights as a
// colour grid, marked as what this step produces.
#include "ui/kit/heatmap.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

// The selected head's weights as a colour grid, marked as what this step produces.
void drawWeightsHeatmap(AppState& app) {
  const auto& head = shownHead(app);
  sectionHeading(app, "Attention weights");
  ImGui::SameLine();
  textLine(app, kAccent, "\xE2\x86\x90 this step");
  drawHeatmap(app, head.weights, head.rowFullyHidden, "heatmap", px(app, 56));
}

}  // namespace ui
