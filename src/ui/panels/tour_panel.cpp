// tour_panel.cpp: navigation through the tour and the text of each step.
#include "ui/panels/tour_panel.h"

#include <imgui_internal.h>

#include "lesson/model/actions.h"
#include "text/join.h"
#include "text/utf8.h"
#include "ui/kit/mirror.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

std::string stepLabel(const AppState& app, int k) {
  return "Step " + std::to_string(k + 1) + " of " + std::to_string(lesson::stepCount()) + ", " +
         std::string(lesson::tourSteps()[static_cast<size_t>(k)].title) +
         (k == app.session().lesson().step ? ", current step" : ", button");
}

bool stepSeen(const AppState& app, int k) {
  const auto& seen = app.session().progress().stepsSeen;
  return k < static_cast<int>(seen.size()) && seen[static_cast<size_t>(k)];
}

void drawProgressDots(AppState& app) {
  const FocusPart drawnIn = app.focus.part;
  app.focus.part = FocusPart::StepDots;
  const int count = lesson::stepCount();
  const float radius = px(app, 6);
  const float hit = px(app, 20);
  const FocusGroup dots(app, "dot");
  for (int k = 0; k < count; ++k) {
    if (k > 0) sameLineIfFits(hit, px(app, 2));  // wrap the dots on narrow screens
    ImGui::PushID(k);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // Pressed by a click, or by Enter through keyboard navigation; Space is read below.
    const bool pressed = ImGui::InvisibleButton("##dot", ImVec2(hit, ImGui::GetFrameHeight()));
    registerItem(
        app, "dot[" + std::to_string(k) + "]", [&] { return stepLabel(app, k); }, Role::Option,
        k == app.session().lesson().step);
    if (pressed || ImGui::IsItemClicked() ||
        (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))))
      queueStepChange(app, k);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%d. %s", k + 1, std::string(lesson::tourSteps()[static_cast<size_t>(k)].title).c_str());
    const ImVec2 centre(p.x + hit * 0.5f, p.y + ImGui::GetFrameHeight() * 0.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const bool current = k == app.session().lesson().step;
    const bool seen = stepSeen(app, k);
    const ImU32 accent = kTourBlue;
    if (current)
      draw->AddCircleFilled(centre, radius * 1.25f, kAccentFill);
    else if (seen)
      draw->AddCircleFilled(centre, radius, accent);
    else
      draw->AddCircle(centre, radius, accent, 0, 1.5f * app.platform.uiScale);
    if (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight)  // keyboard focus: a ring, as on other controls
      draw->AddCircle(centre, radius + px(app, 4), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0,
                      2.0f * app.platform.uiScale);
    ImGui::PopID();
  }
  app.focus.part = drawnIn;
}

// "k / N" between Back and Next, as wide as its widest text, so Next does not move as the
// steps go by.
void drawStepCounter(AppState& app) {
  const int count = lesson::stepCount();
  ImGui::AlignTextToFramePadding();
  const std::string counter = std::to_string(app.session().lesson().step + 1) + " / " + std::to_string(count);
  const std::string widest = std::to_string(count) + " / " + std::to_string(count);
  const float counterX = ImGui::GetCursorPosX();
  const float counterWidth = ImGui::CalcTextSize(widest.c_str()).x;
  ImGui::SetCursorPosX(counterX + (counterWidth - ImGui::CalcTextSize(counter.c_str()).x) * 0.5f);
  ImGui::TextUnformatted(counter.c_str());  // said by the step's heading
  ImGui::SameLine(counterX + counterWidth + ImGui::GetStyle().ItemSpacing.x);
}

