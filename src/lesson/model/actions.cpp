// actions.cpp: what each action does, as one overload of `change` per action struct, and its
// name. Validation of the whole state, recomputing and counting happen in Session::apply().
#include "lesson/model/actions.h"

#include "lesson/content/presets.h"
#include "lesson/content/translations.h"
#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/edits.h"
#include "lesson/model/progress_salvage.h"
#include "lesson/model/token_order.h"

namespace lesson {

namespace {

using namespace actions;

// A zero key still scores 0, not minus infinity, so the new token can take weight; its zero
// value adds nothing. With positions on, its embedding is zero but its position is not.
std::string newTokenNotice(const LessonState& s, const std::string& name) {
  const std::string quoted = "\"" + name + "\"";
  if (s.source != VectorSource::Projected)
    return quoted +
           " was added with zero query, key and value: its key scores 0 against every query, so it can "
           "still take weight, and its value adds nothing. Give it values in its rows of Q, K and V.";
  if (s.positional != Positional::None)
    return quoted +
           " was added with a zero embedding: only its position vector sets it apart for now. Give it "
           "values in its row of X.";
  return quoted +
         " was added with a zero embedding, so its key scores 0 against every query (it can still take "
         "weight) and its value adds nothing. Give it values in its row of X.";
}

// Each change gets copies of the state and progress; most touch only the state.
struct Change {
  LessonState& s;
  Progress& p;

