// controls_panel.cpp: every setting of the lesson, each one an edit of the lesson state.
#include "ui/panels/controls_panel.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "lesson/model/text_rules.h"
#include "ui/kit/name_field.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

void drawPresetPicker(AppState& app) {
  std::string current = "Custom";
  for (const auto& p : lesson::presetList())
    if (p.id == app.session().lesson().presetId) current = p.label;
  if (app.session().lesson().presetId == "random") current = "Random vectors";
  // No wider than the column leaves beside its label, so a phone shows the whole list.
  const float width = std::min(px(app, 300), visibleWidth() - ImGui::CalcTextSize("Example").x - px(app, 24));
  ImGui::SetNextItemWidth(width);
  // Dear ImGui cuts the shown name right at the arrow, mid-letter: on a phone it is shortened
  // at a character instead, with room before the arrow (the list and the spoken label say it whole).
  const float nameWidth = width - ImGui::GetFrameHeight() - ImGui::GetStyle().FramePadding.x * 2 - px(app, 4);
  if (ImGui::BeginCombo("Example", fitLabel(current, nameWidth).c_str())) {
    for (const auto& p : lesson::presetList()) {
      if (option(app, p.label.c_str(), p.id == app.session().lesson().presetId))
        queue(app, lesson::actions::LoadExample{p.id});
      registerItem(
          app, "preset-" + p.id, [&] { return p.label + ", example"; }, Role::Option,
          p.id == app.session().lesson().presetId);
    }
    ImGui::EndCombo();
  }
  registerItem(
      app, "preset",
      [&] {
        const bool listed = current != "Custom" && current != "Random vectors";
        return "Example sentence, list, " + (listed ? current : std::string("your own sentence")) + ": Space opens it";
      },
      Role::List);
}

}  // namespace

void drawScaleControls(AppState& app, const char* idPrefix) {
  const std::string prefix = idPrefix;
  ImGui::PushID(idPrefix);
  bool scale = app.session().lesson().scale;
  if (ImGui::Checkbox("Divide by \xE2\x88\x9A"
                      "d_k",
                      &scale))
    queue(app, lesson::actions::SetScale{scale});
  registerItem(
      app, prefix + "scale",
      [&] {
        return std::string("Divide by the square root of d_k, checkbox, ") +
               (app.session().lesson().scale ? "on" : "off");
      },
      Role::Toggle, app.session().lesson().scale);
  float temperature = app.session().lesson().temperature;
  ImGui::SetNextItemWidth(px(app, 180));
  // The value is printed beside the slider, where the grab never covers it.
  if (ImGui::SliderFloat("##temperature", &temperature, lesson::kMinTemperature, lesson::kMaxTemperature, "",
                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp))
    queue(app, lesson::actions::SetTemperature{temperature});
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0))
    queue(app, lesson::actions::SetTemperature{1.0f});  // double-click: back to plain softmax
  // With keyboard focus the arrows move the slider (a tenth more or less each), not the tour.
  if (const ArrowPresses arrows = takeArrowKeys(app); arrows.ends != 0) {
    queue(app, lesson::actions::SetTemperature{arrows.ends < 0 ? lesson::kMinTemperature : lesson::kMaxTemperature});
  } else if (arrows.x != 0 || arrows.y != 0) {
    const float factor = std::pow(1.1f, static_cast<float>(arrows.x + arrows.y));
    queue(app, lesson::actions::SetTemperature{
                   std::clamp(temperature * factor, lesson::kMinTemperature, lesson::kMaxTemperature)});
  }
  registerItem(app, prefix + "temperature",
               [&] { return "Temperature, slider, " + spokenNumber(app.session().lesson().temperature); }, Role::Slider,
               false, app.session().lesson().temperature, {lesson::kMinTemperature, lesson::kMaxTemperature});
  ImGui::SameLine();
  ImGui::Text("Temperature %.2f", static_cast<double>(app.session().lesson().temperature));  // said by the slider
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Double-click the slider to set it back to 1.");
  ImGui::PopID();
}

