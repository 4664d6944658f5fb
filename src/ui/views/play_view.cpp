// play_view.cpp: the "play" view: the Play button of a step whose record names an animation
// (lesson::StepPlay), and the words saying what it will show. The clock is kit/playback.h.
#include "ui/kit/playback.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawPlayButton(AppState& app) {
  const lesson::StepPlay& play = lesson::tourStep(app.session().lesson().step).play;
  if (play.animation == lesson::Animation::None) return;  // a step that lists "play" with nothing to play
  const bool playing = playbackProgress(app, play.animation) >= 0;
  ImGui::BeginDisabled(playing);
  if (button(app, playing ? "Playing...###play" : "Play###play")) {
    if (app.view.prefs.reducedMotion) {
      app.view.playback.animation = lesson::Animation::None;  // reduced motion: the end state, already shown
    } else {
      app.view.playback = {play.animation, app.session().lesson().step, app.session().lesson().selected,
                           ImGui::GetTime()};
      app.animating = true;
    }
  }
  ImGui::EndDisabled();
  registerItem(app, "play", [&] { return std::string(play.words) + ", button"; });
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  note(app, app.view.prefs.reducedMotion ? "Reduced motion is on: the end state is shown." : play.words);
}

}  // namespace ui
