// practice.h: the experiments (each judged on the learner's move that may show it) and the
// quiz. Data and pure checks only; the practice panel draws them and Progress remembers what
// was done.
#pragma once

#include <string>
#include <string_view>

#include "lesson/content/inline_list.h"
#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// How a move reached the lesson, as far as the experiments care. An experiment is earned by
// doing what it teaches, so a whole new state (a link, stored data, setState, a ready-made
// example, a random draw) never earns one, and the experiments about vectors are earned only by
// editing vectors (a typed cell, a dragged tip), never by renaming, resizing or a setting.
enum class MoveKind { EditVectors, Other, WholeState };

// One move of the learner: its kind and the lesson before and after it.
struct Move {
  MoveKind kind;
  const LessonState& before;
  const LessonTrace& beforeTrace;
  const LessonState& after;
  const LessonTrace& afterTrace;
};

// An experiment is one record in experiments(): what to try, what it shows, and the check
// that a move did it: the effect holds after the move, did not before, and the move is of
// the kind the experiment teaches.
struct Experiment {
  std::string_view id;
  std::string_view task;         // what to try
  std::string_view explanation;  // what it shows, revealed once done
  bool (*earned)(const Move& move);
};

struct QuizQuestion {
  std::string_view id;
  std::string_view question;
  InlineList<std::string_view, 4> answers;
  int correct = 0;       // index into answers
  std::string_view why;  // shown after any answer
};

ListView<Experiment> experiments();
ListView<QuizQuestion> quiz();

// True when the move does what the experiment `id` teaches.
bool experimentEarned(std::string_view id, const Move& move);

}  // namespace lesson