  std::string operator()(const GoToStep& a) const {
    setStep(s, a.step);  // a step outside the tour is refused there: no change, no notice
    return {};
  }
  std::string operator()(const SelectQuery& a) const {
    s.selected = a.row;
    return {};
  }
  std::string operator()(const SelectPair& a) const {
    s.selected = a.row;
    s.selectedKey = a.column;
    return {};
  }
  std::string operator()(const SelectKey& a) const {
    s.selectedKey = a.column;
    return {};
  }
  std::string operator()(const SetScale& a) const {
    s.scale = a.scale;
    return {};
  }
  std::string operator()(const SetMask& a) const {
    s.mask = a.mask;
    return {};
  }
  std::string operator()(const SetTemperature& a) const { return setTemperature(s, a.temperature); }
  std::string operator()(const LoadExample& a) const {
    LessonState loaded;
    if (!loadPreset(a.presetId, loaded)) return "unknown example \"" + a.presetId + "\"";
    loaded.step = s.step;
    loaded.cross = s.cross;  // the translation is the cross-attention step's own example
    s = std::move(loaded);
    return {};
  }
  std::string operator()(const ReturnToLesson& a) const {
    const int step = s.step;
    s = a.lesson;
    s.step = step;
    return {};
  }
  std::string operator()(const LoadTranslation& a) const {
    if (!loadTranslation(a.pairId, s.cross)) return "unknown translation \"" + a.pairId + "\"";
    return {};
  }
  std::string operator()(const Randomise& a) const {
    randomiseVectors(s, a.seed);
    return {};
  }
  std::string operator()(const SetPositional& a) const {
    s.positional = a.positional;
    return {};
  }
  std::string operator()(const ReverseTokens&) const {
    reorderTokens(s, reversedOrder(static_cast<int>(s.tokens.size())));
    return {};
  }
  std::string operator()(const ShuffleTokens& a) const {
    reorderTokens(s, shuffledOrder(static_cast<int>(s.tokens.size()), a.seed));
    return {};
  }
  std::string operator()(const SetTileSize& a) const {
    s.tileSize = a.keysPerTile;
    return {};
  }
  std::string operator()(const RenameToken& a) const { return renameToken(s, a.index, a.name); }
  std::string operator()(const AddToken& a) const {
    std::string refusal = addToken(s, a.name);
    if (refusal.empty()) s.notice = newTokenNotice(s, a.name);
    return refusal;
  }
  std::string operator()(const RemoveToken& a) const { return removeToken(s, a.index); }
  std::string operator()(const SetModelWidth& a) const { return setModelWidth(s, a.dModel); }
  std::string operator()(const SetKeyWidth& a) const { return setKeyWidth(s, a.dK); }
  std::string operator()(const SetHeadsToward& a) const { return setHeads(s, headCountToward(s, a.requested)); }
  std::string operator()(const EditCell& a) const { return setEntry(s, a.matrix, a.row, a.column, a.value); }
  std::string operator()(const ResetMatrix& a) const { return resetMatrix(s, a.matrix); }
  std::string operator()(const MoveVectorTip& a) const {
    std::string refusal = setEntry(s, a.matrix, a.row, a.xColumn, a.x);
    if (refusal.empty() && a.yColumn != a.xColumn) refusal = setEntry(s, a.matrix, a.row, a.yColumn, a.y);
    return refusal;
  }
  std::string operator()(const UseProjections&) const { return switchToProjected(s); }
  std::string operator()(const ScaleQuery& a) const { return scaleQuery(s, a.row, a.factor); }
  std::string operator()(const AnswerQuiz& a) const {
    if (a.correct) p.quizCorrect.insert(a.questionId);
    return {};
  }
  std::string operator()(const Predict& a) const {
    const PredictionQuestion* question = predictionQuestion(a.stepId);
    if (!question) return "Guess not kept: that step asks for no guess.";
    if (std::string refusal = checkGuess(question->kind, s, a.guess); !refusal.empty())
      return "Guess not kept: " + refusal + ".";
    Prediction& prediction = p.predictions[a.stepId];
    prediction.guessed = true;
    prediction.skipped = false;
    prediction.guess = normalisedGuess(question->kind, a.guess);
    prediction.guess.sentence = guessSentence(s);
    return {};
  }
  std::string operator()(const SkipPrediction& a) const {
    if (!predictionQuestion(a.stepId)) return "That step asks for no guess.";
    Prediction& prediction = p.predictions[a.stepId];
    prediction.skipped = !prediction.guessed;
    return {};
  }
  std::string operator()(const RecordChallenge& a) const {
    bool& done = a.level == 2 ? p.challenge2Done : p.challengeDone;
    done = done || a.passed;
    return {};
  }
  std::string operator()(const ApplyStateText& a) const { return applyStateText(s, a.json); }
  std::string operator()(const OpenLink& a) const {
    LessonState opened;
    const std::string error = decodeShareFragment(a.fragment, s, opened);
    if (!error.empty()) return "Link not opened: " + error + ". Your own lesson is kept as it was.";
    s = std::move(opened);
    return {};
  }
  std::string operator()(const RestoreState& a) const { return applyStateText(s, a.json); }
  std::string operator()(const RestoreProgress& a) const { return progressFromText(a.json, p); }
  std::string operator()(const SalvageProgress& a) const {
    return salvageProgress(a.json, p) > 0 ? std::string() : "nothing in the progress record could be read";
  }
  std::string operator()(const RestoreRecord& a) const {
    s = a.state;
    p = a.progress;
    return {};
  }
  std::string operator()(const MergeProgress& a) const {
    Progress stored;
    if (progressFromText(a.json, stored).empty()) mergeProgress(p, stored);
    return {};
  }
  std::string operator()(const StartOver& a) const {
    s = defaultState();
    p = Progress();
    if (a.startedAt > 0 && a.startedAt <= 1e15) p.startedAt = a.startedAt;
    return {};
  }
  std::string operator()(const ShowNotice& a) const {
    s.notice = a.message;
    return {};
  }
};

// The names, in the variant's order.
const char* const kNames[] = {"go to a step",
                              "select a query",
                              "select a query and a key",
                              "select a key",
                              "divide by the square root of d_k",
                              "set the mask",
                              "set the temperature",
                              "load an example",
                              "return to the lesson before the example",
                              "random vectors",
                              "load a translation",
                              "set the positions",
                              "reverse the tokens",
                              "shuffle the tokens",
                              "set the tile size",
                              "rename a token",
                              "add a token",
                              "remove a token",
                              "set d_model",
                              "set d_k",
                              "set the number of heads",
                              "edit a number",
                              "reset a matrix",
                              "move a vector's tip",
                              "use the embeddings and projections again",
                              "scale a query",
                              "answer the quiz",
                              "guess before seeing",
                              "skip a guess",
                              "check the coding challenge",
                              "apply a state",
                              "open a shared link",
                              "restore the saved lesson",
                              "restore the saved progress",
                              "keep what can be read of the saved progress",
                              "restore the saved record",
                              "merge another tab's progress",
                              "start over",
                              "show a notice"};
static_assert(sizeof kNames / sizeof kNames[0] == std::variant_size_v<Action>, "one name per action");

}  // namespace

const char* actionName(const Action& action) { return kNames[action.index()]; }

bool quietRefusal(const Action& action) {
  return std::holds_alternative<ApplyStateText>(action) || std::holds_alternative<RestoreState>(action) ||
         std::holds_alternative<RestoreProgress>(action) || std::holds_alternative<SalvageProgress>(action);
}

MoveKind moveKind(const Action& action) {
  if (std::holds_alternative<EditCell>(action) || std::holds_alternative<MoveVectorTip>(action) ||
      std::holds_alternative<ScaleQuery>(action))
    return MoveKind::EditVectors;
  if (std::holds_alternative<ApplyStateText>(action) || std::holds_alternative<OpenLink>(action) ||
      std::holds_alternative<RestoreState>(action) || std::holds_alternative<RestoreRecord>(action) ||
      std::holds_alternative<LoadExample>(action) || std::holds_alternative<ReturnToLesson>(action) ||
      std::holds_alternative<Randomise>(action) || std::holds_alternative<StartOver>(action) ||
      std::holds_alternative<RestoreProgress>(action) || std::holds_alternative<SalvageProgress>(action) ||
      std::holds_alternative<MergeProgress>(action))
    return MoveKind::WholeState;
  return MoveKind::Other;
}

std::string changeFor(const Action& action, LessonState& state, Progress& progress) {
  return std::visit(Change{state, progress}, action);
}

}  // namespace lesson
