// desktop_storage.h: the desktop build's counterpart of the page's localStorage: progress
// and the last lesson state in $XDG_CONFIG_HOME/attention-tour/progress.json (or
// ~/.config/...). A missing file is a first visit. A record that cannot be used is moved
// aside and never saved over, and the learner is told where it went.
#pragma once

#include <string>

#include "lesson/session.h"

namespace app {

std::string defaultStoragePath();  // "" when neither XDG_CONFIG_HOME nor HOME is set
// Reads and checks the record at path; with applyRecord its lesson state and progress
// replace the app's (only when the whole record is good). A bad record (not a regular
// file, too large, not JSON, wrong fields, another version) is renamed to
// path.unreadable (or .unreadable-N); if even that fails, saveAllowed becomes false so
// that nothing is saved over it. Returns "" or a notice for the learner.
std::string loadDesktopProgress(lesson::Session& session, bool& saveAllowed, const std::string& path,
                                bool applyRecord = true);
// Returns "" or why the record could not be written; the file at path is then unchanged.
std::string saveDesktopProgress(const lesson::Session& session, const std::string& path);

}  // namespace app
