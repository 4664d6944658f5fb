// learning_view.cpp: the learning step. Train runs the task's schedule on a tiny model and the
// view follows it as reports arrive: the loss curve, the metric over time, and the attention
// weights of each layer on a sequence the learner types, with the model's guesses.
// Pause, Step and Reset act on the same model. Frames are drawn only when a report arrives or
// the learner acts: the page idles while the worker trains.
#include "ui/views/learning_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "ui/kit/colormap.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

// The rates offered: the tasks' own (0.003) and a decade around it, so a learner sees both too
// small (slow) and too large (unsteady).
constexpr float kLearningRates[] = {0.0003f, 0.001f, 0.003f, 0.01f, 0.03f};

// What the view says of each task: the one place a new task's words go.
struct TaskWords {
  core::TrainingTask task;
  const char* choice;       // its radio button
  const char* id;           // that button's widget id
  const char* metricTitle;  // above the metric's curve
  // The guess at the last position: before the sequence, between it and the guess, after.
  const char* guessLead;
  const char* guessMiddle;
  const char* guessEnd;
  bool copies;          // it answers by copying from an earlier occurrence (say when there is none)
  const char* lookFor;  // what forms in the maps as it trains
};

const TaskWords kTaskWords[] = {
    {core::TrainingTask::PreviousToken, "Previous token (1 layer)", "train-task[previous-token]",
     "Metric: share of rows whose top weight is one back", "At the last letter of ",
     "the model says the letter before was ", ".", false,
     "What to look for: a line just below the diagonal, each letter looking at the one before."},
    {core::TrainingTask::Induction, "Induction (2 layers)", "train-task[induction]",
     "Metric: weight on the token after the earlier copy", "After ", "the model guesses ", " comes next.", true,
     "What to look for: in layer 1 a line just below the diagonal (each letter looks at the one before); in layer 2, "
     "in the repeat, each letter looking at the letter that followed its earlier copy."},
};

const TaskWords& wordsFor(core::TrainingTask task) {
  for (const TaskWords& words : kTaskWords)
    if (words.task == task) return words;
  return kTaskWords[0];
}

void request(AppState& app, int steps, bool fresh) {
  TrainingLab& lab = app.view.training;
  if (!app.platform.startTraining) return;
  Platform::TrainingRequest r;
  r.request = ++lab.request;
  r.task = lab.task;
  r.seed = lab.seed;
  r.learningRate = lab.learningRate;
  r.steps = steps;
  r.fresh = fresh;
  r.probe = lab.probe;
  lab.requestedProbe = lab.probe;
  lab.stopping = false;
  lab.message.clear();
  if (fresh) {
    lab.stepsDone = 0;
    lab.losses.clear();
    lab.metricCurve.clear();
  }
  lab.phase = steps > 0 ? TrainingLab::Phase::Training : TrainingLab::Phase::Starting;
  app.platform.startTraining(r);
}

// Reads probeText into probe for the current task's model (or says why not).
void readProbe(TrainingLab& lab) {
  const core::TrainingPlan plan = core::trainingPlan(lab.task);
  lab.probeError = parseTrainingTokens(lab.probeText, plan.shape.vocabulary, plan.sequenceLength, lab.probe);
}

// A task's own learning rate and a fresh, untrained model for it.
void startTask(AppState& app, core::TrainingTask task) {
  TrainingLab& lab = app.view.training;
  lab.task = task;
  lab.learningRate = static_cast<float>(core::trainingPlan(task).learningRate);
  readProbe(lab);
  request(app, 0, true);
}

void drawTaskChoice(AppState& app) {
  TrainingLab& lab = app.view.training;
  const bool busy = lab.phase == TrainingLab::Phase::Training;
  ImGui::BeginDisabled(busy);
  for (const TaskWords& c : kTaskWords) {
    if (&c != kTaskWords) sameLineIfFits(choiceWidth(c.choice));
    if (ImGui::RadioButton(c.choice, lab.task == c.task) && lab.task != c.task) startTask(app, c.task);
    registerItem(
        app, c.id, [&] { return std::string("Task: ") + c.choice + (lab.task == c.task ? ", chosen" : ", option"); },
        Role::Option, lab.task == c.task);
  }
  ImGui::EndDisabled();
}

