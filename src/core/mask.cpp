// mask.cpp: mask lookup and its short text form.
#include "core/mask.h"

#include <cstdlib>

namespace core {

bool operator==(const Mask& a, const Mask& b) {
  return a.kind == b.kind && a.window == b.window && a.allowed == b.allowed;
}

bool isHidden(const Mask& mask, int queryIndex, int keyIndex) {
  switch (mask.kind) {
    case MaskKind::None:
      return false;
    case MaskKind::Causal:
      return keyIndex > queryIndex;
    case MaskKind::Window:
      return std::abs(queryIndex - keyIndex) > mask.window;
    case MaskKind::Explicit:
      return !mask.allowed[static_cast<size_t>(queryIndex)][static_cast<size_t>(keyIndex)];
  }
  return false;
}

std::string maskText(const Mask& mask) {
  switch (mask.kind) {
    case MaskKind::None:
      return "none";
    case MaskKind::Causal:
      return "causal";
    case MaskKind::Window:
      return "window:" + std::to_string(mask.window);
    case MaskKind::Explicit:
      return "explicit";
  }
  return "none";
}

Result<Mask> parseMaskText(const std::string& text) {
  if (text == "none") return Mask::none();
  if (text == "causal") return Mask::causal();
  const std::string prefix = "window:";
  if (text.rfind(prefix, 0) == 0) {
    const std::string digits = text.substr(prefix.size());
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos)
      return Result<Mask>::failure("mask \"" + text +
                                   "\" needs a whole number of positions after window:, e.g. window:2");
    return Mask::slidingWindow(std::atoi(digits.c_str()));
  }
  return Result<Mask>::failure("unknown mask \"" + text + "\" (use none, causal, window:W or a boolean matrix)");
}

}  // namespace core
