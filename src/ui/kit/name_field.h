// name_field.h: the text field a token's name is typed in. It holds at most
// lesson::kMaxNameCharacters characters: what is typed or pasted past them is dropped as it
// comes, and a tip under the field says so (its spoken name says the limit), rather than the
// whole name being refused later in a notice far from it.
#pragma once

#include <cstddef>
#include <string>

#include "ui/app_state.h"
#include "ui/kit/focus.h"

namespace ui {

// `buffer` (`size` bytes) is edited in place, as by ImGui::InputText, and the field registered
// as `widgetId` with `spoken` and the limit (focus.h); true when Enter was pressed.
bool nameField(AppState& app, const char* imguiId, char* buffer, std::size_t size, float width,
               const std::string& widgetId, const SpokenLabel& spoken);

}  // namespace ui
