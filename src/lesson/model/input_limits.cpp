// input_limits.cpp: the one message for input that is larger than a door takes.
#include "lesson/model/input_limits.h"

namespace lesson {

namespace {

std::string sizeText(std::size_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string checkTextSize(const std::string& text, std::size_t limit, const char* what) {
  if (text.size() <= limit) return {};
  return std::string(what) + " is larger than the " + sizeText(limit) + " this lesson accepts";
}

}  // namespace lesson
