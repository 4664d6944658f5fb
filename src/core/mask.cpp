// mask.cpp: mask lookup and its short text form.
#include "core/mask.h"

#include <algorithm>
#include <cstdlib>

namespace core {

bool operator==(const Mask& a, const Mask& b) {
  return a.kind == b.kind && a.window == b.window && a.global == b.global && a.allowed == b.allowed;
}

bool isHidden(const Mask& mask, int queryIndex, int keyIndex) {
  switch (mask.kind) {
    case MaskKind::None:
      return false;
    case MaskKind::Causal:
      return keyIndex > queryIndex;
    case MaskKind::Window:
      if (queryIndex < mask.global || keyIndex < mask.global) return false;
      return std::abs(queryIndex - keyIndex) > mask.window;
    case MaskKind::Explicit:
      return !mask.allowed[static_cast<size_t>(queryIndex)][static_cast<size_t>(keyIndex)];
  }
  return false;
}

long long visiblePairs(const Mask& mask, int queries, int keys) {
  long long count = 0;
  for (int i = 0; i < queries; ++i) {
    switch (mask.kind) {
      case MaskKind::None:
        count += keys;
        break;
      case MaskKind::Causal:
        count += std::min(i + 1, keys);
        break;
      case MaskKind::Window: {
        const int global = std::min(mask.global, keys);
        if (i < mask.global) {
          count += keys;
          break;
        }
        // The global keys, then the window's keys that are not global ones.
        const int from = std::max(global, i - mask.window), to = std::min(keys - 1, i + mask.window);
        count += global + std::max(0, to - from + 1);
        break;
      }
      case MaskKind::Explicit:
        for (int j = 0; j < keys; ++j) count += isHidden(mask, i, j) ? 0 : 1;
        break;
    }
  }
  return count;
}

std::string maskText(const Mask& mask) {
  switch (mask.kind) {
    case MaskKind::None:
      return "none";
    case MaskKind::Causal:
      return "causal";
    case MaskKind::Window:
      return "window:" + std::to_string(mask.window) +
             (mask.global > 0 ? "+global:" + std::to_string(mask.global) : std::string());
    case MaskKind::Explicit:
      return "explicit";
  }
  return "none";
}

namespace {

// A whole number of at most six digits, or -1.
int smallCount(const std::string& digits) {
  if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::atoi(digits.c_str());
}

}  // namespace

Result<Mask> parseMaskText(const std::string& text) {
  if (text == "none") return Mask::none();
  if (text == "causal") return Mask::causal();
  const std::string prefix = "window:", globalPart = "+global:";
  if (text.rfind(prefix, 0) == 0) {
    const std::string rest = text.substr(prefix.size());
    const size_t plus = rest.find(globalPart);
    const int window = smallCount(rest.substr(0, plus));
    const int global = plus == std::string::npos ? 0 : smallCount(rest.substr(plus + globalPart.size()));
    if (window < 0 || global < 0)
      return Result<Mask>::failure("mask \"" + text.substr(0, 40) +
                                   "\" needs whole numbers: window:W or window:W+global:G, e.g. window:2+global:1");
    return Mask::slidingWindow(window, global);
  }
  return Result<Mask>::failure("unknown mask \"" + text.substr(0, 40) +
                               "\" (use none, causal, window:W, window:W+global:G or a boolean matrix)");
}

}  // namespace core
