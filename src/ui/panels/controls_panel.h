// controls_panel.h: presets, scale / temperature / mask, the sentence, sizes, random vectors.
#pragma once

#include <optional>
#include <string>

#include "ui/app_state.h"

namespace ui {

void drawControls(AppState& app);
// What a stepper shows and says: its visible label, its widget id (the buttons add "-minus"
// and "-plus"), its spoken name, and optionally what its buttons say.
struct StepperNames {
  const char* label;
  const char* widgetId;
  const char* spoken;
  const char* fewerSpoken = nullptr;  // default: "Decrease <spoken> by one, button"
  const char* moreSpoken = nullptr;   // default: "Increase <spoken> by one, button"
};
// A number field with its own - and + buttons, each a Tab stop (the buttons of ImGui's
// InputInt are not). Returns the value asked for: typed, or one less or more. `low` and `high`
// bound the buttons and are the field's range for a screen reader; `fewer` and `more` turn a
// button off inside them (heads must divide d_k).
std::optional<int> drawStepper(AppState& app, const StepperNames& names, int value, int low, int high,
                               bool fewer = true, bool more = true);
// How wide drawStepper draws, to put two on a line only where both fit.
float stepperWidth(const AppState& app, const StepperNames& names);
// The heads count, stepping only through counts that divide d_k and d_v.
void drawHeadsInput(AppState& app, const char* widgetId);
// "Divide by √d_k" and the temperature; `idPrefix` starts their widget ids ("" in the settings).
void drawScaleControls(AppState& app, const char* idPrefix);
// None, causal or a sliding window, and for the window its width W and global tokens G.
// `idPrefix` keeps the ids of a second copy (on the sparse step) apart from the settings'.
// `windowGlobal`: the global tokens the window option starts with (the mask step, which has
// not met them yet, uses none).
void drawMaskControls(AppState& app, const char* idPrefix, int windowGlobal = 1);

}  // namespace ui
