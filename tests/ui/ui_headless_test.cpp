// ui_headless_test.cpp: the real views drawn by Dear ImGui with no backend: every step of
// every preset for a few frames, at a wide and a narrow size, with asserts enabled.
// Also checks the widgets registry and keyboard handling that drive the browser tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <set>

#include "font_dejavu_sans.h"
#include "font_dejavu_sansmono.h"
#include "formal_texts_embedded.h"
#include "lesson/content/code_listing.h"
#include "lesson/content/glossary.h"
#include "lesson/content/practice.h"
#include "lesson/content/presets.h"
#include "lesson/content/steps.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "text/decimals.h"
#include "text/utf8.h"
#include "ui/kit/bars.h"
#include "ui/kit/matrix_grid.h"
#include "ui/kit/right_to_left.h"
#include "ui/kit/shaped_words.h"
#include "ui/kit/theme.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/panels/formula_panel.h"
#include "ui/panels/tour_panel.h"
#include "ui/screen.h"
#include "ui/views/cost_lab_view.h"
#include "ui/views/learning_view.h"
#include "ui/views/step_views.h"
#include "ui/views/training_report.h"

namespace {

struct HeadlessImGui {
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;  // identity key map
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
};

void frame(ui::AppState& app, float width, float height) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DeltaTime = 1.0f / 60.0f;
  ui::frame(app);  // as the runtime does
  REQUIRE(ImGui::GetDrawData() != nullptr);
}

// Set-up that needs a state no single action makes: a copy of the state is edited, then
// restored whole through the one door (the named action the desktop restores a record with),
// so the trace, progress and revision follow as they would after any action.
template <class Edit>
void setUpState(ui::AppState& app, Edit edit) {
  lesson::LessonState state = app.session().lesson();
  edit(state);
  REQUIRE(ui::apply(app, lesson::actions::RestoreRecord{state, app.session().progress()}) == "");
}

void goToStep(ui::AppState& app, int step) { ui::apply(app, lesson::actions::GoToStep{step}); }

void setUp(ui::AppState& app, float scale = 1.0f) {
  ui::initialiseApp(app);
  app.platform.textFont = font_dejavu_sans;  // as the desktop carries them
  app.platform.textFontSize = static_cast<int>(font_dejavu_sans_size);
  app.platform.codeFont = font_dejavu_sansmono;
  app.platform.codeFontSize = static_cast<int>(font_dejavu_sansmono_size);
  ui::receiveFormalTexts(app, {reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size},
                         false);
  REQUIRE(app.platform.formalTexts.loaded());
  ui::buildFonts(app, scale);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  REQUIRE(w > 0);
  ui::applyTheme(scale, app.platform.touchScreen);
}

const ui::WidgetRect* findWidget(const ui::AppState& app, const std::string& id) {
  for (const auto& w : app.focus.widgets)
    if (w.id == id) return &w;
  return nullptr;
}

std::string focusedWidgetId(const ui::AppState& app) {
  for (const auto& w : app.focus.widgets)
    if (w.focused) return w.id;
  return "";
}

void pressKey(ui::AppState& app, ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[key] = true;
  frame(app, 1280, 800);
  io.KeysDown[key] = false;
  frame(app, 1280, 800);
}

// Predict, then see: passes every step's question by, as Skip does, so a test can use what
// the steps show after it.
void skipGuesses(ui::AppState& app) {
  for (const auto& question : lesson::predictionQuestions())
    REQUIRE(ui::apply(app, lesson::actions::SkipPrediction{question.stepId}) == "");
}

// A guess for every step's question that fits the current lesson (the first key, every key,
// even bars, the output at 0).
void guessEverything(ui::AppState& app) {
  const int n = static_cast<int>(app.session().lesson().tokens.size());
  const int query = app.session().lesson().selected;
  for (const auto& question : lesson::predictionQuestions()) {
    std::vector<float> values;
    switch (question.kind) {
      case lesson::GuessKind::TopKey:
        values = {0.0f};
        break;
      case lesson::GuessKind::VisibleKeys:
        values.assign(static_cast<size_t>(n), 1.0f);
        break;
      case lesson::GuessKind::WeightRow:
        values.assign(static_cast<size_t>(n), 0.5f);
        break;
      case lesson::GuessKind::OutputPosition:
        values = {static_cast<float>(lesson::outputGuessColumn(app.session().trace(), query)), 0.0f};
        break;
    }
    REQUIRE(ui::apply(app, lesson::actions::Predict{question.stepId, {query, values}}) == "");
  }
}

// Draws the lesson tall enough for the settings and clicks into token `index`'s name field.
void openNameField(ui::AppState& app, int index, float height);

// A mouse click in the middle of a drawn widget, like a person's, at the given window size.
void clickWidget(ui::AppState& app, const ui::WidgetRect& w, float width, float height) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(w.x + w.w * 0.5f, w.y + w.h * 0.5f);
  frame(app, width, height);
  io.MouseDown[0] = true;
  frame(app, width, height);
  io.MouseDown[0] = false;
  frame(app, width, height);
}

void openNameField(ui::AppState& app, int index, float height) {
  app.view.prefs.editOpen = true;  // the learner opened the editor
  frame(app, 1280, height);
  frame(app, 1280, height);
  const ui::WidgetRect* field = findWidget(app, "rename[" + std::to_string(index) + "]");
  REQUIRE(field != nullptr);
  clickWidget(app, *field, 1280, height);
  REQUIRE(ImGui::GetIO().WantTextInput);
}

}  // namespace

TEST_CASE("every step of every preset draws, wide and narrow, with heads and masks") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  // Each example twice: with the steps' questions waiting for a guess, then answered.
  for (const auto& [preset, guessed] : [] {
         std::vector<std::pair<lesson::PresetInfo, bool>> runs;
         for (const auto& p : lesson::presetList()) runs.push_back({p, false}), runs.push_back({p, true});
         return runs;
       }()) {
    CAPTURE(preset.id);
    CAPTURE(guessed);
    ui::apply(app, lesson::actions::StartOver{});
    setUpState(app, [&](lesson::LessonState& s) { REQUIRE(lesson::loadPreset(preset.id, s)); });
    if (guessed) guessEverything(app);
    for (int step = 0; step < lesson::stepCount(); ++step) {
      goToStep(app, step);
      setUpState(app, [&](lesson::LessonState& s) {
        s.mask = step % 2 ? core::Mask::causal() : core::Mask::none();
        s.heads = step == 10 && s.dK % 2 == 0 ? 2 : 1;
      });
      app.view.prefs.showFormal = step % 3 == 0;
      app.view.prefs.editOpen = app.view.prefs.practiceOpen = step % 2 == 0;
      REQUIRE(app.session().trace().ok);
      for (int k = 0; k < 3; ++k) frame(app, 1280, 800);
      CHECK(ui::widestCut() == 0.0f);
      // A phone, by mouse and by touch: nothing runs past the column's edge (what is wider
      // scrolls in a box of its own), and on the touch screen every control is a fingertip's size.
      for (const bool touch : {false, true}) {
        CAPTURE(touch);
        app.platform.touchScreen = touch;
        ui::applyTheme(1.0f, touch);
        for (int k = 0; k < 2; ++k) frame(app, 390, 844);
        std::string where;
        CHECK_MESSAGE(ui::widestCut(&where) == 0.0f, "step " << step << ": cut in " << where);
        if (!touch) continue;
        for (const auto& w : app.focus.widgets)
          CHECK_MESSAGE((w.w >= ui::kTouchTarget - 0.5f && w.h >= ui::kTouchTarget - 0.5f),
                        "step " << step << ": " << w.id << " is " << w.w << " x " << w.h);
      }
      app.platform.touchScreen = false;
      ui::applyTheme(1.0f, false);
    }
  }
}

TEST_CASE("every view a step names is in the registry of step views") {
  for (const auto& step : lesson::tourSteps())
    for (const auto& id : step.views) CHECK_MESSAGE(ui::findStepView(id) != nullptr, step.id << " names " << id);
  CHECK(ui::findStepView("no-such-view") == nullptr);
}

// Less at once: the sentence editor, the settings and the practice list wait until the learner
// opens them, on the first steps and after; the section headers that open them are there.
TEST_CASE("the editor, the settings and the practice list are drawn only once opened") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  const char* editorParts[] = {"preset",    "scale",  "temperature", "mask-causal",  "rename[0]",
                               "add-token", "dModel", "randomise",   "reduce-motion"};
  for (const auto& [width, height] : {std::pair{1280.0f, 4000.0f}, std::pair{390.0f, 8000.0f}}) {
    for (int step = 0; step < 3; ++step) {
      goToStep(app, step);
      frame(app, width, height);
      frame(app, width, height);
      CHECK(findWidget(app, "settings") != nullptr);
      CHECK(findWidget(app, "practice") != nullptr);
      for (const char* id : editorParts)
        CHECK_MESSAGE(findWidget(app, id) == nullptr, std::string(id) << " on step " << step);
      CHECK(findWidget(app, "quiz-" + std::string(lesson::quiz().front().id) + "[0]") == nullptr);
    }
    // Opened with a click on each header, as a person would.
    for (const char* header : {"settings", "practice"}) {
      const auto* found = findWidget(app, header);
      REQUIRE(found != nullptr);
      const ui::WidgetRect w = *found;  // the registry is rebuilt by the frames below
      clickWidget(app, w, width, height);
      frame(app, width, height);
    }
    for (const char* id : editorParts) CHECK_MESSAGE(findWidget(app, id) != nullptr, std::string(id) << " once opened");
    CHECK(findWidget(app, "quiz-" + std::string(lesson::quiz().front().id) + "[0]") != nullptr);
    app.view.prefs.editOpen = app.view.prefs.practiceOpen = false;
  }
}

TEST_CASE("the widgets registry reports matrix cells, tokens and the step buttons") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("qkv"));
  frame(app, 1280, 2400);  // tall enough for the six matrices below the arrows
  frame(app, 1280, 2400);
  CHECK(findWidget(app, "next") != nullptr);
  CHECK(findWidget(app, "back") != nullptr);
  CHECK(findWidget(app, "token[0]") != nullptr);
  CHECK(findWidget(app, "X[0][0]") != nullptr);
  CHECK(findWidget(app, "WQ[0][0]") != nullptr);
  const auto* next = findWidget(app, "next");
  REQUIRE(next);
  CHECK(next->w > 10);
  CHECK(next->h > 10);
}

TEST_CASE("after a Q edit the embeddings step offers to use the embeddings again") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  setUpState(app,
             [](lesson::LessonState& s) { REQUIRE(lesson::setEntry(s, lesson::MatrixId::Q, 0, 0, 2.0f).empty()); });
  goToStep(app, lesson::stepIndexOf("tokens"));
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  CHECK(findWidget(app, "use-projections") != nullptr);
}

TEST_CASE("Right, Left, End and Home change the step; not while typing") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  pressKey(app, ImGuiKey_RightArrow);
  CHECK(app.session().lesson().step == 1);
  pressKey(app, ImGuiKey_End);
  CHECK(app.session().lesson().step == lesson::stepCount() - 1);
  pressKey(app, ImGuiKey_LeftArrow);
  CHECK(app.session().lesson().step == lesson::stepCount() - 2);
  pressKey(app, ImGuiKey_Home);
  CHECK(app.session().lesson().step == 0);
  app.view.cellEdit.active = true;  // a cell is being typed into
  pressKey(app, ImGuiKey_RightArrow);
  CHECK(app.session().lesson().step == 0);
}

TEST_CASE("Tab moves keyboard focus through the controls") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  pressKey(app, ImGuiKey_Tab);
  const ImGuiID first = GImGui->NavId;
  CHECK(first != 0);
  pressKey(app, ImGuiKey_Tab);
  CHECK(GImGui->NavId != first);
}

TEST_CASE("Tab reaches controls scrolled out of view and scrolls them in") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.practiceOpen = true;
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  const size_t visible = app.focus.widgets.size();
  REQUIRE(app.focus.order.size() > visible);  // the practice panel lies below the fold
  // Shift+Tab from the first controls wraps round to the last ones: past the row of step dots
  // (one stop), the last control of the lesson column, at its bottom.
  ImGuiIO& io = ImGui::GetIO();
  ImGuiID lastOfColumn = 0;
  for (const auto& entry : app.focus.order)
    if (entry.part != ui::FocusPart::StepDots) lastOfColumn = entry.id;
  io.KeyShift = true;
  for (int k = 0; k < 4 && GImGui->NavId != lastOfColumn; ++k) pressKey(app, ImGuiKey_Tab);
  io.KeyShift = false;
  REQUIRE(GImGui->NavId == lastOfColumn);
  for (int k = 0; k < 3; ++k) frame(app, 1280, 800);
  bool drawnAndListed = false;
  for (const auto& w : app.focus.widgets) drawnAndListed = drawnAndListed || w.focused;
  CHECK(drawnAndListed);  // scrolled into view, so it is listed with the focus flag
}

// The words a spoken label uses for each role (focus-live says them; the page's mirror gives the
// element that role instead).
bool labelNamesRole(ui::Role role, std::string label) {
  for (char& c : label) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto has = [&](const char* word) { return label.find(word) != std::string::npos; };
  switch (role) {
    case ui::Role::Button:
      return has("button");
    case ui::Role::Toggle:
      return has("checkbox") || has("toggle button");
    case ui::Role::Disclosure:
      return has("button");
    case ui::Role::Section:
      return has("section heading");
    case ui::Role::List:
      return has(", list");
    case ui::Role::Slider:
      return has("slider") || has("bar");
    case ui::Role::NumberField:
      return has("number field");
    case ui::Role::TextField:
      return has("text field") || has("text box") || has("read-only text") || has(" text,");
    default:
      return true;  // options, cells and points say what they are in their own words
  }
}

