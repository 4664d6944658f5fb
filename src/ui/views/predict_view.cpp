// predict_view.cpp: predict, then see. On a step with a question (lesson/model/prediction.h)
// the learner first commits a guess by clicking or dragging: which key wins, which keys a
// causal mask leaves, the shape of a weight row, where the output lands. Until then the step
// shows the question alone (screen.cpp asks awaitingGuess); afterwards the guess is drawn
// beside the truth, with the one line of feedback the lesson computes.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/few_sort.h"
#include "lesson/model/actions.h"
#include "lesson/model/value_change.h"
#include "text/decimals.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/focus.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

using lesson::GuessKind;

const lesson::PredictionQuestion* questionHere(const AppState& app) {
  return lesson::predictionQuestion(std::string(lesson::tourStep(app.session().lesson().step).id));
}

const lesson::Prediction* madeHere(const AppState& app, const lesson::PredictionQuestion& question) {
  const auto& made = app.session().progress().predictions;
  const auto found = made.find(question.stepId);
  return found == made.end() ? nullptr : &found->second;
}

int tokenCount(const AppState& app) { return static_cast<int>(app.session().lesson().tokens.size()); }

// The guess being made, started afresh for a new step, query or sentence length.
std::vector<float>& draftFor(AppState& app, const lesson::PredictionQuestion& question) {
  auto& draft = app.view.guessDraft;
  const int query = app.session().lesson().selected, n = tokenCount(app);
  const auto& trace = app.session().trace();
  const size_t expected = question.kind == GuessKind::TopKey           ? 0
                          : question.kind == GuessKind::OutputPosition ? 2
                                                                       : static_cast<size_t>(n);
  // The output guess is about one value column: a new draft when the settings change which.
  const bool columnStale = question.kind == GuessKind::OutputPosition && draft.values.size() == 2 &&
                           static_cast<int>(draft.values[0]) != lesson::outputGuessColumn(trace, query);
  if (draft.stepId == question.stepId && draft.query == query && draft.values.size() == expected && !columnStale)
    return draft.values;
  draft.stepId = question.stepId;
  draft.query = query;
  draft.values.assign(expected, 0.0f);
  if (question.kind == GuessKind::WeightRow) draft.values.assign(expected, 0.3f);
  if (question.kind == GuessKind::OutputPosition) {
    const int column = lesson::outputGuessColumn(trace, query);
    draft.values = {static_cast<float>(column), 0.0f};
  }
  return draft.values;
}

// The id of the answer's "Guess again" button, which takes the keyboard from a guess's controls
// as they go (the button just pressed among them), and hands it back to the first of them.
constexpr const char* kAgainId = "predict-again";

std::string firstGuessControl(GuessKind kind) {
  switch (kind) {
    case GuessKind::TopKey:
    case GuessKind::VisibleKeys:
      return "predict-key[0]";
    case GuessKind::WeightRow:
      return "predict-bar[0]";
    case GuessKind::OutputPosition:
      return "predict-marker";
  }
  return "";
}

// Called right after the button that commits was pressed.
void commit(AppState& app, const lesson::PredictionQuestion& question, std::vector<float> values) {
  queue(app, lesson::actions::Predict{question.stepId, {app.session().lesson().selected, std::move(values)}});
  app.view.guessDraft.again.clear();
  handKeyboardTo(app, kAgainId);
}

std::string weightText(float w) { return text::fixedDecimals(w); }

// Which key wins: one button per token; a click is the guess.
void drawTopKeyChoice(AppState& app, const lesson::PredictionQuestion& question) {
  const auto& tokens = app.session().lesson().tokens;
  for (int j = 0; j < tokenCount(app); ++j) {
    if (j > 0) sameLineIfFits(buttonWidth(app, tokens[static_cast<size_t>(j)].c_str()), px(app, 6));
    ImGui::PushID(j);
    if (button(app, tokens[static_cast<size_t>(j)].c_str())) commit(app, question, {static_cast<float>(j)});
    registerItem(app, "predict-key[" + std::to_string(j) + "]",
                 [&] { return "Guess " + inQuotes(tokens[static_cast<size_t>(j)]) + ", button"; });
    ImGui::PopID();
  }
}

