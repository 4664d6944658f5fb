// prediction.h: predict, then see. On some steps the learner first commits a guess (which key
// wins, which keys a causal mask leaves, the shape of a weight row, where an output lands),
// then sees the truth beside it with one line on the difference. The guess is kept in the
// learner's progress; the truth is always read from the current trace, so it stays true after
// any later edit.
#pragma once

#include <string>
#include <vector>

#include "lesson/model/state.h"
#include "lesson/model/trace.h"

namespace lesson {

enum class GuessKind {
  TopKey,          // values: {key}: the key the query's score will be highest for
  VisibleKeys,     // values: 0 or 1 per key: the keys a causal mask leaves the query
  WeightRow,       // values: one bar per key, >= 0, scaled to add up to 1 when committed
  OutputPosition,  // values: {value column, position}: where the output lands on that column
};

struct PredictionQuestion {
  const char* stepId;
  GuessKind kind;
};

// The steps that ask for a guess, in tour order.
const std::vector<PredictionQuestion>& predictionQuestions();
// The question of a step, or nullptr when the step asks none.
const PredictionQuestion* predictionQuestion(const std::string& stepId);

struct Guess {
  int query = 0;
  std::vector<float> values;
  // The sentence the guess was made on, its tokens joined by spaces (kept with it): a guess
  // compared with another sentence's truth would be matched by position, so it is not.
  std::string sentence;
};
// The sentence of `state` as a guess keeps it.
std::string guessSentence(const LessonState& state);

// What the learner did with a step's question: guessed (the guess is kept) or skipped it.
struct Prediction {
  bool guessed = false;
  bool skipped = false;
  Guess guess;
  bool operator==(const Prediction& o) const {
    return guessed == o.guessed && skipped == o.skipped && guess.query == o.guess.query &&
           guess.values == o.guess.values && guess.sentence == o.guess.sentence;
  }
};

// The question in words for the selected query ("Which key will "bank"'s query match best?").
std::string predictionPrompt(GuessKind kind, const LessonState& state, const LessonTrace& trace, int query);
// Why a guess cannot be taken for this lesson ("" when it can): a query or key outside the
// sentence, a wrong count, a number that is not finite or out of range, bars that are all 0.
std::string checkGuess(GuessKind kind, const LessonState& state, const Guess& guess);
// The guess as it is kept: weight bars scaled to add up to 1; everything else as given.
Guess normalisedGuess(GuessKind kind, Guess guess);
// The truth beside the guess, in one line, computed from the current trace. A guess made for
// another sentence (the tokens changed since) says so and asks for a new one.
std::string guessFeedback(GuessKind kind, const LessonState& state, const LessonTrace& trace, const Guess& guess);

// The truths the feedback compares with, for the views that draw them beside the guess.
std::vector<int> topKeys(const LessonTrace& trace, int query);  // every key with the row's largest score
bool causallyVisible(int query, int key);
// The value column the output guess is about: the first of the two the query's output draws on
// most (valueAxes in vector_plane.h, the value plane's across axis).
int outputGuessColumn(const LessonTrace& trace, int query);

}  // namespace lesson