TEST_CASE("the page's mirror: every step's title, text, tables and controls, each control with its role") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;
  frame(app, 1280, 800);
  CHECK(app.focus.mirror.empty());  // an ordinary frame records nothing
  for (int step = 0; step < lesson::stepCount(); ++step) {
    goToStep(app, step);
    frame(app, 1280, 800);
    app.focus.mirrorNextFrame = true;
    frame(app, 1280, 800);
    const auto& nodes = app.focus.mirror;
    const auto& tour = lesson::tourStep(step);
    CAPTURE(tour.id);
    using Kind = ui::MirrorNode::Kind;
    const auto count = [&](Kind kind) {
      return std::count_if(nodes.begin(), nodes.end(), [&](const ui::MirrorNode& n) { return n.kind == kind; });
    };
    REQUIRE(count(Kind::Heading) == 1);
    const auto heading =
        std::find_if(nodes.begin(), nodes.end(), [](const auto& n) { return n.kind == Kind::Heading; });
    CHECK(heading->text.find(std::string(tour.title)) != std::string::npos);
    CHECK(std::any_of(nodes.begin(), nodes.end(),
                      [&](const auto& n) { return n.kind == Kind::Text && n.text == std::string(tour.plain); }));
    std::set<std::string> ids;
    for (const auto& n : nodes) {
      if (n.kind != Kind::Item) continue;
      CAPTURE(n.id);
      CAPTURE(n.text);
      CHECK(labelNamesRole(n.role, n.text));
      CHECK(n.text != n.id);           // described, not named by its id
      CHECK(ids.insert(n.id).second);  // one element per control
      if (n.role == ui::Role::Cell || n.role == ui::Role::Slider || n.role == ui::Role::NumberField)
        CHECK(!std::isnan(n.value));
    }
    // Each matrix table is followed by all of its cells, row by row.
    for (const auto& table : nodes) {
      if (table.kind != Kind::Table || table.id.empty()) continue;
      CAPTURE(table.id);
      const auto cells = std::count_if(nodes.begin(), nodes.end(), [&](const auto& n) {
        return n.kind == Kind::Item && n.id.rfind(table.id + "[", 0) == 0;
      });
      CHECK(static_cast<size_t>(cells) == table.rows.size() * table.cols.size());
    }
    // Each picture's text alternative says what that picture draws: the step's numbers once, over
    // the view that pictures them; a plane its arrows; never words the mirror reads already as
    // text (the tester found the timeline's text said again, and weights where none are drawn).
    const auto viewed = [&](std::string_view id) {
      return std::find(tour.views.begin(), tour.views.end(), id) != tour.views.end();
    };
    bool picturesNumbers = false;
    for (const auto& id : tour.views)
      if (const ui::StepViewRecord* view = ui::findStepView(id))
        picturesNumbers = picturesNumbers || view->picturesTheNumbers;
    int saysNumbers = 0, planes = 0;
    for (const auto& picture : nodes) {
      if (picture.kind != Kind::Picture) continue;
      CAPTURE(picture.text);
      CHECK(!picture.text.empty());
      CHECK(picture.w > 0);
      CHECK(picture.h > 0);
      if (picture.text.find("Its attention weights") != std::string::npos ||
          picture.text.find("Alignment") != std::string::npos)
        ++saysNumbers;
      if (picture.text.rfind("Arrows from the origin on a plane of ", 0) == 0) ++planes;
      for (const auto& text : nodes)
        if (text.kind == Kind::Text && text.text.size() > 20) CHECK(picture.text.find(text.text) == std::string::npos);
    }
    CHECK(saysNumbers <= 1);
    if (picturesNumbers && tour.workedNumbers) CHECK(saysNumbers == 1);
    if (!picturesNumbers) CHECK(saysNumbers == 0);
    CHECK(planes == (viewed("key-plane") ? 1 : 0) + (viewed("value-plane") ? 1 : 0));
    // FlashAttention's strip of scores and running max, a drawing only, said tile by tile.
    const auto strips = std::count_if(nodes.begin(), nodes.end(), [](const ui::MirrorNode& n) {
      return n.kind == Kind::Picture && n.text.rfind("The scores of ", 0) == 0 &&
             n.text.find("Tile 1:") != std::string::npos;
    });
    CHECK(strips == (viewed("flash") ? 1 : 0));
  }
  frame(app, 1280, 800);
  CHECK(!app.focus.mirroring);  // only the frame asked for records
}

TEST_CASE("the page's mirror moves the focus ring and presses a control as the keyboard would") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  ui::requestFocus(app, "next");
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  bool focused = false;
  for (const auto& w : app.focus.widgets) focused = focused || (w.id == "next" && w.focused);
  CHECK(focused);
  const int before = app.session().lesson().step;
  ui::requestPress(app, "next");
  for (int k = 0; k < 4; ++k) frame(app, 1280, 800);
  CHECK(app.session().lesson().step == before + 1);
  ui::requestFocus(app, "no-such-control");  // nothing drawn under it: the focus stays
  frame(app, 1280, 800);
  CHECK(app.session().lesson().step == before + 1);
}

TEST_CASE("a focused control is named for a screen reader with its role and value") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  app.focus.describeEveryItem = true;  // every drawn item keeps its label, not only the focused one
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;
  goToStep(app, lesson::stepIndexOf("tokens"));
  frame(app, 1280, 4000);  // tall enough to draw the settings and the practice panel
  frame(app, 1280, 4000);
  CHECK(ui::spokenName(app, "next") == "Next step, button");
  CHECK(ui::spokenName(app, "token[0]") == "Token 1, \"The\", button: makes it the selected query");
  CHECK(ui::spokenName(app, "token[1]") == "Token 2, \"bank\", the selected query");
  CHECK(ui::spokenName(app, "dot[1]") ==
        "Step 2 of " + std::to_string(lesson::stepCount()) + ", Tokens become vectors, current step");
  CHECK(ui::spokenName(app, "scale") == "Divide by the square root of d_k, checkbox, on");
  CHECK(ui::spokenName(app, "dK") == "Key width d_k, number field, 4");
  CHECK(ui::spokenName(app, "temperature") == "Temperature, slider, 1");
  CHECK(ui::spokenName(app, "preset") == "Example sentence, list, The bank by the river was steep: Space opens it");
  CHECK(ui::spokenName(app, "X[1][0]") == "X, row 2 \"bank\", column 1 \"nature\": 0.35. Enter types a new value.");
  const auto& question = lesson::quiz().front();
  CHECK(ui::spokenName(app, "quiz-" + std::string(question.id) + "[0]") ==
        std::string(question.question) + " Answer 1 of " + std::to_string(question.answers.size()) + ": " +
            std::string(question.answers[0]));
  CHECK(ui::spokenName(app, "X[99][0]") == "X[99][0]");  // not drawn: said as it is, never a crash
  CHECK(ui::spokenName(app, "no-such-control") == "no-such-control");
  // The weights matrix is drawn as a grid on the weighted-sum step.
  goToStep(app, lesson::stepIndexOf("weighted-sum"));
  frame(app, 1280, 4000);
  frame(app, 1280, 4000);
  CHECK(ui::spokenName(app, "weights[1][4]").find("row 2 \"bank\", column 5 \"river\": 0.3") != std::string::npos);
  CHECK(ui::spokenName(app, "weights[1][4]").find("Space shows") != std::string::npos);
}

TEST_CASE("only the focused item's label is formatted in an ordinary frame") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  pressKey(app, ImGuiKey_Tab);
  size_t described = 0;
  std::string focusedLabel;
  for (const auto& w : app.focus.widgets) {
    if (!w.spoken.empty()) ++described;
    if (w.focused) focusedLabel = w.spoken;
  }
  CHECK(described == 1);
  CHECK(focusedLabel.find(", ") != std::string::npos);  // a name and a role, not a bare id
}

TEST_CASE("every number setting has - and + buttons that Tab reaches") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.editOpen = true;
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  for (const char* id : {"dModel", "dK", "heads", "seed"}) {
    CHECK_MESSAGE(findWidget(app, id) != nullptr, id);
    CHECK_MESSAGE(findWidget(app, std::string(id) + "-plus") != nullptr, id);
    CHECK_MESSAGE(findWidget(app, std::string(id) + "-minus") != nullptr, id);
  }
}

TEST_CASE("the formula panel prints the core's numbers for the selected pair") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  setUpState(app, [](lesson::LessonState& s) {
    REQUIRE(lesson::loadPreset("three-tokens", s));
    s.selected = 0;
    s.selectedKey = 2;
  });
  const auto lines = ui::formulaLines(app);
  CHECK(lines.dot ==
        "q_1 \xC2\xB7 k_3 = 1.00\xC3\x97"
        "1.00 + 0.00\xC3\x97"
        "1.00 + 1.00\xC3\x97"
        "0.00 + 0.00\xC3\x97"
        "0.00 = 1.00");
  CHECK(lines.scale ==
        "s_1_3 = 1.00 / (\xE2\x88\x9A"
        "4) = 0.50");
  CHECK(lines.softmax.find("= 0.31") != std::string::npos);  // e^-0.5 / (1 + e^-1 + e^-0.5) = 0.307
}

TEST_CASE("the embedded font covers every symbol the lesson prints") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  // sqrt, middle dot, sum, superscript T, infinity, arrows, <=, >=, times, subscripts, ellipsis
  const ImWchar symbols[] = {0x221A, 0x00B7, 0x03A3, 0x1D40, 0x221E, 0x2190, 0x2192, 0x2264,
                             0x2265, 0x00D7, 0x2081, 0x2082, 0x2099, 0x2026, 0x00B2};
  for (ImFont* font : {app.platform.fonts.body, app.platform.fonts.bold, app.platform.fonts.title})
    for (ImWchar c : symbols) {
      CAPTURE(static_cast<int>(c));
      CHECK(font->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("every character of the lesson, experiments and quiz has a glyph") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  std::vector<std::string> texts;
  for (const auto& step : lesson::tourSteps())
    for (std::string_view part : {step.title, step.plain, step.more, step.formula}) texts.emplace_back(part);
  for (const auto& formal : app.platform.formalTexts.byStep) texts.push_back(formal);
  for (const auto& e : lesson::experiments())
    texts.insert(texts.end(), {std::string(e.task), std::string(e.explanation)});
  for (const auto& q : lesson::quiz()) {
    texts.insert(texts.end(), {std::string(q.question), std::string(q.why)});
    for (std::string_view answer : q.answers) texts.emplace_back(answer);
  }
  {
    for (const std::string* text = texts.data(); text != texts.data() + texts.size(); ++text) {
      const char* p = text->c_str();
      const char* end = p + text->size();
      while (p < end) {
        unsigned int c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        CAPTURE(*text);
        CAPTURE(c);
        CHECK(app.platform.fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
      }
    }
  }
}

TEST_CASE("a key's tip on the plane moves with the mouse and with the arrow keys") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  const int scores = lesson::stepIndexOf("scores");
  goToStep(app, scores);
  frame(app, 1280, 1600);
  frame(app, 1280, 1600);
  REQUIRE(findWidget(app, "vec-q[1]") != nullptr);  // the selected query's tip
  const ui::WidgetRect* tip = findWidget(app, "vec-k[4]");
  REQUIRE(tip != nullptr);
  const float nature = app.session().trace().attention.K.at(4, 0), money = app.session().trace().attention.K.at(4, 1);
  const auto weightsBefore = app.session().trace().attention.heads.front().weights;
  // Drag river's key tip to the right (more nature), like a person with a mouse. (Up and to the
  // left would be at right angles to bank's query and leave every score as it was.)
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 start(tip->x + tip->w * 0.5f, tip->y + tip->h * 0.5f);
  io.MousePos = start;
  frame(app, 1280, 1600);
  io.MouseDown[0] = true;
  frame(app, 1280, 1600);
  for (int k = 1; k <= 4; ++k) {
    io.MousePos = ImVec2(start.x + 10.0f * static_cast<float>(k), start.y);
    frame(app, 1280, 1600);
  }
  io.MouseDown[0] = false;
  frame(app, 1280, 1600);
  CHECK(app.session().trace().attention.K.at(4, 0) > nature);
  CHECK(app.session().trace().attention.K.at(4, 1) == money);
  CHECK(app.session().trace().attention.heads.front().weights.at(1, 4) > weightsBefore.at(1, 4));
  CHECK(app.session().lesson().step == scores);
  // The click left Dear ImGui's focus on the tip; Tab and Shift+Tab bring the keyboard back to it.
  pressKey(app, ImGuiKey_Tab);
  CHECK_FALSE(findWidget(app, "vec-k[4]")->focused);
  io.KeyShift = true;
  pressKey(app, ImGuiKey_Tab);
  io.KeyShift = false;
  const bool focused = findWidget(app, "vec-k[4]") != nullptr && findWidget(app, "vec-k[4]")->focused;
  REQUIRE(focused);
  CHECK(ui::spokenName(app, "vec-k[4]").rfind("Key 5 \"river\", arrow tip at nature", 0) == 0);
  const float x = app.session().lesson().K.at(4, 0), y = app.session().lesson().K.at(4, 1);
  pressKey(app, ImGuiKey_RightArrow);
  CHECK(app.session().lesson().K.at(4, 0) == doctest::Approx(x + 0.1f));
  pressKey(app, ImGuiKey_DownArrow);
  CHECK(app.session().lesson().K.at(4, 1) == doctest::Approx(y - 0.1f));
  CHECK(app.session().lesson().step == scores);
}

TEST_CASE("paragraphs break lines at spaces only, so punctuation never starts a line") {
  const auto oneUnitEach = [](size_t from, size_t to) { return static_cast<float>(to - from); };
  bool overlong = false;
  const std::string text = "another beside \"deposit\". Older models read";
  // 25 units: "another beside \"deposit\"." is 25 wide, so the break comes before "Older".
  for (float width = 8; width <= 40; width += 1) {
    CAPTURE(width);
    const std::string lines = ui::breakAtSpaces(text, width, 1.0f, oneUnitEach, overlong);
    CHECK(lines.size() == text.size());  // only spaces were replaced
    size_t start = 0;
    while (start < lines.size()) {
      const size_t end = std::min(lines.find('\n', start), lines.size());
      CHECK(lines[start] != '.');
      CHECK(lines[start] != ' ');
      if (!overlong) CHECK(static_cast<float>(end - start) <= width);
      start = end + 1;
    }
  }
  CHECK(ui::breakAtSpaces("a\nb c", 100, 1.0f, oneUnitEach, overlong) == "a\nb c");  // hard breaks stay
  CHECK(ui::breakAtSpaces("abcdefghij k", 4, 1.0f, oneUnitEach, overlong) == "abcdefghij\nk");
  CHECK(overlong);
}

// Text from any script reaches a name field whole (the page's hidden text field and GLFW both
// hand Dear ImGui code points), the lesson keeps it, and a character the fonts lack is drawn
// with the replacement glyph instead of vanishing or becoming a '?'.
TEST_CASE("a name typed in any script is kept whole; characters the fonts lack are drawn as U+FFFD") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  openNameField(app, 1, 1600);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  pressKey(app, ImGuiKey_A);
  io.KeyCtrl = false;
  const std::string typed = "caf\xC3\xA9 \xCE\xA9\xCE\xBC";  // "café Ωμ"
  for (std::size_t i = 0; i < typed.size();) io.AddInputCharacter(text::nextTypedCharacter(typed, i));
  frame(app, 1280, 1600);
  pressKey(app, ImGuiKey_Enter);
  CHECK(app.session().lesson().tokens.at(1) == typed);
  CHECK(app.session().lesson().notice.empty());

  for (ImFont* font :
       {app.platform.fonts.body, app.platform.fonts.bold, app.platform.fonts.title, app.platform.fonts.mono}) {
    REQUIRE(font != nullptr);
    CHECK(font->FallbackChar == 0xFFFD);
    const ImFontGlyph* replacement = font->FindGlyphNoFallback(0xFFFD);
    REQUIRE(replacement != nullptr);  // a real glyph in the subset, not a blank
    CHECK(replacement->Visible);
    CHECK(font->FindGlyph(0x03A9) == replacement);  // Ω, not in the subsets
    CHECK(font->FindGlyph(0x65E5) == replacement);  // 日
    CHECK(font->FindGlyph('?') != replacement);
  }
  CHECK(app.platform.fonts.body->FindGlyph(0x00E9) != app.platform.fonts.body->FallbackGlyph);  // é has its own
}

