// formula_panel.cpp: the worked numbers for the selected query i and key j.
#include "ui/panels/formula_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "text/decimals.h"
#include "ui/kit/mirror.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

std::string sub(int index) { return "_" + std::to_string(index + 1); }

// The fewest decimals (2 to 4) at which the products of the printed factors add up to the
// printed total: with 2, 5.875 × 2 printed as 5.88×2.00 = 11.75 would not add up.
int decimalsThatAddUp(const core::HeadTrace& head, int i, int j) {
  const double total = static_cast<double>(head.rawScores.at(i, j));
  for (int decimals = 2; decimals < 4; ++decimals) {
    const double unit = std::pow(10.0, decimals);
    const auto printed = [unit](float x) { return std::round(static_cast<double>(x) * unit) / unit; };
    double sum = 0;
    for (int c = 0; c < head.Q.cols; ++c) sum += printed(head.Q.at(i, c)) * printed(head.K.at(j, c));
    if (text::fixedDecimals(sum, decimals) == text::fixedDecimals(total, decimals)) return decimals;
  }
  return 4;
}

// "q_2 · k_3 = 1.00×0.00 + ... = 0.50", with as many decimals as it takes to add up.
std::string dotLine(const core::HeadTrace& head, int i, int j) {
  std::string line = "q" + sub(i) + " \xC2\xB7 k" + sub(j) + " = ";
  // Huge numbers print as the cells do (decimals cannot make them add up on a line).
  const float total = std::fabs(head.rawScores.at(i, j));
  const int decimals = std::isfinite(total) && total < 999.995f ? decimalsThatAddUp(head, i, j) : 0;
  const auto print = [decimals](float x) {
    return decimals ? text::fixedDecimals(static_cast<double>(x), decimals) : formatNumber(x);
  };
  for (int c = 0; c < head.Q.cols; ++c)
    line += (c > 0 ? " + " : "") + print(head.Q.at(i, c)) + "\xC3\x97" + print(head.K.at(j, c));
  return line + " = " + print(head.rawScores.at(i, j));
}

std::string scaleLine(const AppState& app, const core::HeadTrace& head, int i, int j) {
  const auto& s = app.session().lesson();
  std::string divisor;
  if (s.scale) divisor = "\xE2\x88\x9A" + std::to_string(head.Q.cols);
  if (s.temperature != 1.0f) {
    // Three significant digits: T = 0.0717 must not read 0.07, or the quotient would not add up.
    char t[32];
    std::snprintf(t, sizeof t, "T=%.3g", static_cast<double>(s.temperature));
    divisor += (divisor.empty() ? "" : " \xC2\xB7 ") + std::string(t);
  }
  if (divisor.empty()) return "no scaling: s" + sub(i) + sub(j) + " = " + formatNumber(head.scaledScores.at(i, j));
  return "s" + sub(i) + sub(j) + " = " + formatNumber(head.rawScores.at(i, j)) + " / (" + divisor +
         ") = " + formatNumber(head.scaledScores.at(i, j));
}

std::string maskLine(const AppState& app, const core::HeadTrace& head, int i, int j) {
  if (app.session().lesson().mask.kind == core::MaskKind::None) return "no mask: every key is visible";
  if (std::isinf(head.maskedScores.at(i, j))) {
    const std::string why = app.session().lesson().mask.kind == core::MaskKind::Causal
                                ? " comes after query "
                                : " is outside the window of query ";
    return "key " + std::to_string(j + 1) + why + std::to_string(i + 1) + ": score set to -\xE2\x88\x9E";
  }
  return "key " + std::to_string(j + 1) + " is visible to query " + std::to_string(i + 1);
}

std::string softmaxLine(const core::HeadTrace& head, int i, int j) {
  const size_t row = static_cast<size_t>(i);
  if (head.rowFullyHidden[row]) return "row " + std::to_string(i + 1) + " has no visible key: its weights are all 0";
  return "w" + sub(i) + sub(j) + " = exp(" + formatNumber(head.maskedScores.at(i, j)) + " - " +
         formatNumber(head.rowMax[row]) + ") / " + formatNumber(static_cast<float>(head.rowSum[row])) + " = " +
         formatNumber(head.weights.at(i, j));
}

std::string rowText(const core::Matrix& m, int i) {
  std::string text = "[";
  for (int c = 0; c < m.cols; ++c) text += (c > 0 ? ", " : "") + formatNumber(m.at(i, c));
  return text + "]";
}

