// session_json.h: the session as the page's API and storage see it: what getState() returns
// of the lesson (the state, every matrix of its trace, the learner's progress), and the
// record the page saves. The views' and the platform's own fields are added by their owners.
#pragma once

#include "json/json.h"
#include "lesson/model/session.h"

namespace lesson {

// The state with its trace (stateWithTraceToJson), plus stepsSeen, experimentsDone,
// quizCorrect, challengeDone, challenge2Done and flash {tiles, maxAbsDiff}.
json::Json sessionToJson(const Session& session);

// {state, progress}: what the page keeps in its storage.
json::Json savedRecordToJson(const Session& session);

// The notice shown when stored records could not be read ("" when both were): the lesson
// starts without them (or, for progress, with what could be read of it: progressSalvaged),
// and the page keeps them aside instead of saving over them.
std::string restoreNotice(const std::string& stateRefusal, const std::string& progressRefusal,
                          bool progressSalvaged = false);

}  // namespace lesson