// Which keys stay visible: one toggle per token, then Check.
void drawVisibleKeysChoice(AppState& app, const lesson::PredictionQuestion& question) {
  std::vector<float>& picks = draftFor(app, question);
  const auto& tokens = app.session().lesson().tokens;
  for (int j = 0; j < tokenCount(app); ++j) {
    if (j > 0) sameLineIfFits(buttonWidth(app, tokens[static_cast<size_t>(j)].c_str()), px(app, 6));
    ImGui::PushID(j);
    const bool on = picks[static_cast<size_t>(j)] > 0.5f;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, kAccentSoft);
    if (button(app, tokens[static_cast<size_t>(j)].c_str())) picks[static_cast<size_t>(j)] = on ? 0.0f : 1.0f;
    if (on) ImGui::PopStyleColor();
    registerItem(
        app, "predict-key[" + std::to_string(j) + "]",
        [&] {
          return inQuotes(tokens[static_cast<size_t>(j)]) + (on ? ", picked as seen" : ", not picked") +
                 ", toggle button";
        },
        Role::Toggle, on);
    ImGui::PopID();
  }
}

struct Bars {
  ImVec2 origin;  // bottom left
  float slot = 0, height = 0;
};

// Each key's share of the width: up to 56 px, narrower to fit the column, never narrower than a
// finger on a touch screen (the bars' box scrolls sideways then).
float barSlot(AppState& app, int n) {
  const float slot = std::min(px(app, 56), (visibleWidth() - px(app, 8)) / static_cast<float>(std::max(n, 1)));
  return touchSize(app, ImVec2(slot - px(app, 2), 0)).x + px(app, 2);
}

float barsWidth(AppState& app, int n) { return barSlot(app, n) * static_cast<float>(n); }

Bars barArea(AppState& app, int n) {
  Bars bars;
  bars.slot = barSlot(app, n);
  bars.height = px(app, 110);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  bars.origin = ImVec2(top.x, top.y + bars.height);
  return bars;
}

// Token names (and a line under each, such as its score) below the bars.
void drawBarLabels(AppState& app, const Bars& bars, const std::vector<std::string>& under) {
  const auto& tokens = app.session().lesson().tokens;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  for (int j = 0; j < tokenCount(app); ++j) {
    const float left = bars.origin.x + bars.slot * static_cast<float>(j);
    const std::string name = fitLabel(tokens[static_cast<size_t>(j)], bars.slot - px(app, 4));
    const float w = ImGui::CalcTextSize(name.c_str()).x;
    draw->AddText(ImVec2(left + (bars.slot - w) * 0.5f, bars.origin.y + px(app, 4)), kInkOnLight, name.c_str());
    if (!under.empty()) {
      const std::string& text = under[static_cast<size_t>(j)];
      const float tw = ImGui::CalcTextSize(text.c_str()).x;
      draw->AddText(ImVec2(left + (bars.slot - tw) * 0.5f, bars.origin.y + px(app, 4) + line),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), text.c_str());
    }
  }
  ImGui::Dummy(ImVec2(bars.slot * static_cast<float>(tokenCount(app)),
                      bars.height + px(app, 8) + line * (under.empty() ? 1.0f : 2.0f)));
}

std::vector<std::string> scoresUnder(const AppState& app) {
  const auto& head = app.session().trace().attention.heads.front();
  std::vector<std::string> under;
  for (int j = 0; j < tokenCount(app); ++j) {
    const float s = head.maskedScores.at(app.session().lesson().selected, j);
    under.push_back(std::isinf(s) ? "hid." : text::fixedDecimals(s));
  }
  return under;
}

