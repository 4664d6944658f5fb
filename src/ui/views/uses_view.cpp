// uses_view.cpp: the "uses" step view. The same computation in five fields: what a token is
// there and what attention does with it.
#include "lesson/content/background.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawUses(AppState& app) {
  sectionHeading(app, "One computation, many kinds of token");
  for (const auto& use : lesson::attentionUses()) {
    ImGui::PushFont(app.platform.fonts.bold);
    paragraph(use.field);
    ImGui::PopFont();
    ImGui::Indent(px(app, 16));
    paragraph("A token is: " + use.tokens + ".");
    paragraph("Attention: " + use.attention + ".");
    ImGui::Unindent(px(app, 16));
    ImGui::Spacing();
  }
}

}  // namespace ui
