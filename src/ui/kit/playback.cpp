// playback.cpp: the Play animation's clock.
#include "ui/kit/playback.h"

#include <algorithm>
#include <cmath>

#include "ui/kit/widgets.h"

namespace ui {

namespace {

constexpr double kSecondsPerKey = 0.7;

double durationFor(const AppState& app) {
  const double keys = static_cast<double>(app.session().lesson().tokens.size());
  return std::clamp(keys * kSecondsPerKey, 2.0, 8.0);
}

}  // namespace

float playbackProgress(AppState& app, lesson::Animation animation) {
  Playback& playback = app.view.playback;
  if (playback.animation == lesson::Animation::None || playback.animation != animation) return -1.0f;
  if (playback.step != app.session().lesson().step || playback.query != app.session().lesson().selected) {
    playback.animation = lesson::Animation::None;  // the learner moved on: the views show the whole step again
    return -1.0f;
  }
  const double t = (ImGui::GetTime() - playback.startedAt) / durationFor(app);
  if (t >= 1.0) {
    playback.animation = lesson::Animation::None;
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

}  // namespace ui
