// page_status_test.cpp: what the page's API reads and hands over, checked natively: getState()'s
// fields, the challenge graded from the sandbox's answers, the labs' reports refused when they
// cannot be real, and stored records that cannot be read explained.
#include "ui/page_status.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/training.h"
#include "lesson/content/challenge.h"
#include "lesson/io/session_json.h"
#include "ui/panels/practice_panel.h"
#include "ui/views/cost_lab_view.h"
#include "ui/views/training_report.h"

namespace {

ui::AppState freshApp() {
  ui::AppState app;
  ui::initialiseApp(app);
  return app;
}

}  // namespace

TEST_CASE("getState() holds every field the design names, from the lesson, the views and the platform") {
  ui::AppState app = freshApp();
  REQUIRE(ui::apply(app, lesson::actions::GoToStep{lesson::stepIndexOf("softmax")}) == "");
  const json::Json state = ui::pageState(app);
  for (const char* key : {"version",
                          "step",
                          "stepCount",
                          "stepId",
                          "tokens",
                          "dModel",
                          "dK",
                          "heads",
                          "scale",
                          "temperature",
                          "mask",
                          "selected",
                          "X",
                          "WQ",
                          "WK",
                          "WV",
                          "Q",
                          "K",
                          "V",
                          "scores",
                          "weights",
                          "output",
                          "notice",
                          "presets",
                          "experimentsDone",
                          "positional",
                          "stepsSeen",
                          "quizCorrect",
                          "challengeDone",
                          "challenge2Done",
                          "challengeLevel",
                          "challengeMessage",
                          "challengeCode",
                          "storageAvailable",
                          "zoom",
                          "reducedMotion"})
    CHECK_MESSAGE(state.contains(key), std::string(key));
  CHECK(state["stepId"].asString() == "softmax");
  CHECK(state["stepsSeen"].asInteger() == 2);
  const json::Json& flash = state["flash"];
  CHECK(flash["tile"].asInteger() == app.view.flashTile);
  CHECK(flash["tiles"].asInteger() == static_cast<int>(app.session().trace().online.tiles.size()));
  CHECK(flash.contains("maxAbsDiff"));
  // The saved record is the state and the progress, and the state reads back as the same lesson.
  const json::Json saved = lesson::savedRecordToJson(app.session());
  lesson::Session other;
  REQUIRE(other.apply(lesson::actions::RestoreState{saved["state"].dump()}) == "");
  REQUIRE(other.apply(lesson::actions::RestoreProgress{saved["progress"].dump()}) == "");
  CHECK(other.lesson().step == app.session().lesson().step);
  CHECK(other.progress() == app.session().progress());
}

TEST_CASE("the sandbox's answers are graded against the core; a pass is recorded and shown") {
  for (int level : {1, 2}) {
    CAPTURE(level);
    ui::AppState app = freshApp();
    auto grade = ui::challengeAnswered(app, level, "not json");
    CHECK_FALSE(grade.passed);
    const std::string& shown = level == 2 ? app.view.challengeMessage2 : app.view.challengeMessage;
    CHECK(shown == grade.message);
    const bool doneBefore =
        level == 2 ? app.session().progress().challenge2Done : app.session().progress().challengeDone;
    CHECK_FALSE(doneBefore);
    json::Json answers = json::Json::array();
    if (level == 1)
      for (const auto& c : lesson::challengeCases()) answers.push_back(c.expected);
    else
      for (const auto& c : lesson::outputCases()) answers.push_back(c.expected);
    grade = ui::challengeAnswered(app, level, answers.dump());
    CHECK(grade.passed);
    CHECK(grade.passedCases == grade.totalCases);
    CHECK(lesson::gradeToJson(grade)["passed"].asBool());
    const bool thisLevel =
        level == 2 ? app.session().progress().challenge2Done : app.session().progress().challengeDone;
    const bool otherLevel =
        level == 2 ? app.session().progress().challengeDone : app.session().progress().challenge2Done;
    CHECK(thisLevel);
    CHECK_FALSE(otherLevel);
  }
}

