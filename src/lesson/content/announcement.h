// announcement.h: what the page's live region says after the lesson changed, for a learner who
// hears it. A new step is said in a line (its title and short text; the page's mirror holds the
// rest). A change within the step is said by its effect on the numbers the step shows: the
// guess's result, the weights that moved (with what they were), the output that moved, the
// translation's new alignment. Compared with what the region said last, so an edit that the
// page hears of late, or several edits at once, are said as one change.
#pragma once

#include <string>
#include <vector>

#include "core/matrix.h"
#include "lesson/model/progress.h"
#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// What the live region last spoke about.
struct Announced {
  int step = -1;
  int selected = -1;
  int heads = 0;
  std::vector<std::string> tokens;
  bool ok = false;
  core::Matrix weights;  // head 1's
  core::Matrix output;   // the attention output
  std::string notice;
  std::string feedback;  // the step's guess and its truth, in a line
  std::string picture;   // the picture's description on steps without worked numbers
};

// What changed since `last`, in words ("" when nothing the learner hears about did), and
// `last` brought up to date.
std::string announceChange(Announced& last, const LessonState& state, const LessonTrace& trace,
                           const Progress& progress);

}  // namespace lesson