void drawButtons(AppState& app) {
  TrainingLab& lab = app.view.training;
  const core::TrainingPlan plan = core::trainingPlan(lab.task);
  const bool available = static_cast<bool>(app.platform.startTraining);
  const bool busy = lab.phase == TrainingLab::Phase::Training;
  const bool ready = lab.phase == TrainingLab::Phase::Ready;
  const int left = plan.steps - lab.stepsDone;
  const bool more = left <= 0;
  ImGui::BeginDisabled(!available || !ready);
  if (button(app, more ? "Train more###train" : "Train###train")) {
    if (hasKeyboardFocus()) lab.focusNext = TrainingLab::FocusNext::Pause;
    request(app, more ? plan.steps : left, false);
  }
  if (lab.focusNext == TrainingLab::FocusNext::Train && ready) {
    takeKeyboardFocus(app);
    lab.focusNext = TrainingLab::FocusNext::None;
  }
  registerItem(app, "train", [&] {
    return std::string(more ? "Train more" : "Train") + ", button: runs " + std::to_string(more ? plan.steps : left) +
           " training steps" + (available ? "" : ". " + app.platform.trainingUnavailable);
  });
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!busy || lab.stopping || !app.platform.stopTraining);
  if (button(app, "Pause")) {
    lab.stopping = true;
    app.platform.stopTraining();
  }
  if (lab.focusNext == TrainingLab::FocusNext::Pause && busy) {
    takeKeyboardFocus(app);
    lab.focusNext = TrainingLab::FocusNext::None;
  }
  lab.pauseFocused = hasKeyboardFocus();
  ImGui::EndDisabled();
  registerItem(app, "train-pause", "Pause, button: stops training after the steps under way");
  ImGui::SameLine();
  ImGui::BeginDisabled(!available || !ready);
  if (button(app, "Step")) request(app, 1, false);  // one step: over before focus could move
  registerItem(app, "train-step", "Step, button: one training step");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!available || busy);  // also after a failure: the way to start again
  if (button(app, "Reset")) {
    ++lab.seed;
    request(app, 0, true);
  }
  registerItem(app, "train-reset", "Reset, button: new random weights, untrained");
  ImGui::EndDisabled();
  // A few learning rates to compare, not a slider: each a choice the keyboard reaches.
  ImGui::TextUnformatted("Learning rate:");  // said by its options
  ImGui::BeginDisabled(busy);
  for (float rate : kLearningRates) {
    char label[16];
    std::snprintf(label, sizeof label, "%g", static_cast<double>(rate));
    sameLineIfFits(choiceWidth(label));
    if (ImGui::RadioButton(label, lab.learningRate == rate)) lab.learningRate = rate;
    registerItem(
        app, std::string("train-rate[") + label + "]",
        [&] { return std::string("Learning rate ") + label + (lab.learningRate == rate ? ", chosen" : ", option"); },
        Role::Option, lab.learningRate == rate);
  }
  ImGui::EndDisabled();
  note(app,
       "0.003 is the schedule's own rate. At 0.0003 the steps are too small to get far in one schedule; at 0.03 the "
       "previous-token head still forms, but the induction model is thrown off and does not recover (five seeds of "
       "each, tried).");
  const float progress = static_cast<float>(std::min(lab.stepsDone, plan.steps)) / static_cast<float>(plan.steps);
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "step %d of %d", lab.stepsDone, std::max(plan.steps, lab.stepsDone));
  progressBar(app, progress, std::min(visibleWidth(), px(app, 360)), overlay);
  if (!available) colouredParagraph(app, kError, app.platform.trainingUnavailable);
  if (!lab.message.empty())
    colouredParagraph(
        app, lab.phase == TrainingLab::Phase::Failed ? kError : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
        lab.message);
}

// A small line chart: values over steps, the y axis from 0 to `top`.
void drawCurve(AppState& app, const char* title, const std::vector<std::pair<int, float>>& points, float top, int steps,
               ImU32 ink, float width, float height) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  textLine(app, title);
  ImGui::PopTextWrapPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float axis = ImGui::CalcTextSize("0.0").x + px(app, 6);
  const float left = origin.x + axis, right = origin.x + width - px(app, 4);
  const float topY = origin.y + px(app, 4), bottom = origin.y + height - ImGui::GetTextLineHeight() - px(app, 4);
  draw->AddRect(ImVec2(left, topY), ImVec2(right, bottom), kChartGrid);
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const std::string topLabel = top >= 10 ? std::to_string(static_cast<int>(top)) : formatNumber(top).substr(0, 3);
  draw->AddText(ImVec2(origin.x, topY - ImGui::GetTextLineHeight() * 0.5f), faint, topLabel.c_str());
  draw->AddText(ImVec2(origin.x, bottom - ImGui::GetTextLineHeight() * 0.5f), faint, "0");
  const std::string stepsLabel = std::to_string(steps) + " steps";
  draw->AddText(ImVec2(right - ImGui::CalcTextSize(stepsLabel.c_str()).x, bottom + px(app, 2)), faint,
                stepsLabel.c_str());
  std::vector<ImVec2> line;
  line.reserve(points.size());
  for (const auto& [step, value] : points) {
    const float x = left + (right - left) * static_cast<float>(step) / static_cast<float>(std::max(steps, 1));
    const float y = bottom - (bottom - topY) * std::clamp(value / top, 0.0f, 1.0f);
    line.emplace_back(x, y);
  }
  if (line.size() >= 2)
    draw->AddPolyline(line.data(), static_cast<int>(line.size()), ink, 0, 2.0f * app.platform.uiScale);
  else if (line.size() == 1)
    draw->AddCircleFilled(line[0], 3.0f * app.platform.uiScale, ink);
  ImGui::Dummy(ImVec2(width, height));
}

