// main_native.cpp: the desktop driver. GLFW window with an OpenGL 3.3 core context, the
// command line, an event-driven loop that sleeps while nothing changes, and screenshots.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/desktop/bounded_file.h"
#include "app/desktop/cli_options.h"
#include "app/desktop/desktop_storage.h"
#include "app/desktop/screenshot.h"
#include "app/desktop/system_glyphs.h"
#include "app/desktop/training_runner.h"
#include "app/runtime.h"
#include "core/fast_attention.h"
#include "core/fast_cores.h"
#include "font_dejavu_sans.h"
#include "font_dejavu_sansmono.h"
#include "formal_texts_embedded.h"
#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "ui/panels/tour_panel.h"
#include "ui/views/cost_lab_view.h"

namespace {

constexpr int kExitUsage = 2;

// Reads --state FILE into the lesson; returns "" or a one-line reason.
std::string loadStateFile(const std::string& path, ui::AppState& app) {
  const app::FileRead file = app::readBoundedFile(path, app::kMaxJsonFileBytes);
  if (file.status != app::FileRead::Status::ok) return "cannot read state file '" + path + "': " + file.reason;
  const std::string error = ui::apply(app, lesson::actions::ApplyStateText{file.text});
  return error.empty() ? std::string() : "state file '" + path + "' is not a valid lesson state: " + error;
}

GLFWwindow* openWindow(const app::CliOptions& options, bool visible) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Attention Tour", nullptr, nullptr);
  if (!window) return nullptr;
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  return window;
}

// The cost lab on the desktop: a thread measures one size after another and leaves each result
// in a box the loop empties on the UI thread (deliver), waking the loop with an empty event.
// Cancel is at once for the UI (later results of the run are dropped), and the kernels see it
// between blocks of queries, so the thread ends within milliseconds (a new run or quitting
// joins it without a wait).
class CostLabThread {
 public:
  ~CostLabThread() { stop(); }

  void start(int run, int maxN) {
    stop();
    cancelled_ = false;
    thread_ = std::thread([this, run, maxN] {
      std::string error;
      for (int n : ui::costLabSizes(maxN)) {
        if (cancelled_) return;
        const core::FastBenchmark one = core::runFastBenchmark(n, ui::kCostLabD, ui::kCostLabTile, 1, &cancelled_);
        if (one.stopped) return;
        const double peak = one.error.empty() ? core::simdPeakGflops() : 0;
        const int workers = std::min({core::coreCount(), core::kFastMaxWorkers, n});
        const core::FastBenchmark all =
            !one.error.empty() || workers == 1
                ? one
                : core::runFastBenchmarkOnCores(n, ui::kCostLabD, ui::kCostLabTile, workers, 1, &cancelled_);
        if (all.stopped || cancelled_) return;
        if (!one.error.empty() || !all.error.empty()) {
          error = one.error.empty() ? all.error : one.error;
          break;
        }
        post({run,
              false,
              {n, one.naiveMs, one.tiledMs, std::max(one.maxAbsDiff, all.maxAbsDiff), one.naiveBytes, one.tiledBytes,
               workers, all.naiveMs, all.tiledMs, peak},
              {}});
      }
      post({run, true, {}, error});
    });
  }
  void cancel() { cancelled_ = true; }
  void stop() {
    cancelled_ = true;
    if (thread_.joinable()) thread_.join();
  }
  // On the UI thread, between frames: hands what arrived to the view; true if anything did.
  bool deliver(ui::AppState& app) {
    std::vector<Message> arrived;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      arrived.swap(box_);
    }
    for (const auto& m : arrived) {
      if (m.finished)
        ui::costLabFinished(app, m.run, m.error);
      else
        ui::costLabPoint(app, m.run, m.point);
    }
    return !arrived.empty();
  }

 private:
  struct Message {
    int run = 0;
    bool finished = false;
    ui::CostLabPoint point;
    std::string error;
  };
  void post(Message message) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      box_.push_back(std::move(message));
    }
    glfwPostEmptyEvent();
  }
  std::thread thread_;
  std::atomic<bool> cancelled_{false};
  std::mutex mutex_;
  std::vector<Message> box_;
};

// Saves progress at most every two seconds while the state changes, and on exit; an empty
// storagePath saves nothing.
void runInteractive(app::Runtime& runtime, const std::string& storagePath, CostLabThread& costLab,
                    app::TrainingRunner& training) {
  uint64_t savedRevision = runtime.app.session().revision();
  double lastSave = glfwGetTime();
  const auto save = [&] {
    if (storagePath.empty() || savedRevision == runtime.app.session().revision()) return;
    const std::string error = app::saveDesktopProgress(runtime.app.session(), storagePath);
    if (!error.empty() && runtime.app.platform.storageAvailable) {
      runtime.app.platform.storageAvailable = false;
      ui::apply(runtime.app, lesson::actions::ShowNotice{"Progress could not be saved to " + storagePath + " (" +
                                                         error + "); the file there was left as it was."});
    }
    savedRevision = runtime.app.session().revision();
    lastSave = glfwGetTime();
  };
  while (!glfwWindowShouldClose(runtime.window)) {
    if (glfwGetTime() - lastSave > 2.0) save();
    if (app::needsFrame(runtime))
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(training.secondsUntilDue());  // idle: sleep until input or training is due
    float scaleX = 1, scaleY = 1;
    glfwGetWindowContentScale(runtime.window, &scaleX, &scaleY);
    if (scaleX != runtime.app.platform.pixelRatio) runtime.app.platform.pixelRatio = scaleX, app::wake(runtime);
    if (costLab.deliver(runtime.app)) app::wake(runtime);
    if (training.advance(runtime.app)) app::wake(runtime);
    if (app::runFrame(runtime)) glfwSwapBuffers(runtime.window);
  }
  save();
}

}  // namespace

