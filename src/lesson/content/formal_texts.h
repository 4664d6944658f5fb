// formal_texts.h: the formal explanation of each tour step, read from the text of
// src/lesson/content/formal.txt ("step-id: text" a line, '#' comments). The page fetches that
// file only when a learner first asks for a formal explanation; the desktop and the one-file
// page carry it. Reading refuses a text that misses a step, names an unknown one or is too
// large, and keeps what was there.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lesson {

constexpr size_t kMaxFormalTextsBytes = 64 * 1024;

struct FormalTexts {
  std::vector<std::string> byStep;  // in the tour's order; empty until read
  bool loaded() const { return !byStep.empty(); }
  std::string_view of(int step) const;  // "" before they are read or for a step outside the tour
};

// "" and `out` filled, or why the text cannot be read (and `out` left as it was).
std::string readFormalTexts(std::string_view text, FormalTexts& out);

}  // namespace lesson
