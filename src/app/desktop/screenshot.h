// screenshot.h: renders frames into an off-screen target and writes a PNG (desktop only).
#pragma once

#include <string>

#include "app/runtime.h"

namespace app {

// Returns "" on success or why the PNG could not be written.
std::string writeScreenshot(Runtime& runtime, int width, int height, const std::string& path);

}  // namespace app