TEST_CASE("a cost lab measurement that cannot be real ends the run instead of entering the plot") {
  const double nan = std::nan("");
  const ui::CostLabPoint good{64, 1, 2, 0, 10, 5, 2, 0.6, 1.1, 30};
  const auto with = [&](auto change) {
    ui::CostLabPoint p = good;
    change(p);
    return p;
  };
  for (const ui::CostLabPoint bad :
       {with([](auto& p) { p.n = 32; }), with([](auto& p) { p.n = 16384; }), with([](auto& p) { p.naiveMs = -1; }),
        with([&](auto& p) { p.tiledMs = nan; }), with([](auto& p) { p.tiledBytes = HUGE_VAL; }),
        with([](auto& p) { p.workers = 0; }), with([](auto& p) { p.workers = 17; }),
        with([&](auto& p) { p.tiledAllMs = nan; }), with([](auto& p) { p.naiveAllMs = -2; }),
        with([](auto& p) { p.peakGflops = 0; }), with([](auto& p) { p.peakGflops = HUGE_VAL; })}) {
    ui::AppState app = freshApp();
    app.view.costLab.phase = ui::CostLab::Phase::Running;
    app.view.costLab.run = 3;
    ui::costLabPoint(app, 3, good);
    ui::costLabPoint(app, 3, bad);
    CHECK(app.view.costLab.points.size() == 1);
    CHECK(app.view.costLab.phase == ui::CostLab::Phase::Failed);
    CHECK(ui::costLabStatus(app.view.costLab)["phase"].asString() == "failed");
  }
}

TEST_CASE("a training report with an error, or numbers that cannot be read, ends the request") {
  ui::AppState app = freshApp();
  app.view.training.phase = ui::TrainingLab::Phase::Training;
  app.view.training.request = 4;
  ui::trainingReported(app, 4, nullptr, 0, false, std::string(400, 'x'));
  CHECK(app.view.training.phase != ui::TrainingLab::Phase::Training);
  CHECK(ui::trainingStatus(app.view.training)["message"].asString().find(std::string(300, 'x')) != std::string::npos);
  CHECK(ui::trainingStatus(app.view.training)["message"].asString().find(std::string(301, 'x')) == std::string::npos);
  app.view.training.phase = ui::TrainingLab::Phase::Training;
  app.view.training.request = 5;
  const double numbers[] = {1, 0.5, 0.5, 2, 1.0};  // says two losses, holds one
  ui::trainingReported(app, 5, numbers, 5, false, "");
  CHECK(app.view.training.phase != ui::TrainingLab::Phase::Training);
  CHECK(app.view.training.message.find("cannot read") != std::string::npos);
}

TEST_CASE("stored records that cannot be read are named in the notice, and kept aside") {
  CHECK(lesson::restoreNotice("", "").empty());
  const std::string both = lesson::restoreNotice("bad state", "bad progress");
  CHECK(both.find("Your saved lesson could not be read (bad state)") == 0);
  CHECK(both.find("Your saved progress could not be read (bad progress).") != std::string::npos);
  CHECK(both.find("kept aside") != std::string::npos);
  CHECK(lesson::restoreNotice("", "x").find("Your saved progress") == 0);
}

TEST_CASE("a trainer's report, written by core and read by the view, arrives whole; one probe too many is no run") {
  core::Trainer trainer(core::TrainingTask::Induction, 3,
                        core::trainingPlan(core::TrainingTask::Induction).learningRate);
  for (int k = 0; k < 5; ++k) trainer.step();
  const std::vector<int> probe = {0, 1, 2, 3, 0, 1, 2};
  const std::vector<double> numbers = core::trainingReport(trainer, 3, probe);
  ui::TrainingProgress progress;
  REQUIRE(ui::readTrainingReport(numbers.data(), static_cast<int>(numbers.size()), progress));
  CHECK(progress.stepsDone == 5);
  REQUIRE(progress.newLosses.size() == 3);
  CHECK(progress.newLosses.back() == doctest::Approx(trainer.losses().back()));
  CHECK(progress.maps.size() == static_cast<size_t>(trainer.plan().shape.layers));
  CHECK(progress.maps.front().rows == static_cast<int>(probe.size()));
  CHECK(progress.predicted.size() == probe.size());
  CHECK(progress.confidence.size() == probe.size());
  // A probe longer than the model's positions, or with a token it does not know: no run.
  std::vector<int> tooLong(static_cast<size_t>(trainer.plan().shape.length + 1), 0);
  for (const std::vector<int>& unrunnable : {tooLong, std::vector<int>{0, 99}}) {
    const std::vector<double> plain = core::trainingReport(trainer, 0, unrunnable);
    ui::TrainingProgress read;
    REQUIRE(ui::readTrainingReport(plain.data(), static_cast<int>(plain.size()), read));
    CHECK(read.maps.empty());
    CHECK(read.predicted.empty());
  }
}
