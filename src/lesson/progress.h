// progress.h: what a learner has done (steps seen), kept across visits by the app.
#pragma once

#include <nlohmann/json.hpp>

#include "lesson/state.h"
#include "lesson/trace.h"
#include <set>
#include <string>
#include <vector>

namespace lesson {

struct Progress {
  std::vector<bool> stepsSeen;               // one per tour step
  std::set<std::string> experimentsDone;     // ids from experiments()
  std::set<std::string> quizCorrect;         // ids from quiz(), answered correctly
  bool challengeDone = false;                // the coding challenge passed

  void markSeen(int step);
  int seenCount() const;
};

// Marks every experiment that the current state shows as done (done stays done).
// Returns true if something new was marked.
bool updateExperiments(Progress& progress, const LessonState& state, const LessonTrace& trace);

nlohmann::json progressToJson(const Progress& progress);
// Unknown or malformed saved progress is ignored (returns false, progress untouched).
bool progressFromJson(const nlohmann::json& value, Progress& progress);

}  // namespace lesson
