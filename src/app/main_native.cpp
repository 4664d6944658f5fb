// main_native.cpp: the desktop driver. GLFW window with an OpenGL 3.3 core context, the
// command line, an event-driven loop that sleeps while nothing changes, and screenshots.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/bounded_file.h"
#include "app/cli_options.h"
#include "app/desktop_storage.h"
#include "app/runtime.h"
#include "app/screenshot.h"
#include "lesson/actions.h"
#include "lesson/edits.h"
#include "lesson/json_io.h"
#include "lesson/presets.h"
#include "lesson/share_link.h"

namespace {

constexpr int kExitUsage = 2;

// Reads --state FILE into the lesson; returns "" or a one-line reason.
std::string loadStateFile(const std::string& path, ui::AppState& app) {
  const app::FileRead file = app::readBoundedFile(path, app::kMaxJsonFileBytes);
  if (file.status != app::FileRead::Status::ok) return "cannot read state file '" + path + "': " + file.reason;
  const std::string error = ui::apply(app, lesson::actions::applyStateText(file.text));
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

// Saves progress at most every two seconds while the state changes, and on exit; an empty
// storagePath saves nothing.
void runInteractive(app::Runtime& runtime, const std::string& storagePath) {
  uint64_t savedRevision = runtime.app.session.revision;
  double lastSave = glfwGetTime();
  const auto save = [&] {
    if (storagePath.empty() || savedRevision == runtime.app.session.revision) return;
    const std::string error = app::saveDesktopProgress(runtime.app.session, storagePath);
    if (!error.empty() && runtime.app.platform.storageAvailable) {
      runtime.app.platform.storageAvailable = false;
      ui::apply(runtime.app, lesson::actions::showNotice("Progress could not be saved to " + storagePath + " (" +
                                                         error + "); the file there was left as it was."));
    }
    savedRevision = runtime.app.session.revision;
    lastSave = glfwGetTime();
  };
  while (!glfwWindowShouldClose(runtime.window)) {
    if (glfwGetTime() - lastSave > 2.0) save();
    if (app::needsFrame(runtime))
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(0.5);  // idle: sleep until input arrives
    float scaleX = 1, scaleY = 1;
    glfwGetWindowContentScale(runtime.window, &scaleX, &scaleY);
    if (scaleX != runtime.app.platform.pixelRatio) runtime.app.platform.pixelRatio = scaleX, app::wake(runtime);
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
  if (options.step >= 0) ui::apply(runtime.app, lesson::actions::goToStep(options.step));

  if (!glfwInit()) {
    std::fprintf(stderr, "attention-tour: cannot open a window (no display?)\n");
    return 1;
  }
  const bool screenshot = !options.screenshotPath.empty();
  GLFWwindow* window = openWindow(options, !screenshot);
  if (!window || !app::initialiseRuntime(runtime, window, "#version 330 core")) {
    std::fprintf(stderr, "attention-tour: cannot create an OpenGL 3.3 context\n");
    glfwTerminate();
    return 1;
  }
  runtime.app.platform.copyShareLink = [](ui::AppState& a) -> std::string {
    ImGui::SetClipboardText(("index.html#" + lesson::encodeShareFragment(a.session.lesson)).c_str());
    return "Link fragment copied: append it to the page's address.";
  };
  int status = 0;
  if (screenshot) {
    const std::string error = app::writeScreenshot(runtime, options.width, options.height, options.screenshotPath);
    if (!error.empty()) {
      std::fprintf(stderr, "attention-tour: %s\n", error.c_str());
      status = kExitUsage;
    }
  } else {
    // A screenshot shows exactly the flags given; an interactive run resumes where the learner left.
    // The record is checked even when the flags choose the view, so that a bad one is moved
    // aside before the first save rather than overwritten.
    std::string storagePath = app::defaultStoragePath();
    const bool explicitView = !options.statePath.empty() || options.step >= 0;
    if (!storagePath.empty()) {
      const std::string notice = app::loadDesktopProgress(runtime.app.session, runtime.app.platform.storageAvailable,
                                                          storagePath, !explicitView);
      if (!notice.empty()) ui::apply(runtime.app, lesson::actions::showNotice(notice));
      if (!runtime.app.platform.storageAvailable) storagePath.clear();  // a bad record is still there
    }
    runInteractive(runtime, storagePath);
  }
  app::shutdownRuntime(runtime);
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}