void drawCurves(AppState& app) {
  const TrainingLab& lab = app.view.training;
  const core::TrainingPlan plan = core::trainingPlan(lab.task);
  const int steps = std::max(plan.steps, lab.stepsDone);
  // The loss averaged over 10 steps, so the line shows the trend rather than each batch.
  std::vector<std::pair<int, float>> loss;
  float top = 5.0f;  // a fixed scale (raised only by a larger loss), so runs can be compared
  for (size_t k = 0; k < lab.losses.size(); k += 5) {
    float sum = 0;
    int count = 0;
    for (size_t j = k; j < std::min(lab.losses.size(), k + 10); ++j, ++count) sum += lab.losses[j];
    loss.emplace_back(static_cast<int>(k + 1), sum / static_cast<float>(count));
    top = std::max(top, std::ceil(loss.back().second));
  }
  const float available = visibleWidth();
  const bool beside = available > px(app, 520);
  const float width = (beside ? (available - px(app, 24)) / 2 : available) - px(app, 2);  // no rounding past the edge
  const float height = px(app, 120);
  ImGui::BeginGroup();
  drawCurve(app, "Loss (cross-entropy, lower is better)", loss, top, steps, kChartInk, width, height);
  ImGui::EndGroup();
  if (beside) ImGui::SameLine(0, px(app, 24));
  ImGui::BeginGroup();
  drawCurve(app, wordsFor(lab.task).metricTitle, lab.metricCurve, 1.0f, steps, kAccentFill, width, height);
  ImGui::EndGroup();
  registerItem(
      app, "train-curves",
      [&] {
        return "Training so far: " + std::to_string(lab.stepsDone) + " steps, last loss " +
               (lab.losses.empty() ? std::string("none yet") : formatNumber(lab.losses.back())) +
               "; on held-out sequences, metric " + formatNumber(lab.metric) + ", accuracy " +
               formatNumber(lab.accuracy);
      },
      Role::Picture);
  // The curves and the maps below measure different things on different sequences: say so, so a
  // metric of 0.22 beside "1 of 6 rows" on the learner's own sequence is not read as a contradiction.
  note(app,
       "The metric and the accuracy are measured on sequences the training never saw; the maps below show your "
       "own sequence.");
}

// How many rows put their largest weight one position back, or (afterCopy) just after an
// earlier occurrence of the row's own letter: the spoken summary of a map.
std::string mapSummary(const core::Matrix& m, const std::vector<int>& tokens, bool afterCopy) {
  int matching = 0;
  for (int i = 1; i < m.rows; ++i) {
    const float* row = m.rowData(i);
    const int best = static_cast<int>(std::max_element(row, row + m.cols) - row);
    if (afterCopy)
      matching += best >= 1 && best < i && tokens[static_cast<size_t>(best - 1)] == tokens[static_cast<size_t>(i)];
    else
      matching += best == i - 1;
  }
  return std::to_string(matching) + " of " + std::to_string(std::max(m.rows - 1, 0)) + " rows";
}