namespace {

void drawTokenEditor(AppState& app) {
  const int n = static_cast<int>(app.session().lesson().tokens.size());
  for (int i = 0; i < n; ++i) {
    ImGui::PushID(i);
    // Room for a refused name too (one character over, to be fixed), never cut inside a character.
    char name[4 * (lesson::kMaxNameCharacters + 8) + 1];
    const bool draft = app.view.renameDraft.index == i && app.view.renameDraft.revision == app.session().revision();
    std::snprintf(name, sizeof name, "%s",
                  (draft ? app.view.renameDraft.text : app.session().lesson().tokens[static_cast<size_t>(i)]).c_str());
    const bool entered =
        nameField(app, "##name", name, sizeof name, px(app, 120), "rename[" + std::to_string(i) + "]", [&] {
          return "Token " + std::to_string(i + 1) + " text, " +
                 inQuotes(app.session().lesson().tokens[static_cast<size_t>(i)]);
        });
    if (entered)
      queue(
          app, lesson::actions::RenameToken{i, name},
          [i, typed = std::string(name)](AppState& a, const std::string& refusal) {
            if (refusal.empty())
              a.view.renameDraft.index = -1;
            else
              a.view.renameDraft = {i, typed, a.session().revision()};  // kept in the field to fix; the notice says why
          });
    ImGui::SameLine();
    ImGui::BeginDisabled(n <= lesson::kMinTokens);
    if (smallButton(app, "Remove")) queue(app, lesson::actions::RemoveToken{i});
    ImGui::EndDisabled();
    registerItem(app, "remove[" + std::to_string(i) + "]", [&] {
      return "Remove token " + inQuotes(app.session().lesson().tokens[static_cast<size_t>(i)]) + ", button";
    });
    // Two names a row where two fit, one on a phone.
    const float rowWidth =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() - ImGui::GetCursorStartPos().x;
    const bool twoFit = 2 * rowWidth + px(app, 24) <= visibleRight() - ImGui::GetCursorStartPos().x;
    if (i % 2 == 0 && i + 1 < n && twoFit) ImGui::SameLine(0, px(app, 24));
    ImGui::PopID();
  }
  const bool entered = nameField(app, "##new", app.view.newToken, sizeof app.view.newToken, px(app, 120), "new-token",
                                 "New token, text field");
  ImGui::SameLine();
  const bool add = button(app, "Add token");
  registerItem(app, "add-token", "Add token, button: adds the word typed in the field before it");
  if (entered || add)
    queue(app, lesson::actions::AddToken{app.view.newToken}, [](AppState& a, const std::string& refusal) {
      if (refusal.empty()) a.view.newToken[0] = '\0';  // kept to fix when refused
    });
}

void drawSizeControls(AppState& app) {
  const bool projected = app.session().lesson().source == lesson::VectorSource::Projected;
  const int dModel = app.session().lesson().dModel, dK = app.session().lesson().dK;
  ImGui::BeginDisabled(!projected);
  if (auto requested = drawStepper(app, {"d_model", "dModel", "Embedding width d_model"}, dModel, lesson::kMinWidth,
                                   lesson::kMaxWidth))
    queue(app, lesson::actions::SetModelWidth{*requested});
  ImGui::EndDisabled();
  const StepperNames keyWidth{"d_k", "dK", "Key width d_k"};
  sameLineIfFits(stepperWidth(app, keyWidth), px(app, 16));
  if (auto requested = drawStepper(app, keyWidth, dK, lesson::kMinWidth, lesson::kMaxWidth))
    queue(app, lesson::actions::SetKeyWidth{*requested});
  drawHeadsInput(app, "heads");
  if (!projected) note(app, "Q, K and V are given directly in this example.");
}

constexpr int kMaxSeed = 1000000000;

void drawRandomControls(AppState& app) {
  const int seed = static_cast<int>(app.view.randomSeed);
  if (auto requested = drawStepper(app, {"seed", "seed", "Random seed"}, seed, 1, kMaxSeed)) {
    if (*requested >= 1 && *requested <= kMaxSeed)
      app.view.randomSeed = static_cast<uint32_t>(*requested);
    else
      queue(app, lesson::actions::ShowNotice{"the seed must be a whole number from 1 to " + std::to_string(kMaxSeed) +
                                             "; the previous seed was kept"});
  }
  sameLineIfFits(buttonWidth(app, "Random vectors"));
  if (button(app, "Random vectors")) queue(app, lesson::actions::Randomise{app.view.randomSeed});
  registerItem(app, "randomise", "Random vectors, button");
}

void drawPageControls(AppState& app) {
  ImGui::AlignTextToFramePadding();
  textLine(app, "Text size " + std::to_string(static_cast<int>(app.view.prefs.zoom * 100.0f + 0.5f)) + "%");
  sameLineIfFits(buttonWidth(app, "A-"));
  if (button(app, "A-")) app.view.prefs.zoom = std::max(kMinZoom, app.view.prefs.zoom - 0.1f);
  registerItem(app, "zoom-out", "Smaller text, button");
  sameLineIfFits(buttonWidth(app, "A+"));
  if (button(app, "A+")) app.view.prefs.zoom = std::min(kMaxZoom, app.view.prefs.zoom + 0.1f);
  registerItem(app, "zoom-in", "Larger text, button");
  sameLineIfFits(choiceWidth("Reduce motion"), px(app, 16));
  bool reduced = app.view.prefs.reducedMotion;
  if (ImGui::Checkbox("Reduce motion", &reduced)) {
    app.view.prefs.reducedMotion = reduced;
    ImGui::GetIO().ConfigInputTextCursorBlink = !reduced;  // the text caret stops blinking too
  }
  registerItem(
      app, "reduce-motion",
      [&] {
        return std::string("Reduce motion, checkbox, ") + (app.view.prefs.reducedMotion ? "on" : "off") +
               ": Play then shows the end state at once";
      },
      Role::Toggle, app.view.prefs.reducedMotion);
  if (app.platform.copyShareLink) {
    if (button(app, "Copy link to this state"))
      app.view.shareStatus = app.platform.copyShareLink(app.session().lesson());
    registerItem(app, "copy-link", "Copy link to this state, button");
    if (!app.view.shareStatus.empty()) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      note(app, app.view.shareStatus);
    }
  }
  {
    // The lesson starts over after this frame; then the driver forgets what it stored.
    if (button(app, "Start over (forget progress)"))
      queue(app, lesson::actions::StartOver{0}, [](AppState& a, const std::string&) {
        if (a.platform.resetProgress) a.platform.resetProgress();
      });
    registerItem(app, "reset-progress", "Start over, button: forgets steps seen, experiments and quiz answers");
  }
  note(app, "Steps seen: " + std::to_string(app.session().progress().seenCount()) + " of " +
                std::to_string(lesson::stepCount()) +
                (app.platform.storageAvailable ? "" : " (not kept after this visit)"));
}

}  // namespace

