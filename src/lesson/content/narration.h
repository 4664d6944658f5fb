// narration.h: the current step as plain text for screen readers (the page's ARIA live
// region): title, explanation and the key numbers of the selected row.
#pragma once

#include <string>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

std::string narrate(const LessonState& state, const LessonTrace& trace);
// "Step 3 of 21: Title. Its short text."
std::string stepHeading(const LessonState& state);
// " Selected token: "bank". Its attention weights: The 0.12, ... "bank" gives its largest
// weight, 0.35, to "river"." (head 1), with a leading space; the translation's alignment on
// the cross-attention step; "" on steps that show no worked numbers.
std::string numbersInWords(const LessonState& state, const LessonTrace& trace);
// ""bank" gives its largest weight, 0.35, to "river"." for row `row` of `weights`; every key
// within the tie margin of the largest is named.
std::string largestWeight(const LessonState& state, const core::Matrix& weights, int row);
// What the step's picture shows, in words computed from the numbers (its text alternative):
// the drawings' descriptions, then the translation's alignment or the selected row's weights,
// its largest named. Empty when the picture has nothing to say.
std::string describePicture(const LessonState& state, const LessonTrace& trace);

}  // namespace lesson