void drawMap(AppState& app, const core::Matrix& weights, const std::vector<int>& tokens, const char* title,
             const std::string& id, float cell) {
  textLine(app, title);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float label = ImGui::CalcTextSize("M").x + px(app, 8);
  const float lineHeight = ImGui::GetTextLineHeight();
  const ImU32 faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (int j = 0; j < weights.cols; ++j) {
    const std::string t = tokenLetter(tokens[static_cast<size_t>(j)]);
    draw->AddText(
        ImVec2(start.x + label + (static_cast<float>(j) + 0.5f) * cell - ImGui::CalcTextSize(t.c_str()).x / 2, start.y),
        faint, t.c_str());
  }
  const ImVec2 origin(start.x + label, start.y + lineHeight + px(app, 2));
  for (int i = 0; i < weights.rows; ++i) {
    const std::string t = tokenLetter(tokens[static_cast<size_t>(i)]);
    draw->AddText(ImVec2(start.x, origin.y + (static_cast<float>(i) + 0.5f) * cell - lineHeight / 2),
                  ImGui::GetColorU32(ImGuiCol_Text), t.c_str());
    for (int j = 0; j < weights.cols; ++j) {
      const ImVec2 a(origin.x + static_cast<float>(j) * cell, origin.y + static_cast<float>(i) * cell);
      const ImU32 fill = j > i ? kMaskedFill : ImGui::GetColorU32(colormap(weights.at(i, j)));
      draw->AddRectFilled(a, ImVec2(a.x + cell - 1, a.y + cell - 1), fill);
    }
  }
  const ImVec2 size(cell * static_cast<float>(weights.cols), cell * static_cast<float>(weights.rows));
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton(id.c_str(), size);
  if (ImGui::IsItemHovered()) {
    const ImVec2 mouse = ImGui::GetMousePos();
    const int i = std::clamp(static_cast<int>((mouse.y - origin.y) / cell), 0, weights.rows - 1);
    const int j = std::clamp(static_cast<int>((mouse.x - origin.x) / cell), 0, weights.cols - 1);
    ImGui::SetTooltip("position %d (%s) on position %d (%s): weight %s", i + 1,
                      tokenLetter(tokens[static_cast<size_t>(i)]).c_str(), j + 1,
                      tokenLetter(tokens[static_cast<size_t>(j)]).c_str(), formatNumber(weights.at(i, j)).c_str());
  }
  registerItem(
      app, id,
      [&] {
        std::string spoken = std::string(title) + ", on your sequence: top weight one position back in " +
                             mapSummary(weights, tokens, false);
        if (id != "train-map[0]")
          spoken += "; just after an earlier copy of the current letter in " + mapSummary(weights, tokens, true);
        return spoken + ".";
      },
      Role::Picture);
}

// What the model says at the last position, as a learner would read it; above the maps, so
// the answer is in view without scrolling.
void drawGuess(AppState& app) {
  const TrainingLab& lab = app.view.training;
  if (lab.predicted.empty()) return;
  std::string sequence;
  for (int t : lab.probe) sequence += tokenLetter(t) + " ";
  const std::string guess = tokenLetter(lab.predicted.back()) + " (" +
                            std::to_string(static_cast<int>(std::lround(100 * lab.confidence.back()))) + "%)";
  const TaskWords& words = wordsFor(lab.task);
  std::string line = words.guessLead + sequence + words.guessMiddle + guess + words.guessEnd;
  // Induction copies what followed an earlier copy of the last letter; without one, nothing
  // in the sequence can be copied.
  const int last = lab.probe.back();
  if (words.copies && std::find(lab.probe.begin(), lab.probe.end() - 1, last) == lab.probe.end() - 1)
    line += " " + tokenLetter(last) + " has not come before, so there is nothing to copy: a guess without grounds.";
  if (lab.stepsDone == 0) line += " The weights are still random, so is the guess.";
  paragraph(app, line);
}

void drawMapsAndGuesses(AppState& app) {
  TrainingLab& lab = app.view.training;
  ImGui::TextUnformatted("Run the model on:");  // said by the field's name
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(px(app, 260), visibleRight() - ImGui::GetCursorPosX()));
  if (ImGui::InputText("##probe", lab.probeText, sizeof lab.probeText)) readProbe(lab);
  registerItem(
      app, "train-probe", [&] { return std::string("Sequence to run the model on, text field: ") + lab.probeText; },
      Role::TextField);
  // Or pick one: repeats of different lengths, and one with no repeat at all.
  static const char* const examples[] = {"A B C D A B C", "H E L P H E L", "K I N G K I N", "M N O P J"};
  ImGui::TextDisabled("Or pick:");  // said by the buttons
  for (size_t k = 0; k < sizeof examples / sizeof examples[0]; ++k) {
    sameLineIfFits(buttonWidth(app, examples[k]));
    if (smallButton(app, examples[k])) {
      std::snprintf(lab.probeText, sizeof lab.probeText, "%s", examples[k]);
      readProbe(lab);
    }
    registerItem(app, "train-example[" + std::to_string(k) + "]",
                 [&] { return std::string("Run the model on ") + examples[k] + ", button"; });
  }
  // A sequence that cannot be read shows only why: no maps or guess of an older one.
  if (!lab.probeError.empty()) {
    colouredParagraph(app, kError, lab.probeError);
    return;
  }
  // A new sequence (typed, picked, or edited while a request was under way) is run as soon as
  // the trainer is free: the one place that asks for it.
  if (lab.phase == TrainingLab::Phase::Ready && lab.shownProbe != lab.probe) request(app, 0, false);
  if (lab.maps.empty() || lab.shownProbe != lab.probe || lab.maps[0].rows != static_cast<int>(lab.probe.size())) return;
  drawGuess(app);
  const int n = static_cast<int>(lab.probe.size());
  const float label = ImGui::CalcTextSize("M").x + px(app, 8);
  const float available = visibleWidth();
  const int count = static_cast<int>(lab.maps.size());
  const bool beside = count > 1 && available > px(app, 520);
  const float mapWidth = beside ? (available - px(app, 24)) / 2 : available;
  const float cell = std::clamp((mapWidth - label) / static_cast<float>(n), px(app, 12), px(app, 30));
  static const char* const titles[] = {"Layer 1: where each position looks", "Layer 2: where each position looks"};
  for (int l = 0; l < count; ++l) {
    if (l > 0 && beside) ImGui::SameLine(0, px(app, 24));
    ImGui::BeginGroup();
    drawMap(app, lab.maps[static_cast<size_t>(l)], lab.probe, titles[std::min(l, 1)],
            "train-map[" + std::to_string(l) + "]", cell);
    ImGui::EndGroup();
  }
  note(app,
       "Rows: positions looking. Columns: positions looked at. Grey: later positions, which a causal mask hides "
       "from both models.");
  paragraph(app, wordsFor(lab.task).lookFor);
}

}  // namespace