float stepperWidth(const AppState& app, const StepperNames& names) {
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
  return px(app, 48) + 3.0f * gap + 2.0f * ImGui::GetFrameHeight() + ImGui::CalcTextSize(names.label).x;
}

std::optional<int> drawStepper(AppState& app, const StepperNames& names, int value, int low, int high,
                               bool fewerAllowed, bool moreAllowed) {
  const bool canDecrease = fewerAllowed && value > low, canIncrease = moreAllowed && value < high;
  std::optional<int> requested;
  const std::string widgetId = names.widgetId;
  ImGui::PushID(names.widgetId);
  int typed = value;
  ImGui::SetNextItemWidth(px(app, 48));
  // Applied on Enter, like a matrix cell: while typing "12", the 1 alone is not applied.
  if (ImGui::InputInt("##value", &typed, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue) && typed != value)
    requested = typed;
  registerItem(app, widgetId, [&] { return std::string(names.spoken) + ", number field, " + std::to_string(value); },
               Role::NumberField, false, static_cast<float>(value),
               {static_cast<float>(low), static_cast<float>(high)});
  const float gap = ImGui::GetStyle().ItemInnerSpacing.x;
  const float side = ImGui::GetFrameHeight();
  ImGui::SameLine(0, gap);
  ImGui::BeginDisabled(!canDecrease);
  if (ImGui::Button("-", ImVec2(side, 0))) requested = value - 1;
  ImGui::EndDisabled();
  const std::string fewer = std::string("Decrease ") + names.spoken + " by one, button";
  registerItem(app, widgetId + "-minus", names.fewerSpoken ? names.fewerSpoken : fewer.c_str());
  ImGui::SameLine(0, gap);
  ImGui::BeginDisabled(!canIncrease);
  if (ImGui::Button("+", ImVec2(side, 0))) requested = value + 1;
  ImGui::EndDisabled();
  const std::string more = std::string("Increase ") + names.spoken + " by one, button";
  registerItem(app, widgetId + "-plus", names.moreSpoken ? names.moreSpoken : more.c_str());
  ImGui::SameLine(0, gap);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(names.label);  // said by the field's name
  ImGui::PopID();
  return requested;
}