// A platform font for the tests: every character a box as wide as most letters, except one
// character it has no font for (the page and the desktop draw real letters: the browser test
// and the desktop smoke look at those).
constexpr char32_t kNoFontHas = 0xF0001;  // private use: no font has it
bool boxGlyph(char32_t c, float em, ui::GlyphImage& image) {
  if (c == kNoFontHas) return false;
  image.width = std::max(1, static_cast<int>(em * 0.6f));
  image.height = std::max(1, static_cast<int>(em * 0.7f));
  image.left = 1;
  image.top = static_cast<float>(-image.height);
  image.advance = static_cast<float>(image.width + 2);
  image.alpha.assign(static_cast<size_t>(image.width) * static_cast<size_t>(image.height), 255);
  return true;
}

// A frame as the runtime draws it: the fonts are built again first when the learner's text
// brings characters the atlas has not tried.
void frameWithGlyphs(ui::AppState& app, float width, float height) {
  if (ui::wantsMoreGlyphs(app)) {
    ui::buildFonts(app, app.platform.uiScale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  frame(app, width, height);
}

// Names in Cyrillic, Chinese and Arabic, and a dimension label: the platform's fonts draw what
// the embedded face lacks, on every step; without them, or for a character no font has, the
// frame's count of characters drawn without a glyph says so (so the count can fail).
TEST_CASE("characters the embedded face lacks are drawn by the platform's fonts on every step, and counted when not") {
  // The third: the code face not there yet, as the served page starts (code in the body face).
  for (const int variant : {0, 1, 2}) {
    const bool platformFonts = variant > 0;
    CAPTURE(variant);
    HeadlessImGui context;
    ui::AppState app;
    if (platformFonts) app.platform.extraGlyphs.draw = boxGlyph;
    setUp(app);
    if (variant == 2) {
      app.platform.codeFont = nullptr;
      app.platform.codeFontSize = 0;
      ui::buildFonts(app, 1.0f);
      REQUIRE(app.platform.fonts.mono == app.platform.fonts.body);
    }
    skipGuesses(app);
    const std::vector<std::string> names = {"\xD0\xBA\xD0\xBE\xD1\x82", "\xE7\x8C\xAB",
                                            "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"};  // кот, 猫, سلام
    for (int k = 0; k < static_cast<int>(names.size()); ++k)
      REQUIRE(ui::apply(app, lesson::actions::RenameToken{k, names[static_cast<size_t>(k)]}) == "");
    int missing = 0;
    for (int step = 0; step < lesson::stepCount(); ++step) {
      CAPTURE(step);
      goToStep(app, step);
      frameWithGlyphs(app, 1280, 1600);
      frameWithGlyphs(app, 1280, 1600);
      const int count = ui::missingGlyphs(app, ImGui::GetDrawData());
      if (platformFonts) CHECK(count == 0);
      missing += count;
    }
    if (!platformFonts) CHECK(missing > 0);
    if (platformFonts) {
      // Each character was asked for once, and the atlas holds it in every face.
      // к о т 猫 س ل ا م, and the Arabic letters' joined forms (4, 4 and the 8 lam-alefs, 2, 4).
      CHECK(app.platform.extraGlyphs.characters.size() == 8 + 4 + 12 + 2 + 4);
      for (ImFont* font : {app.platform.fonts.body, app.platform.fonts.bold, app.platform.fonts.title})
        CHECK(font->FindGlyphNoFallback(0x732B) != nullptr);
      // A character no font has is tried once and counted wherever it is drawn.
      REQUIRE(ui::apply(app, lesson::actions::RenameToken{0, "x\xF3\xB0\x80\x81"}) == "");
      goToStep(app, lesson::stepIndexOf("softmax"));
      frameWithGlyphs(app, 1280, 1600);
      frameWithGlyphs(app, 1280, 1600);
      CHECK(ui::missingGlyphs(app, ImGui::GetDrawData()) > 0);
      CHECK_FALSE(ui::wantsMoreGlyphs(app));  // not asked again every frame
    }
  }
}

// Where each glyph of the font `font` for `c` starts in the frame's vertices (its quads' left edges).
std::vector<float> quadsOf(const ImFont* font, char32_t c) {
  std::vector<float> xs;
  const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
  if (!glyph) return xs;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const auto& vertices = data->CmdLists[l]->VtxBuffer;
    for (int v = 0; v + 2 < vertices.Size; ++v)
      if (vertices[v].uv.x == glyph->U0 && vertices[v].uv.y == glyph->V0 && vertices[v + 2].uv.x == glyph->U1 &&
          vertices[v + 2].uv.y == glyph->V1)
        xs.push_back(vertices[v].pos.x);
  }
  return xs;
}

// "سلام" (sin, lam, alef, mim) is shown right to left and joined: sin in its first form at the
// right, lam and alef as their ligature (last form: it joins the sin), mim alone at the left (an
// alef never joins the letter after it); no letter is drawn in its lone, unjoined glyph.
TEST_CASE("Arabic is drawn right to left with its letters joined, everywhere the name is drawn") {
  HeadlessImGui context;
  ui::AppState app;
  app.platform.extraGlyphs.draw = boxGlyph;
  setUp(app);
  skipGuesses(app);
  REQUIRE(ui::apply(app, lesson::actions::RenameToken{1, "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"}) == "");
  for (const char* stepId : {"tokens", "softmax", "weighted-sum"}) {
    CAPTURE(stepId);
    goToStep(app, lesson::stepIndexOf(stepId));
    frameWithGlyphs(app, 1280, 1600);
    frameWithGlyphs(app, 1280, 1600);
    const ImFont* body = app.platform.fonts.body;
    const auto sinFirst = quadsOf(body, 0xFEB3), lamAlefLast = quadsOf(body, 0xFEFC), mimAlone = quadsOf(body, 0xFEE1);
    REQUIRE(!sinFirst.empty());
    REQUIRE(sinFirst.size() == lamAlefLast.size());
    REQUIRE(sinFirst.size() == mimAlone.size());
    for (size_t k = 0; k < sinFirst.size(); ++k) {
      CHECK(sinFirst[k] > lamAlefLast[k]);
      CHECK(lamAlefLast[k] > mimAlone[k]);
    }
    for (const ImFont* font : {app.platform.fonts.body, app.platform.fonts.bold, app.platform.fonts.title})
      for (char32_t letter : {0x0633, 0x0644, 0x0627, 0x0645}) {
        CAPTURE(static_cast<int>(letter));
        CAPTURE(font == app.platform.fonts.body);
        CHECK(quadsOf(font, letter).empty());
      }
    CHECK(ui::missingGlyphs(app, ImGui::GetDrawData()) == 0);
  }
}

// Two right-to-left names drawn side by side, each its own text (a heatmap's column names),
// stay in their places: each is turned round in its own room, not the pair as one run, even where
// the room between them is as wide as a whole number of spaces. One text of two names with a
// space between them is one run: its words change places.
TEST_CASE("right-to-left names side by side keep their places, each turned round in its own room") {
  HeadlessImGui context;
  ui::AppState app;
  app.platform.extraGlyphs.draw = boxGlyph;
  setUp(app);
  const std::string shalom = "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", sus = "\xD7\xA1\xD7\x95\xD7\xA1";  // שלום, סוס
  REQUIRE(ui::apply(app, lesson::actions::RenameToken{0, shalom}) == "");
  REQUIRE(ui::apply(app, lesson::actions::RenameToken{1, sus}) == "");
  frameWithGlyphs(app, 1280, 800);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1280, 800);
  const float first = ImGui::CalcTextSize(shalom.c_str()).x, space = ImGui::CalcTextSize(" ").x;
  const ImFont* body = app.platform.fonts.body;
  for (const float room : {7.3f, 2 * space, 3 * space}) {
    CAPTURE(room);
    for (int pass = 0; pass < 2; ++pass) {  // a new window shows from its second frame
      ImGui::NewFrame();
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(ImVec2(600, 300));
      ImGui::Begin("names");
      ImDrawList* draw = ImGui::GetWindowDrawList();
      draw->AddText(ImVec2(100, 100), IM_COL32_BLACK, shalom.c_str());
      draw->AddText(ImVec2(100 + first + room, 100), IM_COL32_BLACK, sus.c_str());  // the room between cells
      ImGui::End();
      ImGui::Render();
    }
    ui::orderRightToLeft(app, ImGui::GetDrawData());
    const auto shin = quadsOf(body, 0x05E9), mem = quadsOf(body, 0x05DD), samekh = quadsOf(body, 0x05E1);
    REQUIRE(shin.size() == 1);
    REQUIRE(mem.size() == 1);
    REQUIRE(samekh.size() == 2);
    CHECK(shin[0] > mem[0]);  // shalom reads from the right: shin first, final mem last
    CHECK(shin[0] < 100 + first);
    CHECK(std::min(samekh[0], samekh[1]) > 100 + first);  // sus stays to the right of shalom
  }
  // The two names as one text: sus, read second, goes to the left.
  for (int pass = 0; pass < 2; ++pass) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 300));
    ImGui::Begin("names");
    ImGui::GetWindowDrawList()->AddText(ImVec2(100, 100), IM_COL32_BLACK, (shalom + "  " + sus).c_str());
    ImGui::End();
    ImGui::Render();
  }
  ui::orderRightToLeft(app, ImGui::GetDrawData());
  const auto shin = quadsOf(body, 0x05E9), samekh = quadsOf(body, 0x05E1);
  REQUIRE(shin.size() == 1);
  REQUIRE(samekh.size() == 2);
  CHECK(std::max(samekh[0], samekh[1]) < shin[0]);
  CHECK(std::min(samekh[0], samekh[1]) < 100 + ImGui::CalcTextSize(sus.c_str()).x);
}

// A platform that shapes words, for the tests: a word is one box as wide as its first letter and
// half of each other (a conjunct is narrower than its letters side by side); a joiner has no ink.
bool boxWord(const std::string& word, float em, ui::GlyphImage& image) {
  image.width = std::max(1, static_cast<int>(em * 0.6f * (1.0f + 0.5f * static_cast<float>(word.size() - 1))));
  image.height = std::max(1, static_cast<int>(em * 0.9f));
  image.left = 0;
  image.top = static_cast<float>(-image.height);
  image.advance = static_cast<float>(image.width);
  image.alpha.assign(static_cast<size_t>(image.width) * static_cast<size_t>(image.height), 255);
  return true;
}

// The quads of the frame that show `uv0` (a glyph's or a word's first corner) and have an area.
int shownQuads(ImVec2 uv0) {
  int count = 0;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const auto& vertices = data->CmdLists[l]->VtxBuffer;
    for (int v = 0; v + 2 < vertices.Size; ++v)
      if (vertices[v].uv.x == uv0.x && vertices[v].uv.y == uv0.y && vertices[v + 2].pos.x > vertices[v].pos.x &&
          vertices[v + 2].pos.y > vertices[v].pos.y)
        ++count;
  }
  return count;
}

// A learner who names and renames many times (each name a new word; typing makes one of each
// prefix): when the atlas's list of words is full it starts again from the lesson's own, and
// the name shown now is still drawn whole.
TEST_CASE("many words named one after another: the list starts again from the lesson's, the name shown is whole") {
  HeadlessImGui context;
  ui::AppState app;
  app.platform.extraGlyphs.draw = boxGlyph;
  app.platform.extraGlyphs.drawWord = boxWord;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("tokens"));
  std::string name;
  for (size_t k = 0; k < ui::kMaxShapedWords + 10; ++k) {
    name.clear();
    text::appendUtf8(name, static_cast<char32_t>(0x0915 + k % 37));
    text::appendUtf8(name, static_cast<char32_t>(0x0915 + k / 37));
    REQUIRE(ui::apply(app, lesson::actions::RenameToken{0, name}) == "");
    frameWithGlyphs(app, 1280, 800);
  }
  frameWithGlyphs(app, 1280, 800);
  const auto& words = app.platform.extraGlyphs.words;
  CHECK(words.size() <= ui::kMaxShapedWords);
  CHECK(words.size() < 20);  // started again from the lesson's own words, then the last names
  CHECK(std::find(words.begin(), words.end(), name) != words.end());
  CHECK(app.platform.extraGlyphs.lettersAlone == 0);
  CHECK(app.platform.extraGlyphs.wordImages.size() < 4 * 20);  // the images of the others let go
}