// The weight row: a bar per key to drag up or down (or the arrow keys), then Check.
void drawWeightRowChoice(AppState& app, const lesson::PredictionQuestion& question) {
  std::vector<float>& bars = draftFor(app, question);
  const std::vector<std::string> scores = scoresUnder(app);  // drawn under the bars, said with each
  {
    const WideBox box(app, "guess-bars", barsWidth(app, tokenCount(app)));
    const Bars area = barArea(app, tokenCount(app));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto& tokens = app.session().lesson().tokens;
    for (int j = 0; j < tokenCount(app); ++j) {
      float& value = bars[static_cast<size_t>(j)];
      const float left = area.origin.x + area.slot * static_cast<float>(j);
      ImGui::SetCursorScreenPos(ImVec2(left, area.origin.y - area.height));
      ImGui::PushID(j);
      ImGui::InvisibleButton("##bar", ImVec2(area.slot - px(app, 2), area.height));
      if (ImGui::IsItemActive())
        value = std::clamp((area.origin.y - ImGui::GetIO().MousePos.y) / area.height, 0.0f, 1.0f);
      if (ImGui::IsItemFocused())
        if (const ArrowPresses arrows = takeArrowKeys(app); arrows.ends != 0)
          value = arrows.ends < 0 ? 0.0f : 1.0f;
        else if (arrows.y != 0 || arrows.x != 0)
          value = std::clamp(value + 0.05f * static_cast<float>(arrows.y + arrows.x), 0.0f,  // up and right raise it
                             1.0f);
      registerItem(app, "predict-bar[" + std::to_string(j) + "]",
                   [&] {
                     const std::string& score = scores[static_cast<size_t>(j)];
                     return "Your guess for " + inQuotes(tokens[static_cast<size_t>(j)]) + " (scaled score " +
                            (score == "hid." ? std::string("hidden by the mask") : score) + "), bar, " +
                            spokenNumber(value) + ": drag it or use the arrow keys";
                   },
                   Role::Slider, false, value, {0.0f, 1.0f});
      ImGui::PopID();
      const ImVec2 top(left + px(app, 4), area.origin.y - value * area.height);
      draw->AddRectFilled(top, ImVec2(left + area.slot - px(app, 8), area.origin.y), withOpacity(kTourBlue, 0.55f));
      draw->AddRect(ImVec2(left + px(app, 2), area.origin.y - area.height),
                    ImVec2(left + area.slot - px(app, 6), area.origin.y), kChartGrid);
    }
    ImGui::SetCursorScreenPos(ImVec2(area.origin.x, area.origin.y - area.height));
    drawBarLabels(app, area, scores);
  }
  const bool anyHidden = std::find(scores.begin(), scores.end(), "hid.") != scores.end();
  note(app, std::string("under each bar: its key's scaled score") +
                (app.session().trace().attention.heads.size() > 1 ? " in head 1" : "") +
                (anyHidden ? " (hid.: hidden by the mask)" : ""));
}

struct Line {
  float left = 0, right = 0, y = 0;
  float low = 0, high = 1;
  float toX(float v) const { return left + (v - low) / (high - low) * (right - left); }
  float toValue(float x) const { return low + (x - left) / (right - left) * (high - low); }
};

