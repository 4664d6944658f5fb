// desktop_storage.cpp: progress and state as one small JSON file.
#include "app/desktop_storage.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lesson/json_io.h"

namespace app {

std::string defaultStoragePath() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  std::string base;
  if (config && *config) base = config;
  else if (home && *home) base = std::string(home) + "/.config";
  else return {};
  return base + "/attention-tour/progress.json";
}

std::string loadDesktopProgress(ui::AppState& app, const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return {};  // first visit
  std::ostringstream text;
  text << file.rdbuf();
  const auto saved = nlohmann::json::parse(text.str(), nullptr, false);
  const char* unreadable = "Saved progress could not be read, so the lesson starts fresh.";
  if (saved.is_discarded() || !saved.is_object() || !saved.contains("progress") || !saved.contains("state"))
    return unreadable;
  lesson::Progress progress;
  lesson::LessonState state = app.lesson;
  if (!lesson::progressFromJson(saved["progress"], progress)) return unreadable;
  if (!lesson::applyStateJson(state, saved["state"]).empty()) return unreadable;
  app.progress = progress;
  app.lesson = state;
  ui::recompute(app);
  return {};
}

bool saveDesktopProgress(const ui::AppState& app, const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return false;
    file << lesson::dumpJson({{"state", lesson::stateToJson(app.lesson, true)},
                              {"progress", lesson::progressToJson(app.progress)}});
    if (!file) return false;
  }
  std::filesystem::rename(temporary, path, error);  // never leave a half-written file behind
  return !error;
}

}  // namespace app
