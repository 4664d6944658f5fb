// practice_panel.cpp: experiments with their live status, and the quiz.
#include "ui/practice_panel.h"

#include "lesson/practice.h"
#include "ui/widgets.h"

namespace ui {

namespace {

const ImVec4 kDone(0.10f, 0.50f, 0.20f, 1.0f);
const ImVec4 kWrong(0.70f, 0.15f, 0.10f, 1.0f);

void drawExperiments(AppState& app) {
  const auto& list = lesson::experiments();
  sectionHeading(app, ("Experiments (" + std::to_string(app.progress.experimentsDone.size()) + " of " +
                       std::to_string(list.size()) + " done)")
                          .c_str());
  for (const auto& experiment : list) {
    const bool done = app.progress.experimentsDone.count(experiment.id) > 0;
    ImGui::PushID(experiment.id.c_str());
    if (done) ImGui::TextColored(kDone, "\xE2\x9C\x93 done");
    else ImGui::TextDisabled("to try");
    ImGui::SameLine(px(app, 70));
    ImGui::BeginGroup();
    paragraph(experiment.task);
    if (done) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      paragraph(experiment.explanation);
      ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void drawQuestion(AppState& app, const lesson::QuizQuestion& question) {
  ImGui::PushID(question.id.c_str());
  ImGui::PushFont(app.fonts.bold);
  paragraph(question.question);
  ImGui::PopFont();
  const auto chosen = app.quizChoices.find(question.id);
  for (size_t a = 0; a < question.answers.size(); ++a) {
    ImGui::PushID(static_cast<int>(a));
    const bool picked = chosen != app.quizChoices.end() && chosen->second == static_cast<int>(a);
    if (ImGui::RadioButton(question.answers[a].c_str(), picked)) {
      app.quizChoices[question.id] = static_cast<int>(a);
      if (static_cast<int>(a) == question.correct) app.progress.quizCorrect.insert(question.id);
      ++app.revision;
    }
    registerItem(app, "quiz-" + question.id + "[" + std::to_string(a) + "]");
    ImGui::PopID();
  }
  if (chosen != app.quizChoices.end()) {
    const bool right = chosen->second == question.correct;
    ImGui::PushStyleColor(ImGuiCol_Text, right ? kDone : kWrong);
    paragraph(std::string(right ? "Right. " : "Not quite. ") + question.why);
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void drawPractice(AppState& app) {
  const bool open = ImGui::CollapsingHeader("Practice: experiments and quiz", ImGuiTreeNodeFlags_DefaultOpen);
  registerItem(app, "practice");
  if (!open) return;
  drawExperiments(app);
  ImGui::Separator();
  const auto& questions = lesson::quiz();
  sectionHeading(app, ("Quiz (" + std::to_string(app.progress.quizCorrect.size()) + " of " +
                       std::to_string(questions.size()) + " answered right)")
                          .c_str());
  for (const auto& question : questions) drawQuestion(app, question);
}

}  // namespace ui