// The value column as a number line: a tick per value with its token and weight.
Line drawValueLine(AppState& app, int column, int query) {
  const auto& trace = app.session().trace();
  const auto& V = trace.attention.V;
  // The weights of the head whose output this column is.
  const auto& heads = trace.attention.heads;
  const int perHead = std::max(1, V.cols / static_cast<int>(heads.size()));
  const auto& weights =
      heads[static_cast<size_t>(std::min(column / perHead, static_cast<int>(heads.size()) - 1))].weights;
  Line line;
  line.low = 0, line.high = 0;
  for (int j = 0; j < V.rows; ++j) {
    line.low = std::min(line.low, V.at(j, column));
    line.high = std::max(line.high, V.at(j, column));
  }
  const float pad = std::max(0.1f, (line.high - line.low) * 0.1f);
  line.low -= pad, line.high += pad;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float textHeight = ImGui::GetTextLineHeight();
  line.left = at.x + px(app, 16);
  line.right = at.x + std::min(visibleWidth(), px(app, 620)) - px(app, 16);
  // Labels go on rows above the line, each on the first row where it does not overlap the one
  // before it: as many rows as the values need.
  std::vector<int> order(static_cast<size_t>(V.rows));
  for (int j = 0; j < V.rows; ++j) order[static_cast<size_t>(j)] = j;
  core::sortFew(order.begin(), order.end(), [&](int a, int b) { return V.at(a, column) < V.at(b, column); });
  std::vector<std::string> labels(static_cast<size_t>(V.rows));
  std::vector<float> starts(static_cast<size_t>(V.rows));
  std::vector<int> rowOf(static_cast<size_t>(V.rows));
  std::vector<float> rowEnd;
  for (int j : order) {
    const float x = line.toX(V.at(j, column));
    std::string& label = labels[static_cast<size_t>(j)];
    label = fitLabel(app.session().lesson().tokens[static_cast<size_t>(j)], px(app, 80)) + " " +
            weightText(weights.at(query, j));
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    const float start = std::clamp(x - w * 0.5f, at.x, line.right + px(app, 16) - w);
    size_t row = 0;
    while (row < rowEnd.size() && start < rowEnd[row] + px(app, 6)) ++row;
    if (row == rowEnd.size()) rowEnd.push_back(0);
    rowEnd[row] = start + w;
    starts[static_cast<size_t>(j)] = start;
    rowOf[static_cast<size_t>(j)] = static_cast<int>(row);
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  line.y = at.y + textHeight * static_cast<float>(rowEnd.size()) + px(app, 10);
  draw->AddLine(ImVec2(line.left, line.y), ImVec2(line.right, line.y), kRule, 1.5f);
  for (int j : order) {
    const float x = line.toX(V.at(j, column));
    const float labelY = line.y - px(app, 8) - textHeight * static_cast<float>(rowOf[static_cast<size_t>(j)] + 1);
    draw->AddLine(ImVec2(x, labelY + textHeight), ImVec2(x, line.y + px(app, 6)), kChartGrid, 1.0f);
    draw->AddText(ImVec2(starts[static_cast<size_t>(j)], labelY), kInkOnLight, labels[static_cast<size_t>(j)].c_str());
  }
  ImGui::Dummy(ImVec2(line.right - at.x + px(app, 16), line.y - at.y + px(app, 28)));
  return line;
}

// A marker on the line, its name `drop` text lines under it (0: right under).
void drawMarker(const Line& line, float value, ImU32 colour, bool filled, const char* name, float drop = 0) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 c(line.toX(std::clamp(value, line.low, line.high)), line.y);
  if (filled)
    draw->AddCircleFilled(c, 7.0f, colour);
  else
    draw->AddCircle(c, 8.0f, colour, 0, 3.0f);
  draw->AddText(ImVec2(c.x - ImGui::CalcTextSize(name).x * 0.5f, c.y + 10.0f + drop * ImGui::GetTextLineHeight()),
                colour, name);
}

// Where the output lands: a marker to drag along the value line (or the arrow keys), then Check.
void drawOutputChoice(AppState& app, const lesson::PredictionQuestion& question) {
  std::vector<float>& guess = draftFor(app, question);
  const int column = static_cast<int>(guess[0]);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const Line line = drawValueLine(app, column, app.session().lesson().selected);
  const ImVec2 end = ImGui::GetCursorScreenPos();
  const ImVec2 hit = touchSize(app, ImVec2(line.right - line.left + px(app, 20), px(app, 32)));
  ImGui::SetCursorScreenPos(ImVec2(line.left - px(app, 10), line.y - hit.y * 0.5f));
  ImGui::InvisibleButton("##marker", hit);
  if (ImGui::IsItemActive()) guess[1] = std::clamp(line.toValue(ImGui::GetIO().MousePos.x), line.low, line.high);
  if (ImGui::IsItemFocused())
    if (const ArrowPresses arrows = takeArrowKeys(app); arrows.ends != 0)
      guess[1] = arrows.ends < 0 ? line.low : line.high;
    else if (arrows.x != 0 || arrows.y != 0)
      guess[1] = std::clamp(guess[1] + (line.high - line.low) * 0.02f * static_cast<float>(arrows.x + arrows.y),
                            line.low, line.high);
  registerItem(app, "predict-marker",
               [&] {
                 return "Your guess for the output, slider, " + spokenNumber(guess[1]) +
                        ": drag it or use the arrow keys";
               },
               Role::Slider, false, guess[1], {line.low, line.high});
  drawMarker(line, guess[1], kTourBlue, false, "your guess");
  ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
}

// After the guess: the guess beside the truth.
void drawTopKeyReveal(AppState& app, const lesson::Prediction& made) {
  const auto tops = lesson::topKeys(app.session().trace(), made.guess.query);
  const int picked = made.guess.values.empty() ? -1 : static_cast<int>(made.guess.values[0]);
  const auto& tokens = app.session().lesson().tokens;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int j = 0; j < tokenCount(app); ++j) {
    const std::string& name = tokens[static_cast<size_t>(j)];
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    if (j > 0) sameLineIfFits(size.x + px(app, 12), px(app, 10));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 box(size.x + px(app, 12), size.y + px(app, 8));
    const bool top = std::find(tops.begin(), tops.end(), j) != tops.end();
    if (top) draw->AddRectFilled(p, ImVec2(p.x + box.x, p.y + box.y), kAccentFill, px(app, 4));
    if (j == picked) draw->AddRect(p, ImVec2(p.x + box.x, p.y + box.y), kTourBlue, px(app, 4), 0, 3.0f);
    draw->AddText(ImVec2(p.x + px(app, 6), p.y + px(app, 4)), top ? kInkOnDark : kInkOnLight, name.c_str());
    ImGui::Dummy(box);
  }
  note(app, "blue outline: your pick; orange: the highest score");
}

