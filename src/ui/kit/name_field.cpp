// name_field.cpp: a Dear ImGui text field cut to the lesson's longest name as it is edited.
#include "ui/kit/name_field.h"

#include <imgui.h>

#include "lesson/model/text_rules.h"
#include "text/utf8.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

struct Edited {
  AppState* app;
  ImGuiID field;
};

// After each edit: the text past the longest name's last character is dropped. The field that
// dropped some is remembered, so its note shows while it is being edited.
int keepToLongestName(ImGuiInputTextCallbackData* data) {
  const std::string text(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  std::size_t at = 0;
  for (std::size_t characters = 0; at < text.size() && characters < lesson::kMaxNameCharacters; ++characters)
    text::nextTypedCharacter(text, at);
  if (at < text.size()) {
    data->DeleteChars(static_cast<int>(at), data->BufTextLen - static_cast<int>(at));
    const auto* edited = static_cast<const Edited*>(data->UserData);
    edited->app->view.nameFieldFull = edited->field;
  }
  return 0;
}

}  // namespace

bool nameField(AppState& app, const char* imguiId, char* buffer, std::size_t size, float width,
               const std::string& widgetId, const SpokenLabel& spoken) {
  Edited edited{&app, ImGui::GetID(imguiId)};
  ImGui::SetNextItemWidth(width);
  const bool entered =
      ImGui::InputText(imguiId, buffer, size, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackEdit,
                       keepToLongestName, &edited);
  const std::string limit = "at most " + std::to_string(lesson::kMaxNameCharacters) + " characters";
  if (app.view.nameFieldFull == edited.field) {
    // Under the field, over what follows: the row's layout stays as it is.
    if (ImGui::IsItemActive())
      tooltipUnder(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), "A name holds %s.", limit.c_str());
    else
      app.view.nameFieldFull = 0;
  }
  registerItem(
      app, widgetId, [&] { return spoken() + ", " + limit; }, Role::TextField);
  return entered;
}

}  // namespace ui