// A name cut short to fit is cut between clusters: never after a virama, never before a vowel
// sign (क्षत्रिय gives "क्ष." or "क्षत्रि.", not "क्षत्." with a bare virama).
TEST_CASE("a name of a shaped script is cut short between its clusters") {
  HeadlessImGui context;
  ui::AppState app;
  app.platform.extraGlyphs.draw = boxGlyph;
  setUp(app);
  const std::string name =
      "\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xB7\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xBF\xE0\xA4\xAF";
  std::vector<std::string> cuts;
  frameWithGlyphs(app, 1280, 800);  // the name's characters into the atlas
  ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
  for (float width = 4; width < 200; width += 2) {
    ImGui::NewFrame();
    const std::string shown = ui::fitLabel(name, width);
    ImGui::Render();
    if (shown == name) break;
    REQUIRE(shown.back() == '.');
    const std::string kept = shown.substr(0, shown.size() - 1);
    REQUIRE(name.compare(0, kept.size(), kept) == 0);
    size_t i = kept.size();
    const long next = text::decodeUtf8(name, i);
    CHECK_FALSE(ui::attachesToPrevious(static_cast<char32_t>(next)));
    size_t last = kept.size() - 3;  // every letter here takes 3 bytes
    CHECK_FALSE(ui::joinsNext(static_cast<char32_t>(text::decodeUtf8(kept, last))));
    if (cuts.empty() || cuts.back() != shown) cuts.push_back(shown);
  }
  CHECK(cuts.size() >= 2);  // it was cut at more than one place
}

// The words to be shaped in a text: runs of two or more such characters, as bytes of the text;
// the UTF-8 written for a run's letters reads back as the same characters.
TEST_CASE("the words to shape are the runs of letters of the scripts that need it") {
  std::vector<std::string> words;
  const std::string text = "a \xE0\xA4\xA8\xE0\xA4\xAE, \xE0\xA4\x95 \xE0\xB8\x81\xE0\xB8\xB2\xE2\x80\x8Dx\xFF";
  ui::forEachWordToShape(text, [&](std::string_view word) { words.emplace_back(word); });
  REQUIRE(words.size() == 2);  // नम and กา with its joiner; the lone क is no word
  CHECK(words[0] == "\xE0\xA4\xA8\xE0\xA4\xAE");
  CHECK(words[1] == "\xE0\xB8\x81\xE0\xB8\xB2\xE2\x80\x8D");
  for (const char32_t c : {U'A', U'\u00E9', U'\u0928', U'\uFFFD', U'\U0001F600', U'\U0010FFFF'}) {
    std::string utf8;
    text::appendUtf8(utf8, c);
    size_t i = 0;
    CHECK(text::decodeUtf8(utf8, i) == static_cast<long>(c));
    CHECK(i == utf8.size());
  }
}

// "नमस्ते" (na, ma, sa, virama, ta, the vowel sign e) where the platform shapes words: the word is
// drawn whole, from the browser's one image, wherever the name is drawn whole, and none of its
// letters is drawn alone; a word with a joiner inside matches too. Without a platform that
// shapes, the letters are drawn one by one, as before.
TEST_CASE("words of scripts that must be shaped are drawn whole where the platform shapes them") {
  const std::string namaste = "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87";
  const std::string joined = "\xE0\xA4\x95\xE0\xA5\x8D\xE2\x80\x8D\xE0\xA4\xB7";  // क्‍ष: ka, virama, ZWJ, ssa
  for (const bool shapes : {true, false}) {
    CAPTURE(shapes);
    HeadlessImGui context;
    ui::AppState app;
    app.platform.extraGlyphs.draw = [](char32_t c, float em, ui::GlyphImage& image) {
      if (c == 0x200D) {  // a joiner: nothing to see
        image = ui::GlyphImage{};
        return true;
      }
      return boxGlyph(c, em, image);
    };
    if (shapes) app.platform.extraGlyphs.drawWord = boxWord;
    setUp(app);
    skipGuesses(app);
    REQUIRE(ui::apply(app, lesson::actions::RenameToken{0, namaste}) == "");
    REQUIRE(ui::apply(app, lesson::actions::RenameToken{2, joined}) == "");
    for (const char* stepId : {"tokens", "softmax", "weighted-sum"}) {
      CAPTURE(stepId);
      goToStep(app, lesson::stepIndexOf(stepId));
      frameWithGlyphs(app, 1280, 1600);
      frameWithGlyphs(app, 1280, 1600);
      CHECK(ui::missingGlyphs(app, ImGui::GetDrawData()) == 0);
      CHECK((app.platform.extraGlyphs.lettersAlone == 0) == shapes);
      const auto& extra = app.platform.extraGlyphs;
      const ImFont* body = app.platform.fonts.body;
      const ImFontGlyph* na = body->FindGlyphNoFallback(0x0928);
      const ImFontGlyph* ssa = body->FindGlyphNoFallback(0x0937);
      REQUIRE(na != nullptr);
      REQUIRE(ssa != nullptr);
      if (!shapes) {
        CHECK(extra.shapedWords.empty());
        CHECK(shownQuads(ImVec2(na->U0, na->V0)) > 0);
        continue;
      }
      const auto word = std::find_if(extra.shapedWords.begin(), extra.shapedWords.end(),
                                     [&](const auto& w) { return w.font == body && w.letters == namaste; });
      const auto joinedWord = std::find_if(extra.shapedWords.begin(), extra.shapedWords.end(), [&](const auto& w) {
        return w.font == body && w.letters == joined;  // the joiner has a quad with nothing to see
      });
      REQUIRE(word != extra.shapedWords.end());
      REQUIRE(joinedWord != extra.shapedWords.end());
      // In the bold face the word is widened as bold widens the face's own glyphs.
      const ui::ExtraGlyphs::Word* bold = ui::wordOf(extra, app.platform.fonts.bold, namaste);
      REQUIRE(bold != nullptr);
      CHECK(bold->width > word->width);
      CHECK(bold->advance > word->advance);
      CHECK(shownQuads(word->uv0) > 0);
      CHECK(shownQuads(joinedWord->uv0) > 0);
      for (char32_t letter : {0x0928, 0x092E, 0x0938, 0x094D, 0x0924, 0x0947, 0x0915, 0x0937}) {
        CAPTURE(static_cast<int>(letter));
        const ImFontGlyph* glyph = body->FindGlyphNoFallback(static_cast<ImWchar>(letter));
        REQUIRE(glyph != nullptr);
        CHECK(shownQuads(ImVec2(glyph->U0, glyph->V0)) == 0);
      }
    }
  }
}

// "سَلَام" (sin, fatha, lam, fatha, alef, mim): a vowel mark between two letters lets them join.
// Where the platform cannot shape words (the desktop), sin is in its first form and lam between
// (each joined across a fatha), alef last, mim alone; where it can (the page), each Arabic word is
// drawn whole from one image, no letter alone, and a name of two words reads from the right.
TEST_CASE("Arabic with vowel marks is joined across them, and drawn a word at a time where the platform shapes") {
  const std::string salam = "\xD8\xB3\xD9\x8E\xD9\x84\xD9\x8E\xD8\xA7\xD9\x85";
  const std::string marhaba = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", ahlan = "\xD8\xA3\xD9\x87\xD9\x84\xD8\xA7";
  for (const bool shapes : {false, true}) {
    CAPTURE(shapes);
    HeadlessImGui context;
    ui::AppState app;
    app.platform.extraGlyphs.draw = boxGlyph;
    if (shapes) app.platform.extraGlyphs.drawWord = boxWord;
    setUp(app);
    skipGuesses(app);
    REQUIRE(ui::apply(app, lesson::actions::RenameToken{1, salam}) == "");
    REQUIRE(ui::apply(app, lesson::actions::RenameToken{2, marhaba + " " + ahlan}) == "");
    for (const char* stepId : {"tokens", "softmax", "weighted-sum"}) {
      CAPTURE(stepId);
      goToStep(app, lesson::stepIndexOf(stepId));
      frameWithGlyphs(app, 1280, 1600);
      frameWithGlyphs(app, 1280, 1600);
      CHECK(ui::missingGlyphs(app, ImGui::GetDrawData()) == 0);
      const auto& extra = app.platform.extraGlyphs;
      const ImFont* body = app.platform.fonts.body;
      if (!shapes) {
        const auto sinFirst = quadsOf(body, 0xFEB3), lamBetween = quadsOf(body, 0xFEE0);
        const auto alefLast = quadsOf(body, 0xFE8E), mimAlone = quadsOf(body, 0xFEE1);
        REQUIRE(!sinFirst.empty());
        REQUIRE(sinFirst.size() == lamBetween.size());
        REQUIRE(lamBetween.size() <= alefLast.size());  // marhaba's alef too
        for (size_t k = 0; k < sinFirst.size(); ++k) CHECK(sinFirst[k] > lamBetween[k]);
        CHECK(!mimAlone.empty());
        CHECK(quadsOf(body, 0x0633).empty());  // no sin alone
        CHECK(extra.lettersAlone > 0);         // and the words are counted as drawn a letter at a time
        continue;
      }
      CHECK(extra.lettersAlone == 0);
      const auto imageOf = [&](const std::string& letters) {
        const ui::ExtraGlyphs::Word* word = ui::wordOf(extra, body, letters);
        REQUIRE(word != nullptr);
        REQUIRE(shownQuads(word->uv0) > 0);
        return *word;
      };
      imageOf(salam);
      const ui::ExtraGlyphs::Word first = imageOf(marhaba), second = imageOf(ahlan);
      for (char32_t letter : {0x0633, 0x064E, 0x0644, 0x0627, 0x0645, 0x0631, 0x062D, 0x0623}) {
        CAPTURE(static_cast<int>(letter));
        std::vector<char32_t> forms{letter};  // neither the letter nor any of its forms is drawn
        ui::joinedFormsOf(letter, forms);
        for (char32_t form : forms)
          if (const ImFontGlyph* glyph = body->FindGlyphNoFallback(static_cast<ImWchar>(form)))
            CHECK(shownQuads(ImVec2(glyph->U0, glyph->V0)) == 0);
      }
      // The two words of one name: wherever the second is drawn (the name is whole there), the
      // first, read first, is drawn on its line to its right.
      const auto topLefts = [&](const ui::ExtraGlyphs::Word& word) {
        std::vector<ImVec2> at;
        const ImDrawData* data = ImGui::GetDrawData();
        for (int l = 0; l < data->CmdListsCount; ++l) {
          const auto& vertices = data->CmdLists[l]->VtxBuffer;
          for (int v = 0; v + 2 < vertices.Size; ++v)
            if (vertices[v].uv.x == word.uv0.x && vertices[v].uv.y == word.uv0.y) at.push_back(vertices[v].pos);
        }
        return at;
      };
      const auto firstAt = topLefts(first), secondAt = topLefts(second);
      REQUIRE(!secondAt.empty());
      for (const ImVec2& p : secondAt) {
        const auto onItsRight = std::find_if(firstAt.begin(), firstAt.end(), [&](const ImVec2& q) {
          return q.y == p.y && q.x > p.x + second.width && q.x < p.x + second.width + 40;
        });
        CHECK(onItsRight != firstAt.end());
      }
    }
  }
}

// A Persian name typed a character at a time, with its zero-width non-joiner: each run drawn
// while typing is asked for with the non-joiner where it was typed (it has a quad, though nothing
// to see), so no word is ever drawn joined across it, and the name is shown from its own image.
TEST_CASE("a Persian name typed with its zero-width non-joiner is never drawn joined across it") {
  const std::string typed = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85";  // می‌روم
  const std::string joined = "\xD9\x85\xDB\x8C\xD8\xB1\xD9\x88\xD9\x85";             // میروم
  HeadlessImGui context;
  ui::AppState app;
  app.platform.extraGlyphs.draw = [](char32_t c, float em, ui::GlyphImage& image) {
    if (ui::isJoiner(c)) {  // nothing to see
      image = ui::GlyphImage{};
      return true;
    }
    return boxGlyph(c, em, image);
  };
  app.platform.extraGlyphs.drawWord = boxWord;
  setUp(app);
  skipGuesses(app);
  openNameField(app, 1, 1600);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  pressKey(app, ImGuiKey_A);
  io.KeyCtrl = false;
  for (std::size_t i = 0; i < typed.size();) {
    io.AddInputCharacter(text::nextTypedCharacter(typed, i));
    frameWithGlyphs(app, 1280, 1600);
    frameWithGlyphs(app, 1280, 1600);
  }
  pressKey(app, ImGuiKey_Enter);
  REQUIRE(app.session().lesson().tokens.at(1) == typed);
  for (int k = 0; k < 3; ++k) frameWithGlyphs(app, 1280, 1600);
  const auto& words = app.platform.extraGlyphs.words;
  for (const std::string& word : words) CHECK(word.find(joined.substr(0, 6)) == std::string::npos);  // never "میر.."
  const ui::ExtraGlyphs::Word* shown = ui::wordOf(app.platform.extraGlyphs, app.platform.fonts.body, typed);
  REQUIRE(shown != nullptr);
  CHECK(shownQuads(shown->uv0) > 0);
  CHECK(app.platform.extraGlyphs.lettersAlone == 0);
}

// Words to draw whole are of one kind: an Arabic word and a Devanagari one that touch are two;
// a joiner stays in the word it is in (the Persian ZWNJ).
TEST_CASE("the words to shape keep to one direction, and a joiner stays in its word") {
  std::vector<std::string> words;
  const std::string persian = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85";  // می‌روم
  const std::string text = persian + "\xE0\xA4\xA8\xE0\xA4\xAE" + " \xD9\xA1\xD9\xA2";  // then नम, then Arabic digits
  ui::forEachWordToShape(text, [&](std::string_view word) { words.emplace_back(word); });
  REQUIRE(words.size() == 2);
  CHECK(words[0] == persian);
  CHECK(words[1] == "\xE0\xA4\xA8\xE0\xA4\xAE");
  CHECK(ui::letterBefore(0x064E) == 0x0640);  // a fatha is measured after a tatweel
  CHECK(ui::letterBefore(0x0928) == 0x0915);  // na after ka
  CHECK(ui::letterBefore(U'a') == 0);
}

