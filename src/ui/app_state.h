// app_state.h: the one AppState passed by reference to every view and to both drivers.
// It owns the lesson state, its trace (recomputed after every edit) and the little UI
// state the views need; no view keeps statics of its own.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

struct ImGuiWindow;  // Dear ImGui internal; only its pointer is kept, for Tab order

#include "lesson/progress.h"
#include "lesson/state.h"
#include "lesson/steps.h"
#include "lesson/trace.h"

namespace ui {

// Draws a weight matrix through the GPU colormap shader; the web and desktop drivers
// provide one, the headless test does not (views then draw the cells themselves).
class HeatmapRenderer {
 public:
  virtual ~HeatmapRenderer() = default;
  // A texture of the matrix with one texel block per cell, or nullptr if unavailable.
  virtual ImTextureID render(const core::Matrix& weights) = 0;
};

struct WidgetRect {
  std::string id;
  float x = 0, y = 0, w = 0, h = 0;  // in ImGui pixels; drivers convert to CSS pixels
  bool focused = false;              // holds keyboard focus (shown with the focus highlight)
};

// Parts of the screen in the order Tab visits them, whatever the layout: the tour header, the
// step's text, the step's matrices and views, then settings and practice.
enum class FocusPart { Header, StepText, Views, Settings };

struct FocusEntry {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;
  FocusPart part = FocusPart::Header;
};

// A matrix cell being typed into (after a double-click or Enter).
struct CellEdit {
  bool active = false;
  bool focusPending = false;
  lesson::MatrixId matrix = lesson::MatrixId::Q;
  int row = 0;
  int col = 0;
  char text[64] = {};
};

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* title = nullptr;
  ImFont* mono = nullptr;  // code
};

struct UiPrefs {
  bool showFormal = false;
  float zoom = 1.0f;  // user zoom on top of the device pixel ratio
  bool reducedMotion = false;
};

struct AppState {
  lesson::LessonState lesson;
  lesson::LessonTrace trace;
  lesson::Progress progress;
  UiPrefs prefs;
  CellEdit cellEdit;
  Fonts fonts;
  HeatmapRenderer* heatmap = nullptr;

  float pixelRatio = 1.0f;  // device pixels per CSS pixel (web) or content scale (desktop)
  float uiScale = 1.0f;     // pixelRatio * zoom: what fonts and sizes were built for
  int selectedHead = 0;
  uint32_t randomSeed = 7;
  char newToken[32] = {};
  bool storageAvailable = true;  // false when progress cannot be kept (web storage blocked)
  std::string shareStatus;       // e.g. "Link copied"
  // Provided by the driver: copy a link to this state / forget saved progress.
  std::function<std::string(AppState&)> copyShareLink;
  std::function<void(AppState&)> resetProgress;

  std::map<std::string, int> quizChoices;  // question id -> answer picked in this visit

  // Coding challenge: JavaScript on the web (run by the page), numbers on the desktop.
  std::function<void(AppState&, const std::string& code)> submitChallengeCode;
  char challengeCode[4096] = {};
  float handAnswer[3] = {};
  std::string challengeMessage;

  uint64_t revision = 0;  // bumps on every state change; drivers persist and share on change

  std::vector<WidgetRect> widgets;          // interactive items drawn in the last frame
  std::vector<WidgetRect> widgetsBuilding;  // filled during the current frame
  std::vector<FocusEntry> focusOrder;       // Tab order of the last frame
  std::vector<FocusEntry> focusBuilding;
  FocusPart focusPart = FocusPart::Header;  // the part being drawn now
  ImGuiID scrollToFocus = 0;                // item Tab moved to, scrolled into view when drawn
  bool previousKeys[5] = {};                // Left, Right, Home, End, Tab: last frame's state
};

// Recomputes the trace from the lesson state; call after every change.
void recompute(AppState& app);
// Applies the outcome of a lesson edit: recompute on success, show the refusal otherwise.
void finishEdit(AppState& app, const std::string& refusal);
void goToStep(AppState& app, int step);
void initialiseApp(AppState& app);
// Forgets progress and returns to the default lesson (the drivers also clear what they stored).
void startOver(AppState& app);

}  // namespace ui
