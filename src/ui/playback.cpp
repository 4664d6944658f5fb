// playback.cpp: the Play animation's clock and its button.
#include "ui/playback.h"

#include <algorithm>
#include <cmath>

#include "ui/widgets.h"

namespace ui {

namespace {

constexpr double kSecondsPerKey = 0.7;

double durationFor(const AppState& app) {
  const double keys = static_cast<double>(app.session.lesson.tokens.size());
  return std::clamp(keys * kSecondsPerKey, 2.0, 8.0);
}

const char* whatPlays(const std::string& stepId) {
  if (stepId == "scores") return "Play: the query meets each key in turn.";
  if (stepId == "softmax") return "Play: exp(s - max), then divide by the sum.";
  if (stepId == "weighted-sum") return "Play: each value, times its weight, joins the output.";
  return "Play: the step, one piece at a time.";
}

}  // namespace

float playbackProgress(AppState& app) {
  Playback& playback = app.view.playback;
  if (playback.stepId.empty()) return -1.0f;
  const auto& step = lesson::tourSteps()[static_cast<size_t>(app.session.lesson.step)];
  if (playback.stepId != step.id || playback.query != app.session.lesson.selected) {
    playback.stepId.clear();  // the learner moved on: the views show the whole step again
    return -1.0f;
  }
  const double t = (ImGui::GetTime() - playback.startedAt) / durationFor(app);
  if (t >= 1.0) {
    playback.stepId.clear();
    return -1.0f;
  }
  app.animating = true;
  return static_cast<float>(std::max(0.0, t));
}

Reveal revealed(float progress, int count) {
  if (progress < 0 || count <= 0) return {count, 1.0f};
  const float position = progress * static_cast<float>(count);
  const int shown = std::min(count, static_cast<int>(position) + 1);
  return {shown, std::clamp(position - static_cast<float>(shown - 1), 0.0f, 1.0f)};
}

void drawPlayButton(AppState& app) {
  const auto& step = lesson::tourSteps()[static_cast<size_t>(app.session.lesson.step)];
  const bool playing = playbackProgress(app) >= 0;
  ImGui::BeginDisabled(playing);
  if (ImGui::Button(playing ? "Playing..." : "Play")) {
    if (app.view.prefs.reducedMotion) {
      app.view.playback.stepId.clear();  // reduced motion: the end state, which is already shown
    } else {
      app.view.playback = {step.id, app.session.lesson.selected, ImGui::GetTime()};
      app.animating = true;
    }
  }
  ImGui::EndDisabled();
  registerItem(app, "play", [&] { return std::string(whatPlays(step.id)) + " Button"; });
  ImGui::SameLine();
  ImGui::PushTextWrapPos(visibleRight());
  ImGui::TextDisabled(
      "%s", app.view.prefs.reducedMotion ? "Reduced motion is on: the end state is shown." : whatPlays(step.id));
  ImGui::PopTextWrapPos();
}

}  // namespace ui
