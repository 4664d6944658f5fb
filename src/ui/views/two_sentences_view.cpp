// two_sentences_view.cpp: the "two-sentences" step view. The lesson's opening claim shown,
// not told: the same "bank" in "The bank by the river was steep" and in "I went to the bank to
// deposit money", with its weights and its output in each, computed by the core.
#include <cstdio>

#include "lesson/content/presets.h"
#include "lesson/model/value_change.h"
#include "lesson/model/what_if.h"
#include "text/decimals.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

// "nature 0.54, money 0.07, ...": the word's output, by dimension.
std::string outputInWords(const lesson::LessonState& state, const lesson::LessonTrace& trace, int row) {
  const auto names = lesson::valueColumnNames(state, trace);
  std::string text;
  for (int c = 0; c < trace.attention.concatenated.cols; ++c) {
    char value[32];
    std::snprintf(value, sizeof value, "%s",
                  text::fixedDecimals(static_cast<double>(trace.attention.concatenated.at(row, c))).c_str());
    text += (c ? ", " : "") + names[static_cast<size_t>(c)] + " " + value;
  }
  return text;
}

void drawSentence(AppState& app, const lesson::LessonState& state, const lesson::LessonTrace& trace) {
  const int bank = lesson::findToken(state, "bank");
  if (!trace.ok || bank < 0) return;
  ImGui::PushFont(app.platform.fonts.bold);
  std::string sentence;
  for (const auto& token : state.tokens) sentence += (sentence.empty() ? "" : " ") + token;
  paragraph(app, "\"" + sentence + "\"");
  ImGui::PopFont();
  {
    const WideBox box(app, sentence.c_str(), weightRowsWidth(app, px(app, 60), state.tokens.size()));
    drawKeyNames(app, px(app, 60), state.tokens);
    drawWeightRow(app, "bank", px(app, 60), state.tokens, trace.attention.heads.front().weights, bank);
  }
  paragraph(app, "bank's output: " + outputInWords(state, trace, bank));
}

}  // namespace

void drawTwoSentences(AppState& app) {
  sectionHeading(app, "One word, two sentences");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  paragraph(app, "the same \"bank\" vector, the same weights W: only the neighbours differ");
  ImGui::PopStyleColor();
  const auto& sentences = lesson::bankSentences();
  for (size_t k = 0; k < sentences.size(); ++k) {
    if (k > 0) ImGui::Spacing();
    drawSentence(app, sentences[k].state, sentences[k].trace);
  }
  paragraph(app,
            "By the river, bank gives its largest weight to \"river\" and its output leans to nature; beside "
            "\"deposit\" and \"money\" it leans to money. The rest of this tour shows how.");
}

}  // namespace ui
