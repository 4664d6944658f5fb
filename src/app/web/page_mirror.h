// page_mirror.h: the page's semantic mirror of what a frame draws (page_mirror.cpp). Web build only.
#pragma once

#ifdef __EMSCRIPTEN__

#include "app/runtime.h"

namespace app {

// After each frame: hands the page the frame's record when it was a recording frame, or asks
// for one soon when what the page holds no longer matches what is drawn.
void publishMirror(Runtime& runtime);
// A recording frame is asked for and not yet drawn: the page is not idle.
bool mirrorDue();

}  // namespace app

#endif