// With several heads, the line is the shown head's: its weights times its own columns of V.
std::string outputLine(const core::HeadTrace& head, int i, int headIndex, int headCount) {
  std::string line = headCount > 1
                         ? "head " + std::to_string(headIndex + 1) + ", its columns of v: output" + sub(i) + " = "
                         : "output" + sub(i) + " = ";
  for (int j = 0; j < head.weights.cols; ++j) {
    if (j > 0) line += " + ";
    line += formatNumber(head.weights.at(i, j)) + "\xC2\xB7v" + sub(j);
  }
  return line + " = " + rowText(head.output, i);
}

// "mixed_2 = [joined heads of row 2] · W_O = [...]"
std::string mixedLine(const core::AttentionTrace& attention, int i) {
  return "mixed" + sub(i) + " = " + rowText(attention.concatenated, i) +
         " \xC2\xB7 W_O = " + rowText(attention.output, i);
}

// The line's pieces wrap between numbers; the mirror reads it whole, after its label.
void drawLine(AppState& app, const char* label, const std::string& text, bool current) {
  ImGui::TextDisabled("%s", label);  // said by the line's text
  ImGui::SameLine(px(app, 86));
  if (current) ImGui::PushStyleColor(ImGuiCol_Text, kAccent);
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start < text.size()) {  // split at spaces; pieces keep numbers whole
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) pieces.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  flowPieces(pieces);
  if (current) ImGui::PopStyleColor();
  if (mirroring(app)) mirrorText(app, MirrorNode::Kind::Text, std::string(label) + ": " + text);
}

}  // namespace

FormulaLines formulaLines(const AppState& app) {
  FormulaLines lines;
  if (!app.session().trace().ok) return lines;
  const auto& head = shownHead(app);
  const int i = app.session().lesson().selected, j = app.session().lesson().selectedKey;
  lines.dot = dotLine(head, i, j);
  lines.scale = scaleLine(app, head, i, j);
  lines.mask = maskLine(app, head, i, j);
  lines.softmax = softmaxLine(head, i, j);
  lines.output =
      outputLine(head, i, app.view.selectedHead, static_cast<int>(app.session().trace().attention.heads.size()));
  lines.mixed = mixedLine(app.session().trace().attention, i);
  return lines;
}

// The furthest line the tour has introduced by the current step: the worked numbers show only
// the terms the learner has met (no exp or v before the steps that bring them in).
lesson::FormulaLine introducedSoFar(int step) {
  lesson::FormulaLine furthest = lesson::FormulaLine::None;
  for (int k = 0; k <= step; ++k) furthest = std::max(furthest, lesson::tourSteps()[static_cast<size_t>(k)].emphasis);
  return furthest;
}

bool drawFormulaPanel(AppState& app) {
  if (!app.session().trace().ok) return false;
  if (!lesson::tourStep(app.session().lesson().step).workedNumbers) return false;
  using lesson::FormulaLine;
  const FormulaLine introduced = introducedSoFar(app.session().lesson().step);
  if (introduced == FormulaLine::None) return false;  // nothing computed yet: tokens and vectors only
  const FormulaLines lines = formulaLines(app);
  const FormulaLine about = lesson::tourStep(app.session().lesson().step).emphasis;
  const auto& tokens = app.session().lesson().tokens;
  const std::string heading = "Worked numbers: query " + std::to_string(app.session().lesson().selected + 1) + " \"" +
                              tokens[static_cast<size_t>(app.session().lesson().selected)] + "\", key " +
                              std::to_string(app.session().lesson().selectedKey + 1) + " \"" +
                              tokens[static_cast<size_t>(app.session().lesson().selectedKey)] + "\"";
  sectionHeading(app, heading.c_str());
  if (app.session().lesson().heads > 1)
    note(app,
         "head " + std::to_string(app.view.selectedHead + 1) + " of " + std::to_string(app.session().lesson().heads));
  const std::pair<FormulaLine, std::pair<const char*, const std::string*>> rows[] = {
      {FormulaLine::Score, {"score", &lines.dot}},      {FormulaLine::Scale, {"scale", &lines.scale}},
      {FormulaLine::Mask, {"mask", &lines.mask}},       {FormulaLine::Softmax, {"softmax", &lines.softmax}},
      {FormulaLine::Output, {"output", &lines.output}},
  };
  for (const auto& [line, label] : rows)
    if (line <= introduced) drawLine(app, label.first, *label.second, about == line);
  if (about == FormulaLine::Mixing) drawLine(app, "W_O", lines.mixed, true);
  note(app, "Pick a score or weight cell to see another pair.");
  return true;
}

}  // namespace ui