void drawVisibleKeysReveal(AppState& app, const lesson::Prediction& made) {
  const int n = tokenCount(app), query = made.guess.query;
  const bool fits = static_cast<int>(made.guess.values.size()) == n && query < n;
  if (!fits) return;  // made for another sentence: the feedback asks for a new guess
  {
    const float rowNamesWidth = ImGui::CalcTextSize("causal mask").x + px(app, 8);
    const WideBox box(app, "visible-keys", barsWidth(app, n) + rowNamesWidth);
    const Bars area = barArea(app, n);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float cell = std::min(area.slot, px(app, 40)) - px(app, 8);
    const float rowGap = cell + px(app, 6);
    const float top = ImGui::GetCursorScreenPos().y;
    const char* rowNames[] = {"your guess", "causal mask"};
    for (int row = 0; row < 2; ++row) {
      for (int j = 0; j < n; ++j) {
        const bool seen =
            row == 0 ? fits && made.guess.values[static_cast<size_t>(j)] > 0.5f : lesson::causallyVisible(query, j);
        const ImVec2 p(area.origin.x + area.slot * static_cast<float>(j) + (area.slot - cell) * 0.5f,
                       top + rowGap * static_cast<float>(row));
        const ImU32 colour = row == 0 ? kTourBlue : kAccentFill;
        if (seen)
          draw->AddRectFilled(p, ImVec2(p.x + cell, p.y + cell), colour, px(app, 3));
        else
          draw->AddRect(p, ImVec2(p.x + cell, p.y + cell), kChartGrid, px(app, 3), 0, 2.0f);
      }
      draw->AddText(ImVec2(area.origin.x + area.slot * static_cast<float>(n) + px(app, 6),
                           top + rowGap * static_cast<float>(row) + (cell - ImGui::GetTextLineHeight()) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_TextDisabled), rowNames[row]);
    }
    Bars labels = area;
    labels.origin.y = top + rowGap * 2.0f - px(app, 4);
    labels.height = 0;
    ImGui::SetCursorScreenPos(ImVec2(area.origin.x, top + rowGap * 2.0f));
    drawBarLabels(app, labels, {});
  }
  note(app, "filled: a key the query can see");
}

void drawWeightRowReveal(AppState& app, const lesson::Prediction& made) {
  const int n = tokenCount(app), query = made.guess.query;
  const bool fits = static_cast<int>(made.guess.values.size()) == n && query < n;
  if (!fits) return;  // made for another sentence: the feedback asks for a new guess
  {
    const WideBox box(app, "guess-and-weights", barsWidth(app, n));
    const Bars area = barArea(app, n);
    const auto& weights = app.session().trace().attention.heads.front().weights;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // Both rows on one scale, the tallest bar of either at the top, so their shapes compare.
    float tallest = 0.05f;
    for (int j = 0; j < n; ++j) {
      tallest = std::max(tallest, weights.at(query, j));
      if (fits) tallest = std::max(tallest, made.guess.values[static_cast<size_t>(j)]);
    }
    for (int j = 0; j < n; ++j) {
      const float left = area.origin.x + area.slot * static_cast<float>(j);
      const float half = (area.slot - px(app, 10)) * 0.5f;
      const float truth = weights.at(query, j) / tallest;
      if (fits) {
        const float guess = made.guess.values[static_cast<size_t>(j)] / tallest;
        draw->AddRectFilled(ImVec2(left + px(app, 4), area.origin.y - guess * area.height),
                            ImVec2(left + px(app, 4) + half, area.origin.y), withOpacity(kTourBlue, 0.55f));
      }
      draw->AddRectFilled(ImVec2(left + px(app, 6) + half, area.origin.y - truth * area.height),
                          ImVec2(left + px(app, 6) + 2 * half, area.origin.y), kAccentFill);
      draw->AddLine(ImVec2(left + px(app, 2), area.origin.y), ImVec2(left + area.slot - px(app, 2), area.origin.y),
                    kChartGrid);
    }
    std::vector<std::string> under;
    for (int j = 0; j < n; ++j) under.push_back(weightText(weights.at(query, j)));
    drawBarLabels(app, area, under);
  }
  note(app, "blue: your guess, scaled to add up to 1; orange and the numbers: the weights softmax gives");
}