TEST_CASE("Play animates the step, then stops asking for frames; reduced motion shows the end at once") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("scores"));
  frame(app, 1280, 1600);
  frame(app, 1280, 1600);
  const ui::WidgetRect* play = findWidget(app, "play");
  REQUIRE(play != nullptr);
  clickWidget(app, *play, 1280, 1600);
  CHECK(app.animating);
  CHECK(app.view.playback.animation == lesson::Animation::QueryMeetsKeys);
  frame(app, 1280, 1600);
  CHECK(findWidget(app, "vec-k[0]") != nullptr);  // the first key is met at once
  CHECK(findWidget(app, "vec-k[6]") == nullptr);  // the last one not yet
  int frames = 0;
  while (app.animating && frames < 2000) {
    frame(app, 1280, 1600);
    ++frames;
  }
  CHECK_FALSE(app.animating);  // ended: nothing asks for frames any more
  CHECK(frames > 60);          // it took a while to watch
  CHECK(app.view.playback.animation == lesson::Animation::None);
  CHECK(findWidget(app, "vec-k[6]") != nullptr);  // the whole step again
  // Reduced motion: the end state at once, nothing to animate.
  app.view.prefs.reducedMotion = true;
  clickWidget(app, *findWidget(app, "play"), 1280, 1600);
  CHECK_FALSE(app.animating);
  CHECK(app.view.playback.animation == lesson::Animation::None);
}

TEST_CASE("the worked numbers show only the terms the tour has introduced") {
  using lesson::FormulaLine;
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("why")) == FormulaLine::None);
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("qkv")) == FormulaLine::None);
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("scores")) == FormulaLine::Score);
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("softmax")) == FormulaLine::Softmax);
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("output")) == FormulaLine::Output);
  CHECK(ui::introducedSoFar(lesson::stepIndexOf("all-at-once")) == FormulaLine::Output);  // kept once met
}

TEST_CASE("a new step opens at its title, however far the last one was scrolled") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;  // opened by the learner
  goToStep(app, lesson::stepIndexOf("scores"));
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  REQUIRE(findWidget(app, "formal") != nullptr);
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(200, 500);  // over the lesson column
  for (int k = 0; k < 6; ++k) {
    io.MouseWheel = -10.0f;
    frame(app, 1280, 800);
  }
  io.MouseWheel = 0;
  frame(app, 1280, 800);
  REQUIRE(findWidget(app, "formal") == nullptr);  // scrolled past the step's text
  pressKey(app, ImGuiKey_RightArrow);
  frame(app, 1280, 800);
  CHECK(app.session().lesson().step == lesson::stepIndexOf("scale"));
  CHECK(findWidget(app, "formal") != nullptr);
}

TEST_CASE("numbers fit their cells and tooltips show floats without noise") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  for (float v : {0.0f, -0.001f, 3.5f, -999.99f, 1000.0f, -54321.0f, 2501750.2f, -1.6e7f})
    CHECK_MESSAGE(ui::formatNumber(v).size() <= 8, v);
  CHECK(ui::formatNumber(2501750.2f) == "2.5e+06");
  CHECK(ui::formatNumber(-0.001f) == "0.00");
  CHECK(ui::formatExact(1.2f) == "1.2");
  CHECK(ui::formatExact(0.35f) == "0.35");
  CHECK(std::strtof(ui::formatExact(1.0f / 3.0f).c_str(), nullptr) == 1.0f / 3.0f);  // still exact
  frame(app, 1280, 800);                                                             // a font for measuring
  const std::string longName = "abcdefghijklmnopqrstuvwx", accented = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
  CHECK(ImGui::CalcTextSize(ui::fitLabel(longName, 60).c_str()).x <= 60);
  CHECK(ui::fitLabel("bank", 500) == "bank");
  const std::string cut = ui::fitLabel(accented, ImGui::CalcTextSize("\xC3\xA9\xC3\xA9.").x + 1);
  CHECK(cut == "\xC3\xA9\xC3\xA9.");                         // cut between characters, never inside one
  CHECK(ui::fitLabel(accented, 1) == "\xC3\xA9.");           // the first character stays
  CHECK(ui::fitLabel("\xE7\x8C\xAB", 1) == "\xE7\x8C\xAB");  // a name of one character is whole
  // A cut never leaves a space before its ".": "river bank" in room for "river b." at most.
  for (float room = 1; room < ImGui::CalcTextSize("river bank").x; room += 1)
    CHECK(ui::fitLabel("river bank", room).find(" .") == std::string::npos);
}

TEST_CASE("Tab passing over the token chips leaves the selected token alone") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("scores"));  // the token strip leads the views
  frame(app, 1280, 800);
  const int selected = app.session().lesson().selected;
  for (int k = 0; k < 40 && focusedWidgetId(app).rfind("token[", 0) != 0; ++k) {
    pressKey(app, ImGuiKey_Tab);
    CHECK(app.session().lesson().selected == selected);
  }
  // The chips are one stop, entered at the selected one; the arrows walk them without picking.
  CHECK(focusedWidgetId(app) == "token[" + std::to_string(selected) + "]");
  pressKey(app, ImGuiKey_RightArrow);
  CHECK(focusedWidgetId(app) == "token[" + std::to_string(selected + 1) + "]");
  CHECK(app.session().lesson().selected == selected);
  pressKey(app, ImGuiKey_Tab);
  CHECK(focusedWidgetId(app).rfind("token[", 0) != 0);
  CHECK(app.session().lesson().selected == selected);
}

TEST_CASE("a focused option does not look chosen: hovered frames are grey, the chosen mark is not") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  const ImVec4 hovered = ImGui::GetStyle().Colors[ImGuiCol_FrameBgHovered];
  const ImVec4 chosen = ImGui::GetStyle().Colors[ImGuiCol_CheckMark];
  const auto saturation = [](ImVec4 c) { return std::max({c.x, c.y, c.z}) - std::min({c.x, c.y, c.z}); };
  CHECK(saturation(hovered) < 0.1f);
  CHECK(saturation(chosen) > 0.4f);
  CHECK(hovered.w == 1.0f);  // opaque: the chosen blue never shows through
}

TEST_CASE("a name field holds the longest name; what is typed past it is dropped, with a tip") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  openNameField(app, 0, 2400);
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("xxxxxxxxxxxxxxxxxxxxxxxxx");  // 25 more after "The": 28
  frame(app, 1280, 2400);
  CHECK(app.view.nameFieldFull != 0);  // the tip under the field says why the last ones did not come
  io.KeysDown[ImGuiKey_Enter] = true;
  frame(app, 1280, 2400);
  io.KeysDown[ImGuiKey_Enter] = false;
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  CHECK(app.session().lesson().tokens[0] == "The" + std::string(21, 'x'));  // 24 characters, taken
  CHECK(app.session().lesson().notice.empty());
  CHECK(app.view.nameFieldFull == 0);  // the field is no longer edited: no tip
  app.focus.describeEveryItem = true;
  frame(app, 1280, 2400);
  CHECK(ui::spokenName(app, "rename[0]").find("at most 24 characters") != std::string::npos);
}

TEST_CASE("a refused name stays in its field to be fixed") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  openNameField(app, 0, 2400);
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  pressKey(app, ImGuiKey_A);
  io.KeyCtrl = false;
  io.AddInputCharactersUTF8("   ");  // a name that shows nothing
  frame(app, 1280, 2400);
  io.KeysDown[ImGuiKey_Enter] = true;
  frame(app, 1280, 2400);
  io.KeysDown[ImGuiKey_Enter] = false;
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  CHECK(app.session().lesson().tokens[0] == "The");  // refused
  CHECK(app.session().lesson().notice.find("character that shows") != std::string::npos);
  CHECK(app.view.renameDraft.index == 0);
  CHECK(app.view.renameDraft.text == "   ");  // what was typed, kept to fix
}

TEST_CASE("bars and their numbers fit the line, on a phone as on a desktop") {
  for (float scale : {1.0f, 2.0f})
    for (float available = 300 * scale; available <= 1400 * scale; available += 10 * scale) {
      for (float widest : {20.0f * scale, 60.0f * scale, 400.0f * scale}) {
        const ui::BarColumns columns = ui::barLayout(available, widest, scale);
        CAPTURE(available);
        CHECK(columns.labelWidth + columns.width + ui::kBarNumberRoom * scale <= available);
        CHECK(columns.width >= 40 * scale);
      }
    }
}

TEST_CASE("a cell's tip stays on the screen, in the last column of a phone's too") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("tokens"));
  for (const float width : {390.0f, 1280.0f}) {
    frame(app, width, 3000);
    frame(app, width, 3000);
    const ui::WidgetRect* cell = findWidget(app, "X[0][3]");
    REQUIRE(cell != nullptr);
    ImGui::GetIO().MousePos = ImVec2(cell->x + cell->w * 0.5f, cell->y + cell->h * 0.5f);
    frame(app, width, 3000);
    frame(app, width, 3000);
    int tips = 0;
    for (const ImGuiWindow* window : GImGui->Windows)
      if (window->Active && (window->Flags & ImGuiWindowFlags_Tooltip)) {
        ++tips;
        CAPTURE(width);
        CHECK(window->Pos.x >= 0.0f);
        CHECK(window->Pos.x + window->Size.x <= width);
      }
    CHECK(tips == 1);
    ImGui::GetIO().MousePos = ImVec2(-1, -1);
  }
}

TEST_CASE("a cell's tooltip names it counting from 1, as the worked numbers do") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  CHECK(ui::cellName(app, lesson::MatrixId::X, 1, 0) == "X row 2 \"bank\", column 1 \"nature\"");
  CHECK(ui::cellName(app, lesson::MatrixId::Weights, 1, 4) == "weights row 2 \"bank\", column 5 \"river\"");
}

TEST_CASE("the Reduce motion checkbox makes Play show the end state, on the desktop as on the page") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;  // opened by the learner
  goToStep(app, lesson::stepIndexOf("scores"));
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  const ui::WidgetRect* box = findWidget(app, "reduce-motion");
  REQUIRE(box != nullptr);
  clickWidget(app, *box, 1280, 2400);
  CHECK(app.view.prefs.reducedMotion);
  CHECK_FALSE(ImGui::GetIO().ConfigInputTextCursorBlink);
  clickWidget(app, *findWidget(app, "play"), 1280, 2400);
  CHECK_FALSE(app.animating);
  CHECK(app.view.playback.animation == lesson::Animation::None);
}

TEST_CASE("Enter presses a focused button, and still starts typing in a focused cell") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  frame(app, 1280, 800);
  pressKey(app, ImGuiKey_Tab);  // Back is greyed out on the first step: Tab lands on Next
  REQUIRE(findWidget(app, "next") != nullptr);
  REQUIRE(findWidget(app, "next")->focused);
  pressKey(app, ImGuiKey_Enter);
  CHECK(app.session().lesson().step == 1);
  // On a matrix cell, Enter opens the cell for typing instead.
  bool onCell = false;
  for (int k = 0; k < 40 && !onCell; ++k) {
    pressKey(app, ImGuiKey_Tab);
    for (const auto& w : app.focus.widgets) onCell = onCell || (w.focused && w.id.rfind("X[", 0) == 0);
  }
  REQUIRE(onCell);
  pressKey(app, ImGuiKey_Enter);
  CHECK(app.view.cellEdit.active);
  CHECK(app.session().lesson().step == 1);
}

TEST_CASE("on a phone every name and its Remove button are on screen, and the example list fits") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;  // opened by the learner
  frame(app, 390, 3000);
  frame(app, 390, 3000);
  for (size_t i = 0; i < app.session().lesson().tokens.size(); ++i) {
    const ui::WidgetRect* remove = findWidget(app, "remove[" + std::to_string(i) + "]");
    CAPTURE(i);
    REQUIRE(remove != nullptr);
    CHECK(remove->x + remove->w <= 390);
  }
  const ui::WidgetRect* preset = findWidget(app, "preset");
  REQUIRE(preset != nullptr);
  CHECK(preset->x + preset->w <= 390);
}

TEST_CASE("the glossary is on every step, opens, and leads to the step that teaches a word") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  for (const char* stepId : {"why", "softmax", "next"}) {
    goToStep(app, lesson::stepIndexOf(stepId));
    frame(app, 1280, 1600);
    frame(app, 1280, 1600);
    CHECK_MESSAGE(findWidget(app, "glossary") != nullptr, stepId);
  }
  // Closed, it shows no entries; a click on its heading opens it.
  CHECK(findWidget(app, "glossary-step[0]") == nullptr);
  const ui::WidgetRect* heading = findWidget(app, "glossary");
  REQUIRE(heading != nullptr);
  clickWidget(app, *heading, 1280, 1600);
  frame(app, 1280, 1600);
  const ui::WidgetRect* toSoftmax = nullptr;
  const auto& entries = lesson::glossary();
  for (size_t k = 0; k < entries.size(); ++k)
    if (entries[k].term == "softmax") toSoftmax = findWidget(app, "glossary-step[" + std::to_string(k) + "]");
  REQUIRE(toSoftmax != nullptr);
  clickWidget(app, *toSoftmax, 1280, 1600);
  frame(app, 1280, 1600);
  CHECK(app.session().lesson().step == lesson::stepIndexOf("softmax"));
}

TEST_CASE("the code listing shows the learner's numbers, follows an edit and copies to the clipboard") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("all-at-once"));
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  REQUIRE(findWidget(app, "code-listing") != nullptr);
  const std::string before = app.session().numpyListing();
  CHECK(before == lesson::numpyListing(app.session().lesson(), app.session().trace()));
  ui::apply(app, lesson::actions::SetMask{core::Mask::causal()});
  frame(app, 1280, 2400);
  CHECK(app.session().numpyListing() != before);
  CHECK(app.session().numpyListing().find("np.tril") != std::string::npos);
  const ui::WidgetRect* copy = findWidget(app, "code-copy");
  REQUIRE(copy != nullptr);
  clickWidget(app, *copy, 1280, 2400);
  const char* clipboard = ImGui::GetClipboardText();
  REQUIRE(clipboard != nullptr);
  CHECK(std::string(clipboard) == app.session().numpyListing());
  CHECK(app.view.listingCopiedAt == app.session().revision());
}

