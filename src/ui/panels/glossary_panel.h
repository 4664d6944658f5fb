// glossary_panel.h: the lesson's words and their meanings, a closed section of the lesson
// column on every step; each entry leads to the step that teaches it.
#pragma once

#include "ui/app_state.h"

namespace ui {

void drawGlossary(AppState& app);

}  // namespace ui
