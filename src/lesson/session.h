// session.h: the lesson session (the state, the trace computed from it, the learner's
// progress and a revision that counts changes) and its one door: every change, from a view,
// the page's API, a link, stored data, the desktop's command line or a test, is a named
// Action applied by applyAction(), which validates, recomputes and bumps the revision in
// one place. Knows no ImGui, GL or platform.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "lesson/progress.h"
#include "lesson/state.h"
#include "lesson/trace.h"

namespace lesson {

struct Session {
  LessonState lesson;
  LessonTrace trace;
  Progress progress;
  uint64_t revision = 0;  // bumps on every change, refused or not: drivers redraw, save and share on it
};

// A named change. `change` edits a copy of the state and progress and returns "" or why it
// refuses; it never has to validate the whole state, recompute or count: the door does.
struct Action {
  std::string name;  // what the learner did, e.g. "set the mask"
  std::function<std::string(LessonState&, Progress&)> change;
  // A refusal is told in the lesson's notice; callers that answer with the refusal
  // themselves (setState, restoring stored data) turn this off, and then a refusal
  // changes nothing at all.
  bool refusalIsNotice = true;
};

// The one door. On success the copy replaces the session, the current step counts as seen,
// the trace and experiments are recomputed; a refusal changes nothing but the notice, which
// says why; either way the revision bumps. A quiet refusal (refusalIsNotice off) and a
// change that leaves everything as it was change nothing, not even the revision.
// Returns "" or the refusal.
std::string applyAction(Session& session, const Action& action);

// The default lesson at its first step, with that step seen.
Session startSession();

}  // namespace lesson