// On a touch screen the counter opens the list of steps, one finger-sized row each (a row of
// 21 dots at 44 px would take three lines of a phone's screen): a dot marks the steps seen.
void drawStepList(AppState& app) {
  const int count = lesson::stepCount();
  const int step = app.session().lesson().step;
  const std::string widest = std::to_string(count) + " / " + std::to_string(count);
  const float width = ImGui::CalcTextSize(widest.c_str()).x + ImGui::GetFrameHeight() +
                      ImGui::GetStyle().FramePadding.x * 2 + px(app, 4);
  ImGui::SetNextItemWidth(width);
  const ImGuiViewport* screen = ImGui::GetMainViewport();
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(px(app, 360), screen->Size.x - px(app, 16)), 0),
                                      ImVec2(screen->Size.x - px(app, 16), screen->Size.y * 0.75f));
  const std::string counter = std::to_string(step + 1) + " / " + std::to_string(count);
  if (ImGui::BeginCombo("##steps", counter.c_str(), ImGuiComboFlags_HeightLargest)) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float indent = px(app, 20);  // the rows start after the dots' margin
    ImGui::Indent(indent);
    const FocusGroup rows(app, "dot");
    for (int k = 0; k < count; ++k) {
      ImGui::PushID(k);
      const ImVec2 row = ImGui::GetCursorScreenPos();
      // Cut at a character to the list's width (its spoken name says it whole).
      const std::string title =
          fitLabel(std::to_string(k + 1) + ". " + std::string(lesson::tourSteps()[static_cast<size_t>(k)].title),
                   visibleWidth() - ImGui::GetStyle().ItemSpacing.x);
      if (option(app, title.c_str(), k == step)) queueStepChange(app, k);
      if (k == step) ImGui::SetItemDefaultFocus();
      registerItem(
          app, "dot[" + std::to_string(k) + "]", [&] { return stepLabel(app, k); }, Role::Option, k == step);
      const ImVec2 centre(row.x - indent * 0.5f, (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) * 0.5f);
      if (stepSeen(app, k))
        draw->AddCircleFilled(centre, px(app, 5), kTourBlue);
      else
        draw->AddCircle(centre, px(app, 5), kTourBlue, 0, 1.5f * app.platform.uiScale);
      ImGui::PopID();
    }
    ImGui::Unindent(indent);
    ImGui::EndCombo();
  }
  registerItem(
      app, "steps",
      [&] { return "Steps, list, " + stepLabel(app, step) + ": opens the list of all " + std::to_string(count); },
      Role::List);
  ImGui::SameLine();
}

}  // namespace

void drawTourHeader(AppState& app) {
  ImGui::PushFont(app.platform.fonts.title);
  ImGui::TextUnformatted("Attention Tour");  // said by the page's title
  ImGui::PopFont();
  const int step = app.session().lesson().step;
  const int count = lesson::stepCount();
  // Back, "k / N" and Next stay together; on a narrow screen they go under the title.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float navWidth = ImGui::CalcTextSize("\xE2\x86\x90 Back").x + ImGui::CalcTextSize("12 / 12").x +
                         ImGui::CalcTextSize("Next \xE2\x86\x92").x + style.FramePadding.x * 4 +
                         style.ItemSpacing.x * 2 + px(app, 24) +
                         (app.platform.touchScreen ? ImGui::GetFrameHeight() : 0.0f);  // the list's arrow
  sameLineIfFits(navWidth, px(app, 24));
  ImGui::BeginDisabled(step == 0);
  if (button(app, "\xE2\x86\x90 Back")) queueStepChange(app, step - 1);
  ImGui::EndDisabled();
  registerItem(app, "back", "Previous step, button");
  ImGui::SameLine();
  if (app.platform.touchScreen)
    drawStepList(app);
  else
    drawStepCounter(app);
  ImGui::BeginDisabled(step == count - 1);
  if (button(app, "Next \xE2\x86\x92")) queueStepChange(app, step + 1);
  ImGui::EndDisabled();
  registerItem(app, "next", "Next step, button");
  if (app.platform.touchScreen) return;  // the step list stands for the dots
  const float dotsWidth = static_cast<float>(count) * px(app, 22);
  if (visibleWidth() > dotsWidth + px(app, 24)) ImGui::SameLine(0, px(app, 24));
  drawProgressDots(app);
}

void drawStepTitle(AppState& app) {
  const auto& step = lesson::tourStep(app.session().lesson().step);
  ImGui::PushFont(app.platform.fonts.title);
  ImGui::PushTextWrapPos(visibleRight());
  ImGui::Text("%d. %s", app.session().lesson().step + 1, std::string(step.title).c_str());  // said by the heading below
  if (mirroring(app))
    mirrorText(app, MirrorNode::Kind::Heading,
               text::join({"Step ", std::to_string(app.session().lesson().step + 1), " of ",
                           std::to_string(lesson::stepCount()), ": ", step.title}));
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Spacing();
}

namespace {

// The step's formal explanation, asked for from the platform the first time it is wanted.
void drawFormalText(AppState& app) {
  Platform& platform = app.platform;
  if (platform.formalTexts.loaded()) {
    paragraph(app, std::string(platform.formalTexts.of(app.session().lesson().step)));
    return;
  }
  if (!platform.formalTextsProblem.empty()) {
    paragraph(app, "The formal explanations could not be loaded (" + platform.formalTextsProblem +
                       "). Reload the page to try again.");
    return;
  }
  if (platform.requestFormalTexts) {
    const auto request = std::move(platform.requestFormalTexts);
    platform.requestFormalTexts = nullptr;
    request();
  }
  note(app, "Loading the formal explanation\xE2\x80\xA6");
}

}  // namespace

