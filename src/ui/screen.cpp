// screen.cpp: layout of the lesson: header, explanation column and views column
// side by side on wide screens, stacked on narrow ones.
#include "ui/screen.h"

#include <imgui_internal.h>

#include <algorithm>

#include "lesson/actions.h"
#include "lesson/edits.h"
#include "ui/controls_panel.h"
#include "ui/extra_views.h"
#include "ui/formula_panel.h"
#include "ui/heatmap_view.h"
#include "ui/matrix_view.h"
#include "ui/practice_panel.h"
#include "ui/row_views.h"
#include "ui/step_views.h"
#include "ui/tour_panel.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// Matrices of the step, flowing left to right and wrapping when the row is full.
void drawStepMatrices(AppState& app, const lesson::TourStep& step) {
  float rowStartX = ImGui::GetCursorPosX();
  float usedWidth = 0;
  const float available = visibleWidth();
  bool first = true;
  for (lesson::MatrixId id : step.shows) {
    const core::Matrix& m = lesson::traceMatrix(app.session.trace, id, app.view.selectedHead);
    if (m.empty()) continue;
    const float estimate = px(app, 90) + static_cast<float>(m.cols) * px(app, 61);
    if (!first && usedWidth + estimate < available)
      ImGui::SameLine(rowStartX + usedWidth);
    else
      usedWidth = 0;
    drawMatrix(app, id, id == step.produces);
    usedWidth += ImGui::GetItemRectSize().x + px(app, 28);
    first = false;
  }
}

// When Q, K and V are given directly, X and the projections are not part of the lesson.
void drawDirectVectorsNote(AppState& app, const lesson::TourStep& step) {
  if (app.session.lesson.source != lesson::VectorSource::Direct) return;
  const bool showsEmbeddings = std::find(step.shows.begin(), step.shows.end(), lesson::MatrixId::X) != step.shows.end();
  if (!showsEmbeddings) return;
  if (app.session.lesson.X.empty()) {
    paragraph("In this example Q, K and V are given directly, so there is no X or W to show.");
    return;
  }
  paragraph("Q, K and V are given directly since you edited one of them, so X and the projections are set aside.");
  if (ImGui::Button("Use the embeddings and projections again")) queue(app, lesson::actions::useProjections());
  registerItem(app, "use-projections");
}

void drawViewsColumn(AppState& app) {
  const auto& step = lesson::tourSteps()[static_cast<size_t>(app.session.lesson.step)];
  if (!app.session.trace.ok) return;
  if (step.tokenStrip) drawTokenStrip(app);
  drawStepMatrices(app, step);
  drawDirectVectorsNote(app, step);
  for (const std::string& id : step.views) {
    ImGui::Spacing();
    if (const StepViewRecord* view = findStepView(id)) view->draw(app);
  }
}

void drawLessonColumn(AppState& app) {
  app.focus.part = FocusPart::StepText;
  drawNotice(app);
  drawStepText(app);
  ImGui::Separator();
  drawFormulaPanel(app);
  ImGui::Separator();
  app.focus.part = FocusPart::Settings;
  drawControls(app);
  drawPractice(app);
}

void drawBody(AppState& app) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool wide = avail.x > px(app, 900);
  if (wide) {
    const float lessonWidth = std::clamp(avail.x * 0.38f, px(app, 360), px(app, 560));
    ImGui::BeginChild("lesson", ImVec2(lessonWidth, 0), true);
    drawLessonColumn(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("views", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
    app.focus.part = FocusPart::Views;
    drawViewsColumn(app);
    ImGui::EndChild();
    return;
  }
  ImGui::BeginChild("stack", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  app.focus.part = FocusPart::StepText;
  drawNotice(app);
  drawStepText(app);
  ImGui::Separator();
  app.focus.part = FocusPart::Views;
  drawViewsColumn(app);
  ImGui::Separator();
  drawFormulaPanel(app);
  ImGui::Separator();
  app.focus.part = FocusPart::Settings;
  drawControls(app);
  drawPractice(app);
  ImGui::EndChild();
}

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

// Tab / Shift+Tab walk every registered control in drawing order.
void moveFocus(AppState& app, int direction) {
  ImGuiContext& g = *GImGui;
  const auto& order = app.focus.order;
  if (order.empty()) return;
  int current = -1;
  for (size_t k = 0; k < order.size(); ++k)
    if (order[k].id == g.NavId) current = static_cast<int>(k);
  const int count = static_cast<int>(order.size());
  const int next = current < 0 ? (direction > 0 ? 0 : count - 1) : (current + direction + count) % count;
  const FocusEntry& target = order[static_cast<size_t>(next)];
  ImGui::FocusWindow(target.window);
  ImGui::SetFocusID(target.id, target.window);
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
  app.focus.scrollTo = target.id;  // registerItem scrolls it into view during the next frame
}

}  // namespace

void handleTourKeys(AppState& app) {
  ImGuiIO& io = ImGui::GetIO();
  const bool typing = io.WantTextInput || app.view.cellEdit.active;
  const bool left = keyPressedOnce(app, 0, ImGuiKey_LeftArrow);
  const bool right = keyPressedOnce(app, 1, ImGuiKey_RightArrow);
  const bool home = keyPressedOnce(app, 2, ImGuiKey_Home);
  const bool end = keyPressedOnce(app, 3, ImGuiKey_End);
  const bool tab = keyPressedOnce(app, 4, ImGuiKey_Tab);
  if (typing) return;  // arrows, Home and End belong to the text field being edited
  if (left) queueStepChange(app, app.session.lesson.step - 1);
  if (right) queueStepChange(app, app.session.lesson.step + 1);
  if (home) queueStepChange(app, 0);
  if (end) queueStepChange(app, lesson::stepCount() - 1);
  if (tab && GImGui->ActiveId == 0) moveFocus(app, io.KeyShift ? -1 : 1);
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_Home, ImGuiKey_End, ImGuiKey_Tab})
    hideKey(key);
}

void drawScreen(AppState& app) {
  app.focus.widgetsBuilding.clear();
  app.focus.orderBuilding.clear();
  app.focus.part = FocusPart::Header;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("Attention Tour", nullptr, flags);
  drawTourHeader(app);
  ImGui::Spacing();
  drawBody(app);
  ImGui::End();
  app.focus.widgets.swap(app.focus.widgetsBuilding);
  // Side by side, the lesson column is drawn before the matrices; Tab still reaches the
  // matrices right after the step's text, as in the stacked layout.
  std::stable_sort(app.focus.orderBuilding.begin(), app.focus.orderBuilding.end(),
                   [](const FocusEntry& a, const FocusEntry& b) { return a.part < b.part; });
  app.focus.order.swap(app.focus.orderBuilding);
}

}  // namespace ui
