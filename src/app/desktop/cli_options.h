// cli_options.h: the desktop program's command line, parsed without side effects so
// that every bad flag can be reported in one clear line (exit code 2).
#pragma once

#include <string>
#include <vector>

namespace app {

struct CliOptions {
  std::string screenshotPath;  // --screenshot PATH: render once to a PNG and exit
  int width = 1280;            // --size WxH
  int height = 800;
  int step = -1;          // --step N (1-based on the command line, stored 0-based)
  std::string statePath;  // --state FILE (state JSON, as getState() returns)
  bool help = false;
  std::string error;  // non-empty: print it and exit 2
};

CliOptions parseCli(const std::vector<std::string>& args);
std::string cliUsage();

}  // namespace app
