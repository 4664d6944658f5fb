// practice_panel.cpp: experiments with their live status, the quiz, and the coding challenge (two levels).
#include "ui/panels/practice_panel.h"

#include <cstdio>

#include "lesson/content/challenge.h"
#include "lesson/content/practice.h"
#include "lesson/model/actions.h"
#include "ui/kit/theme.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

// The last grade shown under a level of the coding challenge.
std::string& challengeMessage(ViewState& view, int level) {
  return level == 2 ? view.challengeMessage2 : view.challengeMessage;
}

constexpr const char* kLevels[] = {"Level 1: the weights of one query", "Level 2: the whole output"};

// The one-hot experiment's move: the selected query, doubled (the same direction, longer).
void drawScaleQueryButton(AppState& app) {
  const auto& lesson = app.session().lesson();
  const std::string& token = lesson.tokens[static_cast<size_t>(lesson.selected)];
  if (button(app, ("Scale the query of \"" + fitLabel(token, px(app, 120)) +
                   "\" \xC3\x97"
                   "2")
                      .c_str()))
    queue(app, lesson::actions::ScaleQuery{lesson.selected, 2.0f});
  registerItem(app, "scale-query",
               [&] { return "Scale the query of " + token + " by 2, button: doubles every entry of its row of Q"; });
}

void drawExperiments(AppState& app) {
  const auto& list = lesson::experiments();
  sectionHeading(app, ("Experiments (" + std::to_string(app.session().progress().experimentsDone.size()) + " of " +
                       std::to_string(list.size()) + " done)")
                          .c_str());
  for (const auto& experiment : list) {
    const std::string id(experiment.id);
    const bool done = app.session().progress().experimentsDone.count(id) > 0;
    ImGui::PushID(id.c_str());
    if (done)
      textLine(app, kDone, "\xE2\x9C\x93 done");
    else
      textLine(app, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "to try");
    ImGui::SameLine(px(app, 70));
    ImGui::BeginGroup();
    paragraph(app, experiment.task);
    if (experiment.id == "one-hot") drawScaleQueryButton(app);
    if (done) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      paragraph(app, experiment.explanation);
      ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    ImGui::PopID();
    ImGui::Spacing();
  }
}

void drawQuestion(AppState& app, const lesson::QuizQuestion& question) {
  const std::string id(question.id);
  ImGui::PushID(id.c_str());
  ImGui::PushFont(app.platform.fonts.bold);
  paragraph(app, question.question);
  ImGui::PopFont();
  const auto chosen = app.view.quizChoices.find(id);
  for (size_t a = 0; a < question.answers.size(); ++a) {
    ImGui::PushID(static_cast<int>(a));
    const bool picked = chosen != app.view.quizChoices.end() && chosen->second == static_cast<int>(a);
    const std::string answer(question.answers[a]);
    if (ImGui::RadioButton(answer.c_str(), picked)) {
      app.view.quizChoices[id] = static_cast<int>(a);
      queue(app, lesson::actions::AnswerQuiz{id, static_cast<int>(a) == question.correct});
      say(app, std::string(static_cast<int>(a) == question.correct ? "Right. " : "Not quite. ").append(question.why));
    }
    registerItem(
        app, "quiz-" + id + "[" + std::to_string(a) + "]",
        [&] {
          return std::string(question.question) + " Answer " + std::to_string(a + 1) + " of " +
                 std::to_string(question.answers.size()) + ": " + answer;
        },
        Role::Option, picked);
    ImGui::PopID();
  }
  // The feedback's room is kept before any answer (the longer of its two forms), so answering
  // never pushes the next question down under the pointer. Its height is measured once for
  // the column's width, by laying the text out unseen, not every frame.
  const bool answered = chosen != app.view.quizChoices.end();
  const bool right = answered && chosen->second == question.correct;
  const float width = visibleRight() - ImGui::GetCursorPosX();
  auto room = app.view.quizFeedbackRoom.find(id);
  if (!answered && room != app.view.quizFeedbackRoom.end() && room->second.first == width) {
    ImGui::Dummy(ImVec2(width, room->second.second));
  } else {
    const float top = ImGui::GetCursorPosY();
    ImGui::PushStyleColor(ImGuiCol_Text, !answered ? ImVec4(0, 0, 0, 0) : right ? kDone : kWrong);
    paragraph(app, std::string(answered && right ? "Right. " : "Not quite. ").append(question.why));
    ImGui::PopStyleColor();
    if (!answered)
      app.view.quizFeedbackRoom[id] = {width, ImGui::GetCursorPosY() - top - ImGui::GetStyle().ItemSpacing.y};
  }
  ImGui::PopID();
  ImGui::Spacing();
}

