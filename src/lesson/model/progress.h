// progress.h: what a learner has done (steps seen), kept across visits by the app.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/flags.h"
#include "json/json.h"
#include "lesson/model/prediction.h"
#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

struct Progress {
  core::Flags stepsSeen;                          // one per tour step
  std::set<std::string> experimentsDone;          // ids from experiments()
  std::set<std::string> quizCorrect;              // ids from quiz(), answered correctly
  bool challengeDone = false;                     // the coding challenge passed (level 1: the weights)
  bool challenge2Done = false;                    // its level 2 passed (the whole output)
  double startedAt = 0;                           // when "Start over" last ran (ms since 1970), 0: never
  std::map<std::string, Prediction> predictions;  // by step id (prediction.h): guessed or skipped

  void markSeen(int step);
  bool stepSeen(int step) const {
    return step >= 0 && static_cast<size_t>(step) < stepsSeen.size() && stepsSeen[static_cast<size_t>(step)];
  }
  bool operator==(const Progress& other) const {
    return stepsSeen == other.stepsSeen && experimentsDone == other.experimentsDone &&
           quizCorrect == other.quizCorrect && challengeDone == other.challengeDone &&
           challenge2Done == other.challenge2Done && startedAt == other.startedAt && predictions == other.predictions;
  }
  int seenCount() const;
  int guessCount() const;  // the steps' questions answered with a guess (not skipped)
};

struct Move;

// Marks every experiment that the learner's move earned as done (done stays done).
// Returns true if something new was marked.
bool updateExperiments(Progress& progress, const Move& move);

json::Json progressToJson(const Progress& progress);
// Unknown or malformed saved progress is ignored (returns false, progress untouched).
bool progressFromJson(const json::Json& value, Progress& progress);
// The stored text of a progress record: "" on success, else why it cannot be read
// (too large, not JSON, wrong shape); `progress` is untouched then.
std::string progressFromText(const std::string& text, Progress& progress);

// Two tabs of the lesson share one stored record, and each learns the other's progress
// from it: everything either side has done is kept (steps seen, experiments, quiz answers,
// both levels of the challenge). A side that started over later wins outright, so "Start over" in one tab
// is not undone by another tab's older progress. Returns true if `into` changed.
bool mergeProgress(Progress& into, const Progress& other);

}  // namespace lesson
