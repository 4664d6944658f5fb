// actions.cpp: each named change as a small function of a copy of the state and progress;
// validation of the whole state, recomputing and counting happen in applyAction().
#include "lesson/actions.h"

#include "lesson/edits.h"
#include "lesson/json_io.h"
#include "lesson/presets.h"
#include "lesson/share_link.h"
#include "lesson/token_order.h"

namespace lesson::actions {

namespace {

// Most edits only touch the state.
Action stateAction(std::string name, std::function<std::string(LessonState&)> change) {
  return {std::move(name), [change = std::move(change)](LessonState& s, Progress&) { return change(s); }};
}

Action quiet(Action action) {
  action.refusalIsNotice = false;
  return action;
}

}  // namespace

Action goToStep(int step) {
  return stateAction("go to a step", [step](LessonState& s) {
    setStep(s, step);  // a step outside the tour is refused there: no change, no notice
    return std::string();
  });
}

Action selectQuery(int row) {
  return stateAction("select a query", [row](LessonState& s) {
    s.selected = row;
    return std::string();
  });
}

Action selectPair(int row, int column) {
  return stateAction("select a query and a key", [row, column](LessonState& s) {
    s.selected = row;
    s.selectedKey = column;
    return std::string();
  });
}

Action selectKey(int column) {
  return stateAction("select a key", [column](LessonState& s) {
    s.selectedKey = column;
    return std::string();
  });
}

Action setScale(bool scale) {
  return stateAction("divide by the square root of d_k", [scale](LessonState& s) {
    s.scale = scale;
    return std::string();
  });
}

Action setMask(const core::Mask& mask) {
  return stateAction("set the mask", [mask](LessonState& s) {
    s.mask = mask;
    return std::string();
  });
}

Action setTemperature(float temperature) {
  return stateAction("set the temperature",
                     [temperature](LessonState& s) { return lesson::setTemperature(s, temperature); });
}

Action loadExample(const std::string& presetId) {
  return stateAction("load an example", [presetId](LessonState& s) {
    LessonState loaded;
    if (!loadPreset(presetId, loaded)) return "unknown example \"" + presetId + "\"";
    loaded.step = s.step;
    s = std::move(loaded);
    return std::string();
  });
}

Action randomise(uint32_t seed) {
  return stateAction("random vectors", [seed](LessonState& s) {
    randomiseVectors(s, seed);
    return std::string();
  });
}

Action setPositional(Positional positional) {
  return stateAction("set the positions", [positional](LessonState& s) {
    s.positional = positional;
    return std::string();
  });
}

Action reverseTokens() {
  return stateAction("reverse the tokens", [](LessonState& s) {
    reorderTokens(s, reversedOrder(static_cast<int>(s.tokens.size())));
    return std::string();
  });
}

Action shuffleTokens(uint32_t seed) {
  return stateAction("shuffle the tokens", [seed](LessonState& s) {
    reorderTokens(s, shuffledOrder(static_cast<int>(s.tokens.size()), seed));
    return std::string();
  });
}

Action setTileSize(int keysPerTile) {
  return stateAction("set the tile size", [keysPerTile](LessonState& s) {
    s.tileSize = keysPerTile;
    return std::string();
  });
}

Action renameToken(int index, const std::string& name) {
  return stateAction("rename a token", [index, name](LessonState& s) { return lesson::renameToken(s, index, name); });
}

Action addToken(const std::string& name) {
  return stateAction("add a token", [name](LessonState& s) {
    std::string refusal = lesson::addToken(s, name);
    if (refusal.empty())
      s.notice = "\"" + name +
                 "\" was added with all-zero vectors, so it matches nothing yet: give it values in its row of " +
                 (s.source == VectorSource::Projected ? "X." : "Q, K and V.");
    return refusal;
  });
}

Action removeToken(int index) {
  return stateAction("remove a token", [index](LessonState& s) { return lesson::removeToken(s, index); });
}

Action setModelWidth(int dModel) {
  return stateAction("set d_model", [dModel](LessonState& s) { return lesson::setModelWidth(s, dModel); });
}

Action setKeyWidth(int dK) {
  return stateAction("set d_k", [dK](LessonState& s) { return lesson::setKeyWidth(s, dK); });
}

Action setHeadsToward(int requested) {
  return stateAction("set the number of heads",
                     [requested](LessonState& s) { return lesson::setHeads(s, headCountToward(s, requested)); });
}

Action editCell(MatrixId matrix, int row, int column, float value) {
  return stateAction("edit a number", [=](LessonState& s) { return setEntry(s, matrix, row, column, value); });
}

Action moveVectorTip(MatrixId matrix, int row, int xColumn, float x, int yColumn, float y) {
  return stateAction("move a vector's tip", [=](LessonState& s) {
    std::string refusal = setEntry(s, matrix, row, xColumn, x);
    if (refusal.empty() && yColumn != xColumn) refusal = setEntry(s, matrix, row, yColumn, y);
    return refusal;
  });
}

Action resetMatrix(MatrixId matrix) {
  return stateAction("reset a matrix", [matrix](LessonState& s) { return lesson::resetMatrix(s, matrix); });
}

Action useProjections() {
  return stateAction("use the embeddings and projections again", [](LessonState& s) { return switchToProjected(s); });
}

Action answerQuiz(const std::string& questionId, bool correct) {
  return {"answer the quiz", [questionId, correct](LessonState&, Progress& p) {
            if (correct) p.quizCorrect.insert(questionId);
            return std::string();
          }};
}

Action recordChallenge(bool passed, int level) {
  return {"check the coding challenge", [passed, level](LessonState&, Progress& p) {
            bool& done = level == 2 ? p.challenge2Done : p.challengeDone;
            done = done || passed;
            return std::string();
          }};
}

Action applyStateText(const std::string& json) {
  return quiet(stateAction("apply a state", [json](LessonState& s) { return lesson::applyStateText(s, json); }));
}

Action openLink(const std::string& fragment) {
  return stateAction("open a shared link", [fragment](LessonState& s) {
    LessonState opened;
    const std::string error = decodeShareFragment(fragment, s, opened);
    if (!error.empty()) return "Link not opened: " + error + ". Your own lesson is kept as it was.";
    s = std::move(opened);
    return std::string();
  });
}

Action restoreState(const std::string& json) {
  return quiet(
      stateAction("restore the saved lesson", [json](LessonState& s) { return lesson::applyStateText(s, json); }));
}

Action restoreProgress(const std::string& json) {
  return quiet({"restore the saved progress", [json](LessonState&, Progress& p) { return progressFromText(json, p); }});
}

Action mergeProgress(const std::string& json) {
  return {"merge another tab's progress", [json](LessonState&, Progress& p) {
            Progress stored;
            if (progressFromText(json, stored).empty()) lesson::mergeProgress(p, stored);
            return std::string();
          }};
}

Action startOver(double startedAt) {
  return {"start over", [startedAt](LessonState& s, Progress& p) {
            s = defaultState();
            p = Progress();
            if (startedAt > 0 && startedAt <= 1e15) p.startedAt = startedAt;
            return std::string();
          }};
}

Action showNotice(const std::string& message) {
  return stateAction("show a notice", [message](LessonState& s) {
    s.notice = message;
    return std::string();
  });
}

}  // namespace lesson::actions
