// narration.h: the current step as plain text for screen readers (the page's ARIA live
// region): title, explanation and the key numbers of the selected row.
#pragma once

#include <string>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

std::string narrate(const LessonState& state, const LessonTrace& trace);
// What the step's picture shows, in words computed from the numbers (its text alternative):
// the drawings' descriptions, then the translation's alignment or the selected row's weights,
// its largest named. Empty when the picture has nothing to say.
std::string describePicture(const LessonState& state, const LessonTrace& trace);

}  // namespace lesson
