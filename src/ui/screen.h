// screen.h: one frame of the lesson. Both drivers and the headless tests call ui::frame().
#pragma once

#include "ui/app_state.h"

namespace ui {

// After the platform's NewFrame and its input, with io.DisplaySize set: the keys (Tab, the
// tour's), Dear ImGui's frame with the whole screen, Render, then the actions the views queued,
// applied after the frame drew one trace throughout. The caller renders ImGui::GetDrawData().
void frame(AppState& app);

}  // namespace ui