void drawCodeChallenge(AppState& app) {
  const bool second = app.view.challengeLevel == 2;
  if (second)
    paragraph(app,
              "Write attention(Q, K, V) in JavaScript: the output softmax(Q K\xE1\xB5\x80 / \xE2\x88\x9A"
              "d_k) V, with one row per query and one column per value entry (the rows of Q, K and V are the "
              "vectors). It is checked against the C++ core on hidden cases, among them more queries than keys, a "
              "single key and very large scores. The starting version runs but returns zeros.");
  else
    paragraph(app,
              "Write attentionWeights(query, keys) in JavaScript: scores q \xC2\xB7 k / \xE2\x88\x9A"
              "d, then a softmax. "
              "It is checked against the C++ core on hidden cases. The starting version has a flaw that two of "
              "them expose.");
  char* code = second ? app.view.challengeCode2 : app.view.challengeCode;
  const float height = ImGui::GetTextLineHeight() * (second ? 17.0f : 11.0f);  // level 2's starter whole
  ImGui::PushFont(codeFont(app));
  ImGui::InputTextMultiline(second ? "##code2" : "##code", code, sizeof app.view.challengeCode,
                            ImVec2(visibleWidth(), height), ImGuiInputTextFlags_AllowTabInput);
  ImGui::PopFont();
  if (second)
    registerItem(app, "challenge-code-2", "Your attention(Q, K, V) code, text box", Role::TextField);
  else
    registerItem(app, "challenge-code", "Your attentionWeights code, text box", Role::TextField);
  if (button(app, "Check my function")) {
    challengeMessage(app.view, app.view.challengeLevel) = "Checking\xE2\x80\xA6";
    app.platform.submitChallengeCode(code, app.view.challengeLevel);
  }
  registerItem(app, "challenge-check", "Check my function, button");
}

// A number field for each entry of `values`, named `letter`1, `letter`2, ... and registered
// as `id`[k].
void handFields(AppState& app, float* values, int count, const char* letter, const std::string& id,
                const char* spokenWhat) {
  for (int k = 0; k < count; ++k) {
    ImGui::PushID(k);
    ImGui::SetNextItemWidth(px(app, 90));
    ImGui::InputFloat((letter + std::to_string(k + 1)).c_str(), &values[k], 0.0f, 0.0f, "%.2f");
    registerItem(
        app, id + "[" + std::to_string(k) + "]",
        [&] { return std::string("Your ") + spokenWhat + " " + std::to_string(k + 1) + ", number field"; },
        Role::NumberField, false, values[k]);
    ImGui::PopID();
  }
}

// "[1, 2]": a vector of the hand case.
std::string vectorText(const std::vector<float>& v) {
  std::string text = "[";
  char number[32];
  for (size_t k = 0; k < v.size(); ++k) {
    std::snprintf(number, sizeof number, "%g", static_cast<double>(v[k]));
    text += (k ? ", " : "") + std::string(number);
  }
  return text + "]";
}

