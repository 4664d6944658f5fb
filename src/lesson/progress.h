// progress.h: what a learner has done (steps seen), kept across visits by the app.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace lesson {

struct Progress {
  std::vector<bool> stepsSeen;  // one per tour step

  void markSeen(int step);
  int seenCount() const;
};

nlohmann::json progressToJson(const Progress& progress);
// Unknown or malformed saved progress is ignored (returns false, progress untouched).
bool progressFromJson(const nlohmann::json& value, Progress& progress);

}  // namespace lesson
