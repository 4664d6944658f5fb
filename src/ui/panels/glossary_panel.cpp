// glossary_panel.cpp: draws lesson::glossary() under a collapsing heading.
#include "ui/panels/glossary_panel.h"

#include "lesson/content/glossary.h"
#include "lesson/content/steps.h"
#include "ui/kit/mirror.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

void drawEntry(AppState& app, const lesson::GlossaryEntry& entry, size_t index) {
  ImGui::PushID(static_cast<int>(index));
  ImGui::PushFont(app.platform.fonts.bold);
  ImGui::TextUnformatted(entry.term.data(), entry.term.data() + entry.term.size());  // said by the heading below
  mirrorText(app, MirrorNode::Kind::Subheading, entry.term);  // a screen reader finds each term by its heading
  ImGui::PopFont();
  paragraph(app, entry.meaning);
  const int step = lesson::stepIndexOf(entry.stepId);
  if (step == app.session().lesson().step) {
    note(app, "Taught on this step.");
  } else if (step >= 0) {
    const std::string title(lesson::tourSteps()[static_cast<size_t>(step)].title);
    const std::string label = "Step " + std::to_string(step + 1) + ": " + title;
    if (smallButton(app, label.c_str())) queueStepChange(app, step);
    registerItem(app, "glossary-step[" + std::to_string(index) + "]", [&] {
      return std::string(entry.term) + ": " + std::string(entry.meaning) + " Go to step " + std::to_string(step + 1) +
             ", " + title + ", button";
    });
  }
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void drawGlossary(AppState& app) {
  const bool open = ImGui::CollapsingHeader("Glossary: the words of this lesson");
  registerItem(app, "glossary", "Glossary: the words of this lesson, section heading: Space opens or closes it",
               Role::Section, open);
  if (!open) return;
  const auto& entries = lesson::glossary();
  for (size_t k = 0; k < entries.size(); ++k) drawEntry(app, entries[k], k);
}

}  // namespace ui
