// glossary.h: the words of the lesson, each with a short meaning and the step that
// teaches it. The glossary panel lists them on every step.
#pragma once

#include <string_view>

#include "lesson/content/inline_list.h"

namespace lesson {

struct GlossaryEntry {
  std::string_view term;
  std::string_view meaning;
  std::string_view stepId;  // the tour step that shows it (an id from tourSteps())
};

ListView<GlossaryEntry> glossary();

}  // namespace lesson
