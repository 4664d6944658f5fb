// practice.h: the experiments (checked live from the state) and the quiz. Data and pure
// checks only; the practice panel draws them and Progress remembers what was done.
#pragma once

#include <string>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

// An experiment is one record in experiments(): what to try, what it shows, and the check
// that the state shows it.
struct Experiment {
  std::string id;
  std::string task;         // what to try
  std::string explanation;  // what it shows, revealed once done
  bool (*holds)(const LessonState& state, const LessonTrace& trace);
};

struct QuizQuestion {
  std::string id;
  std::string question;
  std::vector<std::string> answers;
  int correct = 0;  // index into answers
  std::string why;  // shown after any answer
};

const std::vector<Experiment>& experiments();
const std::vector<QuizQuestion>& quiz();

// True when the current state and trace show the experiment's effect.
bool experimentHolds(const std::string& id, const LessonState& state, const LessonTrace& trace);

}  // namespace lesson