// The desktop has no JavaScript: level 2 of the coding challenge asks for the output vector of
// the hand case as two numbers, typed into the fields like a person would.
TEST_CASE("the desktop challenge's level 2: pick it, type the output vector, check it") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;  // opened by the learner
  const float width = 1280, height = 4000;                       // tall enough to show the practice panel whole
  frame(app, width, height);
  frame(app, width, height);
  const ui::WidgetRect* level2 = findWidget(app, "challenge-level[1]");
  REQUIRE(level2 != nullptr);
  REQUIRE(findWidget(app, "hand-answer[0]") != nullptr);
  CHECK(findWidget(app, "hand-output[0]") == nullptr);
  clickWidget(app, *level2, width, height);
  CHECK(app.view.challengeLevel == 2);
  CHECK(findWidget(app, "hand-answer[0]") == nullptr);

  ImGuiIO& io = ImGui::GetIO();
  const auto typeInto = [&](const std::string& id, const std::string& text) {
    const ui::WidgetRect* field = findWidget(app, id);
    REQUIRE(field != nullptr);
    clickWidget(app, *field, width, height);
    REQUIRE(io.WantTextInput);
    io.KeyCtrl = true;
    io.KeysDown[ImGuiKey_A] = true;
    frame(app, width, height);
    io.KeysDown[ImGuiKey_A] = false;
    io.KeyCtrl = false;
    for (char c : text) io.AddInputCharacter(static_cast<unsigned>(c));
    frame(app, width, height);
    io.KeysDown[ImGuiKey_Enter] = true;
    frame(app, width, height);
    io.KeysDown[ImGuiKey_Enter] = false;
    frame(app, width, height);
  };
  const auto check = [&] { clickWidget(app, *findWidget(app, "challenge-check"), width, height); };

  typeInto("hand-output[0]", "0.14");  // a weight, not the output
  typeInto("hand-output[1]", "0.28");
  check();
  CHECK(app.view.challengeMessage2.rfind("Not yet: row 1: got [", 0) == 0);
  CHECK_FALSE(app.session().progress().challenge2Done);

  typeInto("hand-output[0]", "0.72");
  typeInto("hand-output[1]", "0.86");
  CHECK(app.view.handOutput[0] == doctest::Approx(0.72f));
  check();
  CHECK(app.view.challengeMessage2.rfind("Right", 0) == 0);
  CHECK(app.session().progress().challenge2Done);
  CHECK_FALSE(app.session().progress().challengeDone);
  CHECK(app.view.challengeMessage.empty());  // each level keeps its own message

  // Back at level 1, its own fields and (empty) message return; level 2's stays for later.
  clickWidget(app, *findWidget(app, "challenge-level[0]"), width, height);
  CHECK(app.view.challengeLevel == 1);
  CHECK(findWidget(app, "hand-answer[2]") != nullptr);
  CHECK(app.view.challengeMessage2.rfind("Right", 0) == 0);
}

TEST_CASE("the FlashAttention stepper folds tile by tile to the direct result, and the tile size changes the tiles") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("flash"));
  frame(app, 1280, 1400);
  frame(app, 1280, 1400);
  const int tiles = static_cast<int>(app.session().trace().online.tiles.size());
  REQUIRE(tiles == 4);                   // 7 tokens, 2 keys a tile
  for (int k = 0; k < tiles + 2; ++k) {  // two presses more than needed: Next stops at the last tile
    const ui::WidgetRect* next = findWidget(app, "tile-next");
    REQUIRE(next != nullptr);
    clickWidget(app, *next, 1280, 1400);
  }
  CHECK(app.view.flashTile == tiles);
  CHECK(lesson::onlineDifference(app.session().trace()) < 1e-6f);
  const ui::WidgetRect* back = findWidget(app, "tile-back");
  REQUIRE(back != nullptr);
  clickWidget(app, *back, 1280, 1400);
  CHECK(app.view.flashTile == tiles - 1);
  const ui::WidgetRect* larger = findWidget(app, "tile-size-plus");
  REQUIRE(larger != nullptr);
  clickWidget(app, *larger, 1280, 1400);
  CHECK(app.session().lesson().tileSize == 3);
  CHECK(app.session().trace().online.tiles.size() == 3);
  CHECK(app.view.flashTile == 0);
}

TEST_CASE("the FlashAttention step's Play sweeps every tile in, one after another, and stops there") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("flash"));
  frame(app, 1280, 1400);
  frame(app, 1280, 1400);
  const int tiles = static_cast<int>(app.session().trace().online.tiles.size());
  REQUIRE(tiles == 4);
  REQUIRE(app.view.flashTile == 0);
  clickWidget(app, *findWidget(app, "play"), 1280, 1400);
  CHECK(app.view.playback.animation == lesson::Animation::TileSweep);
  std::vector<int> seen;
  for (int frames = 0; app.animating && frames < 3000; ++frames) {
    frame(app, 1280, 1400);
    if (seen.empty() || seen.back() != app.view.flashTile) seen.push_back(app.view.flashTile);
  }
  CHECK_FALSE(app.animating);
  CHECK(seen == std::vector<int>{0, 1, 2, 3, 4});  // each tile in turn, none skipped
  CHECK(app.view.flashTile == tiles);              // where Play stopped, the stepper stays
  frame(app, 1280, 1400);
  CHECK(app.view.flashTile == tiles);
}

TEST_CASE("the positions and sparse steps change the lesson through their own controls") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("positions"));
  frame(app, 1280, 1400);
  frame(app, 1280, 1400);
  const std::vector<std::string> before = app.session().lesson().tokens;
  clickWidget(app, *findWidget(app, "reverse-tokens"), 1280, 1400);
  CHECK(app.session().lesson().tokens == std::vector<std::string>(before.rbegin(), before.rend()));
  clickWidget(app, *findWidget(app, "positional"), 1280, 1400);
  CHECK(app.session().lesson().positional == lesson::Positional::Sinusoidal);
  CHECK(!app.session().trace().positions.empty());
  goToStep(app, lesson::stepIndexOf("sparse"));
  frame(app, 1280, 1400);
  frame(app, 1280, 1400);
  clickWidget(app, *findWidget(app, "sparse-mask-window"), 1280, 1400);
  CHECK(app.session().lesson().mask == core::Mask::slidingWindow(1, 1));
  frame(app, 1280, 1400);  // the window's steppers appear once the mask is applied
  const ui::WidgetRect* wider = findWidget(app, "sparse-mask-window-size-plus");
  REQUIRE(wider != nullptr);
  clickWidget(app, *wider, 1280, 1400);
  CHECK(app.session().lesson().mask == core::Mask::slidingWindow(2, 1));
}

TEST_CASE("the cost lab: Run asks the platform, results fill the view, Cancel drops later ones") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  int started = 0, cancelled = 0, startedMaxN = 0, startedRun = 0;
  bool startedOnGpu = false;
  app.platform.startCostLab = [&](int run, int maxN, bool onGpu) {
    ++started, startedRun = run, startedMaxN = maxN, startedOnGpu = onGpu;
  };
  app.platform.cancelCostLab = [&] { ++cancelled; };
  goToStep(app, lesson::stepIndexOf("cost-lab"));
  for (float width : {1280.0f, 390.0f}) {
    frame(app, width, 844);
    frame(app, width, 844);
    for (const char* id : {"cost-run", "cost-cancel", "cost-max[512]", "cost-max[4096]"}) CHECK(findWidget(app, id));
  }
  clickWidget(app, *findWidget(app, "cost-max[512]"), 390, 844);
  CHECK(app.view.costLab.maxN == 512);
  clickWidget(app, *findWidget(app, "cost-run"), 390, 844);
  REQUIRE(started == 1);
  CHECK(startedMaxN == 512);
  CHECK_FALSE(startedOnGpu);
  CHECK_FALSE(findWidget(app, "cost-run-gpu"));  // no WebGPU here: no GPU button, a line says why
  CHECK(app.view.costLab.phase == ui::CostLab::Phase::Running);
  CHECK(ui::costLabSizes(512) == std::vector<int>{64, 128, 256, 512});
  ui::costLabPoint(app, startedRun, {64, 0.2, 0.3, 1e-7, 98304, 83968, 2, 0.11, 0.16, 30});
  ui::costLabPoint(app, startedRun + 7, {128, 1, 1, 0, 1, 1, 1, 1, 1, 30});  // another run's: dropped
  CHECK(app.view.costLab.points.size() == 1);
  for (float width : {1280.0f, 390.0f}) frame(app, width, 844);
  // The speed-up and the share of the SIMD limit, in words, from the numbers measured:
  // 4·64·64·64 flops in 0.3 ms is 3.5 GFLOP/s, 12% of 30; 0.3 / 0.16 = 1.9 times as fast.
  app.focus.mirrorNextFrame = true;
  frame(app, 390, 844);
  std::string said;
  for (const auto& n : app.focus.mirror) said += n.text + "\n";
  CAPTURE(said);
  CHECK(said.find("3.5 GFLOP/s: 12%") != std::string::npos);
  CHECK(said.find("On 2 cores at once") != std::string::npos);
  CHECK(said.find("the tiled method ran 1.9 times as fast as on one core, and the direct method ran 1.8 times as "
                  "fast.") != std::string::npos);
  CHECK_FALSE(app.animating);  // waiting for results draws no frames of its own
  clickWidget(app, *findWidget(app, "cost-cancel"), 390, 844);
  CHECK(cancelled == 1);
  CHECK(app.view.costLab.phase == ui::CostLab::Phase::Cancelled);
  ui::costLabPoint(app, startedRun, {128, 1, 1, 0, 1, 1, 1, 1, 1, 30});
  ui::costLabFinished(app, startedRun, "");
  CHECK(app.view.costLab.points.size() == 1);
  CHECK(app.view.costLab.phase == ui::CostLab::Phase::Cancelled);
  // With WebGPU: Run on the GPU asks for the GPU; its results fill their own plot and table,
  // keep the CPU's, and the FlashAttention step reports them.
  app.platform.costLabGpu = true;
  frame(app, 390, 844);
  frame(app, 390, 844);
  REQUIRE(findWidget(app, "cost-run-gpu"));
  clickWidget(app, *findWidget(app, "cost-run-gpu"), 390, 844);
  CHECK(started == 2);
  CHECK(startedOnGpu);
  ui::costLabGpuPoint(app, startedRun, {64, 30, 6, 1e-7, 1, 0}, "google swiftshader");  // traffic 0: not real
  CHECK(app.view.costLab.phase == ui::CostLab::Phase::Failed);
  clickWidget(app, *findWidget(app, "cost-run-gpu"), 390, 844);
  ui::costLabGpuPoint(app, startedRun, {64, 30, 6, 1e-7, 1, 5.5e6, 0.5e6}, "google swiftshader");
  ui::costLabPoint(app, startedRun,
                   {64, 0.2, 0.3, 1e-7, 98304, 83968, 2, 0.11, 0.16, 30});  // a CPU point: not this run's
  ui::costLabFinished(app, startedRun, "");
  CHECK(app.view.costLab.gpuPoints.size() == 1);
  CHECK(app.view.costLab.points.size() == 1);  // the CPU's earlier run is kept
  CHECK(app.view.costLab.phase == ui::CostLab::Phase::Done);
  const std::string gpuSaid = ui::gpuSentence(app.view.costLab);
  CHECK(gpuSaid ==
        "At n = 64 the tiled method ran 5.0 times as fast as the direct one, whose kernels ask for 11.0 "
        "times as many bytes of its slow memory (counted from the kernels' loops).");
  {
    // Slower or about as fast is said so, never "0.5 times as fast".
    ui::CostLab slower = app.view.costLab;
    slower.gpuPoints.back().tiledMs = 60;
    CHECK(ui::gpuSentence(slower).find("the tiled method took 2.0 times as long as the direct one") !=
          std::string::npos);
    CHECK(ui::gpuSentence(slower).find("One likely reason") != std::string::npos);
    slower.gpuPoints.back().tiledMs = 29;
    CHECK(ui::gpuSentence(slower).find("the tiled method ran about as fast as the direct one") != std::string::npos);
    CHECK(ui::softwareGpu("Google SwiftShader"));
    CHECK(ui::softwareGpu("mesa llvmpipe"));
    CHECK_FALSE(ui::softwareGpu("nvidia ampere"));
  }
  goToStep(app, lesson::stepIndexOf("flash"));
  frame(app, 1280, 800);
  app.focus.mirrorNextFrame = true;
  frame(app, 1280, 800);
  std::string flashSaid;
  for (const auto& n : app.focus.mirror) flashSaid += n.text + "\n";
  CHECK(flashSaid.find("Its GPU run was on google swiftshader, a GPU emulated in software on the CPU: there the "
                       "tiled method ran 5.0 times as fast as the direct one, but an emulator's times say little") !=
        std::string::npos);
  CHECK(flashSaid.find("On this CPU, at n = 64, one core took 0.2 ms directly and 0.3 ms tiled") != std::string::npos);
  goToStep(app, lesson::stepIndexOf("cost-lab"));
  frame(app, 1280, 800);
  // Without a platform to run on, the view says so and Run does nothing.
  app.platform.startCostLab = nullptr;
  app.platform.costLabUnavailable = "Timing runs need the served page.";
  frame(app, 1280, 800);
  clickWidget(app, *findWidget(app, "cost-run"), 1280, 800);
  CHECK(started == 3);
}

