// tokens_view.cpp: the "tokens" view: the sentence's tokens as buttons; pressing one, or the
// mouse passing over it, makes it the selected query that the other views follow.
#include <imgui_internal.h>

#include "lesson/model/actions.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawTokenStrip(AppState& app) {
  const auto& tokens = app.session().lesson().tokens;
  note(app, "Tokens (pick one to follow it):");
  const FocusGroup chips(app, "token");
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) sameLineIfFits(buttonWidth(app, tokens[i].c_str()), px(app, 6));
    ImGui::PushID(static_cast<int>(i));
    const bool selected = static_cast<int>(i) == app.session().lesson().selected;
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, kAccentSoft);
    const bool pressed = button(app, tokens[i].c_str());
    if (selected) ImGui::PopStyleColor();
    registerItem(
        app, "token[" + std::to_string(i) + "]",
        [&] {
          return "Token " + std::to_string(i + 1) + ", " + inQuotes(tokens[i]) +
                 (selected ? ", the selected query" : ", button: makes it the selected query");
        },
        Role::Option, selected);
    // Hovering with the mouse follows a token; keyboard focus passing over it does not (Dear
    // ImGui reports the focused item as hovered while the keyboard navigates).
    const bool mouseOver = ImGui::IsItemHovered() && !GImGui->NavDisableMouseHover;
    if ((pressed || mouseOver) && !selected) queue(app, lesson::actions::SelectQuery{static_cast<int>(i)});
    ImGui::PopID();
  }
}

}  // namespace ui
