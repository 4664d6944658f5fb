// desktop_storage_test.cpp: the desktop build keeps progress and state in a JSON file;
// a missing file is a first visit, a bad one is moved aside (never read without bound,
// never saved over) and the learner is told where it went; a failed save leaves the old
// file whole.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "app/desktop/desktop_storage.h"

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/desktop/bounded_file.h"
#include "lesson/content/presets.h"
#include "lesson/content/steps.h"
#include "lesson/io/json_io.h"

namespace fs = std::filesystem;

namespace {

std::string tempPath(const char* name) {
  const auto dir = fs::temp_directory_path() / "attention-tour-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return (dir / "progress.json").string();
}

std::string readAll(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// What the desktop driver holds: the lesson session, and whether it may save this run.
struct Record {
  lesson::Session session = lesson::Session();
  bool saveAllowed = true;
};

std::string load(Record& record, const std::string& path, bool applyRecord = true) {
  const app::StoredRecord stored = app::loadDesktopProgress(record.session, record.saveAllowed, path);
  if (applyRecord && stored.restore) record.session.apply(*stored.restore);
  return stored.notice;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Loads a bad record and checks the learner is told, the lesson is the default one, and
// the record now sits at path.unreadable; a later save then writes a fresh file beside it.
void expectMovedAside(const std::string& path, const char* reason) {
  Record app = Record();
  const auto before = lesson::stateToJson(app.session.lesson());
  const std::string aside = path + ".unreadable";
  const std::string notice = load(app, path);
  CAPTURE(notice);
  CHECK(contains(notice, "Saved progress in " + path + " could not be read ("));
  CHECK(contains(notice, reason));
  CHECK(contains(notice, "moved to " + aside));
  CHECK(lesson::stateToJson(app.session.lesson()) == before);
  CHECK(app.saveAllowed);
  CHECK(fs::symlink_status(path).type() == fs::file_type::not_found);
  CHECK(fs::symlink_status(aside).type() != fs::file_type::not_found);
  CHECK(app::saveDesktopProgress(app.session, path).empty());
  CHECK(fs::is_regular_file(path));
  CHECK(load(app, path).empty());
}

}  // namespace

TEST_CASE("progress and state survive a save and a load") {
  const std::string path = tempPath("roundtrip");
  Record saved = Record();
  REQUIRE(saved.session.apply(lesson::actions::LoadExample{"cat-mat"}) == "");
  REQUIRE(saved.session.apply(lesson::actions::GoToStep{6}) == "");  // and step 6 is seen
  REQUIRE(saved.session.apply(lesson::actions::AnswerQuiz{"rows", true}) == "");
  REQUIRE(app::saveDesktopProgress(saved.session, path).empty());

  Record loaded = Record();
  CHECK(load(loaded, path).empty());
  CHECK(lesson::stateToJson(loaded.session.lesson()) == lesson::stateToJson(saved.session.lesson()));
  CHECK(loaded.session.progress().seenCount() == 2);
  CHECK(loaded.session.progress().quizCorrect.count("rows") == 1);
  CHECK(loaded.session.trace().ok);
  CHECK(fs::directory_iterator(fs::path(path).parent_path()) != fs::directory_iterator());
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path()))
    CHECK(entry.path().filename() == "progress.json");  // no temporary left behind
}

TEST_CASE("a missing file is a first visit") {
  Record app = Record();
  const auto before = lesson::stateToJson(app.session.lesson());
  CHECK(load(app, tempPath("missing")).empty());
  CHECK(lesson::stateToJson(app.session.lesson()) == before);
  CHECK(app.saveAllowed);
}

TEST_CASE("a record with bad content is moved aside with its bytes, and the learner is told") {
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "not valid JSON"},
      {"[1,2]", "not a progress record"},
      {R"({"state": {"step": "x"}, "progress": {"stepsSeen": []}})", "lesson state is not valid"},
      {R"({"state": {}, "progress": {"stepsSeen": 5}})", "progress has unexpected fields"},
      {R"({"state": {"version": 99}, "progress": {"stepsSeen": []}})", "version 99 is not supported"},
  };
  for (const auto& [content, reason] : cases) {
    CAPTURE(content);
    const std::string path = tempPath("damaged");
    writeText(path, content);
    expectMovedAside(path, reason);
    CHECK(readAll(path + ".unreadable") == content);
  }
}

TEST_CASE("a record that is not a small regular file is refused before it is read") {
  SUBCASE("a symlink to /dev/zero") {
    const std::string path = tempPath("zero");
    fs::create_symlink("/dev/zero", path);
    expectMovedAside(path, "it is a character device, not a regular file");
    CHECK(fs::read_symlink(path + ".unreadable") == "/dev/zero");
  }
  SUBCASE("a huge file") {
    const std::string path = tempPath("huge");
    writeText(path, "{");
    fs::resize_file(path, 3ull << 30);  // sparse: no disk used, but reading it all would take 3 GB
    expectMovedAside(path, "it is larger than 4 MB");
    CHECK(fs::file_size(path + ".unreadable") == 3ull << 30);
  }
  SUBCASE("a directory") {
    const std::string path = tempPath("directory");
    fs::create_directories(path);
    writeText(path + "/keep.txt", "mine");
    expectMovedAside(path, "it is a directory, not a regular file");
    CHECK(readAll(path + ".unreadable/keep.txt") == "mine");
  }
}

