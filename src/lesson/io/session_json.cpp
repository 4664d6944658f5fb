// session_json.cpp: the session's JSON for the page's API and storage.
#include "lesson/io/session_json.h"

#include "lesson/io/json_io.h"

namespace lesson {

json::Json sessionToJson(const Session& session) {
  json::Json state = stateWithTraceToJson(session.lesson(), session.trace());
  const Progress& progress = session.progress();
  state["stepsSeen"] = progress.seenCount();
  state["experimentsDone"] = progress.experimentsDone;
  state["quizCorrect"] = progress.quizCorrect;
  state["challengeDone"] = progress.challengeDone;
  state["challenge2Done"] = progress.challenge2Done;
  // Every step that asks for a guess, with what the learner did and, after a guess, the line
  // that compares it with the truth of the current lesson.
  json::Json predictions = json::Json::object();
  for (const auto& question : predictionQuestions()) {
    const auto found = progress.predictions.find(question.stepId);
    const Prediction made = found == progress.predictions.end() ? Prediction() : found->second;
    predictions[question.stepId] = json::Json::object(
        {{"guessed", made.guessed},
         {"skipped", made.skipped},
         {"feedback",
          made.guessed ? guessFeedback(question.kind, session.lesson(), session.trace(), made.guess) : ""}});
  }
  state["predictions"] = predictions;
  state["flash"] = json::Json::object(
      {{"tiles", session.trace().online.tiles.size()}, {"maxAbsDiff", onlineDifference(session.trace())}});
  return state;
}

json::Json savedRecordToJson(const Session& session) {
  return json::Json::object(
      {{"state", stateToJson(session.lesson())}, {"progress", progressToJson(session.progress())}});
}

std::string restoreNotice(const std::string& stateRefusal, const std::string& progressRefusal, bool progressSalvaged) {
  std::string notice;
  if (!stateRefusal.empty())
    notice = "Your saved lesson could not be read (" + stateRefusal + "), so the default lesson is shown.";
  if (!progressRefusal.empty())
    notice +=
        std::string(notice.empty() ? "" : " ") +
        (progressSalvaged ? "Your saved progress could not be read whole (" + progressRefusal +
                                "); the steps, experiments, quiz answers and challenge levels found in it are kept."
                          : "Your saved progress could not be read (" + progressRefusal + ").");
  if (!notice.empty()) notice += " The unreadable record is kept aside in this browser's storage, not overwritten.";
  return notice;
}

}  // namespace lesson
