// actions.h: the named changes a learner (or the page's API, a link, stored data, the
// desktop) can make to the lesson, as plain data: one struct per change, all of them in one
// std::variant, Action. A view queues them while drawing; the drivers and the bridge apply
// them between frames through the session's one door, Session::apply (session.h). Being data,
// an action can be logged by its name, kept and replayed. (The structs are alike in shape
// on purpose: each is only the data of its change.)
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "core/mask.h"
#include "lesson/content/practice.h"
#include "lesson/content/steps.h"
#include "lesson/model/progress.h"
#include "lesson/model/state.h"

namespace lesson::actions {

// Tour and selection.
struct GoToStep {  // a step outside the tour is no change (the arrows stop at the ends)
  int step = 0;
};
struct SelectQuery {
  int row = 0;
};
struct SelectPair {
  int row = 0, column = 0;
};
struct SelectKey {
  int column = 0;
};

// Settings.
struct SetScale {
  bool scale = true;
};
struct SetMask {
  core::Mask mask;
};
struct SetTemperature {
  float temperature = 1;
};
struct LoadExample {  // keeps the step the learner is on
  std::string presetId;
};
struct ReturnToLesson {  // the lesson a step's switch to an example replaced; keeps the step
  LessonState lesson;
};
struct Randomise {
  uint32_t seed = 0;
};
struct LoadTranslation {  // the cross-attention step's sentence pair (translations.h); the lesson's own stays
  std::string pairId;
};
struct SetPositional {
  Positional positional = Positional::None;
};
struct ReverseTokens {};
struct ShuffleTokens {
  uint32_t seed = 0;
};
struct SetTileSize {
  int keysPerTile = 0;
};

// The sentence and the sizes.
struct RenameToken {
  int index = 0;
  std::string name;
};
struct AddToken {
  std::string name;
};
struct RemoveToken {
  int index = 0;
};
struct SetModelWidth {
  int dModel = 0;
};
struct SetKeyWidth {
  int dK = 0;
};
struct SetHeadsToward {  // the nearest head count that divides d_k and d_v
  int requested = 1;
};

// Matrices.
struct EditCell {
  MatrixId matrix = MatrixId::Q;
  int row = 0, column = 0;
  float value = 0;
};
struct ResetMatrix {
  MatrixId matrix = MatrixId::Q;
};
// Drags the tip of vector `row` of Q, K or V in a plane: two of its entries change at once.
struct MoveVectorTip {
  MatrixId matrix = MatrixId::Q;
  int row = 0;
  int xColumn = 0;
  float x = 0;
  int yColumn = 0;
  float y = 0;
};
struct UseProjections {};
// Multiplies one query by a factor: the one-hot experiment's move (practice.cpp).
struct ScaleQuery {
  int row = 0;
  float factor = 2;
};

// Practice.
struct AnswerQuiz {
  std::string questionId;
  bool correct = false;
};
// Predict, then see (prediction.h): a guess for a step's question, or passing it by.
struct Predict {
  std::string stepId;
  Guess guess;
};
struct SkipPrediction {
  std::string stepId;
};
// level 1: the weights of one query; level 2: the whole output. A pass stays recorded.
struct RecordChallenge {
  bool passed = false;
  int level = 1;
};

// Whole states and stored data. The quiet ones (see quietRefusal) are answered by their caller:
// a refusal changes nothing at all, not even the notice.
struct ApplyStateText {  // setState(); whole or nothing
  std::string json;
};
struct OpenLink {  // a share link; refused links keep the lesson
  std::string fragment;
};
struct RestoreState {  // the lesson saved in the page's storage
  std::string json;
};
struct RestoreProgress {  // the whole record, or nothing
  std::string json;
};
struct SalvageProgress {  // what can be read of a record RestoreProgress refused (progress_salvage.h)
  std::string json;
};
struct RestoreRecord {  // the desktop's saved record, read and checked whole beforehand
  LessonState state;
  Progress progress;
};
struct MergeProgress {  // another tab's progress; unreadable is no change
  std::string json;
};
struct StartOver {  // startedAt: ms since 1970, or 0
  double startedAt = 0;
};

// A message for the learner and nothing else (a refused typed value, storage trouble).
struct ShowNotice {
  std::string message;
};

}  // namespace lesson::actions

namespace lesson {

using Action =
    std::variant<actions::GoToStep, actions::SelectQuery, actions::SelectPair, actions::SelectKey, actions::SetScale,
                 actions::SetMask, actions::SetTemperature, actions::LoadExample, actions::ReturnToLesson,
                 actions::Randomise, actions::LoadTranslation, actions::SetPositional, actions::ReverseTokens,
                 actions::ShuffleTokens, actions::SetTileSize, actions::RenameToken, actions::AddToken,
                 actions::RemoveToken, actions::SetModelWidth, actions::SetKeyWidth, actions::SetHeadsToward,
                 actions::EditCell, actions::ResetMatrix, actions::MoveVectorTip, actions::UseProjections,
                 actions::ScaleQuery, actions::AnswerQuiz, actions::Predict, actions::SkipPrediction,
                 actions::RecordChallenge, actions::ApplyStateText, actions::OpenLink, actions::RestoreState,
                 actions::RestoreProgress, actions::SalvageProgress, actions::RestoreRecord, actions::MergeProgress,
                 actions::StartOver, actions::ShowNotice>;

// What the learner did, in words ("set the mask"): for logs and tests.
const char* actionName(const Action& action);

// True for the actions whose caller answers with the refusal itself (setState, restoring
// stored data): their refusal changes nothing at all, not even the lesson's notice.
bool quietRefusal(const Action& action);

// What kind of move the action is, for the experiments (practice.h): a typed cell or a dragged
// tip edits vectors; a link, stored data, setState, a ready-made example or a random draw
// replaces the whole state.
MoveKind moveKind(const Action& action);

// The change itself, made on copies of the state and progress: "" or why it refuses. It never
// has to validate the whole state, recompute or count: Session::apply does.
std::string changeFor(const Action& action, LessonState& state, Progress& progress);

}  // namespace lesson
