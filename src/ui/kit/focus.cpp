// focus.cpp: the focus registry (what was drawn where, in which Tab order), Tab and
// Shift+Tab, and the keys that drive the tour. With the input queue (app/input_queue.cpp)
// this is the only code that touches Dear ImGui 1.86's key arrays (KeyMap, KeysDown).
#include "ui/kit/focus.h"

#include <imgui_internal.h>

#include <algorithm>

#include "ui/kit/mirror.h"

namespace ui {

namespace {

bool keyPressedOnce(AppState& app, int slot, ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  const int index = io.KeyMap[key];
  if (index < 0 || index >= IM_ARRAYSIZE(io.KeysDown)) return false;
  const bool down = io.KeysDown[index];
  const bool pressed = down && !app.focus.previousKeys[slot];
  app.focus.previousKeys[slot] = down;
  return pressed;
}

void hideKey(ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  const int index = io.KeyMap[key];
  if (index >= 0 && index < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[index] = false;
}

// Arrow steps a Page Up or Page Down makes on a control that moves with the arrows.
constexpr int kPageSteps = 5;

// The row of a FocusGroup's controls (a grid's rows count from 0).
constexpr int kRowOfOptions = -1;

// "Q[1][2]" -> the grid "Q", row 1, column 2; false for any other id. Read from the end, as
// every registered item is: a frame registers hundreds of cells.
bool readGridPlace(const std::string& id, FocusEntry& entry) {
  size_t end = id.size();
  int numbers[2] = {0, 0};
  for (int k = 1; k >= 0; --k) {
    if (end < 3 || id[end - 1] != ']') return false;
    size_t digits = end - 1;
    while (digits > 0 && id[digits - 1] >= '0' && id[digits - 1] <= '9') --digits;
    if (digits == end - 1 || digits == 0 || id[digits - 1] != '[' || end - 1 - digits > 6) return false;
    for (size_t c = digits; c < end - 1; ++c) numbers[k] = numbers[k] * 10 + (id[c] - '0');
    end = digits - 1;
  }
  if (end == 0) return false;
  entry.grid = ImHashStr(id.data(), end);
  entry.row = numbers[0];
  entry.col = numbers[1];
  return true;
}

const FocusEntry* entryWithId(const AppState& app, ImGuiID id) {
  for (const FocusEntry& entry : app.focus.order)
    if (entry.id == id) return &entry;
  return nullptr;
}

// Keyboard focus to a registered control, its outline shown, scrolled into view when drawn.
void focusEntry(AppState& app, const FocusEntry& target) {
  ImGuiContext& g = *GImGui;
  if (target.grid != 0) {
    auto& last = app.focus.gridLastCell;
    auto it = std::find_if(last.begin(), last.end(), [&](const auto& p) { return p.first == target.grid; });
    if (it == last.end())
      last.emplace_back(target.grid, target.id);
    else
      it->second = target.id;
  }
  ImGui::FocusWindow(target.window);
  ImGui::SetFocusID(target.id, target.window);
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  app.focus.scrollTo = target.id;  // registerItem scrolls it into view during the next frame
}

// Tab into a grid lands on the cell last focused in it, else on its first cell; into a row of
// options, on the chosen one first.
const FocusEntry& cellToEnter(const AppState& app, const FocusEntry& reached) {
  if (reached.grid == 0) return reached;
  if (reached.row == kRowOfOptions)  // a row of options: the chosen one first, as a radio group does
    for (const FocusEntry& entry : app.focus.order)
      if (entry.grid == reached.grid && entry.on) return entry;
  for (const auto& [grid, cell] : app.focus.gridLastCell)
    if (grid == reached.grid)
      if (const FocusEntry* entry = entryWithId(app, cell)) return *entry;
  for (const FocusEntry& entry : app.focus.order)
    if (entry.grid == reached.grid) return entry;
  return reached;
}

// Tab / Shift+Tab walk the registered controls in drawing order, a grid's cells as one stop.
void moveFocus(AppState& app, int direction) {
  ImGuiContext& g = *GImGui;
  const auto& order = app.focus.order;
  if (order.empty()) return;
  int current = -1;
  for (size_t k = 0; k < order.size(); ++k)
    if (order[k].id == g.NavId) current = static_cast<int>(k);
  const int count = static_cast<int>(order.size());
  int next = current < 0 ? (direction > 0 ? 0 : count - 1) : (current + direction + count) % count;
  const ImGuiID leaving = current < 0 ? 0 : order[static_cast<size_t>(current)].grid;
  while (leaving != 0 && order[static_cast<size_t>(next)].grid == leaving && next != current)
    next = (next + direction + count) % count;
  focusEntry(app, cellToEnter(app, order[static_cast<size_t>(next)]));
}

// The arrows inside a grid: to the cell beside, above or below; Home and End to the row's first
// and last cell. False when the focus is on no grid's cell.
bool moveInGrid(AppState& app, int dx, int dy, bool home, bool end) {
  const FocusEntry* at = entryWithId(app, GImGui->NavId);
  if (!at || at->grid == 0) return false;
  if (at->row == kRowOfOptions) dx += dy, dy = 0;  // a row of options: up and down walk it too
  const FocusEntry* target = nullptr;
  for (const FocusEntry& entry : app.focus.order) {
    if (entry.grid != at->grid) continue;
    const bool wanted =
        (home || end) ? entry.row == at->row && (!target || (home ? entry.col < target->col : entry.col > target->col))
                      : entry.row == at->row + dy && entry.col == at->col + dx;
    if (wanted) target = &entry;
  }
  if (target && target != at) focusEntry(app, *target);
  return true;
}

}  // namespace

void registerItem(AppState& app, const std::string& id, const SpokenLabel& spoken, Role role, bool on, float value,
                  ValueRange range) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  if (app.focus.scrollTo != 0 && ImGui::GetItemID() == app.focus.scrollTo) {
    // Into the middle of the column when out of view; sideways within a wide box (kit/wide_box.h),
    // whose column scrolls to it too.
    if (min.y < clip.Min.y || max.y > clip.Max.y || min.x < clip.Min.x || max.x > clip.Max.x)
      ImGui::ScrollToRectEx(ImGui::GetCurrentWindow(), ImRect(min, max),
                            ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleCenterY);
    app.focus.scrollTo = 0;
  }
  if (app.focus.handToFrames > 0 && id == app.focus.handTo) {
    takeKeyboardFocus(app);
    app.focus.handToFrames = 0;
  }
  // Tab reaches every control, scrolled out of view or not (it is scrolled in when focused).
  const ImGuiID itemId = ImGui::GetItemID();
  const bool disabled = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  if (mirroring(app)) mirrorItem(app, id, spoken(), role, on, value, disabled, range.low, range.high);
  if (itemId != 0 && !disabled) {
    FocusEntry entry{itemId, ImGui::GetCurrentWindow(), app.focus.part, ImHashStr(id.data(), id.size())};
    entry.on = on;
    if (app.focus.openGroup != 0) {
      entry.grid = app.focus.openGroup;
      entry.row = kRowOfOptions;
      entry.col = app.focus.groupCount++;
    } else {
      readGridPlace(id, entry);
    }
    app.focus.orderBuilding.push_back(entry);
  }
  // widgets() lists only what is actually visible: what a person could click.
  if (max.x <= clip.Min.x || max.y <= clip.Min.y || min.x >= clip.Max.x || min.y >= clip.Max.y) return;
  const bool focused = itemId != 0 && itemId == GImGui->NavId && !GImGui->NavDisableHighlight;
  app.focus.widgetsBuilding.push_back({id, min.x, min.y, max.x - min.x, max.y - min.y, focused, {}, role, on, value});
  if (focused || app.focus.describeEveryItem) app.focus.widgetsBuilding.back().spoken = spoken();
  // Enter presses a focused button or option; text fields, sliders and drags keep Enter for their own input.
  if (focused) app.focus.enterPressesBuilding = (GImGui->LastItemData.InFlags & ImGuiItemFlags_Inputable) == 0;
}

FocusGroup::FocusGroup(AppState& app, const char* name) : app_(app) {
  app.focus.openGroup = ImHashStr(name);
  app.focus.groupCount = 0;
}

FocusGroup::~FocusGroup() { app_.focus.openGroup = 0; }

bool hasKeyboardFocus() {
  const ImGuiID itemId = ImGui::GetItemID();
  return itemId != 0 && itemId == GImGui->NavId && !GImGui->NavDisableHighlight;
}

void takeKeyboardFocus(AppState& app) {
  ImGuiContext& g = *GImGui;
  ImGui::SetFocusID(ImGui::GetItemID(), ImGui::GetCurrentWindow());
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  app.focus.scrollTo = ImGui::GetItemID();
}

std::string spokenName(const AppState& app, const std::string& id) {
  for (const auto& w : app.focus.widgets)
    if (w.id == id && !w.spoken.empty()) return w.spoken;
  return id;
}

void keepEnterKey(AppState& app) {
  if (ImGui::IsItemFocused()) app.focus.enterPressesBuilding = false;
}

ArrowPresses takeArrowKeys(AppState& app) {
  if (!ImGui::IsItemFocused() || GImGui->NavDisableHighlight) return {};
  app.focus.arrowsTakenBuilding = true;
  return {app.focus.arrowX, app.focus.arrowY, app.focus.arrowEnds};
}

void handKeyboardTo(AppState& app, const std::string& id) {
  if (!hasKeyboardFocus()) return;
  app.focus.handTo = id;
  app.focus.handToFrames = 4;  // the press's action is applied after this frame; drawn in the next
}

void say(AppState& app, std::string sentence) { app.focus.toSay = std::move(sentence); }

void requestFocus(AppState& app, const std::string& id) { app.focus.focusRequest = id; }

void requestPress(AppState& app, const std::string& id) {
  app.focus.focusRequest = id;
  app.focus.press = FocusRegistry::Press::AfterFocus;
}

namespace {

// A press from the mirror: Enter held for the frame after the focus moved, released in the next.
void followPressRequest(AppState& app) {
  using Press = FocusRegistry::Press;
  ImGuiIO& io = ImGui::GetIO();
  const int enter = io.KeyMap[ImGuiKey_Enter];
  if (app.focus.press == Press::None || enter < 0 || enter >= IM_ARRAYSIZE(io.KeysDown)) return;
  if (app.focus.press == Press::AfterFocus) {
    app.focus.press = Press::Down;
  } else if (app.focus.press == Press::Down) {
    io.KeysDown[enter] = true;
    app.focus.press = Press::Up;
  } else {
    io.KeysDown[enter] = false;
    app.focus.press = Press::None;
  }
}

// The mirror's focus, given before the frame's keys: an item drawn last frame under that id.
void followFocusRequest(AppState& app) {
  followPressRequest(app);
  if (app.focus.focusRequest.empty()) return;
  const std::string id = std::move(app.focus.focusRequest);
  app.focus.focusRequest.clear();
  const ImGuiID wanted = ImHashStr(id.data(), id.size());
  for (const FocusEntry& entry : app.focus.order)
    if (entry.nameHash == wanted) {
      focusEntry(app, entry);
      return;
    }
}

}  // namespace

void beginFocusFrame(AppState& app) {
  if (app.focus.handToFrames > 0) --app.focus.handToFrames;
  app.focus.mirroring = app.focus.mirrorNextFrame;
  app.focus.mirrorNextFrame = false;
  app.focus.mirrorBuilding.clear();
  app.focus.arrowsTakenBuilding = false;
  app.focus.enterPressesBuilding = false;
  app.focus.widgetsBuilding.clear();
  app.focus.orderBuilding.clear();
  app.focus.part = FocusPart::Header;
  app.focus.openGroup = 0;
}

void endFocusFrame(AppState& app) {
  app.focus.widgets.swap(app.focus.widgetsBuilding);
  if (app.focus.mirroring) app.focus.mirror.swap(app.focus.mirrorBuilding);
  app.focus.arrowsTaken = app.focus.arrowsTakenBuilding;
  app.focus.enterPresses = app.focus.enterPressesBuilding;
  // Side by side, the lesson column is drawn before the matrices; Tab still reaches the
  // matrices right after the step's text, as in the stacked layout.
  // A stable sort by part, done as one pass per part: std::stable_sort
  // would add 1.5 KB to the page for this.
  app.focus.order.clear();
  for (int part = 0; part <= static_cast<int>(FocusPart::StepDots); ++part)
    for (const FocusEntry& entry : app.focus.orderBuilding)
      if (entry.part == static_cast<FocusPart>(part)) app.focus.order.push_back(entry);
}

TourKeys handleKeys(AppState& app) {
  ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput || app.view.cellEdit.active;
  const bool left = keyPressedOnce(app, 0, ImGuiKey_LeftArrow);
  const bool right = keyPressedOnce(app, 1, ImGuiKey_RightArrow);
  bool home = keyPressedOnce(app, 2, ImGuiKey_Home);
  bool end = keyPressedOnce(app, 3, ImGuiKey_End);
  const bool tab = keyPressedOnce(app, 4, ImGuiKey_Tab);
  const bool up = keyPressedOnce(app, 5, ImGuiKey_UpArrow);
  const bool down = keyPressedOnce(app, 6, ImGuiKey_DownArrow);
  const bool pageUp = keyPressedOnce(app, 7, ImGuiKey_PageUp);
  const bool pageDown = keyPressedOnce(app, 8, ImGuiKey_PageDown);
  const int enterIndex = io.KeyMap[ImGuiKey_Enter];
  const bool enterDown = enterIndex >= 0 && enterIndex < IM_ARRAYSIZE(io.KeysDown) && io.KeysDown[enterIndex];
  app.focus.arrowX = app.focus.arrowY = app.focus.arrowEnds = 0;
  followFocusRequest(app);
  TourKeys tour;
  if (typing) return tour;  // arrows, Home and End belong to the text field being edited
  // Enter on a focused button works as Space does (Dear ImGui 1.86 presses buttons with Space only).
  if (enterDown && app.focus.enterPresses) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
  if (app.focus.arrowsTaken) {
    // Page Up and Page Down move it five steps, as a slider's do (not Dear ImGui's focus to the
    // window's first or last control, which moved the keyboard away without a word).
    app.focus.arrowX = (right ? 1 : 0) - (left ? 1 : 0);
    app.focus.arrowY = (up ? 1 : 0) - (down ? 1 : 0) + kPageSteps * ((pageUp ? 1 : 0) - (pageDown ? 1 : 0));
    // Home and End take it to its ends, not the tour to its first or last step.
    app.focus.arrowEnds = (end ? 1 : 0) - (home ? 1 : 0);
    home = end = false;
    for (ImGuiKey key : {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_PageUp, ImGuiKey_PageDown}) hideKey(key);
  } else if (!GImGui->NavDisableHighlight &&
             moveInGrid(app, (right ? 1 : 0) - (left ? 1 : 0), (down ? 1 : 0) - (up ? 1 : 0), home, end)) {
    for (ImGuiKey key : {ImGuiKey_UpArrow, ImGuiKey_DownArrow}) hideKey(key);
    home = end = false;  // the row's ends, not the tour's
  } else {
    tour.back = left;
    tour.next = right;
  }
  tour.first = home;
  tour.last = end;
  if (tab && GImGui->ActiveId == 0) moveFocus(app, io.KeyShift ? -1 : 1);
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Home, ImGuiKey_End, ImGuiKey_Tab})
    hideKey(key);
  return tour;
}

}  // namespace ui