// The desktop has no JavaScript: the same sums by hand, on the core's small hand case.
void drawHandChallenge(AppState& app) {
  if (app.view.challengeLevel == 2) {
    const lesson::OutputCase c = lesson::handOutputCase();
    paragraph(app, "Take level 1's query and keys, and give each key a value:");
    textLine(app, "q = " + vectorText(c.Q[0]));
    for (size_t j = 0; j < c.K.size(); ++j) {  // one line per key, never split inside a vector
      const std::string n = std::to_string(j + 1);
      textLine(app, "k" + n + " = " + vectorText(c.K[j]));
      ImGui::SameLine(px(app, 130));
      textLine(app, "v" + n + " = " + vectorText(c.V[j]));
    }
    paragraph(app,
              "Work out the attention output w1 v1 + w2 v2 + w3 v3, where w1, w2 and w3 are the weights of level 1, to "
              "two decimals, and enter it.");
    ImGui::PushID("output");
    handFields(app, app.view.handOutput, 2, "o", "hand-output", "output entry");
    ImGui::PopID();
  } else {
    paragraph(app,
              "Work out the attention weights of the query q = [1, 2] over the keys k1 = [1, 0], k2 = [0, 1] and "
              "k3 = [1, 1] (scaled by \xE2\x88\x9A"
              "2), to two decimals, and enter them.");
    handFields(app, app.view.handAnswer, 3, "w", "hand-answer", "weight for key");
  }
  if (button(app, "Check")) {
    const bool second = app.view.challengeLevel == 2;
    const auto grade =
        second ? lesson::gradeHandOutput(lesson::handOutputCase(), {app.view.handOutput[0], app.view.handOutput[1]})
               : lesson::gradeHandAnswer(lesson::handCase(),
                                         {app.view.handAnswer[0], app.view.handAnswer[1], app.view.handAnswer[2]});
    challengeMessage(app.view, app.view.challengeLevel) = grade.message;
    queue(app, lesson::actions::RecordChallenge{grade.passed, app.view.challengeLevel});
  }
  registerItem(app, "challenge-check", "Check my answer, button");
}

std::string challengeHeading(const lesson::Progress& progress) {
  const char* passed = progress.challengeDone && progress.challenge2Done ? " (\xE2\x9C\x93 both levels passed)"
                       : progress.challengeDone                          ? " (\xE2\x9C\x93 level 1 passed)"
                       : progress.challenge2Done                         ? " (\xE2\x9C\x93 level 2 passed)"
                                                                         : "";
  return std::string("Coding challenge") + passed;
}

void drawChallenge(AppState& app) {
  sectionHeading(app, challengeHeading(app.session().progress()).c_str());
  for (int level = 1; level <= 2; ++level) {
    const bool chosen = app.view.challengeLevel == level;
    if (ImGui::RadioButton(kLevels[level - 1], chosen)) app.view.challengeLevel = level;
    registerItem(
        app, "challenge-level[" + std::to_string(level - 1) + "]",
        [&] {
          return std::string("Coding challenge ") + kLevels[level - 1] +
                 (chosen ? ", option, chosen" : ", option, not chosen");
        },
        Role::Option, chosen);
  }
  if (app.platform.submitChallengeCode)
    drawCodeChallenge(app);
  else
    drawHandChallenge(app);
  const std::string& message = challengeMessage(app.view, app.view.challengeLevel);
  if (!message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, message.rfind("All ", 0) == 0 || message.rfind("Right", 0) == 0
                                             ? kDone
                                             : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    paragraph(app, message);
    ImGui::PopStyleColor();
  }
}

}  // namespace

void drawPractice(AppState& app) {
  const bool open = sectionHeader("Practice: experiments and quiz", app.view.prefs.practiceOpen);
  registerItem(
      app, "practice",
      [&] {
        return std::string("Practice: experiments and quiz, section heading, ") + (open ? "open" : "closed") +
               ": Space opens or closes it";
      },
      Role::Section, open);
  if (!open) return;
  // Predict, then see: the guesses made on the steps that ask for one count here too.
  note(app, "Guesses made before seeing: " + std::to_string(app.session().progress().guessCount()) + " of " +
                std::to_string(lesson::predictionQuestions().size()) + " steps");
  drawExperiments(app);
  ImGui::Separator();
  const auto& questions = lesson::quiz();
  sectionHeading(app, ("Quiz (" + std::to_string(app.session().progress().quizCorrect.size()) + " of " +
                       std::to_string(questions.size()) + " answered right)")
                          .c_str());
  for (const auto& question : questions) drawQuestion(app, question);
  ImGui::Separator();
  drawChallenge(app);
}

lesson::ChallengeGrade challengeAnswered(AppState& app, int level, const std::string& answersText) {
  const lesson::ChallengeGrade grade = lesson::gradeChallengeText(level, answersText);
  challengeMessage(app.view, level) = grade.message;
  apply(app, lesson::actions::RecordChallenge{grade.passed, level == 2 ? 2 : 1});
  return grade;
}

}  // namespace ui
