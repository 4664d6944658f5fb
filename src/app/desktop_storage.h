// desktop_storage.h: the desktop build's counterpart of the page's localStorage: progress
// and the last lesson state in $XDG_CONFIG_HOME/attention-tour/progress.json (or
// ~/.config/...). A missing file is a first visit; an unreadable one is reported and ignored.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace app {

std::string defaultStoragePath();  // "" when neither XDG_CONFIG_HOME nor HOME is set
// Returns "" or a notice for the learner; the app state is only changed on success.
std::string loadDesktopProgress(ui::AppState& app, const std::string& path);
// Returns false when the file cannot be written (the app keeps working).
bool saveDesktopProgress(const ui::AppState& app, const std::string& path);

}  // namespace app
