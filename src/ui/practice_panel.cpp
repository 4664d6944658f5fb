// practice_panel.cpp: experiments with their live status, and the quiz.
#include "ui/practice_panel.h"

#include "lesson/actions.h"
#include "lesson/challenge.h"
#include "lesson/practice.h"
#include "ui/widgets.h"

namespace ui {

namespace {

void drawExperiments(AppState& app) {
  const auto& list = lesson::experiments();
  sectionHeading(app, ("Experiments (" + std::to_string(app.session.progress.experimentsDone.size()) + " of " +
                       std::to_string(list.size()) + " done)")
                          .c_str());
  for (const auto& experiment : list) {
    const bool done = app.session.progress.experimentsDone.count(experiment.id) > 0;
    ImGui::PushID(experiment.id.c_str());
    if (done)
      ImGui::TextColored(kDone, "\xE2\x9C\x93 done");
    else
      ImGui::TextDisabled("to try");
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
  ImGui::PushFont(app.platform.fonts.bold);
  paragraph(question.question);
  ImGui::PopFont();
  const auto chosen = app.view.quizChoices.find(question.id);
  for (size_t a = 0; a < question.answers.size(); ++a) {
    ImGui::PushID(static_cast<int>(a));
    const bool picked = chosen != app.view.quizChoices.end() && chosen->second == static_cast<int>(a);
    if (ImGui::RadioButton(question.answers[a].c_str(), picked)) {
      app.view.quizChoices[question.id] = static_cast<int>(a);
      queue(app, lesson::actions::answerQuiz(question.id, static_cast<int>(a) == question.correct));
    }
    registerItem(app, "quiz-" + question.id + "[" + std::to_string(a) + "]", [&] {
      return question.question + " Answer " + std::to_string(a + 1) + " of " + std::to_string(question.answers.size()) +
             ": " + question.answers[a];
    });
    ImGui::PopID();
  }
  if (chosen != app.view.quizChoices.end()) {
    const bool right = chosen->second == question.correct;
    ImGui::PushStyleColor(ImGuiCol_Text, right ? kDone : kWrong);
    paragraph(std::string(right ? "Right. " : "Not quite. ") + question.why);
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void drawCodeChallenge(AppState& app) {
  paragraph(
      "Write attentionWeights(query, keys) in JavaScript: scores q \xC2\xB7 k / \xE2\x88\x9A"
      "d, then a softmax. "
      "It is checked against the C++ core on hidden cases. The starting version has a flaw that two of "
      "them expose.");
  const float height = ImGui::GetTextLineHeight() * 11.0f;
  ImGui::PushFont(app.platform.fonts.mono);
  ImGui::InputTextMultiline("##code", app.view.challengeCode, sizeof app.view.challengeCode,
                            ImVec2(visibleWidth(), height), ImGuiInputTextFlags_AllowTabInput);
  ImGui::PopFont();
  registerItem(app, "challenge-code", "Your attentionWeights code, text box");
  if (ImGui::Button("Check my function")) {
    app.view.challengeMessage = "Checking\xE2\x80\xA6";
    app.platform.submitChallengeCode(app, app.view.challengeCode);
  }
  registerItem(app, "challenge-check", "Check my function, button");
}

void drawHandChallenge(AppState& app) {
  const lesson::ChallengeCase c = lesson::handCase();
  paragraph(
      "Work out the attention weights of the query q = [1, 2] over the keys k1 = [1, 0], k2 = [0, 1] and "
      "k3 = [1, 1] (scaled by \xE2\x88\x9A"
      "2), to two decimals, and enter them.");
  for (int k = 0; k < 3; ++k) {
    ImGui::PushID(k);
    ImGui::SetNextItemWidth(px(app, 90));
    ImGui::InputFloat(("w" + std::to_string(k + 1)).c_str(), &app.view.handAnswer[k], 0.0f, 0.0f, "%.2f");
    registerItem(app, "hand-answer[" + std::to_string(k) + "]",
                 [&] { return "Your weight for key " + std::to_string(k + 1) + ", number field"; });
    ImGui::PopID();
  }
  if (ImGui::Button("Check")) {
    const auto grade =
        lesson::gradeHandAnswer(c, {app.view.handAnswer[0], app.view.handAnswer[1], app.view.handAnswer[2]});
    app.view.challengeMessage = grade.message;
    queue(app, lesson::actions::recordChallenge(grade.passed));
  }
  registerItem(app, "challenge-check", "Check my answer, button");
}

void drawChallenge(AppState& app) {
  sectionHeading(app,
                 app.session.progress.challengeDone ? "Coding challenge (\xE2\x9C\x93 passed)" : "Coding challenge");
  if (app.platform.submitChallengeCode)
    drawCodeChallenge(app);
  else
    drawHandChallenge(app);
  if (!app.view.challengeMessage.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, app.view.challengeMessage.rfind("All ", 0) == 0 ||
                                                 app.view.challengeMessage.rfind("Right", 0) == 0
                                             ? kDone
                                             : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    paragraph(app.view.challengeMessage);
    ImGui::PopStyleColor();
  }
}

}  // namespace

void drawPractice(AppState& app) {
  const bool open = ImGui::CollapsingHeader("Practice: experiments and quiz", ImGuiTreeNodeFlags_DefaultOpen);
  registerItem(app, "practice", "Practice: experiments and quiz, section heading: Space opens or closes it");
  if (!open) return;
  drawExperiments(app);
  ImGui::Separator();
  const auto& questions = lesson::quiz();
  sectionHeading(app, ("Quiz (" + std::to_string(app.session.progress.quizCorrect.size()) + " of " +
                       std::to_string(questions.size()) + " answered right)")
                          .c_str());
  for (const auto& question : questions) drawQuestion(app, question);
  ImGui::Separator();
  drawChallenge(app);
}

}  // namespace ui
