// cli_options.cpp: strict parsing of the desktop flags.
#include "app/desktop/cli_options.h"

#include <cstdlib>

#include "lesson/content/steps.h"

namespace app {

namespace {

bool parsePositive(const std::string& text, int maxValue, int& out) {
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return false;
  const int value = std::atoi(text.c_str());
  if (value < 1 || value > maxValue) return false;
  out = value;
  return true;
}

bool parseSize(const std::string& text, int& width, int& height) {
  const size_t x = text.find('x');
  if (x == std::string::npos) return false;
  return parsePositive(text.substr(0, x), 8192, width) && parsePositive(text.substr(x + 1), 8192, height) &&
         width >= 200 && height >= 200;
}

// "why, tokens, ...": the ids --step accepts besides numbers.
std::string stepIds() {
  std::string ids;
  for (const auto& step : lesson::tourSteps()) ids += (ids.empty() ? "" : ", ") + std::string(step.id);
  return ids;
}

}  // namespace

std::string cliUsage() {
  return std::string(
             "usage: attention-tour [--screenshot PATH] [--size WxH] [--step N|ID] [--state FILE] [--help]\n"
             "  --screenshot PATH  render the view to a PNG file and exit\n"
             "  --size WxH         window or screenshot size in pixels (default 1280x800, at least 200x200)\n"
             "  --step N|ID        open the tour at step N (1-") +
         std::to_string(lesson::stepCount()) + ") or at the step with that id (" + stepIds() + ")\n" +
         "  --state FILE       open a lesson state saved as JSON (the shape getState() returns)\n"
         "  --help             show this text\n";
}

CliOptions parseCli(const std::vector<std::string>& args) {
  CliOptions options;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& flag = args[k];
    if (flag == "--help" || flag == "-h") {
      options.help = true;
      continue;
    }
    const bool takesValue = flag == "--screenshot" || flag == "--size" || flag == "--step" || flag == "--state";
    if (!takesValue) {
      options.error = "unknown option '" + flag + "' (see --help)";
      return options;
    }
    if (k + 1 >= args.size()) {
      options.error = "option " + flag + " needs a value";
      return options;
    }
    const std::string& value = args[++k];
    if (flag == "--screenshot") options.screenshotPath = value;
    if (flag == "--state") options.statePath = value;
    if (flag == "--size" && !parseSize(value, options.width, options.height)) {
      options.error = "--size must look like 1280x800 (each side 200 to 8192), not '" + value + "'";
      return options;
    }
    if (flag == "--step") {
      int step = 0;
      if (parsePositive(value, lesson::stepCount(), step)) {
        options.step = step - 1;
      } else if (lesson::stepIndexOf(value) >= 0) {
        options.step = lesson::stepIndexOf(value);
      } else {
        options.error = "--step must be a number from 1 to " + std::to_string(lesson::stepCount()) + " or a step id (" +
                        stepIds() + "), not '" + value + "'";
        return options;
      }
    }
  }
  return options;
}

}  // namespace app
