// app_state.h: what the views and drivers share, in four parts: the lesson session (state,
// trace, progress, revision; changed only through its one door), the views' own state, the
// platform services a driver provides, and the focus registry. Views queue actions while
// drawing; they are applied between frames.
#pragma once

#include <imgui.h>

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct ImGuiWindow;  // Dear ImGui internal; only its pointer is kept, for Tab order

#include "core/training.h"
#include "lesson/content/formal_texts.h"
#include "lesson/content/steps.h"
#include "lesson/model/edit_goal.h"
#include "lesson/model/session.h"
#include "lesson/model/text_rules.h"
#include "ui/kit/extra_glyphs.h"

namespace ui {

// Draws a weight matrix through the GPU colormap shader; the web and desktop drivers
// provide one, the headless test does not (views then draw the cells themselves).
class HeatmapRenderer {
 public:
  virtual ~HeatmapRenderer() = default;
  // Called before a frame is drawn: the heatmaps of the frame get textures of their own again.
  virtual void beginFrame() {}
  // A texture of the matrix with one texel block per cell, or nullptr if unavailable. Each call
  // in a frame gets its own texture, since all are shown when the frame is rendered.
  virtual ImTextureID render(const core::Matrix& weights) = 0;
};

// What an interactive item is, for the page's semantic mirror (a real element of that role).
// Its spoken label already says the role in words ("Next step, button"), for the live region.
enum class Role : unsigned char {
  Button,       // presses once
  Option,       // one of several, `on` when it is the chosen one (a token, an example, a step dot)
  Toggle,       // a checkbox, `on` when checked
  Section,      // a heading that opens or closes what is under it, `on` when open
  Disclosure,   // a button that shows or hides more (More, the formal explanation), `on` when shown
  List,         // opens a list to pick from
  Slider,       // a value moved by dragging or the arrow keys
  NumberField,  // a whole number typed or stepped with - and +
  TextField,    // text typed (a token's name, code)
  Cell,         // a matrix cell: its value, in its table
  Point,        // a point moved in two directions (a vector's tip)
  Picture,      // a picture that takes focus to be described (the training curves)
};

struct WidgetRect {
  std::string id;
  float x = 0, y = 0, w = 0, h = 0;  // in ImGui pixels; drivers convert to CSS pixels
  bool focused = false;              // holds keyboard focus (shown with the focus highlight)
  std::string spoken;                // what a screen reader says (filled for the focused item)
  Role role = Role::Button;          // what it is, whether it is on, its value (focus.h's registerItem):
  bool on = false;                   // a change of these redraws the page's mirror, also when the
  float value = 0;                   // lesson did not change (a view's own option, a dragged bar)
};

// One thing the page's semantic mirror shows, in the order drawn: an interactive item, or the
// step's text, a table's headers, a picture's text alternative. Recorded only in the frames the
// page asks for (FocusRegistry::mirroring), never in an ordinary frame.
struct MirrorNode {
  enum class Kind : unsigned char { Item, Heading, Subheading, Text, Table, Picture } kind = Kind::Text;
  Role role = Role::Button;                               // items
  bool on = false;                                        // items: chosen, checked or open
  bool disabled = false;                                  // items: drawn, but cannot be used now
  float value = std::numeric_limits<float>::quiet_NaN();  // cells, sliders, number fields; NaN: none
  float low = std::numeric_limits<float>::quiet_NaN();    // sliders, number fields: their range
  float high = std::numeric_limits<float>::quiet_NaN();
  int part = 0;                         // FocusPart: the reading order follows Tab's order of the parts
  std::string id;                       // items and tables ("Q"; its cells are "Q[i][j]")
  std::string text;                     // label, paragraph, caption or text alternative
  float x = 0, y = 0, w = 0, h = 0;     // ImGui pixels
  std::vector<std::string> rows, cols;  // tables: the row and column names
  std::vector<std::string> cells;       // tables of text: their cells, row by row
};

// Parts of the screen in the order Tab visits them, whatever the layout: the tour header, the
// step's text, the step's matrices and views, then settings and practice.
// In Tab order. The row of step dots comes last: Tab goes from Back and Next straight to the
// step's content, as a page's "skip to the content" link would take it, not through 21 dots.
enum class FocusPart { Header, StepText, Views, Settings, StepDots };

struct FocusEntry {
  ImGuiID id = 0;
  ImGuiWindow* window = nullptr;
  FocusPart part = FocusPart::Header;
  ImGuiID nameHash = 0;  // of the registered id ("Q[0][1]"): the page's mirror names items by it
  // A cell of a grid (an id "<grid>[row][col]": a matrix, a heatmap): Tab stops once per grid,
  // the arrows move between its cells. 0 for any other control.
  ImGuiID grid = 0;
  int row = 0, col = 0;
  bool on = false;  // chosen: Tab into a row of options lands on the chosen one
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
  ImFont* mono = nullptr;  // code: ui::codeFont(), the body face until the code face is there
  // Each face once (null for the code face while it is the body face, and for a face not built).
  std::array<ImFont*, 4> each() const { return {body, bold, title, mono == body ? nullptr : mono}; }
};

constexpr float kMinZoom = 0.6f, kMaxZoom = 2.5f;  // the text size buttons and setZoom() keep to these

struct UiPrefs {
  bool showFormal = false;
  bool showMore = false;  // the rest of each step's plain text
  // The sentence editor with the settings, and the practice list: closed until the learner
  // opens them, so a step shows its picture and a short text first.
  bool editOpen = false;
  bool practiceOpen = false;
  float zoom = 1.0f;           // user zoom on top of the device pixel ratio
  bool reducedMotion = false;  // no animation: Play shows the end state (the page starts from the system's setting)
};

struct AppState;

// A plane of arrows: the axes the learner picked (-1: the default two), and while a tip is
// dragged, the scale it started with and where on the tip it was grabbed.
struct PlaneView {
  int axes[2] = {-1, -1};
  float heldExtent = 0;   // 0: follow the arrows
  float heldLow[2] = {};  // the lower ends of both axes, held with the extent
  ImVec2 grabOffset;
};

// The Play animation: which one, on which step and for which query, and when it started (ImGui time).
struct Playback {
  lesson::Animation animation = lesson::Animation::None;  // None: nothing playing
  int step = -1;
  int query = -1;
  double startedAt = 0;
};

// One size the cost lab measured (core/fast_attention.h, in workers or threads): on one core,
// then on `workers` cores at once (each a slice of the queries; 1 when there is one core, and
// the all-cores times are then the one core's), and the SIMD limit of the one core (GFLOP/s).
struct CostLabPoint {
  int n = 0;
  double naiveMs = 0, tiledMs = 0, maxAbsDiff = 0;
  double naiveBytes = 0, tiledBytes = 0;
  int workers = 1;
  double naiveAllMs = 0, tiledAllMs = 0;
  double peakGflops = 0;
};

// One size the GPU measured (web/gpu-attention.js through WebGPU): each method's time, the
// largest difference of its outputs from each other and from the CPU's, the GPU memory the
// direct method holds, and the bytes each moves to and from the GPU's slow memory (counted).
struct CostLabGpuPoint {
  int n = 0;
  double naiveMs = 0, tiledMs = 0, maxAbsDiff = 0;
  double naiveBytes = 0;
  double naiveTraffic = 0, tiledTraffic = 0;
};

// The cost lab's runs: sizes n = 64, 128, ... up to maxN, d = 64, tile 64, measured one after
// another on this machine, on the CPU (one core, then all) or on the GPU. Results arrive
// between frames (ui/views/cost_lab_view.h). A run replaces its own device's results only.
struct CostLab {
  enum class Phase { Idle, Running, Done, Cancelled, Failed };
  Phase phase = Phase::Idle;
  int maxN = 4096;                         // the largest n of a run, picked in the view
  int run = 0;                             // counts runs; a result carries the run it belongs to
  bool onGpu = false;                      // the device of the latest run
  std::vector<CostLabPoint> points;        // the CPU's sizes so far, in order
  std::vector<CostLabGpuPoint> gpuPoints;  // the GPU's
  std::string adapter;                     // the GPU that measured gpuPoints, as WebGPU names it
  bool gpuComplete = false;                // gpuPoints hold every size of their run (not cancelled)
  std::string message;                     // why it failed, or what it is doing
};

// What the trainer reports after a chunk of steps (or at the end): the new losses, the
// held-out measurements, and the model run on the learner's sequence (`probe`).
struct TrainingProgress {
  int stepsDone = 0;
  std::vector<float> newLosses;
  float metric = 0, accuracy = 0;
  std::vector<core::Matrix> maps;  // one per layer (one head each): the probe's weights
  std::vector<int> predicted;      // the most likely next token after each position
  std::vector<float> confidence;   // its probability
};

// The learning step: a tiny model trained on this machine (core/training.h, in the lab worker
// on the page, on the UI thread in short slices on the desktop). Reports arrive between frames
// (ui/views/learning_view.h); those of an older request are dropped.
struct TrainingLab {
  enum class Phase { Starting, Ready, Training, Failed };
  Phase phase = Phase::Starting;
  core::TrainingTask task = core::TrainingTask::PreviousToken;
  float learningRate = 0;                    // 0: the task's own, set when the lab starts
  uint32_t seed = core::kFirstTrainingSeed;  // Reset moves to the next: other random weights
  int request = 0;                           // counts requests; a report carries the one it answers
  bool stopping = false;                     // Pause was pressed; the trainer ends after its chunk
  int stepsDone = 0;
  std::vector<float> losses;                       // one per step so far
  std::vector<std::pair<int, float>> metricCurve;  // (steps done, metric) after each report
  float metric = 0, accuracy = 0;
  char probeText[64] = "A B C D A B C";
  std::vector<int> probe;           // the tokens of probeText that the model runs on
  std::vector<int> requestedProbe;  // the probe the newest request carried
  std::vector<int> shownProbe;      // the probe that `maps` and `predicted` belong to
  std::string probeError;           // why probeText cannot be run
  std::vector<core::Matrix> maps;   // see TrainingProgress
  std::vector<int> predicted;
  std::vector<float> confidence;
  std::string message;
  // Keyboard focus handed on when the focused button is disabled by its own press: Train (or
  // Step) -> Pause while training, Pause -> Train when it ends.
  enum class FocusNext { None, Pause, Train };
  FocusNext focusNext = FocusNext::None;
  bool pauseFocused = false;  // Pause held keyboard focus in the last frame
};

// The views' own state: what is being typed, picked or shown, not part of the lesson.
struct ViewState {
  UiPrefs prefs;
  CellEdit cellEdit;
  int selectedHead = 0;
  int flashTile = 0;  // FlashAttention step: how many key tiles are folded in so far
  // The multi-head step's switch to the two-heads example keeps the learner's lesson here, for
  // its "Back to your sentence" button.
  std::optional<lesson::LessonState> lessonBeforeSwitch;
  int kvWritten = 1;             // the KV cache step: how many tokens are written so far
  int crossWord = -1;            // the cross-attention step: the written word whose lines are picked out
  bool flashAllQueries = false;  // ... for the selected query, or for every query
  uint32_t randomSeed = 7;
  char newToken[4 * lesson::kMaxNameCharacters + 1] = {};  // up to 4 UTF-8 bytes a character
  unsigned int nameFieldFull = 0;          // the name field (ImGuiID) that dropped characters past the longest name
  std::string shareStatus;                 // e.g. "Link copied"
  std::map<std::string, int> quizChoices;  // question id -> answer picked in this visit
  // question id -> {column width, height} of its feedback, kept free before any answer
  std::map<std::string, std::pair<float, float>> quizFeedbackRoom;
  int challengeLevel = 1;          // the coding challenge's level shown: 1 or 2
  char challengeCode[4096] = {};   // level 1's JavaScript on the web (run by the page)
  char challengeCode2[4096] = {};  // level 2's
  float handAnswer[3] = {};        // level 1's weights typed on the desktop
  float handOutput[2] = {};        // level 2's output vector typed on the desktop
  std::string challengeMessage;    // level 1's last grade
  std::string challengeMessage2;   // level 2's
  PlaneView keyPlane, valuePlane, tokenPlane;
  Playback playback;
  uint64_t listingCopiedAt = ~0ull;  // the revision whose NumPy listing was copied ("Copied" shows)
  std::string listingCopied;         // which listing: its widget id
  CostLab costLab;
  TrainingLab training;
  int scrolledToStep = -1;  // the step the columns were last scrolled to the top for
  // A guess being made (predict, then see): for which step and query, and its numbers so far.
  // `again`: the step whose guess the learner asked to make again.
  struct GuessDraft {
    std::string stepId;
    int query = -1;
    std::vector<float> values;
    std::string again;
  } guessDraft;
  // The goal of the steps that invite editing (edit_goal.h), kept while the learner edits.
  struct EditGoalView {
    int step = -1;
    int tokens = 0;
    bool renew = false;  // "Another goal" was pressed
    lesson::EditGoal goal;
  } editGoal;
  // A name the lesson refused, kept in its field to be fixed until the lesson changes otherwise
  // (index -1: none).
  struct RenameDraft {
    int index = -1;
    std::string text;
    uint64_t revision = 0;  // the session's revision when it was refused
  } renameDraft;
};

// What the driver provides: fonts and scale, the GPU heatmap, and the platform's doors. The
// doors take only what they need (none reaches into the views' state); results come back
// through the views' own entry points, between frames.
struct Platform {
  Fonts fonts;
  // Characters beyond the embedded face, drawn by the platform's fonts (extraGlyphs.draw: the
  // browser's on the page, the system's on the desktop) into the atlas when the learner uses them.
  ExtraGlyphs extraGlyphs;
  // The text face's TrueType bytes (DejaVu Sans, cut down to the lesson's characters), which the
  // desktop carries; none on the page, whose font builder draws the browser's own faces instead
  // (its sans-serif, bold and monospace: src/app/web/browser_faces.cpp).
  const unsigned char* textFont = nullptr;
  int textFontSize = 0;
  const ImFontBuilderIO* fontBuilder = nullptr;  // the platform's, or Dear ImGui's own (stb_truetype)
  // The code face's TrueType bytes (DejaVu Sans Mono, cut down: the challenge's editor and the
  // code listings), which the desktop carries; the page draws code in the browser's monospace.
  const unsigned char* codeFont = nullptr;
  int codeFontSize = 0;
  // The steps' formal explanations (lesson/content/formal.txt), or none yet. The desktop and the
  // one-file page carry them; the served page fetches them the first time a learner asks for
  // one (the tour panel calls requestFormalTexts once), 3.7 KB of its first load otherwise.
  // They arrive through ui::receiveFormalTexts; formalTextsProblem says why they did not.
  lesson::FormalTexts formalTexts;
  std::string formalTextsProblem;
  std::function<void()> requestFormalTexts;
  HeatmapRenderer* heatmap = nullptr;
  float pixelRatio = 1.0f;  // device pixels per CSS pixel (web) or content scale (desktop)
  float uiScale = 1.0f;     // pixelRatio * zoom: what fonts and sizes were built for
  // A finger is the pointer (the page's `(pointer: coarse)`): every control is at least
  // kTouchTarget CSS pixels each way, and the steps are a list rather than a row of dots.
  bool touchScreen = false;
  bool storageAvailable = true;                                          // false when progress cannot be kept
  std::function<std::string(const lesson::LessonState&)> copyShareLink;  // copy a link to this state
  std::function<void()> resetProgress;                                   // after "Start over": forget what was stored
  std::function<void(const std::string& code, int level)> submitChallengeCode;  // web only
  // The cost lab: start measuring the sizes of app.view.costLab (run id `run`), or stop.
  // Results come back through ui::costLabPoint / ui::costLabFinished. Unset: the lab cannot
  // run here, and costLabUnavailable says why.
  std::function<void(int run, int maxN, bool onGpu)> startCostLab;
  std::function<void()> cancelCostLab;
  std::string costLabUnavailable = "Timing runs are not available in this build.";
  // Whether startCostLab can run on the GPU (the page, with WebGPU), else why not.
  bool costLabGpu = false;
  std::string costLabGpuUnavailable =
      "The desktop program times the CPU; the page times the GPU too, where the browser has WebGPU.";
  // The learning step: train (steps 0: only measure and run the probe) the model of
  // app.view.training, from fresh random weights when `fresh`; stop ends a request early.
  // Reports come back through ui::trainingProgress / ui::trainingFinished. Unset: training
  // cannot run here, and trainingUnavailable says why.
  struct TrainingRequest {
    int request = 0;
    core::TrainingTask task = core::TrainingTask::PreviousToken;
    uint32_t seed = 1;
    double learningRate = 0;
    int steps = 0;
    bool fresh = false;
    std::vector<int> probe;
  };
  std::function<void(const TrainingRequest&)> startTraining;
  std::function<void()> stopTraining;
  std::string trainingUnavailable = "Training is not available in this build.";
};

// The interactive items of a frame, where they are and the order Tab visits them.
struct FocusRegistry {
  std::vector<WidgetRect> widgets;          // interactive items drawn in the last frame
  std::vector<WidgetRect> widgetsBuilding;  // filled during the current frame
  std::vector<FocusEntry> order;            // Tab order of the last frame
  std::vector<FocusEntry> orderBuilding;
  FocusPart part = FocusPart::Header;  // the part being drawn now
  ImGuiID scrollTo = 0;                // item Tab moved to, scrolled into view when drawn
  bool previousKeys[9] = {};           // Left, Right, Home, End, Tab, Up, Down, Page Up, Page Down: last frame's state
  bool enterPresses = false;           // the focused item is a button: Enter presses it, as Space does
  bool enterPressesBuilding = false;
  bool arrowsTaken = false;  // the focused item moves with the arrow keys (last frame)
  bool arrowsTakenBuilding = false;
  int arrowX = 0, arrowY = 0;      // this frame's arrow presses for that item
  int arrowEnds = 0;               // and Home (-1) or End (+1)
  bool describeEveryItem = false;  // tests: keep every drawn item's spoken label, not just the focused one's
  // The page's semantic mirror: a frame asked for records every item, scrolled out of view or
  // not, and the text around them; the driver hands `mirror` to the page after that frame.
  bool mirrorNextFrame = false;    // set by the driver: the next frame records the mirror
  bool mirroring = false;          // this frame records it
  std::vector<MirrorNode> mirror;  // of the last frame that recorded it
  std::vector<MirrorNode> mirrorBuilding;
  // Per grid, the cell that last held keyboard focus: Tab into the grid lands there again.
  std::vector<std::pair<ImGuiID, ImGuiID>> gridLastCell;
  ImGuiID openGroup = 0;     // focus.h's FocusGroup being drawn: its controls are one Tab stop
  int groupCount = 0;        // controls registered in it so far
  std::string toSay;         // focus.h's say: for the page's live region after the frame (the driver clears it)
  std::string handTo;        // focus.h's handKeyboardTo: the control the keyboard goes on to when drawn
  int handToFrames = 0;      // frames left for it to be drawn
  std::string focusRequest;  // an item the page's mirror moved focus to, focused before the next keys
  // The page's mirror pressed an item (a screen reader's click): focused in one frame, then
  // Enter down for a frame and up in the next, as the keyboard would press it.
  enum class Press : unsigned char { None, AfterFocus, Down, Up } press = Press::None;
};

// A change a view asked for while drawing, and what the view does with the outcome.
struct QueuedAction {
  lesson::Action action;
  std::function<void(AppState&, const std::string& refusal)> after;
  std::string layout;  // the lesson's places (tokens, sizes) when the view queued it: layoutOf()
};

// Passed by reference to every view and to both drivers; no view keeps statics of its own.
// The session is read-only here: views queue actions, and only ui::apply (between frames)
// hands them to the session's one door.
struct AppState {
  const lesson::Session& session() const { return session_; }  // the lesson, its trace, progress and revision
  ViewState view;
  Platform platform;
  FocusRegistry focus;
  std::vector<QueuedAction> queued;  // applied between frames, so one frame draws one trace
  bool animating = false;            // a view is animating: the driver draws the next frame too

 private:
  lesson::Session session_;
  friend std::string apply(AppState& app, const lesson::Action& action);
  friend void initialiseApp(AppState& app);
};

// The head the views show (the one picked on the multi-head step; 0 otherwise): its trace.
const core::HeadTrace& shownHead(const AppState& app);

// Views call this while drawing; the change happens after the frame.
void queue(AppState& app, lesson::Action action, std::function<void(AppState&, const std::string&)> after = {});
// Moves the tour to `step` after this frame and closes any cell being typed into.
void queueStepChange(AppState& app, int step);
// Applies what the views queued, through the session's one door. Between frames only.
void applyQueuedActions(AppState& app);
// Applies one action now (the drivers and the page's API, between frames). Returns "" or the refusal.
std::string apply(AppState& app, const lesson::Action& action);
void initialiseApp(AppState& app);

}  // namespace ui
