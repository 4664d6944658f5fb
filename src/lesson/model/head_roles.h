// head_roles.h: what an attention head does, said in words and read off its own weights: one
// word back, each word itself, evenly, or matching by content (with its strongest links).
#pragma once

#include <string>

#include "core/attention.h"
#include "lesson/model/state.h"

namespace lesson {

enum class HeadRole { PreviousWord, SameWord, Even, Content };

// The role that describes most of the head's rows (three quarters or more for the first two).
HeadRole headRole(const core::HeadTrace& head);
// A sentence for the learner: the role, with counts or the strongest links ("sat -> cat 0.62").
std::string describeHead(const LessonState& state, const core::HeadTrace& head);

}  // namespace lesson
