// desktop_storage_test.cpp: the desktop build keeps progress and state in a JSON file;
// a missing file is a first visit, a damaged one is reported and changes nothing.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "app/desktop_storage.h"
#include "lesson/json_io.h"
#include "lesson/presets.h"

namespace {

std::string tempPath(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / "attention-tour-test" / name;
  std::filesystem::remove_all(dir);
  return (dir / "progress.json").string();
}

}  // namespace

TEST_CASE("progress and state survive a save and a load") {
  const std::string path = tempPath("roundtrip");
  ui::AppState saved;
  ui::initialiseApp(saved);
  REQUIRE(lesson::loadPreset("cat-mat", saved.lesson));
  saved.lesson.step = 6;
  saved.progress.markSeen(6);
  saved.progress.quizCorrect.insert("rows");
  ui::recompute(saved);
  REQUIRE(app::saveDesktopProgress(saved, path));

  ui::AppState loaded;
  ui::initialiseApp(loaded);
  CHECK(app::loadDesktopProgress(loaded, path).empty());
  CHECK(lesson::stateToJson(loaded.lesson) == lesson::stateToJson(saved.lesson));
  CHECK(loaded.progress.seenCount() == 2);
  CHECK(loaded.progress.quizCorrect.count("rows") == 1);
  CHECK(loaded.trace.ok);
}

TEST_CASE("a missing file is a first visit; a damaged one is reported and ignored") {
  ui::AppState app;
  ui::initialiseApp(app);
  const auto before = lesson::stateToJson(app.lesson);
  CHECK(app::loadDesktopProgress(app, tempPath("missing")).empty());
  CHECK(lesson::stateToJson(app.lesson) == before);
  for (const char* content : {"not json", "[1,2]", R"({"state": {"step": "x"}, "progress": {"stepsSeen": []}})",
                              R"({"state": {}, "progress": {"stepsSeen": 5}})"}) {
    const std::string path = tempPath("damaged");
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << content;
    CAPTURE(content);
    CHECK(app::loadDesktopProgress(app, path) == "Saved progress could not be read, so the lesson starts fresh.");
    CHECK(lesson::stateToJson(app.lesson) == before);
  }
}

TEST_CASE("an unwritable place is reported, not fatal") {
  ui::AppState app;
  ui::initialiseApp(app);
  CHECK_FALSE(app::saveDesktopProgress(app, "/proc/attention-tour/progress.json"));
}
