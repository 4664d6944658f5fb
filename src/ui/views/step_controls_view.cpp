// step_controls_view.cpp: the "scale-controls" and "mask-controls" step views: the settings a
// step asks the learner to try, drawn beside its picture, so the settings panel can stay closed.
#include "ui/panels/controls_panel.h"
#include "ui/views/step_views.h"

namespace ui {

void drawScaleStepControls(AppState& app) { drawScaleControls(app, "step-"); }

// The window option here has no global tokens: they come with the sparse step.
void drawMaskStepControls(AppState& app) { drawMaskControls(app, "step-mask", 0); }

}  // namespace ui
