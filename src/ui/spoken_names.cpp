// spoken_names.cpp: what a screen reader hears when a control takes keyboard focus. The
// canvas has no accessibility tree of its own, so each widget id is turned into a name,
// a role and, where it has one, its current value.
#include "ui/spoken_names.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "lesson/edits.h"
#include "lesson/practice.h"
#include "lesson/presets.h"
#include "lesson/steps.h"
#include "ui/matrix_view.h"
#include "ui/widgets.h"

namespace ui {

using lesson::MatrixId;

namespace {

// "name[3]" -> name and 3; "name[1][2]" -> name, 1 and 2. Missing indices stay -1.
struct ParsedId {
  std::string name;
  int first = -1, second = -1;
};

ParsedId parseId(const std::string& id) {
  ParsedId parsed;
  const size_t open = id.find('[');
  parsed.name = id.substr(0, open);
  if (open == std::string::npos) return parsed;
  if (std::sscanf(id.c_str() + open, "[%d][%d]", &parsed.first, &parsed.second) < 1) parsed.first = -1;
  return parsed;
}

// Six significant digits: what the cell holds, without float noise such as 0.349999994.
std::string spokenNumber(float value) {
  if (std::isinf(value)) return value < 0 ? "minus infinity (hidden)" : "infinity";
  char text[32];
  std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
  return text;
}

bool inRange(int index, size_t size) { return index >= 0 && static_cast<size_t>(index) < size; }

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

const std::map<std::string, std::string>& fixedNames() {
  static const std::map<std::string, std::string> names = {
      {"next", "Next step, button"},
      {"back", "Previous step, button"},
      {"formal", "Formal explanation, button: shows or hides it"},
      {"settings", "Sentence and settings, section heading: Space opens or closes it"},
      {"practice", "Practice: experiments and quiz, section heading: Space opens or closes it"},
      {"add-token", "Add token, button: adds the word typed in the field before it"},
      {"new-token", "New token, text field"},
      {"heads-minus", "Fewer heads, button"},
      {"heads-plus", "More heads, button"},
      {"heads-step-minus", "Fewer heads, button"},
      {"heads-step-plus", "More heads, button"},
      {"randomise", "Random vectors, button"},
      {"use-projections", "Use the embeddings and projections again, button"},
      {"zoom-in", "Larger text, button"},
      {"zoom-out", "Smaller text, button"},
      {"copy-link", "Copy link to this state, button"},
      {"reset-progress", "Start over, button: forgets steps seen, experiments and quiz answers"},
      {"dismiss-notice", "Dismiss the notice, button"},
      {"challenge-code", "Your attentionWeights code, text box"},
      {"challenge-check", "Check my function, button"},
  };
  return names;
}

std::string matrixCellName(const AppState& app, MatrixId id, int row, int col) {
  const core::Matrix& m = lesson::traceMatrix(app.session.trace, id, app.view.selectedHead);
  if (row < 0 || col < 0 || row >= m.rows || col >= m.cols) return {};
  const auto rows = rowLabels(app, id);
  const auto cols = columnLabels(app, id);
  std::string text = std::string(lesson::matrixName(id)) + ", row " + std::to_string(row + 1);
  if (inRange(row, rows.size())) text += " " + quoted(rows[static_cast<size_t>(row)]);
  text += ", column " + std::to_string(col + 1);
  if (inRange(col, cols.size())) text += " " + quoted(cols[static_cast<size_t>(col)]);
  text += ": " + spokenNumber(m.at(row, col));
  return text + (lesson::isEditable(app.session.lesson, id) ? ". Enter types a new value."
                                                            : ". Space shows this pair's worked numbers.");
}

std::string quizAnswerName(const std::string& questionId, int answer) {
  for (const auto& question : lesson::quiz()) {
    if (question.id != questionId || !inRange(answer, question.answers.size())) continue;
    return question.question + " Answer " + std::to_string(answer + 1) + " of " +
           std::to_string(question.answers.size()) + ": " + question.answers[static_cast<size_t>(answer)];
  }
  return {};
}

std::string indexedName(const AppState& app, const ParsedId& p) {
  const auto& tokens = app.session.lesson.tokens;
  const auto& steps = lesson::tourSteps();
  if (p.name == "token" && inRange(p.first, tokens.size()))
    return "Token " + std::to_string(p.first + 1) + ", " + quoted(tokens[static_cast<size_t>(p.first)]) +
           (p.first == app.session.lesson.selected ? ", the selected query" : ", button: makes it the selected query");
  if (p.name == "dot" && inRange(p.first, steps.size()))
    return "Step " + std::to_string(p.first + 1) + " of " + std::to_string(steps.size()) + ", " +
           steps[static_cast<size_t>(p.first)].title +
           (p.first == app.session.lesson.step ? ", current step" : ", button");
  if (p.name == "rename" && inRange(p.first, tokens.size()))
    return "Token " + std::to_string(p.first + 1) + " text, " + quoted(tokens[static_cast<size_t>(p.first)]);
  if (p.name == "remove" && inRange(p.first, tokens.size()))
    return "Remove token " + quoted(tokens[static_cast<size_t>(p.first)]) + ", button";
  if (p.name == "head" && p.first >= 0)
    return "Head " + std::to_string(p.first + 1) + (p.first == app.view.selectedHead ? ", shown" : ", option");
  if (p.name == "hand-answer" && p.first >= 0)
    return "Your weight for key " + std::to_string(p.first + 1) + ", number field";
  if (p.name.rfind("quiz-", 0) == 0) return quizAnswerName(p.name.substr(5), p.first);
  return {};
}

// Fields that hold a setting: their name with the value they hold now.
std::string settingName(const AppState& app, const std::string& id) {
  const auto& s = app.session.lesson;
  if (id == "temperature") return "Temperature, slider, " + spokenNumber(s.temperature);
  if (id == "dModel") return "Embedding width d_model, number field, " + std::to_string(s.dModel);
  if (id == "dK") return "Key width d_k, number field, " + std::to_string(s.dK);
  if (id == "heads" || id == "heads-step") return "Number of heads, number field, " + std::to_string(s.heads);
  if (id == "seed") return "Random seed, number field, " + std::to_string(app.view.randomSeed);
  if (id == "preset") {
    for (const auto& preset : lesson::presetList())
      if (preset.id == s.presetId) return "Example sentence, list, " + preset.label + ": Space opens it";
    return "Example sentence, list, your own sentence: Space opens it";
  }
  return {};
}

std::string toggleName(const AppState& app, const std::string& id) {
  if (id == "scale")
    return std::string("Divide by the square root of d_k, checkbox, ") + (app.session.lesson.scale ? "on" : "off");
  if (id == "mask-none" || id == "mask-causal") {
    const bool causal = id == "mask-causal";
    const bool chosen = causal == (app.session.lesson.mask.kind == core::MaskKind::Causal);
    return std::string(causal ? "Causal mask" : "No mask") + ", option, " + (chosen ? "chosen" : "not chosen");
  }
  if (id.rfind("preset-", 0) == 0)
    for (const auto& preset : lesson::presetList())
      if ("preset-" + preset.id == id) return preset.label + ", example";
  if (id.rfind("reset-", 0) == 0) return "Reset " + id.substr(6) + " to the example's values, button";
  return {};
}

}  // namespace

std::string spokenName(const AppState& app, const std::string& widgetId) {
  const auto& names = fixedNames();
  if (auto found = names.find(widgetId); found != names.end()) return found->second;
  if (std::string setting = settingName(app, widgetId); !setting.empty()) return setting;
  if (std::string toggle = toggleName(app, widgetId); !toggle.empty()) return toggle;
  const ParsedId parsed = parseId(widgetId);
  if (parsed.second >= 0 && app.session.trace.ok) {
    for (int k = 0; k <= static_cast<int>(MatrixId::Mixed); ++k) {
      const auto id = static_cast<MatrixId>(k);
      if (parsed.name != lesson::matrixName(id)) continue;
      const std::string cell = matrixCellName(app, id, parsed.first, parsed.second);
      return cell.empty() ? widgetId : cell;
    }
    if (parsed.name == "headWeights" || parsed.name == "heatmap") {
      const std::string cell = matrixCellName(app, MatrixId::Weights, parsed.first, parsed.second);
      return cell.empty() ? widgetId : cell;
    }
  }
  if (std::string indexed = indexedName(app, parsed); !indexed.empty()) return indexed;
  return widgetId;
}

}  // namespace ui
