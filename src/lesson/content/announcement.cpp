// announcement.cpp: a change of the lesson said by its effect, compared with what was said last.
#include "lesson/content/announcement.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "lesson/content/narration.h"
#include "lesson/content/steps.h"
#include "lesson/model/prediction.h"
#include "text/decimals.h"
#include "text/join.h"

namespace lesson {

namespace {

// At most this many changed numbers are named; the rest are counted.
constexpr int kNamedChanges = 4;

std::string quoted(const std::string& token) { return "\"" + token + "\""; }

bool sameShape(const core::Matrix& a, const core::Matrix& b) { return a.rows == b.rows && a.cols == b.cols; }

// Two numbers the learner would hear differently (each said with two decimals).
bool heardApart(float a, float b) { return text::fixedDecimals(a) != text::fixedDecimals(b); }

// The step's question and what the learner did with it (nullptr for either when there is none).
struct StepPrediction {
  const PredictionQuestion* question = nullptr;
  const Prediction* made = nullptr;
};

StepPrediction predictionAt(const LessonState& state, const Progress& progress) {
  const std::string id(tourStep(state.step).id);
  const auto found = progress.predictions.find(id);
  return {predictionQuestion(id), found == progress.predictions.end() ? nullptr : &found->second};
}

// The step asks for a guess not yet made or skipped: its answer stays unsaid, as it stays undrawn.
bool answerHidden(const StepPrediction& p) { return p.question && !(p.made && (p.made->guessed || p.made->skipped)); }

// The guess's result line on a step that asked for one and got it ("" otherwise).
std::string feedbackOf(const StepPrediction& p, const LessonState& state, const LessonTrace& trace) {
  if (!p.question || !p.made || !p.made->guessed) return "";
  return guessFeedback(p.question->kind, state, trace, p.made->guess);
}

// "The weights of "bank" that changed: "river" 0.41 (was 0.35), "The" 0.20 (was 0.25). "bank" gives its
// largest weight, 0.41, to "river"." The selected row when it moved, else the row that moved most.
std::string weightsMoved(const LessonState& state, const core::Matrix& before, const core::Matrix& after,
                         bool severalHeads) {
  int row = -1;
  float most = 0.0f;
  for (int i = 0; i < after.rows; ++i)
    for (int j = 0; j < after.cols; ++j)
      if (heardApart(before.at(i, j), after.at(i, j))) {
        const float moved = std::fabs(after.at(i, j) - before.at(i, j));
        if (row < 0 || (i == state.selected && row != state.selected) || (row != state.selected && moved > most))
          row = i, most = moved;
      }
  if (row < 0) return "";
  std::string text = "The weights of " + quoted(state.tokens[static_cast<size_t>(row)]) +
                     (severalHeads ? " in head 1" : "") + " that changed:";
  // The keys whose weight moved most first: the few named are the ones that matter.
  std::vector<int> changed;
  for (int j = 0; j < after.cols; ++j)
    if (heardApart(before.at(row, j), after.at(row, j))) changed.push_back(j);
  const auto moved = [&](int j) { return std::fabs(after.at(row, j) - before.at(row, j)); };
  // An insertion sort, stable, of a handful of keys (std::stable_sort would add kilobytes to the page).
  for (size_t k = 1; k < changed.size(); ++k)
    for (size_t m = k; m > 0 && moved(changed[m]) > moved(changed[m - 1]); --m) std::swap(changed[m], changed[m - 1]);
  const size_t named = std::min(changed.size(), static_cast<size_t>(kNamedChanges));
  for (size_t k = 0; k < named; ++k) {
    const int j = changed[k];
    text += std::string(k > 0 ? "," : "") + " " + quoted(state.tokens[static_cast<size_t>(j)]) + " " +
            text::fixedDecimals(after.at(row, j)) + " (was " + text::fixedDecimals(before.at(row, j)) + ")";
  }
  if (changed.size() > named) text += ", and " + std::to_string(changed.size() - named) + " more that moved less";
  return text + ". " + largestWeight(state, after, row);
}

// "The output of "bank" now: 0.12, 0.40 (was 0.10, 0.40)." for the selected row.
std::string outputMoved(const LessonState& state, const core::Matrix& before, const core::Matrix& after) {
  const int row = state.selected;
  if (row < 0 || row >= after.rows) return "";
  bool moved = false;
  for (int j = 0; j < after.cols; ++j) moved = moved || heardApart(before.at(row, j), after.at(row, j));
  if (!moved) return "";
  std::string now, was;
  for (int j = 0; j < after.cols; ++j) {
    now += std::string(j ? ", " : "") + text::fixedDecimals(after.at(row, j));
    was += std::string(j ? ", " : "") + text::fixedDecimals(before.at(row, j));
  }
  return "The weights did not move; the output of " + quoted(state.tokens[static_cast<size_t>(row)]) + " now: " + now +
         " (was " + was + ").";
}

void remember(Announced& last, const LessonState& state, const LessonTrace& trace, std::string feedback,
              std::string picture) {
  last.step = state.step;
  last.selected = state.selected;
  last.heads = state.heads;
  last.tokens = state.tokens;
  last.ok = trace.ok;
  last.weights = trace.ok ? trace.attention.heads.front().weights : core::Matrix();
  last.output = trace.ok ? trace.attention.output : core::Matrix();
  last.notice = state.notice;
  last.feedback = std::move(feedback);
  last.picture = std::move(picture);
}

}  // namespace

std::string announceChange(Announced& last, const LessonState& state, const LessonTrace& trace,
                           const Progress& progress) {
  const TourStep& step = tourStep(state.step);
  const StepPrediction prediction = predictionAt(state, progress);
  const bool hidden = answerHidden(prediction);
  std::string feedback = trace.ok ? feedbackOf(prediction, state, trace) : "";
  // The picture in words where the step shows no worked numbers (the translation's alignment,
  // the drawings); on the other steps the numbers below say it.
  std::string picture = !step.workedNumbers && trace.ok && !hidden ? describePicture(state, trace) : "";
  std::vector<std::string> said;
  const bool newStep = state.step != last.step;
  if (newStep) said.push_back(stepHeading(state));
  if (!state.notice.empty() && (newStep || state.notice != last.notice)) said.push_back("Notice: " + state.notice);
  if (!trace.ok) {
    if (newStep || last.ok) said.push_back("This state cannot be computed: " + trace.error);
  } else if (!newStep) {
    if (!feedback.empty() && feedback != last.feedback) said.push_back(feedback);
    const auto& weights = trace.attention.heads.front().weights;
    if (hidden) {
      // Nothing of the answer: the guess comes first.
    } else if (!step.workedNumbers) {
      if (picture != last.picture && !picture.empty()) said.push_back(picture);
    } else if (!last.ok || state.tokens != last.tokens || state.heads != last.heads ||
               !sameShape(weights, last.weights) || state.selected != last.selected) {
      const std::string numbers = numbersInWords(state, trace);
      if (!numbers.empty()) said.push_back(numbers.substr(1));
    } else if (const std::string moved = weightsMoved(state, last.weights, weights, state.heads > 1); !moved.empty()) {
      said.push_back(moved);
    } else if (sameShape(trace.attention.output, last.output)) {
      if (const std::string output = outputMoved(state, last.output, trace.attention.output); !output.empty())
        said.push_back(output);
    }
  }
  remember(last, state, trace, std::move(feedback), std::move(picture));
  std::string text;
  for (const std::string& sentence : said) text += (text.empty() ? "" : " ") + sentence;
  return text;
}

}  // namespace lesson