void drawMaskControls(AppState& app, const char* idPrefix, int windowGlobal) {
  const core::Mask& mask = app.session().lesson().mask;
  const std::string prefix = idPrefix;
  ImGui::PushID(idPrefix);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Mask:");  // said by its options
  const auto option = [&](const char* label, const char* id, const char* spoken, core::MaskKind kind,
                          const core::Mask& chosen) {
    sameLineIfFits(choiceWidth(label));
    const bool on = mask.kind == kind;
    if (ImGui::RadioButton(label, on) && !on) queue(app, lesson::actions::SetMask{chosen});
    registerItem(
        app, prefix + "-" + id,
        [&] { return std::string(spoken) + (on ? ", option, chosen" : ", option, not chosen"); }, Role::Option, on);
  };
  option("none", "none", "No mask", core::MaskKind::None, core::Mask::none());
  option("causal", "causal", "Causal mask", core::MaskKind::Causal, core::Mask::causal());
  option("window", "window", "Sliding window mask", core::MaskKind::Window, core::Mask::slidingWindow(1, windowGlobal));
  if (mask.kind == core::MaskKind::Window) {
    const int n = static_cast<int>(app.session().lesson().tokens.size());
    const std::string windowId = prefix + "-window-size", globalId = prefix + "-global-tokens";
    if (auto w =
            drawStepper(app, {"window W: keys within W places", windowId.c_str(), "Window width W"}, mask.window, 0, n))
      queue(app, lesson::actions::SetMask{core::Mask::slidingWindow(*w, mask.global)});
    if (auto g = drawStepper(app, {"global G: first tokens see all", globalId.c_str(), "Global tokens G"}, mask.global,
                             0, n))
      queue(app, lesson::actions::SetMask{core::Mask::slidingWindow(mask.window, *g)});
  }
  ImGui::PopID();
}

void drawHeadsInput(AppState& app, const char* widgetId) {
  const int heads = app.session().lesson().heads;
  const bool fewer = lesson::headCountToward(app.session().lesson(), heads - 1) != heads;
  const bool more = lesson::headCountToward(app.session().lesson(), heads + 1) != heads;
  const StepperNames names{"heads", widgetId, "Number of heads", "Fewer heads, button", "More heads, button"};
  if (auto requested = drawStepper(app, names, heads, 1, app.session().lesson().dK, fewer, more))
    queue(app, lesson::actions::SetHeadsToward{*requested});
}

void drawControls(AppState& app) {
  const bool open = sectionHeader("Edit: the sentence and settings", app.view.prefs.editOpen);
  registerItem(
      app, "settings",
      [&] {
        return std::string("Edit: the sentence and settings, section heading, ") + (open ? "open" : "closed") +
               ": Space opens or closes it";
      },
      Role::Section, open);
  if (!open) return;
  drawPresetPicker(app);
  drawScaleControls(app, "");
  drawMaskControls(app, "mask");
  ImGui::Separator();
  drawTokenEditor(app);
  ImGui::Separator();
  drawSizeControls(app);
  drawRandomControls(app);
  ImGui::Separator();
  drawPageControls(app);
}

}  // namespace ui
