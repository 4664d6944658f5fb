// progress.cpp: steps seen, and their JSON form for storage.
#include "lesson/model/progress.h"

#include <algorithm>
#include <cmath>

#include "core/limits.h"
#include "lesson/content/practice.h"
#include "lesson/content/steps.h"
#include "lesson/model/input_limits.h"
#include "lesson/model/state.h"
#include "lesson/model/text_rules.h"

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

bool updateExperiments(Progress& progress, const Move& move) {
  bool changed = false;
  for (const auto& experiment : experiments()) {
    const std::string id(experiment.id);
    if (progress.experimentsDone.count(id) || !experimentEarned(id, move)) continue;
    progress.experimentsDone.insert(id);
    changed = true;
  }
  return changed;
}

int Progress::guessCount() const {
  return static_cast<int>(
      std::count_if(predictions.begin(), predictions.end(), [](const auto& entry) { return entry.second.guessed; }));
}

namespace {

json::Json predictionsToJson(const Progress& progress) {
  json::Json all = json::Json::object();
  for (const auto& [stepId, prediction] : progress.predictions) {
    json::Json values = json::Json::array();
    for (float v : prediction.guess.values) values.push_back(static_cast<double>(v));
    all[stepId] = json::Json::object({{"guessed", prediction.guessed},
                                      {"skipped", prediction.skipped},
                                      {"query", prediction.guess.query},
                                      {"values", values},
                                      {"sentence", prediction.guess.sentence}});
  }
  return all;
}

}  // namespace

json::Json progressToJson(const Progress& progress) {
  json::Json seen = json::Json::array();
  for (size_t i = 0; i < progress.stepsSeen.size(); ++i)
    if (progress.stepsSeen[i]) seen.push_back(std::string(tourSteps()[i].id));
  return json::Json::object({{"stepsSeen", seen},
                             {"experimentsDone", progress.experimentsDone},
                             {"quizCorrect", progress.quizCorrect},
                             {"challengeDone", progress.challengeDone},
                             {"challenge2Done", progress.challenge2Done},
                             {"startedAt", progress.startedAt},
                             {"predictions", predictionsToJson(progress)}});
}

namespace {

// Keeps the known ids of a saved list; unknown ones (from another version) are dropped.
template <typename Known>
bool readIds(const json::Json& value, const char* key, Known isKnown, std::set<std::string>& out) {
  if (!value.contains(key)) return true;
  if (!value[key].isArray()) return false;
  for (const auto& id : value[key]) {
    if (!id.isString()) return false;
    if (isKnown(id.asString())) out.insert(id.asString());
  }
  return true;
}

// The steps' guesses, as predictionsToJson writes them. A step that asks no question (from
// another version) is dropped; a guess that is not one (wrong shape, not finite) refuses the record.
bool readPredictions(const json::Json& value, std::map<std::string, Prediction>& out) {
  if (!value.contains("predictions")) return true;
  const json::Json& all = value["predictions"];
  if (!all.isObject()) return false;
  for (const auto& [stepId, entry] : all.members()) {
    if (!entry.isObject()) return false;
    Prediction prediction;
    for (auto [key, flag] : {std::pair{"guessed", &prediction.guessed}, std::pair{"skipped", &prediction.skipped}}) {
      if (!entry.contains(key) || !entry[key].isBool()) return false;
      *flag = entry[key].asBool();
    }
    if (entry.contains("query")) {
      const json::Json& query = entry["query"];
      if (!query.isNumber() || query.asNumber() != std::floor(query.asNumber()) || query.asNumber() < 0 ||
          query.asNumber() >= core::kMaxTokens)
        return false;
      prediction.guess.query = static_cast<int>(query.asNumber());
    }
    if (entry.contains("sentence")) {
      const json::Json& sentence = entry["sentence"];
      // The lesson's longest sentence: every token at its longest name, 4 bytes a character.
      constexpr size_t kLongest = static_cast<size_t>(kMaxTokens) * (4 * kMaxNameCharacters + 1);
      if (!sentence.isString() || sentence.asString().size() > kLongest) return false;
      prediction.guess.sentence = sentence.asString();
    }
    if (entry.contains("values")) {
      const json::Json& values = entry["values"];
      if (!values.isArray() || values.size() > static_cast<size_t>(core::kMaxTokens)) return false;
      for (const auto& v : values) {
        if (!v.isNumber() || !std::isfinite(v.asNumber()) || std::fabs(v.asNumber()) > 1e6) return false;
        prediction.guess.values.push_back(static_cast<float>(v.asNumber()));
      }
    }
    if (predictionQuestion(stepId)) out[stepId] = prediction;
  }
  return true;
}

}  // namespace