std::string tokenLetter(int token) { return std::string(1, static_cast<char>('A' + token)); }

std::string parseTrainingTokens(const std::string& text, int vocabulary, int maxLength, std::vector<int>& tokens) {
  std::vector<int> parsed;
  for (char c : text) {
    if (c == ' ' || c == ',') continue;
    const int token = std::toupper(static_cast<unsigned char>(c)) - 'A';
    if (token < 0 || token >= vocabulary)
      return std::string("Use only the letters A to ") + tokenLetter(vocabulary - 1) +
             " (spaces between them are optional).";
    parsed.push_back(token);
  }
  if (parsed.empty()) return "Type a few letters, such as A B C D A B C.";
  if (static_cast<int>(parsed.size()) > maxLength)
    return "At most " + std::to_string(maxLength) + " letters: the model has positions for no more.";
  tokens = parsed;
  return {};
}

void trainingProgress(AppState& app, int requestId, const TrainingProgress& progress) {
  TrainingLab& lab = app.view.training;
  if (requestId != lab.request) return;
  lab.losses.insert(lab.losses.end(), progress.newLosses.begin(), progress.newLosses.end());
  lab.stepsDone = progress.stepsDone;
  lab.metric = progress.metric, lab.accuracy = progress.accuracy;
  if (lab.metricCurve.empty() || lab.metricCurve.back().first != progress.stepsDone)
    lab.metricCurve.emplace_back(progress.stepsDone, progress.metric);
  if (!progress.maps.empty()) {
    lab.shownProbe = lab.requestedProbe;
    lab.maps = progress.maps;
    lab.predicted = progress.predicted;
    lab.confidence = progress.confidence;
  }
}

void trainingFinished(AppState& app, int requestId, const TrainingProgress& last, const std::string& error) {
  TrainingLab& lab = app.view.training;
  if (requestId != lab.request) return;
  if (!error.empty()) {
    lab.phase = TrainingLab::Phase::Failed;
    lab.message = "Training stopped: " + error;
    return;
  }
  trainingProgress(app, requestId, last);
  if (last.maps.empty()) lab.maps.clear();  // nothing shown rather than another sequence's maps
  lab.shownProbe = lab.requestedProbe;      // answered, with or without a run: not asked again
  lab.phase = TrainingLab::Phase::Ready;
  lab.stopping = false;
  if (lab.pauseFocused) lab.focusNext = TrainingLab::FocusNext::Train;
}

void drawLearning(AppState& app) {
  TrainingLab& lab = app.view.training;
  if (lab.learningRate <= 0) startTask(app, lab.task);  // the first visit: an untrained model to look at
  sectionHeading(app, "Train it here");
  drawTaskChoice(app);
  drawButtons(app);
  ImGui::Spacing();
  // On a narrow screen the maps come right under the buttons, so Train and the heads forming
  // fit on one screen; the curves follow.
  const bool narrow = visibleWidth() < px(app, 520);
  if (!narrow) {
    drawCurves(app);
    ImGui::Spacing();
  }
  drawMapsAndGuesses(app);
  if (narrow) {
    ImGui::Spacing();
    drawCurves(app);
  }
}

}  // namespace ui