TEST_CASE("the learning step: Train asks the platform, reports fill the view, Pause, Step and Reset act") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  // A platform that trains in place, as the desktop does, but all at once.
  std::vector<ui::Platform::TrainingRequest> requests;
  int stops = 0;
  app.platform.startTraining = [&](const ui::Platform::TrainingRequest& r) { requests.push_back(r); };
  app.platform.stopTraining = [&] { ++stops; };
  std::unique_ptr<core::Trainer> trainer;
  const auto serve = [&](const ui::Platform::TrainingRequest& r) {
    if (r.fresh || !trainer) trainer = std::make_unique<core::Trainer>(r.task, r.seed, r.learningRate);
    ui::TrainingProgress p;
    for (int s = 0; s < r.steps; ++s) trainer->step();
    for (int s = 0; s < r.steps; ++s)
      p.newLosses.push_back(static_cast<float>(trainer->losses()[static_cast<size_t>(s)]));
    const core::TrainingMeasure m = trainer->measure();
    p.stepsDone = trainer->stepsDone(), p.metric = static_cast<float>(m.metric);
    p.accuracy = static_cast<float>(m.accuracy);
    const core::ModelRun& run = trainer->run(r.probe);
    for (const auto& layer : run.layers) {
      core::Matrix map(layer.weights[0].rows, layer.weights[0].cols);
      for (size_t k = 0; k < map.values.size(); ++k) map.values[k] = static_cast<float>(layer.weights[0].v[k]);
      p.maps.push_back(map);
    }
    for (int i = 0; i < run.logits.rows; ++i) {
      const double* z = run.logits.row(i);
      p.predicted.push_back(static_cast<int>(std::max_element(z, z + run.logits.cols) - z));
      p.confidence.push_back(0.5f);
    }
    ui::trainingFinished(app, r.request, p, "");
  };
  goToStep(app, lesson::stepIndexOf("learning"));
  frame(app, 1280, 800);
  REQUIRE(requests.size() == 1);  // the first visit shows an untrained model
  CHECK(requests[0].fresh);
  CHECK(requests[0].steps == 0);
  CHECK(requests[0].probe == std::vector<int>{0, 1, 2, 3, 0, 1, 2});  // A B C D A B C
  serve(requests[0]);
  frame(app, 390, 844);
  frame(app, 390, 844);
  for (const char* id : {"train", "train-pause", "train-step", "train-reset", "train-task[induction]"}) {
    CAPTURE(id);
    CHECK(findWidget(app, id));  // on a phone the buttons come first, the maps further down
  }
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  for (const char* id : {"train", "train-pause", "train-step", "train-reset", "train-task[induction]",
                         "train-rate[0.003]", "train-probe", "train-map[0]", "train-curves"}) {
    CAPTURE(id);
    CHECK(findWidget(app, id));
  }
  CHECK_FALSE(app.animating);  // waiting for reports draws no frames of its own
  clickWidget(app, *findWidget(app, "train"), 1280, 800);
  REQUIRE(requests.size() == 2);
  CHECK(requests[1].steps == core::trainingPlan(core::TrainingTask::PreviousToken).steps);
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Training);
  clickWidget(app, *findWidget(app, "train-pause"), 1280, 800);
  CHECK(stops == 1);
  serve(requests[1]);
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Ready);
  CHECK(app.view.training.metric >= 0.95f);
  CHECK(app.view.training.losses.size() == 200);
  ui::trainingFinished(app, requests[0].request, {}, "late");  // an older request's report: dropped
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Ready);
  frame(app, 1280, 800);
  clickWidget(app, *findWidget(app, "train-step"), 1280, 800);
  REQUIRE(requests.size() == 3);
  CHECK(requests[2].steps == 1);
  CHECK_FALSE(requests[2].fresh);
  serve(requests[2]);
  CHECK(app.view.training.stepsDone == 201);
  // Picking an example sequence runs the same model on it.
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  REQUIRE(findWidget(app, "train-example[1]"));
  clickWidget(app, *findWidget(app, "train-example[1]"), 1280, 800);
  REQUIRE(requests.size() == 4);
  CHECK(requests[3].steps == 0);
  CHECK_FALSE(requests[3].fresh);
  CHECK(requests[3].probe == std::vector<int>{7, 4, 11, 15, 7, 4, 11});  // H E L P H E L
  serve(requests[3]);
  CHECK(app.view.training.stepsDone == 201);
  CHECK(app.view.training.maps.size() == 1);
  CHECK(app.view.training.maps[0].rows == 7);
  frame(app, 1280, 800);
  clickWidget(app, *findWidget(app, "train-reset"), 1280, 800);
  REQUIRE(requests.size() == 5);
  CHECK(requests[4].fresh);
  CHECK(requests[4].seed == requests[0].seed + 1);  // another run from other random weights
  CHECK(app.view.training.stepsDone == 0);
  CHECK(app.view.training.losses.empty());
  // A failing worker: the view says why, and Reset is still there to start again.
  ui::trainingFinished(app, requests[4].request, {}, "the training worker failed");
  frame(app, 1280, 800);
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Failed);
  CHECK(app.view.training.message == "Training stopped: the training worker failed");
  // Reset is the way out of a failure; the chosen learning rate goes with the next request.
  clickWidget(app, *findWidget(app, "train-rate[0.03]"), 1280, 800);
  CHECK(app.view.training.learningRate == 0.03f);
  clickWidget(app, *findWidget(app, "train-reset"), 1280, 800);
  REQUIRE(requests.size() == 6);
  CHECK(requests[5].fresh);
  CHECK(requests[5].learningRate == doctest::Approx(0.03));
  serve(requests[5]);
  CHECK(app.view.training.phase == ui::TrainingLab::Phase::Ready);
  // Letters the model cannot read are refused with a reason; the last good sequence stays.
  std::vector<int> tokens = {9};
  CHECK(ui::parseTrainingTokens("A B Z", 16, 12, tokens) ==
        "Use only the letters A to P (spaces between them are optional).");
  CHECK(tokens == std::vector<int>{9});
  CHECK(ui::parseTrainingTokens("abc", 16, 12, tokens).empty());
  CHECK(tokens == std::vector<int>{0, 1, 2});
  CHECK_FALSE(ui::parseTrainingTokens("A B C D E F G H I J K L M", 16, 12, tokens).empty());
  CHECK_FALSE(ui::parseTrainingTokens("  ", 16, 12, tokens).empty());
  // Without a platform, the view says so and Train does nothing.
  app.platform.startTraining = nullptr;
  app.platform.trainingUnavailable = "Training needs the served page.";
  app.view.training.phase = ui::TrainingLab::Phase::Ready;
  frame(app, 1280, 800);
  clickWidget(app, *findWidget(app, "train"), 1280, 800);
  CHECK(requests.size() == 6);
}

TEST_CASE("a training report from the lab worker is read only when every count and number checks out") {
  // done 12, metric 0.5, accuracy 0.25, two losses, a run on 2 tokens with one map.
  const std::vector<double> good = {12, 0.5, 0.25, 2, 2.7, 2.6, 2, 1, 1, 0, 0.5, 0.5, 3, 4, 0.9, 0.8};
  ui::TrainingProgress read;
  REQUIRE(ui::readTrainingReport(good.data(), static_cast<int>(good.size()), read));
  CHECK(read.stepsDone == 12);
  CHECK(read.newLosses == std::vector<float>{2.7f, 2.6f});
  REQUIRE(read.maps.size() == 1);
  CHECK(read.maps[0].at(1, 0) == 0.5f);
  CHECK(read.predicted == std::vector<int>{3, 4});
  CHECK(read.confidence.size() == 2);
  const std::vector<double> noRun = {1, 0, 0, 1, 2.5, 0, 0};
  CHECK(ui::readTrainingReport(noRun.data(), static_cast<int>(noRun.size()), read));

  const auto refused = [&](std::vector<double> report, int count = -2) {
    ui::TrainingProgress out;
    return !ui::readTrainingReport(report.data(), count == -2 ? static_cast<int>(report.size()) : count, out);
  };
  const double nan = std::nan(""), inf = INFINITY;
  CHECK(refused(good, -1));                                        // a negative count
  CHECK(refused(good, ui::kMaxTrainingReportNumbers + 1));         // more than any report
  CHECK(refused(good, 15));                                        // cut short by one
  CHECK(refused({}, 0));                                           // nothing at all
  CHECK(refused({nan, 0.5, 0.25, 0, 0, 0}));                       // NaN steps
  CHECK(refused({1.5, 0.5, 0.25, 0, 0, 0}));                       // a fraction of a step
  CHECK(refused({1, 2, 0.25, 0, 0, 0}));                           // a metric over 1
  CHECK(refused({1, 0.5, -0.1, 0, 0, 0}));                         // accuracy under 0
  CHECK(refused({1, 0.5, 0.25, 1e9, 0, 0}));                       // more losses than could come
  CHECK(refused({1, 0.5, 0.25, 3, 1, 1}));                         // the losses run past the end
  CHECK(refused({1, 0.5, 0.25, 1, inf, 0, 0}));                    // an infinite loss
  CHECK(refused({1, 0.5, 0.25, 0, 17, 1}));                        // 17 tokens
  CHECK(refused({1, 0.5, 0.25, 0, 1, 3, 0.5, 0.5, 0.5, 0, 0.5}));  // three maps
  CHECK(refused({1, 0.5, 0.25, 0, 0, 1}));                         // a map with no tokens
  CHECK(refused({1, 0.5, 0.25, 0, 1, 1, 1.5, 0, 0.5}));            // a weight over 1
  CHECK(refused({1, 0.5, 0.25, 0, 1, 1, 1, 16, 0.5}));             // token 16 of 16
  CHECK(refused({1, 0.5, 0.25, 0, 1, 1, 1, 2.5, 0.5}));            // half a token
  CHECK(refused({1, 0.5, 0.25, 0, 1, 1, 1, 2, nan}));              // a NaN probability
  CHECK(refused({1, 0.5, 0.25, 0, 1, 1, 1, 2, 0.5, 7}));           // a number left over
  ui::TrainingProgress out;
  CHECK_FALSE(ui::readTrainingReport(nullptr, 4, out));
}

TEST_CASE("the page's background before the wasm starts is the palette's, so nothing flashes when it does") {
  std::ifstream css(std::string(AT_SOURCE_DIR) + "/web/style.css");
  REQUIRE(css.good());
  const std::string text((std::istreambuf_iterator<char>(css)), std::istreambuf_iterator<char>());
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", static_cast<int>(std::lround(ui::kBackground.x * 255)),
                static_cast<int>(std::lround(ui::kBackground.y * 255)),
                static_cast<int>(std::lround(ui::kBackground.z * 255)));
  // The page's own rule (html, body) and the loading screen's: the rule's first background.
  for (const char* rule : {"html, body {", "#loading {"}) {
    CAPTURE(rule);
    const size_t start = text.find(rule);
    REQUIRE(start != std::string::npos);
    const size_t at = text.find("background: #", start);
    REQUIRE(at != std::string::npos);
    CHECK(text.compare(at + 12, 7, hex) == 0);
  }
}

TEST_CASE("drawing never changes the lesson: every step of every example, with numbers typed past two decimals") {
  // A view changes the lesson only when the learner acts. (The vector planes once rounded every
  // tip they drew to hundredths, so 0.375 typed into Q became 0.38 with no one touching it.)
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  for (const auto& preset : lesson::presetList()) {
    CAPTURE(preset.id);
    REQUIRE(ui::apply(app, lesson::actions::LoadExample{preset.id}) == "");
    for (const lesson::MatrixId id : {lesson::MatrixId::Q, lesson::MatrixId::K, lesson::MatrixId::V,
                                      lesson::MatrixId::X, lesson::MatrixId::WQ, lesson::MatrixId::WO})
      if (lesson::isEditable(app.session().lesson(), id)) ui::apply(app, lesson::actions::EditCell{id, 0, 0, 0.375f});
    for (int step = 0; step < lesson::stepCount(); ++step) {
      CAPTURE(step);
      goToStep(app, step);
      const uint64_t revision = app.session().revision();
      for (int k = 0; k < 3; ++k) frame(app, 1280, 800);
      for (int k = 0; k < 2; ++k) frame(app, 390, 844);
      CHECK(app.session().revision() == revision);
    }
  }
}

TEST_CASE("no view or panel decides what to draw by comparing a step's name") {
  // The step's record says what it shows and plays (lesson/content/steps.cpp); a comparison
  // such as `stepId == "softmax"` in src/ui would bring back what that record replaced.
  namespace fs = std::filesystem;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(AT_SOURCE_DIR) + "/src/ui")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.find("==") == std::string::npos && line.find("!=") == std::string::npos) continue;
      for (const auto& step : lesson::tourSteps())
        CHECK_MESSAGE(line.find("\"" + std::string(step.id) + "\"") == std::string::npos,
                      entry.path().string() << ":" << number << " compares the step name \"" << step.id << "\"");
    }
  }
  CHECK(files > 40);
}

TEST_CASE("an edit queued in the frame a new example loads is dropped, with no notice about a missing cell") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  REQUIRE(ui::apply(app, lesson::actions::LoadExample{"two-heads"}) == "");  // Q is 6 x 8
  // The learner types into Q's fifth column, then picks "Three tokens" (Q 3 x 4) in the same frame.
  app.view.cellEdit = {true, false, lesson::MatrixId::Q, 2, 4, "1.5"};
  ui::queue(app, lesson::actions::LoadExample{"three-tokens"});
  ui::queue(app, lesson::actions::EditCell{lesson::MatrixId::Q, 2, 4, 1.5f});
  ui::queue(app, lesson::actions::SelectQuery{5});
  ui::applyQueuedActions(app);
  CHECK(app.session().lesson().presetId == "three-tokens");
  CHECK(app.session().lesson().notice.empty());
  CHECK(app.session().lesson().selected < 3);
  CHECK_FALSE(app.view.cellEdit.active);  // the cell it typed into is gone
  frame(app, 1280, 800);
  // An edit queued against the lesson as it is still lands.
  ui::queue(app, lesson::actions::EditCell{lesson::MatrixId::Q, 2, 3, 1.5f});
  ui::applyQueuedActions(app);
  CHECK(app.session().lesson().Q.at(2, 3) == 1.5f);
}

TEST_CASE("answering a quiz question leaves the next question where it was") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.editOpen = app.view.prefs.practiceOpen = true;  // opened by the learner
  goToStep(app, lesson::stepIndexOf("tokens"));
  frame(app, 1280, 4000);
  frame(app, 1280, 4000);
  const auto& quiz = lesson::quiz();
  REQUIRE(quiz.size() >= 2);
  const std::string next = "quiz-" + std::string(quiz[1].id) + "[0]";
  const ui::WidgetRect* before = findWidget(app, next);
  REQUIRE(before != nullptr);
  const float y = before->y;
  const ui::WidgetRect* answer = findWidget(app, "quiz-" + std::string(quiz[0].id) + "[0]");
  REQUIRE(answer != nullptr);
  clickWidget(app, *answer, 1280, 4000);
  frame(app, 1280, 4000);
  REQUIRE(app.view.quizChoices.count(std::string(quiz[0].id)) == 1);
  const ui::WidgetRect* after = findWidget(app, next);
  REQUIRE(after != nullptr);
  CHECK(after->y == doctest::Approx(y));
}