void drawOutputReveal(AppState& app, const lesson::Prediction& made) {
  const auto& a = app.session().trace().attention;
  if (made.guess.values.size() != 2 || made.guess.values[0] >= static_cast<float>(a.V.cols) ||
      made.guess.query >= a.V.rows)
    return;
  const int column = static_cast<int>(made.guess.values[0]);
  const Line line = drawValueLine(app, column, made.guess.query);
  // The output's name right under the line, the guess's a line lower, so the two never overlap.
  drawMarker(line, a.concatenated.at(made.guess.query, column), kAccentFill, true, "output");
  drawMarker(line, made.guess.values[1], kTourBlue, false, "your guess", 1.0f);
  ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));
}

void drawGuessing(AppState& app, const lesson::PredictionQuestion& question) {
  const auto& state = app.session().lesson();
  paragraph(app, lesson::predictionPrompt(question.kind, state, app.session().trace(), state.selected));
  switch (question.kind) {
    case GuessKind::TopKey:
      drawTopKeyChoice(app, question);
      break;
    case GuessKind::VisibleKeys:
      drawVisibleKeysChoice(app, question);
      break;
    case GuessKind::WeightRow:
      drawWeightRowChoice(app, question);
      break;
    case GuessKind::OutputPosition:
      drawOutputChoice(app, question);
      break;
  }
  if (question.kind != GuessKind::TopKey) {
    if (button(app, "Check my guess")) commit(app, question, draftFor(app, question));
    registerItem(app, "predict-check", "Check my guess, button: shows the truth beside it");
    ImGui::SameLine();
  }
  if (button(app, "Skip: show me")) {
    queue(app, lesson::actions::SkipPrediction{question.stepId});
    app.view.guessDraft.again.clear();
    handKeyboardTo(app, kAgainId);
  }
  registerItem(app, "predict-skip", "Skip the guess and show the answer, button");
}

void drawRevealed(AppState& app, const lesson::PredictionQuestion& question, const lesson::Prediction& made) {
  const auto& state = app.session().lesson();
  if (made.guessed) {
    switch (question.kind) {
      case GuessKind::TopKey:
        drawTopKeyReveal(app, made);
        break;
      case GuessKind::VisibleKeys:
        drawVisibleKeysReveal(app, made);
        break;
      case GuessKind::WeightRow:
        drawWeightRowReveal(app, made);
        break;
      case GuessKind::OutputPosition:
        drawOutputReveal(app, made);
        break;
    }
    paragraph(app, lesson::guessFeedback(question.kind, state, app.session().trace(), made.guess));
  }
  if (smallButton(app, made.guessed ? "Guess again###again" : "Make a guess###again")) {
    app.view.guessDraft.again = question.stepId;
    handKeyboardTo(app, firstGuessControl(question.kind));
  }
  registerItem(app, kAgainId, [&] {
    return std::string(made.guessed ? "Guess again" : "Make a guess") + ", button: hides the answer until you guess";
  });
}

}  // namespace

bool awaitingGuess(const AppState& app) {
  const lesson::PredictionQuestion* question = questionHere(app);
  if (!question || !app.session().trace().ok) return false;
  if (app.view.guessDraft.again == question->stepId) return true;
  const lesson::Prediction* made = madeHere(app, *question);
  return !made || (!made->guessed && !made->skipped);
}

void drawPrediction(AppState& app) {
  const lesson::PredictionQuestion* question = questionHere(app);
  if (!question || !app.session().trace().ok) return;
  ImGui::PushID("predict");
  sectionHeading(app, "Predict, then see");
  if (awaitingGuess(app))
    drawGuessing(app, *question);
  else
    drawRevealed(app, *question, *madeHere(app, *question));
  ImGui::PopID();
  ImGui::Separator();
}

}  // namespace ui