int main(int argc, char** argv) {
  const app::CliOptions options = app::parseCli(std::vector<std::string>(argv + 1, argv + argc));
  if (!options.error.empty()) {
    std::fprintf(stderr, "attention-tour: %s\n", options.error.c_str());
    return kExitUsage;
  }
  if (options.help) {
    std::fputs(app::cliUsage().c_str(), stdout);
    return 0;
  }
  app::Runtime runtime;
  ui::initialiseApp(runtime.app);
  if (!options.statePath.empty()) {
    const std::string error = loadStateFile(options.statePath, runtime.app);
    if (!error.empty()) {
      std::fprintf(stderr, "attention-tour: %s\n", error.c_str());
      return kExitUsage;
    }
  }
  if (options.step >= 0) ui::apply(runtime.app, lesson::actions::GoToStep{options.step});

  if (!glfwInit()) {
    std::fprintf(stderr, "attention-tour: cannot open a window (no display?)\n");
    return 1;
  }
  const bool screenshot = !options.screenshotPath.empty();
  GLFWwindow* window = openWindow(options, !screenshot);
  runtime.app.platform.extraGlyphs.draw = app::systemGlyphs();  // a learner's other scripts
  runtime.app.platform.textFont = font_dejavu_sans;             // the desktop carries its faces
  runtime.app.platform.textFontSize = static_cast<int>(font_dejavu_sans_size);
  runtime.app.platform.codeFont = font_dejavu_sansmono;  // the desktop carries the code face
  runtime.app.platform.codeFontSize = static_cast<int>(font_dejavu_sansmono_size);
  ui::receiveFormalTexts(runtime.app,  // and the formal explanations
                         {reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size}, false);
  if (!window || !app::initialiseRuntime(runtime, window, "#version 330 core")) {
    std::fprintf(stderr, "attention-tour: cannot create an OpenGL 3.3 context\n");
    glfwTerminate();
    return 1;
  }
  runtime.app.platform.copyShareLink = [](const lesson::LessonState& lesson) -> std::string {
    ImGui::SetClipboardText(("index.html#" + lesson::encodeShareFragment(lesson)).c_str());
    return "Link fragment copied: append it to the page's address.";
  };
  CostLabThread costLab;
  runtime.app.platform.startCostLab = [&costLab](int run, int maxN, bool) { costLab.start(run, maxN); };
  runtime.app.platform.cancelCostLab = [&costLab] { costLab.cancel(); };
  app::TrainingRunner training;
  runtime.app.platform.startTraining = [&training, &runtime, screenshot](const ui::Platform::TrainingRequest& r) {
    training.start(r);
    if (screenshot) training.runToEnd(runtime.app);  // a screenshot shows the trained model
  };
  runtime.app.platform.stopTraining = [&training] { training.stop(); };
  int status = 0;
  if (screenshot) {
    const std::string error = app::writeScreenshot(runtime, options.width, options.height, options.screenshotPath);
    if (!error.empty()) {
      std::fprintf(stderr, "attention-tour: %s\n", error.c_str());
      status = kExitUsage;
    } else if (const int missing = ui::missingGlyphs(runtime.app, ImGui::GetDrawData()); missing > 0) {
      // Not a failure: the picture is written, with U+FFFD where no font here has the character.
      std::fprintf(stderr, "attention-tour: %d characters in the screenshot have no glyph in this system's fonts\n",
                   missing);
    }
  } else {
    // A screenshot shows exactly the flags given; an interactive run resumes where the learner left.
    // The record is checked even when the flags choose the view, so that a bad one is moved
    // aside before the first save rather than overwritten.
    std::string storagePath = app::defaultStoragePath();
    const bool explicitView = !options.statePath.empty() || options.step >= 0;
    if (!storagePath.empty()) {
      const app::StoredRecord stored =
          app::loadDesktopProgress(runtime.app.session(), runtime.app.platform.storageAvailable, storagePath);
      if (stored.restore && !explicitView) ui::apply(runtime.app, *stored.restore);
      if (!stored.notice.empty()) ui::apply(runtime.app, lesson::actions::ShowNotice{stored.notice});
      if (!runtime.app.platform.storageAvailable) storagePath.clear();  // a bad record is still there
    }
    runInteractive(runtime, storagePath, costLab, training);
  }
  costLab.stop();
  app::shutdownRuntime(runtime);
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}
