// screen.cpp: layout of the lesson: header, explanation column and views column
// side by side on wide screens, stacked on narrow ones.
#include "ui/screen.h"

#include <imgui_internal.h>

#include <algorithm>

#include "lesson/content/narration.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/matrix_grid.h"
#include "ui/kit/mirror.h"
#include "ui/kit/right_to_left.h"
#include "ui/kit/shaped_words.h"
#include "ui/kit/widgets.h"
#include "ui/panels/controls_panel.h"
#include "ui/panels/formula_panel.h"
#include "ui/panels/glossary_panel.h"
#include "ui/panels/practice_panel.h"
#include "ui/panels/tour_panel.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// Matrices of the step, flowing left to right and wrapping when the row is full.
void drawStepMatrices(AppState& app, const lesson::TourStep& step) {
  float rowStartX = ImGui::GetCursorPosX();
  float usedWidth = 0;
  const float available = visibleWidth();
  bool first = true;
  for (lesson::MatrixId id : step.shows) {
    const core::Matrix& m = lesson::traceMatrix(app.session().trace(), id, app.view.selectedHead);
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

// The step's views. The first that pictures the step's numbers gets them in words as its text
// alternative for the page's mirror, over it and read before its controls (a second would
// repeat them).
void drawStepViews(AppState& app, const lesson::TourStep& step) {
  bool numbersSaid = false;
  for (const std::string_view id : step.views) {
    ImGui::Spacing();
    const StepViewRecord* view = findStepView(id);
    if (!view) continue;
    const bool describe = mirroring(app) && view->picturesTheNumbers && !numbersSaid && app.session().trace().ok;
    const std::string said = describe ? lesson::numbersInWords(app.session().lesson(), app.session().trace()) : "";
    const size_t picture = said.empty() ? kNotMirrored : openMirrorPicture(app, said.substr(1));
    numbersSaid = numbersSaid || picture != kNotMirrored;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    view->draw(app);
    closeMirrorNode(
        app, picture, start,
        ImVec2(ImGui::GetWindowPos().x + visibleRight() - ImGui::GetScrollX(), ImGui::GetCursorScreenPos().y));
    // A view that opens with a heading is read heading first, then its picture's words.
    auto& nodes = app.focus.mirrorBuilding;
    if (picture != kNotMirrored && picture + 1 < nodes.size() &&
        nodes[picture + 1].kind == MirrorNode::Kind::Subheading)
      std::swap(nodes[picture], nodes[picture + 1]);
  }
  ImGui::Spacing();
}

// When Q, K and V are given directly, X and the projections are not part of the lesson.
void drawDirectVectorsNote(AppState& app, const lesson::TourStep& step) {
  if (app.session().lesson().source != lesson::VectorSource::Direct) return;
  // On every step that shows the vectors or the embeddings, so the way back is where the edit was.
  const auto shows = [&](lesson::MatrixId id) {
    return std::find(step.shows.begin(), step.shows.end(), id) != step.shows.end();
  };
  using M = lesson::MatrixId;
  if (!shows(M::X) && !shows(M::Q) && !shows(M::K) && !shows(M::V)) return;
  if (app.session().lesson().X.empty()) {
    paragraph(app, "In this example Q, K and V are given directly, so there is no X or W to show.");
    return;
  }
  paragraph(app, "Q, K and V are given directly since you edited one of them, so X and the projections are set aside.");
  if (button(app, "Use the embeddings and projections again")) queue(app, lesson::actions::UseProjections{});
  registerItem(app, "use-projections", "Use the embeddings and projections again, button");
}

// The step's pictures come first, above any matrix: they carry the idea, the matrices check it.
void drawPictures(AppState& app) {
  const auto& step = lesson::tourStep(app.session().lesson().step);
  if (!app.session().trace().ok) return;
  if (step.tokenStrip) drawTokenStrip(app);
  drawPrediction(app);
  if (awaitingGuess(app)) return;  // predict, then see: the answer waits for the guess
  drawStepViews(app, step);
}

void drawMatrices(AppState& app) {
  const auto& step = lesson::tourStep(app.session().lesson().step);
  if (!app.session().trace().ok || awaitingGuess(app)) return;
  drawStepMatrices(app, step);
  drawDirectVectorsNote(app, step);
}

// What stays out of the way until the learner asks: the formula's lines, the glossary, the
// sentence editor with the settings, and the practice list.
void drawReference(AppState& app) {
  // The worked numbers hold the answer to a step's question: they wait for the guess too.
  if (!awaitingGuess(app) && drawFormulaPanel(app)) ImGui::Separator();
  app.focus.part = FocusPart::Settings;  // reference, like the settings: Tab reaches it after the views
  drawGlossary(app);
  drawControls(app);
  drawPractice(app);
}

void drawLessonColumn(AppState& app) {
  app.focus.part = FocusPart::StepText;
  drawNotice(app);
  drawStepTitle(app);
  drawStepText(app);
  ImGui::Separator();
  drawReference(app);
}

// A new step starts at its title: the columns scroll back to the top.
void scrollToTitleOnNewStep(const AppState& app) {
  if (app.view.scrolledToStep != app.session().lesson().step) ImGui::SetScrollY(0.0f);
}

void drawBody(AppState& app) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool wide = avail.x > px(app, 900);
  if (wide) {
    const float lessonWidth = std::clamp(avail.x * 0.38f, px(app, 360), px(app, 560));
    ImGui::BeginChild("lesson", ImVec2(lessonWidth, 0), true);
    scrollToTitleOnNewStep(app);
    drawLessonColumn(app);
    ImGui::EndChild();
    ImGui::SameLine();
    // No sideways scrolling: what is wider than the column scrolls in its own box (kit/wide_box.h).
    ImGui::BeginChild("views", ImVec2(0, 0), true);
    scrollToTitleOnNewStep(app);
    app.focus.part = FocusPart::Views;
    drawPictures(app);
    drawMatrices(app);
    ImGui::EndChild();
    app.view.scrolledToStep = app.session().lesson().step;
    return;
  }
  ImGui::BeginChild("stack", ImVec2(0, 0), false);
  scrollToTitleOnNewStep(app);
  app.view.scrolledToStep = app.session().lesson().step;
  // On a narrow screen the picture comes right under the title, then the short text.
  app.focus.part = FocusPart::StepText;
  drawNotice(app);
  drawStepTitle(app);
  app.focus.part = FocusPart::Views;
  drawPictures(app);
  ImGui::Separator();
  app.focus.part = FocusPart::StepText;
  drawStepText(app);
  ImGui::Separator();
  app.focus.part = FocusPart::Views;
  drawMatrices(app);
  ImGui::Separator();
  drawReference(app);
  ImGui::EndChild();
}

// The whole screen, between ImGui::NewFrame() and ImGui::Render().
void drawScreen(AppState& app) {
  beginFocusFrame(app);
  app.animating = false;  // views that animate say so again while they draw
  if (app.platform.heatmap) app.platform.heatmap->beginFrame();
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
  endFocusFrame(app);
}

}  // namespace

void frame(AppState& app) {
  const TourKeys keys = handleKeys(app);
  followTourKeys(app, keys);
  ImGui::NewFrame();
  drawScreen(app);
  ImGui::Render();
  shapeWords(app, ImGui::GetDrawData());        // Dear ImGui drew text a character at a time
  orderRightToLeft(app, ImGui::GetDrawData());  // and laid every text out left to right
  applyQueuedActions(app);
}

}  // namespace ui
