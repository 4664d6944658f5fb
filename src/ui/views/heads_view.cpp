// heads_view.cpp: the "heads" view of the multi-head step: the head count, every head's
// weights side by side (pick one to show it in the matrices), and what each head does.
#include <algorithm>
#include <cstdio>
#include <string>

#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "lesson/model/head_roles.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/widgets.h"
#include "ui/panels/controls_panel.h"

namespace ui {

namespace {

// Every head's weights side by side, each with a radio that shows it in the matrices above.
void drawHeadMaps(AppState& app) {
  const auto& heads = app.session().trace().attention.heads;
  const float cell = heads.size() > 1 ? px(app, 30) : px(app, 56);
  const float left = ImGui::GetCursorPosX();
  float mapWidth = 0;  // measured on the first map, then used to wrap the others onto new rows
  for (size_t h = 0; h < heads.size(); ++h) {
    if (h > 0) {
      sameLineIfFits(mapWidth, px(app, 24));
      if (ImGui::GetCursorPosX() < left) ImGui::SetCursorPosX(left);  // a new row starts under the first map
    }
    ImGui::BeginGroup();
    ImGui::PushID(static_cast<int>(h));
    if (ImGui::RadioButton(("head " + std::to_string(h + 1)).c_str(), app.view.selectedHead == static_cast<int>(h)))
      app.view.selectedHead = static_cast<int>(h);
    registerItem(
        app, "head[" + std::to_string(h) + "]",
        [&] {
          return "Head " + std::to_string(h + 1) +
                 (app.view.selectedHead == static_cast<int>(h) ? ", shown" : ", option") + ": " +
                 lesson::describeHead(app.session().lesson(), heads[h]);
        },
        Role::Option, app.view.selectedHead == static_cast<int>(h));
    ImGui::PopID();
    const std::string prefix = heads.size() > 1 ? "head" + std::to_string(h + 1) + "Weights" : "headWeights";
    drawHeatmap(app, heads[h].weights, heads[h].rowFullyHidden, prefix.c_str(), cell, heads.size() == 1);
    ImGui::EndGroup();
    mapWidth = std::max(mapWidth, ImGui::GetItemRectSize().x);
  }
  if (heads.size() > 1) note(app, "In each map: rows are queries, columns keys; each row sums to 1.");
}

// What each head does, in words; with one head, or heads that all do the same, a way to see
// heads that differ.
void drawHeadRoles(AppState& app) {
  const auto& heads = app.session().trace().attention.heads;
  bool differ = false;
  for (size_t h = 0; h < heads.size(); ++h) {
    paragraph(app, "Head " + std::to_string(h + 1) + " " + lesson::describeHead(app.session().lesson(), heads[h]));
    differ = differ || lesson::headRole(heads[h]) != lesson::headRole(heads.front());
  }
  if (app.session().lesson().presetId == "two-heads") {
    // Say that the sentence changed, so the learner does not look for their own words here.
    if (!app.view.lessonBeforeSwitch) {
      paragraph(app,
                "This is the two-heads example: its embeddings are built so that one head follows meaning and the "
                "other word order.");
      return;
    }
    paragraph(app,
              "This is the two-heads example, not the sentence you had: its embeddings are built so that one "
              "head follows meaning and the other word order.");
    if (button(app, "Back to your sentence")) {
      queue(app, lesson::actions::ReturnToLesson{*app.view.lessonBeforeSwitch});
      app.view.lessonBeforeSwitch.reset();
    }
    registerItem(app, "back-to-sentence",
                 "Back to your sentence, button: puts back the lesson you had before the switch");
    return;
  }
  if (differ) return;
  if (button(app, "Switch to a sentence whose two heads differ")) {
    app.view.lessonBeforeSwitch = app.session().lesson();
    queue(app, lesson::actions::LoadExample{"two-heads"});
  }
  registerItem(
      app, "load-two-heads",
      "Switch to a sentence whose two heads differ, button: replaces your sentence with the two-heads example, "
      "which a button then takes back");
}

}  // namespace

void drawHeads(AppState& app) {
  const auto& heads = app.session().trace().attention.heads;
  sectionHeading(app, "Heads");
  drawHeadsInput(app, "heads-step");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const int dv = lesson::valueWidth(app.session().lesson());
  const std::string dk = std::to_string(app.session().lesson().dK);
  note(app, dv == app.session().lesson().dK ? "must divide d_k = " + dk
                                            : "must divide d_k = " + dk + " and d_v = " + std::to_string(dv));
  drawHeadMaps(app);
  drawHeadRoles(app);
  const auto& head = heads[static_cast<size_t>(app.view.selectedHead)];
  const auto& lesson = app.session().lesson();
  char divisor[48];  // what the scores are divided by: the head's own width, the temperature
  if (!lesson.scale && lesson.temperature == 1.0f)
    std::snprintf(divisor, sizeof divisor, "not scaled");
  else if (!lesson.scale)
    std::snprintf(divisor, sizeof divisor, "divided by T = %.2f", static_cast<double>(lesson.temperature));
  else if (lesson.temperature == 1.0f)
    std::snprintf(divisor, sizeof divisor, "divided by \xE2\x88\x9A%d", head.Q.cols);
  else
    std::snprintf(divisor, sizeof divisor, "divided by \xE2\x88\x9A%d \xC2\xB7 %.2f", head.Q.cols,
                  static_cast<double>(lesson.temperature));
  note(app, "head " + std::to_string(app.view.selectedHead + 1) + ": " + std::to_string(head.Q.cols) +
                " query/key columns, scores " + divisor);
  const int width = head.output.cols;
  if (heads.size() > 1)
    paragraph(app, "The output below holds the heads' outputs side by side: head " +
                       std::to_string(app.view.selectedHead + 1) + " fills columns " +
                       std::to_string(app.view.selectedHead * width + 1) + " to " +
                       std::to_string((app.view.selectedHead + 1) * width) +
                       ". W_O then mixes them into the mixed output; it starts as the identity, which changes nothing "
                       "until you edit it.");
  else
    paragraph(app,
              "With one head the output below is that head's output; W_O then mixes its columns (it starts as "
              "the identity, which changes nothing until you edit it).");
}

}  // namespace ui
