// text_rules.h: what a name the learner gives (a token, a dimension label) may hold. The
// same rule serves edits, setState, share links, stored records and the desktop's --state,
// so a name accepted by one door is accepted by all of them.
#pragma once

#include <cstddef>
#include <string>

namespace lesson {

constexpr std::size_t kMaxNameCharacters = 24;  // characters (code points), not bytes

// "" when `text` is a usable name: valid UTF-8, 1 to 24 characters, no control characters
// (C0, DEL, C1, line and paragraph separators), which would break lines, labels and links, and
// at least one character that shows (not only spaces, combining marks or invisible ones).
// Otherwise a message that starts with `what` ("a token", "a dimension label").
std::string checkName(const std::string& text, const char* what);

}  // namespace lesson
