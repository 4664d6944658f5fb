// glossary.h: the words of the lesson, each with a short meaning and the step that
// teaches it. The glossary panel lists them on every step.
#pragma once

#include <string>
#include <vector>

namespace lesson {

struct GlossaryEntry {
  std::string term;
  std::string meaning;
  std::string stepId;  // the tour step that shows it (an id from tourSteps())
};

const std::vector<GlossaryEntry>& glossary();

}  // namespace lesson
