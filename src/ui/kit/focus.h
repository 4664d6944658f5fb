// focus.h: the focus registry and the keyboard. Every interactive item a view draws is
// registered here (for the page's widgets() and for Tab order); Tab and Shift+Tab walk the
// registered items, a grid's cells ("Q[1][2]") as one stop whose cells the arrows walk (Home and
// End: the row's ends); elsewhere Left/Right/Home/End are handed to the tour (tour_panel.h).
#pragma once

#include <limits>
#include <string>
#include <type_traits>

#include "ui/app_state.h"

namespace ui {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

// The least and greatest value a slider or number field takes (a screen reader says where in
// it the value lies); NaN: no range given.
struct ValueRange {
  float low = kNoValue, high = kNoValue;
};

// What a screen reader says for an item: its name, role and current value ("Next step,
// button"; "X, row 2 \"bank\", column 1 \"nature\": 0.35. Enter types a new value."). Given
// where the item is drawn, as fixed text or as a function; the function runs only for the item
// that holds keyboard focus (or for every item when FocusRegistry::describeEveryItem is set),
// so a frame of hundreds of cells formats one label. It borrows the callable: use it at once.
class SpokenLabel {
 public:
  SpokenLabel(const char* fixed) : fixed_(fixed) {}  // NOLINT: fixed text converts implicitly
  template <class Describe, class = std::enable_if_t<std::is_invocable_r_v<std::string, const Describe&>>>
  SpokenLabel(const Describe& describe)  // NOLINT: lambdas convert implicitly
      : callable_(&describe), call_([](const void* f) { return (*static_cast<const Describe*>(f))(); }) {}
  std::string operator()() const { return fixed_ ? std::string(fixed_) : call_(callable_); }

 private:
  const char* fixed_ = nullptr;
  const void* callable_ = nullptr;
  std::string (*call_)(const void*) = nullptr;
};

// Records the last submitted item under `id` (e.g. "Q[0][1]", "next") with what a screen
// reader says when it takes focus, and for the page's mirror what it is (`role`), whether it is
// chosen, checked or open (`on`), and the value a cell, slider or number field holds (NaN:
// none; a masked score's minus infinity is a value) with its range.
void registerItem(AppState& app, const std::string& id, const SpokenLabel& spoken, Role role = Role::Button,
                  bool on = false, float value = kNoValue, ValueRange range = {});
// The spoken label of the item drawn under `id` in the last frame: always known for the item
// with keyboard focus, for every drawn item when describeEveryItem is set; otherwise (or for an
// id not drawn) the id itself.
std::string spokenName(const AppState& app, const std::string& id);
// A row of controls that is one Tab stop, walked with the arrows (Home and End: its ends), as a
// page's radio group: the step dots, the token chips. Tab lands on the chosen control (the
// current step, the selected token), else on the one last used in it, else on the first. Controls that take the arrows
// themselves (a bar, a vector's tip) must not be in one. Open while the row is drawn.
class FocusGroup {
 public:
  FocusGroup(AppState& app, const char* name);
  ~FocusGroup();
  FocusGroup(const FocusGroup&) = delete;
  FocusGroup& operator=(const FocusGroup&) = delete;

 private:
  AppState& app_;
};

// Arrow presses this frame for the item just drawn, when it has keyboard focus: x is right
// minus left, y is up minus down (Page Up and Page Down count five each). Calling it says that the item moves with the
// arrows, so while it has focus they move it instead of the tour (a vector's tip).
// ends: Home (-1) or End (+1), the item's lowest or highest value, as a slider's keys do.
struct ArrowPresses {
  int x = 0, y = 0, ends = 0;
};
ArrowPresses takeArrowKeys(AppState& app);
// The item just drawn handles Enter itself (a matrix cell starts typing on Enter), so Enter is
// not turned into a press of it.
void keepEnterKey(AppState& app);
// True when the item just drawn holds keyboard focus (Tab put it there, its outline shows).
bool hasKeyboardFocus();
// Gives keyboard focus to the item just drawn, as Tab would: a control that pressing another
// one disabled hands the keyboard on to the one that takes over (Train -> Pause, and back).
void takeKeyboardFocus(AppState& app);

// The item just drawn was pressed from the keyboard and goes away (a guess's Check button, once
// the answer shows): the keyboard goes on to the control registered as `id` when it is drawn
// in the next few frames, instead of to nowhere (a screen reader would fall to the page's top).
// Nothing happens when the item did not hold keyboard focus (a click).
void handKeyboardTo(AppState& app, const std::string& id);

// A sentence for the page's live region after this frame: what a press did that no control
// says and no change of the lesson announces (a quiz answer's verdict, drawn as a paragraph).
void say(AppState& app, std::string sentence);

// The page's mirror moved focus to the item drawn under `id` last frame: it takes keyboard focus
// before the next frame's keys are handled, so a key pressed on the mirror's element acts on it.
void requestFocus(AppState& app, const std::string& id);
// The page's mirror pressed the item (a screen reader's click, Enter on its element): focused,
// then pressed with Enter over the next two frames, exactly as the keyboard presses it (a
// button acts, a matrix cell starts typing).
void requestPress(AppState& app, const std::string& id);

// Around the drawing of a frame: starts the registry afresh, then publishes it.
void beginFocusFrame(AppState& app);
void endFocusFrame(AppState& app);
// Left/Right/Home/End pressed this frame and not taken by a text field or the focused item.
struct TourKeys {
  bool back = false, next = false, first = false, last = false;
};
// Before ImGui::NewFrame() (ui::frame() calls it): turns Tab into focus moves and the arrows
// into moves of the focused item that takes them, hides those presses from Dear ImGui's own
// navigation so they act once, and returns the keys that are the tour's.
TourKeys handleKeys(AppState& app);

}  // namespace ui
