// wide_box.cpp: a child window with a sideways scrollbar, sized to its content's height.
#include "ui/kit/wide_box.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ui/kit/widgets.h"

namespace ui {

WideBox::WideBox(AppState& app, const char* id, float contentWidth, float firstHeight) : app_(app) {
  if (contentWidth <= visibleWidth()) return;
  boxed_ = true;
  heightKey_ = ImGui::GetID((std::string(id) + "#height").c_str());
  ImGuiStorage* storage = ImGui::GetStateStorage();
  // The content is wider than the box, so the box has a sideways scrollbar under it.
  height_ = storage->GetFloat(heightKey_, (firstHeight > 0 ? firstHeight : ImGui::GetFrameHeightWithSpacing()) +
                                              ImGui::GetStyle().ScrollbarSize);
  // Keyboard navigation goes in and out of the box as if it were part of the column.
  ImGui::BeginChild(id, ImVec2(visibleWidth(), height_), false,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
}

WideBox::~WideBox() {
  if (!boxed_) return;
  // What the content took (the cursor starts at the box's top, and stands one item spacing under
  // the last item), plus the sideways scrollbar.
  const float content = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
  const float wanted = std::ceil(content + ImGui::GetStyle().ScrollbarSize);
  ImGui::EndChild();
  if (std::fabs(wanted - height_) >= 1.0f) {
    ImGui::GetStateStorage()->SetFloat(heightKey_, wanted);
    app_.animating = true;  // drawn again at the right height
  }
}

float widestCut(std::string* where) {
  float cut = 0.0f;
  for (ImGuiWindow* window : GImGui->Windows) {
    if (!window->Active || (window->Flags & ImGuiWindowFlags_HorizontalScrollbar) ||
        (window->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)))
      continue;
    // A multi-line text field's own window (named by its hidden label, "##...") always reports
    // its content as wide as the field plus its padding (Dear ImGui does not measure the lines):
    // the field is made as wide as its longest line instead (views/code_view.cpp).
    const char* leaf = std::strrchr(window->Name, '/');
    if (leaf && std::strncmp(leaf + 1, "##", 2) == 0) continue;
    // This frame's content (ContentSize is the frame before's) against where the window stops
    // drawing (its inner clip rectangle: inside the border and the scrollbar).
    const float over = window->DC.CursorMaxPos.x - window->InnerClipRect.Max.x;
    if (over <= cut) continue;
    cut = over;
    if (where) *where = window->Name;
  }
  return cut;
}

}  // namespace ui
