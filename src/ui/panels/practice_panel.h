// practice_panel.h: the experiments (checked live as the learner edits) and the quiz
// with immediate feedback; what is done is kept in Progress.
#pragma once

#include <string>

#include "lesson/content/challenge.h"
#include "ui/app_state.h"

namespace ui {

void drawPractice(AppState& app);

// The page's sandbox sent back what the learner's code answered at `level` (1 or 2), as JSON
// text. Between frames: graded against the core, the grade shown under the challenge, and a
// pass recorded in the progress. Returns the grade, which the page hands back too.
lesson::ChallengeGrade challengeAnswered(AppState& app, int level, const std::string& answersText);

}  // namespace ui
