// spoken_names.h: the text a screen reader announces for a focused control.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace ui {

// Name, role and current value of the widget registered under widgetId (e.g. "next",
// "Q[0][1]", "token[2]"), from the current state and trace. Unknown ids come back as they are.
std::string spokenName(const AppState& app, const std::string& widgetId);

}  // namespace ui