TEST_CASE("an earlier record kept aside is not replaced by a later one") {
  const std::string path = tempPath("twice");
  writeText(path + ".unreadable", "first");
  writeText(path, "second");
  Record app = Record();
  CHECK(contains(load(app, path), "moved to " + path + ".unreadable-2"));
  CHECK(readAll(path + ".unreadable") == "first");
  CHECK(readAll(path + ".unreadable-2") == "second");
}

TEST_CASE("a bad record that cannot be moved aside turns saving off") {
  // The tests may run as root, who can rename anything in an ordinary folder; nothing in
  // /proc can be renamed, and its status file is not JSON.
  Record app = Record();
  const std::string notice = load(app, "/proc/self/status");
  CAPTURE(notice);
  CHECK(contains(notice, "could not be read (it is not valid JSON) nor moved aside"));
  CHECK(contains(notice, "progress will not be saved this time"));
  CHECK_FALSE(app.saveAllowed);
}

TEST_CASE("checking a record without applying it still moves a bad one aside") {
  const std::string path = tempPath("check-only");
  Record saved = Record();
  REQUIRE(saved.session.apply(lesson::actions::GoToStep{5}) == "");
  REQUIRE(app::saveDesktopProgress(saved.session, path).empty());
  Record app = Record();
  CHECK(load(app, path, false).empty());
  CHECK(app.session.lesson().step == 0);
  writeText(path, "not json");
  CHECK(contains(load(app, path, false), "moved to " + path + ".unreadable"));
  CHECK(readAll(path + ".unreadable") == "not json");
}

TEST_CASE("a full disk or an unwritable place is reported and leaves the old record whole") {
  Record app = Record();
  // /dev/full through a link in a temporary folder: a writer that wrongly replaced a device
  // by a rename would then replace the link, not the machine's /dev/full (tests may run as root).
  const std::string full = tempPath("dev-full");
  fs::create_symlink("/dev/full", full);
  CHECK(app::saveDesktopProgress(app.session, full) == "No space left on device");
  CHECK(app::writeWholeFile(full, "x") == "No space left on device");
  CHECK(fs::read_symlink(full) == "/dev/full");
  CHECK_FALSE(app::saveDesktopProgress(app.session, "/proc/attention-tour/progress.json").empty());

  // A file size limit fails the write of the temporary file the way a full disk does.
  const std::string path = tempPath("full");
  REQUIRE(app::saveDesktopProgress(app.session, path).empty());
  const std::string good = readAll(path);
  REQUIRE(app.session.apply(lesson::actions::GoToStep{7}) == "");
  rlimit old{};
  REQUIRE(getrlimit(RLIMIT_FSIZE, &old) == 0);
  const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);  // the write fails with EFBIG instead
  rlimit small = old;
  small.rlim_cur = 64;
  REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
  const std::string error = app::saveDesktopProgress(app.session, path);
  setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, oldHandler);
  CHECK(error == "File too large");
  CHECK(readAll(path) == good);
  for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path()))
    CHECK(entry.path().filename() == "progress.json");  // the failed temporary is gone
}

TEST_CASE("the bounded reader takes a small regular file and refuses the rest without waiting") {
  const std::string path = tempPath("reader");
  writeText(path, "12345");
  CHECK(app::readBoundedFile(path, 5).status == app::FileRead::Status::ok);
  CHECK(app::readBoundedFile(path, 5).text == "12345");
  CHECK(app::readBoundedFile(path, 4).reason == "it is larger than 4 bytes");
  CHECK(app::readBoundedFile(path + ".none", 5).status == app::FileRead::Status::missing);
  const std::string fifo = path + ".fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(app::readBoundedFile(fifo, 5).reason == "it is a FIFO, not a regular file");  // no writer: would block
}

TEST_CASE("a record whose lesson is unreadable still gives back its progress, and is moved aside whole") {
  const std::string path = tempPath("salvage");
  // Another version's state beside this version's progress: the progress is the learner's.
  const std::string text =
      "{\"state\":{\"version\":99,\"tokens\":7},\"progress\":{\"stepsSeen\":[\"why\",\"tokens\",\"qkv\"],"
      "\"experimentsDone\":[\"twins\",\"from-the-future\"],\"quizCorrect\":[\"rows\"],\"challengeDone\":true}}";
  writeText(path, text);
  Record app = Record();
  const auto before = lesson::stateToJson(app.session.lesson());
  const std::string notice = load(app, path);
  CAPTURE(notice);
  CHECK(contains(notice, "could not be read whole"));
  CHECK(contains(notice, "found in it are kept, and the file was moved to " + path + ".unreadable."));
  CHECK(app.session.progress().stepSeen(lesson::stepIndexOf("qkv")));
  CHECK(app.session.progress().experimentsDone == std::set<std::string>{"twins"});
  CHECK(app.session.progress().quizCorrect == std::set<std::string>{"rows"});
  CHECK(app.session.progress().challengeDone);
  CHECK(lesson::stateToJson(app.session.lesson()) == before);  // the lesson starts as it would
  CHECK(readAll(path + ".unreadable") == text);
  CHECK(app.saveAllowed);
}