TEST_CASE("a pair the mask hides is said, and drawn, as hidden, not as a small weight") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  app.focus.describeEveryItem = true;
  REQUIRE(ui::apply(app, lesson::actions::SetMask{core::Mask::causal()}) == "");
  goToStep(app, lesson::stepIndexOf("softmax"));
  frame(app, 1280, 4000);
  frame(app, 1280, 4000);
  CHECK(ui::spokenName(app, "heatmap[0][3]").find("hidden by the mask, 0") != std::string::npos);
  CHECK(ui::spokenName(app, "heatmap[3][0]").find("hidden by the mask") == std::string::npos);
}

TEST_CASE("the one-hot experiment's button doubles the selected query, and pressing it earns the experiment") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  app.view.prefs.practiceOpen = true;  // opened by the learner
  REQUIRE(ui::apply(app, lesson::actions::LoadExample{"three-tokens"}) == "");
  goToStep(app, lesson::stepIndexOf("tokens"));
  frame(app, 1280, 4000);
  frame(app, 1280, 4000);
  const int row = app.session().lesson().selected;
  for (int press = 0; press < 10 && !app.session().progress().experimentsDone.count("one-hot"); ++press) {
    const float before = app.session().trace().attention.Q.at(row, 0);
    const ui::WidgetRect* button = findWidget(app, "scale-query");
    REQUIRE(button != nullptr);
    clickWidget(app, *button, 1280, 4000);
    CHECK(app.session().trace().attention.Q.at(row, 0) == doctest::Approx(2 * before));
  }
  CHECK(app.session().progress().experimentsDone.count("one-hot") == 1);
}

// A hover tip on a matrix cell opens under the cell, so it never covers the headers above it
// (issue 21: "a hover tooltip covers the matrix headers").
TEST_CASE("a cell's hover tip opens under the cell, not over the headers") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("scores"));
  frame(app, 1280, 2400);
  frame(app, 1280, 2400);
  for (const char* id : {"Q[0][1]", "scores[0][2]"}) {
    const auto* found = findWidget(app, id);
    REQUIRE_MESSAGE(found != nullptr, id);
    const ui::WidgetRect cell = *found;
    ImGui::GetIO().MousePos = ImVec2(cell.x + cell.w * 0.5f, cell.y + cell.h * 0.5f);
    frame(app, 1280, 2400);
    frame(app, 1280, 2400);
    const ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
    REQUIRE_MESSAGE(tip != nullptr, id);
    CHECK_MESSAGE(tip->Active, id);
    CHECK_MESSAGE(tip->Pos.y >= cell.y + cell.h,
                  id << ": tip at " << tip->Pos.y << ", cell bottom " << cell.y + cell.h);
  }
}

// The mask step's window option starts without global tokens (they are taught on the sparse
// step); the settings and the sparse step keep one.
TEST_CASE("the mask step's window option has no global token") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("mask"));
  frame(app, 1280, 800);
  frame(app, 1280, 800);
  const auto* found = findWidget(app, "step-mask-window");
  REQUIRE(found != nullptr);
  const ui::WidgetRect w = *found;
  clickWidget(app, w, 1280, 800);
  CHECK(app.session().lesson().mask == core::Mask::slidingWindow(1, 0));
}

TEST_CASE("a matrix is one Tab stop: the arrows walk its cells, Tab leaves it and comes back to the same cell") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("qkv"));
  frame(app, 1280, 800);
  std::vector<std::string> stops;
  for (int k = 0; k < 60 && focusedWidgetId(app).rfind("Q[", 0) != 0; ++k) {
    pressKey(app, ImGuiKey_Tab);
    stops.push_back(focusedWidgetId(app));
  }
  REQUIRE(focusedWidgetId(app) == "Q[0][0]");  // a grid is entered at its first cell
  const int step = app.session().lesson().step;
  pressKey(app, ImGuiKey_RightArrow);
  CHECK(focusedWidgetId(app) == "Q[0][1]");
  pressKey(app, ImGuiKey_DownArrow);
  CHECK(focusedWidgetId(app) == "Q[1][1]");
  pressKey(app, ImGuiKey_LeftArrow);
  pressKey(app, ImGuiKey_LeftArrow);  // at the row's start: stays, and is not the tour's Back
  CHECK(focusedWidgetId(app) == "Q[1][0]");
  pressKey(app, ImGuiKey_End);
  const std::string rowEnd = focusedWidgetId(app);
  CHECK(rowEnd.rfind("Q[1][", 0) == 0);
  CHECK(rowEnd != "Q[1][0]");
  CHECK(app.session().lesson().step == step);  // no arrow, Home or End changed the step
  // Tab leaves the whole grid: the next stop is no cell of Q.
  pressKey(app, ImGuiKey_Tab);
  const std::string after = focusedWidgetId(app);
  CHECK(after.rfind("Q[", 0) != 0);
  // Shift+Tab comes back to the cell it left.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyShift = true;
  pressKey(app, ImGuiKey_Tab);
  io.KeyShift = false;
  CHECK(focusedWidgetId(app) == rowEnd);
  // Every stop before the grid was a different control: no grid took more than one Tab.
  std::set<std::string> seen(stops.begin(), stops.end());
  CHECK(seen.size() == stops.size());
}

TEST_CASE("spoken numbers are plain digits, rounded as the screen rounds them") {
  CHECK(ui::spokenNumber(0.35f) == "0.35");
  CHECK(ui::spokenNumber(0.3512f) == "0.351");
  CHECK(ui::spokenNumber(1.12718e-05f) == "0.000011");  // "%g" said 1.12718e-05
  CHECK(ui::spokenNumber(1e-9f) == "almost 0");         // not a bare 0: it is not one
  CHECK(ui::spokenNumber(0.0f) == "0");
  CHECK(ui::spokenNumber(-0.0001f) == "-0.0001");
  CHECK(ui::spokenNumber(12.345f) == "12.35");
  // One number reached two ways (float sums in another order) is said and shown one way: the
  // floats nearest 0.1975 and 1.005 on either side print alike.
  for (const float tie : {0.1975f, 1.005f, 0.0305f, 12.345f}) {
    const float below = std::nextafter(tie, 0.0f), above = std::nextafter(tie, 100.0f);
    CAPTURE(tie);
    CHECK(ui::spokenNumber(below) == ui::spokenNumber(above));
    CHECK(ui::formatNumber(below) == ui::formatNumber(above));
    CHECK(ui::fourDecimals(std::nextafter(0.12345f, 0.0f)) == ui::fourDecimals(std::nextafter(0.12345f, 1.0f)));
  }
  CHECK(ui::spokenNumber(std::nextafter(0.1975f, 0.0f)) == "0.198");
  CHECK(ui::spokenNumber(-3.0f) == "-3");
  CHECK(ui::spokenNumber(2501750.2f) == "2501750.25");
  CHECK(ui::spokenNumber(-std::numeric_limits<float>::infinity()) == "minus infinity (hidden)");
  for (float v = -50.0f; v < 50.0f; v += 0.0137f) {
    const std::string said = ui::spokenNumber(v);
    CHECK_MESSAGE(said.find('e') == std::string::npos, said);
    if (said != "almost 0")
      CHECK_MESSAGE(std::fabs(std::strtod(said.c_str(), nullptr) - v) <= 0.005 * std::max(1.0f, std::fabs(v)), said);
  }
}

TEST_CASE("a guess checked from the keyboard hands it to Guess again, and Guess again back to the guess") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("softmax"));
  frame(app, 1280, 800);
  for (int k = 0; k < 80 && focusedWidgetId(app) != "predict-check"; ++k) pressKey(app, ImGuiKey_Tab);
  REQUIRE(focusedWidgetId(app) == "predict-check");
  pressKey(app, ImGuiKey_Enter);
  frame(app, 1280, 800);
  CHECK(app.session().progress().predictions.count("softmax") == 1);
  CHECK(focusedWidgetId(app) == "predict-again");  // not nowhere: the button that took the Check's place
  pressKey(app, ImGuiKey_Enter);
  frame(app, 1280, 800);
  CHECK(focusedWidgetId(app) == "predict-bar[0]");
  // Skip, pressed from the keyboard, hands it on the same way.
  for (int k = 0; k < 80 && focusedWidgetId(app) != "predict-skip"; ++k) pressKey(app, ImGuiKey_Tab);
  REQUIRE(focusedWidgetId(app) == "predict-skip");
  pressKey(app, ImGuiKey_Enter);
  frame(app, 1280, 800);
  CHECK(focusedWidgetId(app) == "predict-again");
}

TEST_CASE("a cell typed into from the keyboard keeps the keyboard after Escape or Enter") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("tokens"));
  frame(app, 1280, 800);
  for (int k = 0; k < 60 && focusedWidgetId(app).rfind("X[", 0) != 0; ++k) pressKey(app, ImGuiKey_Tab);
  REQUIRE(focusedWidgetId(app) == "X[0][0]");
  const int step = app.session().lesson().step;
  for (ImGuiKey ending : {ImGuiKey_Escape, ImGuiKey_Enter}) {
    CAPTURE(static_cast<int>(ending));
    pressKey(app, ImGuiKey_Enter);
    REQUIRE(app.view.cellEdit.active);
    frame(app, 1280, 800);  // the field takes the keyboard
    pressKey(app, ending);
    frame(app, 1280, 800);
    CHECK_FALSE(app.view.cellEdit.active);
    CHECK(focusedWidgetId(app) == "X[0][0]");  // the cell has the keyboard again
  }
  pressKey(app, ImGuiKey_Enter);  // and Enter opens it once more
  CHECK(app.view.cellEdit.active);
  pressKey(app, ImGuiKey_Escape);
  frame(app, 1280, 800);
  pressKey(app, ImGuiKey_RightArrow);  // the arrows walk the matrix, not the tour
  CHECK(focusedWidgetId(app) == "X[0][1]");
  CHECK(app.session().lesson().step == step);
}

TEST_CASE("the worked dot product adds up as printed, whatever the values") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("scores"));
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> thousandths(-3000, 3000);
  for (int trial = 0; trial < 40; ++trial) {
    setUpState(app, [&](lesson::LessonState& s) {
      lesson::switchToDirect(s);
      for (auto* m : {&s.Q, &s.K})
        for (float& x : m->values) x = static_cast<float>(thousandths(rng)) / 1000.0f;
      if (trial == 0) s.Q.at(s.selected, 0) = 5.875f, s.K.at(0, 0) = 2.0f;  // the tester's case
    });
    const std::string line = ui::formulaLines(app).dot;
    REQUIRE(line.rfind("q_", 0) == 0);
    CAPTURE(line);
    // "q_2 · k_1 = a×b + c×d = t": the printed products add up to the printed total.
    const std::string terms = line.substr(line.find(" = ") + 3);
    const size_t totalAt = terms.rfind(" = ");
    const std::string total = terms.substr(totalAt + 3);
    const int decimals = static_cast<int>(total.size() - total.find('.') - 1);
    double sum = 0;
    size_t at = 0;
    while (at < totalAt) {
      const size_t times = terms.find("\xC3\x97", at);
      const size_t plus = std::min(terms.find(" + ", times), totalAt);
      sum += std::strtod(terms.substr(at, times - at).c_str(), nullptr) *
             std::strtod(terms.substr(times + 2, plus - times - 2).c_str(), nullptr);
      at = plus + 3;
    }
    CHECK(text::fixedDecimals(sum, decimals) == total);
  }
}

TEST_CASE("the scaling step's sentence counts the temperature when it is not 1") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  skipGuesses(app);
  goToStep(app, lesson::stepIndexOf("scale"));
  for (float temperature : {1.0f, 1.21f}) {
    CAPTURE(temperature);
    REQUIRE(ui::apply(app, lesson::actions::SetTemperature{temperature}) == "");
    frame(app, 1280, 800);
    app.focus.mirrorNextFrame = true;
    frame(app, 1280, 800);
    std::string sentence;
    for (const auto& n : app.focus.mirror)
      if (n.kind == ui::MirrorNode::Kind::Text && n.text.find("Divided by") != std::string::npos) sentence = n.text;
    CAPTURE(sentence);
    REQUIRE(!sentence.empty());
    // Divided by the root alone, the scores would shrink by 2; with the temperature they shrink by 2 x 1.21 in
    // all, and by 2 against the row that the temperature divides too.
    if (temperature == 1.0f)
      CHECK(sentence.find("temperature") == std::string::npos);
    else
      CHECK(sentence.find("(by 2.42 in all)") != std::string::npos);
  }
}

TEST_CASE("Page Up and Page Down move a slider five steps, Home and End to its ends, and keep the keyboard on it") {
  HeadlessImGui context;
  ui::AppState app;
  setUp(app);
  goToStep(app, lesson::stepIndexOf("scale"));
  frame(app, 1280, 800);
  for (int k = 0; k < 60 && focusedWidgetId(app) != "step-temperature"; ++k) pressKey(app, ImGuiKey_Tab);
  REQUIRE(focusedWidgetId(app) == "step-temperature");
  pressKey(app, ImGuiKey_PageUp);
  frame(app, 1280, 800);
  CHECK(app.session().lesson().temperature == doctest::Approx(std::pow(1.1, 5)).epsilon(1e-4));
  CHECK(focusedWidgetId(app) == "step-temperature");  // Dear ImGui's Page Up moved the focus away
  pressKey(app, ImGuiKey_PageDown);
  frame(app, 1280, 800);
  CHECK(app.session().lesson().temperature == doctest::Approx(1.0).epsilon(1e-4));
  CHECK(focusedWidgetId(app) == "step-temperature");
  // Home and End take the slider to its ends, not the tour to its first or last step.
  const int step = app.session().lesson().step;
  pressKey(app, ImGuiKey_End);
  frame(app, 1280, 800);
  CHECK(app.session().lesson().temperature == lesson::kMaxTemperature);
  pressKey(app, ImGuiKey_Home);
  frame(app, 1280, 800);
  CHECK(app.session().lesson().temperature == lesson::kMinTemperature);
  CHECK(app.session().lesson().step == step);
  CHECK(focusedWidgetId(app) == "step-temperature");
}
