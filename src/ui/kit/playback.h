// playback.h: the Play animation of a step, for the selected query: on the scores step the
// query meets each key in turn, on the softmax step the scores become weights, on the
// weighted-sum step the values add up to the output: the step's record says which
// (lesson::StepPlay). Each view asks how far its own animation has got.
#pragma once

#include "ui/app_state.h"

namespace ui {

// How far `animation` has got on the current step, from 0 to 1, or -1 when it is not playing
// (it stops when it ends, or when the step or the query changes). While it plays, each frame
// asks for the next one; when it ends the page is idle again.
float playbackProgress(AppState& app, lesson::Animation animation);
// Of `count` items revealed one after another over the animation, how many are out so far
// (at least 1) and how far the newest one is (0..1).
struct Reveal {
  int shown = 0;
  float newest = 1;
};
Reveal revealed(float progress, int count);

}  // namespace ui
