// progress.cpp: steps seen, and their JSON form for storage.
#include "lesson/progress.h"

#include "lesson/steps.h"

namespace lesson {

void Progress::markSeen(int step) {
  if (step < 0 || step >= stepCount()) return;
  stepsSeen.resize(static_cast<size_t>(stepCount()), false);
  stepsSeen[static_cast<size_t>(step)] = true;
}

int Progress::seenCount() const {
  int count = 0;
  for (bool seen : stepsSeen) count += seen ? 1 : 0;
  return count;
}

nlohmann::json progressToJson(const Progress& progress) {
  nlohmann::json seen = nlohmann::json::array();
  for (size_t i = 0; i < progress.stepsSeen.size(); ++i)
    if (progress.stepsSeen[i]) seen.push_back(tourSteps()[i].id);
  return {{"stepsSeen", seen}};
}

bool progressFromJson(const nlohmann::json& value, Progress& progress) {
  if (!value.is_object() || !value.contains("stepsSeen") || !value["stepsSeen"].is_array()) return false;
  Progress loaded;
  for (const auto& id : value["stepsSeen"]) {
    if (!id.is_string()) return false;
    loaded.markSeen(stepIndexOf(id.get<std::string>()));
  }
  progress = loaded;
  return true;
}

}  // namespace lesson
