// desktop_storage.h: the desktop build's counterpart of the page's localStorage: progress
// and the last lesson state in $XDG_CONFIG_HOME/attention-tour/progress.json (or
// ~/.config/...). A missing file is a first visit. A record that cannot be used is moved
// aside and never saved over, and the learner is told where it went.
#pragma once

#include <optional>
#include <string>

#include "lesson/model/actions.h"
#include "lesson/model/session.h"

namespace app {

std::string defaultStoragePath();  // "" when neither XDG_CONFIG_HOME nor HOME is set
// What reading the stored record gave: a notice for the learner ("" when none), and, when the
// whole record is good, the named action that restores it (the caller applies it, or not,
// through the one door).
struct StoredRecord {
  std::string notice;
  std::optional<lesson::actions::RestoreRecord> restore;
};
// Reads and checks the record at path against the current session. A bad record (not a
// regular file, too large, not JSON, wrong fields, another version) is renamed to
// path.unreadable (or .unreadable-N); if even that fails, saveAllowed becomes false so that
// nothing is saved over it. A missing file is a first visit: no notice, nothing to restore.
StoredRecord loadDesktopProgress(const lesson::Session& current, bool& saveAllowed, const std::string& path);
// Returns "" or why the record could not be written; the file at path is then unchanged.
std::string saveDesktopProgress(const lesson::Session& session, const std::string& path);

}  // namespace app
