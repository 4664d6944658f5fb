// practice_panel.h: the experiments (checked live as the learner edits) and the quiz
// with immediate feedback; what is done is kept in Progress.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawPractice(AppState& app);

}  // namespace ui