void drawStepText(AppState& app) {
  const auto& step = lesson::tourStep(app.session().lesson().step);
  paragraph(app, std::string(step.plain));
  // The rest of the plain explanation waits behind "More", so the step reads in a glance.
  if (!step.more.empty()) {
    if (app.view.prefs.showMore) paragraph(app, std::string(step.more));
    if (smallButton(app, app.view.prefs.showMore ? "Less###more" : "More###more"))
      app.view.prefs.showMore = !app.view.prefs.showMore;
    registerItem(
        app, "more",
        [&] {
          return std::string(app.view.prefs.showMore ? "Less, button: hides" : "More, button: shows") +
                 " the rest of the step's explanation";
        },
        Role::Disclosure, app.view.prefs.showMore);
  }
  ImGui::Spacing();
  // The formula of the step, in a tinted box.
  ImGui::PushStyleColor(ImGuiCol_ChildBg, kStepPanel);
  ImGui::PushFont(app.platform.fonts.bold);
  const float textHeight = ImGui::CalcTextSize(std::string(step.formula).c_str(), nullptr, false,
                                               visibleRight() - ImGui::GetCursorPosX() - px(app, 30))
                               .y;
  ImGui::PopFont();
  const float boxHeight = textHeight + ImGui::GetStyle().WindowPadding.y * 2.0f + px(app, 4);
  ImGui::BeginChild("formula", ImVec2(visibleRight() - ImGui::GetCursorPosX(), boxHeight), true,
                    ImGuiWindowFlags_NoScrollbar);
  ImGui::PushFont(app.platform.fonts.bold);
  paragraph(app, std::string(step.formula));
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  if (button(app, app.view.prefs.showFormal ? "Hide the formal explanation###formal"
                                            : "Show the formal explanation###formal")) {
    app.view.prefs.showFormal = !app.view.prefs.showFormal;
  }
  registerItem(
      app, "formal",
      [&] {
        return std::string(app.view.prefs.showFormal ? "Hide" : "Show") +
               " the formal explanation, button: shows or hides it";
      },
      Role::Disclosure, app.view.prefs.showFormal);
  if (app.view.prefs.showFormal) drawFormalText(app);
}

void receiveFormalTexts(AppState& app, std::string_view textOrProblem, bool failed) {
  Platform& platform = app.platform;
  if (platform.formalTexts.loaded()) return;
  if (failed) {
    platform.formalTextsProblem = text::cutAtCharacter(std::string(textOrProblem), 200);
    return;
  }
  platform.formalTextsProblem = lesson::readFormalTexts(textOrProblem, platform.formalTexts);
}

void drawNotice(AppState& app) {
  if (!app.session().trace().ok) {
    colouredParagraph(app, kError, "This state cannot be computed: " + app.session().trace().error);
  }
  if (app.session().lesson().notice.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, kNoticePanel);
  // As tall as the notice's wrapped lines (and the Dismiss button beside them): never a
  // scrollbar of its own, for one line or several.
  const std::string& notice = app.session().lesson().notice;
  const float wrap = visibleRight() - px(app, 70) - ImGui::GetCursorPosX() - ImGui::GetStyle().WindowPadding.x;
  const float textHeight = ImGui::CalcTextSize(notice.c_str(), nullptr, false, std::max(wrap, px(app, 40))).y;
  const float height =
      std::max(textHeight, ImGui::GetFrameHeight()) + ImGui::GetStyle().WindowPadding.y * 2.0f + px(app, 2);
  ImGui::BeginChild("notice", ImVec2(0, height), true, ImGuiWindowFlags_NoScrollbar);
  ImGui::PushTextWrapPos(visibleRight() - px(app, 70));
  textLine(app, app.session().lesson().notice);  // wrapped at the Dismiss button, read by the mirror
  ImGui::PopTextWrapPos();
  ImGui::SameLine(visibleRight() - px(app, 56));
  if (smallButton(app, "Dismiss")) queue(app, lesson::actions::ShowNotice{""});
  registerItem(app, "dismiss-notice", "Dismiss the notice, button");
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void followTourKeys(AppState& app, const TourKeys& keys) {
  const int step = app.session().lesson().step;
  if (keys.back) queueStepChange(app, step - 1);
  if (keys.next) queueStepChange(app, step + 1);
  if (keys.first) queueStepChange(app, 0);
  if (keys.last) queueStepChange(app, lesson::stepCount() - 1);
}

}  // namespace ui