bool progressFromJson(const json::Json& value, Progress& progress) {
  if (!value.isObject() || !value.contains("stepsSeen") || !value["stepsSeen"].isArray()) return false;
  Progress loaded;
  for (const auto& id : value["stepsSeen"]) {
    if (!id.isString()) return false;
    loaded.markSeen(stepIndexOf(id.asString()));
  }
  const auto isExperiment = [](const std::string& id) {
    const auto& list = experiments();
    return std::any_of(list.begin(), list.end(), [&](const Experiment& e) { return e.id == id; });
  };
  const auto isQuestion = [](const std::string& id) {
    const auto& list = quiz();
    return std::any_of(list.begin(), list.end(), [&](const QuizQuestion& q) { return q.id == id; });
  };
  if (!readIds(value, "experimentsDone", isExperiment, loaded.experimentsDone)) return false;
  if (!readIds(value, "quizCorrect", isQuestion, loaded.quizCorrect)) return false;
  if (!readPredictions(value, loaded.predictions)) return false;
  // Records saved before level 2 existed have no challenge2Done: it stays false.
  for (auto [key, done] :
       {std::pair{"challengeDone", &loaded.challengeDone}, std::pair{"challenge2Done", &loaded.challenge2Done}}) {
    if (!value.contains(key)) continue;
    if (!value[key].isBool()) return false;
    *done = value[key].asBool();
  }
  if (value.contains("startedAt")) {
    const auto& startedAt = value["startedAt"];
    if (!startedAt.isNumber() || !(startedAt.asNumber() >= 0 && startedAt.asNumber() <= 1e15)) return false;
    loaded.startedAt = value["startedAt"].asNumber();
  }
  progress = loaded;
  return true;
}

std::string progressFromText(const std::string& text, Progress& progress) {
  if (std::string error = checkTextSize(text, kMaxProgressTextBytes, "the progress record"); !error.empty())
    return error;
  const auto parsed = json::Json::parse(text);
  if (!parsed) return "the progress record is not valid JSON";
  if (!progressFromJson(*parsed, progress)) return "the progress record does not have the expected fields";
  return {};
}

bool mergeProgress(Progress& into, const Progress& other) {
  if (other.startedAt < into.startedAt) return false;
  Progress merged = other.startedAt > into.startedAt ? other : into;
  if (other.startedAt == into.startedAt) {
    merged.stepsSeen.resize(std::max(into.stepsSeen.size(), other.stepsSeen.size()), false);
    for (size_t i = 0; i < other.stepsSeen.size(); ++i) merged.stepsSeen[i] = merged.stepsSeen[i] || other.stepsSeen[i];
    merged.experimentsDone.insert(other.experimentsDone.begin(), other.experimentsDone.end());
    merged.quizCorrect.insert(other.quizCorrect.begin(), other.quizCorrect.end());
    merged.challengeDone = into.challengeDone || other.challengeDone;
    merged.challenge2Done = into.challenge2Done || other.challenge2Done;
    // A guess made in either tab counts; a skip only where neither side guessed.
    for (const auto& [stepId, prediction] : other.predictions) {
      auto [at, added] = merged.predictions.emplace(stepId, prediction);
      if (!added && !at->second.guessed && prediction.guessed) at->second = prediction;
    }
  }
  const bool changed = !(merged == into);
  into = std::move(merged);
  return changed;
}

}  // namespace lesson
