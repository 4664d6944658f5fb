// desktop_storage.cpp: progress and state as one small JSON file.
#include "app/desktop/desktop_storage.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "app/desktop/bounded_file.h"
#include "lesson/io/json_io.h"
#include "lesson/model/progress_salvage.h"

namespace app {

namespace {

// Fills the copies from a record's text; returns "" or why the record cannot be used.
std::string readRecord(const std::string& text, lesson::Progress& progress, lesson::LessonState& state) {
  const auto saved = json::Json::parse(text);
  if (!saved) return "it is not valid JSON";
  if (!saved->isObject() || !saved->contains("progress") || !saved->contains("state"))
    return "it is not a progress record";
  if (!lesson::progressFromJson((*saved)["progress"], progress)) return "its progress has unexpected fields";
  const std::string error = lesson::applyStateJson(state, (*saved)["state"]);
  return error.empty() ? std::string() : "its lesson state is not valid: " + error;
}

// Renames the record (a symlink is moved, not followed) to a name not yet taken; returns
// that name, or "" when it could not be moved.
std::string moveAside(const std::string& path) {
  for (int k = 1; k <= 100; ++k) {
    const std::string aside = path + ".unreadable" + (k == 1 ? std::string() : "-" + std::to_string(k));
    std::error_code error;
    if (std::filesystem::symlink_status(aside, error).type() != std::filesystem::file_type::not_found) continue;
    std::filesystem::rename(path, aside, error);
    return error ? std::string() : aside;
  }
  return {};
}

// A later save must not destroy a record the learner may want back: keep it aside, or
// if that fails, save nothing this run. `salvaged`: what could be read of its progress is kept.
std::string setAside(bool& saveAllowed, const std::string& path, const std::string& reason, bool salvaged = false) {
  const std::string aside = moveAside(path);
  if (aside.empty()) saveAllowed = false;
  const std::string notSaved = "progress will not be saved this time.";
  if (salvaged) {
    const std::string what = "Saved progress in " + path + " could not be read whole (" + reason +
                             "); the steps, experiments, quiz answers and challenge levels found in it are kept";
    return aside.empty() ? what + ". The file could not be moved aside, so it is left as it is and " + notSaved
                         : what + ", and the file was moved to " + aside + ".";
  }
  const std::string what = "Saved progress in " + path + " could not be read (" + reason + ")";
  return aside.empty() ? what + " nor moved aside, so it is left as it is and " + notSaved
                       : what + ", so it was moved to " + aside + " and the lesson starts without it.";
}

}  // namespace

std::string defaultStoragePath() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string base;
  if (config && *config)
    base = config;
  else if (home && *home)
    base = std::string(home) + "/.config";
  else
    return {};
  return base + "/attention-tour/progress.json";
}

StoredRecord loadDesktopProgress(const lesson::Session& current, bool& saveAllowed, const std::string& path) {
  const FileRead file = readBoundedFile(path, kMaxJsonFileBytes);
  if (file.status == FileRead::Status::missing) return {};  // first visit
  if (file.status != FileRead::Status::ok) return {setAside(saveAllowed, path, file.reason), std::nullopt};
  lesson::Progress progress;
  lesson::LessonState state = current.lesson();
  const std::string problem = readRecord(file.text, progress, state);
  if (!problem.empty()) {
    // Not readable whole: the progress it holds is still the learner's (progress_salvage.h).
    lesson::Progress salvaged;
    if (lesson::salvageProgress(file.text, salvaged) == 0) return {setAside(saveAllowed, path, problem), std::nullopt};
    return {setAside(saveAllowed, path, problem, true), lesson::actions::RestoreRecord{current.lesson(), salvaged}};
  }
  return {"", lesson::actions::RestoreRecord{std::move(state), std::move(progress)}};
}

std::string saveDesktopProgress(const lesson::Session& session, const std::string& path) {
  std::error_code ignored;  // a folder that cannot be made shows up as the write's error
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
  return writeWholeFile(path, json::Json::object({{"state", lesson::stateToJson(session.lesson(), true)},
                                                  {"progress", lesson::progressToJson(session.progress())}})
                                  .dump());
}

}  // namespace app
