// formal_texts.cpp: reads formal.txt's lines into the tour's order.
#include "lesson/content/formal_texts.h"

#include <algorithm>

#include "core/flags.h"
#include "lesson/content/steps.h"
#include "text/utf8.h"

namespace lesson {

std::string_view FormalTexts::of(int step) const {
  return step >= 0 && step < static_cast<int>(byStep.size()) ? std::string_view(byStep[static_cast<size_t>(step)])
                                                             : std::string_view();
}

std::string readFormalTexts(std::string_view text, FormalTexts& out) {
  if (text.size() > kMaxFormalTextsBytes) return "the formal explanations are larger than 64 KB";
  if (text::countCodePoints(std::string(text)) < 0) return "the formal explanations are not UTF-8 text";
  std::vector<std::string> byStep(static_cast<size_t>(stepCount()));
  core::Flags found(byStep.size(), 0);
  size_t at = 0;
  int lineNumber = 0;
  while (at < text.size()) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++lineNumber;
    if (line.empty() || line[0] == '#') continue;
    const size_t colon = line.find(": ");
    const int step = colon == std::string_view::npos ? -1 : stepIndexOf(std::string(line.substr(0, colon)));
    if (step < 0) return "line " + std::to_string(lineNumber) + " of the formal explanations names no step";
    if (found[static_cast<size_t>(step)])
      return "the formal explanations give step \"" + std::string(tourSteps()[static_cast<size_t>(step)].id) +
             "\" twice";
    found[static_cast<size_t>(step)] = 1;
    byStep[static_cast<size_t>(step)] = std::string(line.substr(colon + 2));
  }
  for (size_t k = 0; k < found.size(); ++k)
    if (!found[k] || byStep[k].empty())
      return "the formal explanations miss step \"" + std::string(tourSteps()[k].id) + "\"";
  out.byStep = std::move(byStep);
  return {};
}

}  // namespace lesson
