// narration.h: the current step as plain text for screen readers (the page's ARIA live
// region): title, explanation and the key numbers of the selected row.
#pragma once

#include <string>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

std::string narrate(const LessonState& state, const LessonTrace& trace);

}  // namespace lesson
