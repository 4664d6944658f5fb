// meaning_moves_view.cpp: the "meaning-moves" step view, the lesson's central picture. In a
// plane of two named dimensions (nature and money), "bank" alone, and where attention moves it
// in "The bank by the river was steep" and in "I went to the bank to deposit money", with the
// values that pulled it most in each. Every point is the core's, from the two example sentences.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/few_sort.h"
#include "lesson/model/value_change.h"
#include "lesson/model/what_if.h"
#include "text/decimals.h"
#include "text/join.h"
#include "ui/kit/arrow_plane.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

struct Sentence {
  const lesson::Example* example;
  int bank;
  ImU32 colour;
  const char* name;
};

int columnNamed(const std::vector<std::string>& names, const char* wanted, int fallback) {
  const auto found = std::find(names.begin(), names.end(), wanted);
  return found == names.end() ? fallback : static_cast<int>(found - names.begin());
}

// The keys with the largest weights from "bank", itself left out: the values that pull it.
std::vector<int> strongestPulls(const lesson::Example& example, int bank, int count) {
  const auto& weights = example.trace.attention.heads.front().weights;
  std::vector<int> keys;
  for (int j = 0; j < weights.cols; ++j)
    if (j != bank) keys.push_back(j);
  core::sortFew(keys.begin(), keys.end(), [&](int a, int b) { return weights.at(bank, a) > weights.at(bank, b); });
  keys.resize(std::min<size_t>(keys.size(), static_cast<size_t>(count)));
  return keys;
}

}  // namespace

void drawMeaningMoves(AppState& app) {
  const auto& examples = lesson::bankSentences();
  if (examples.size() < 2) return;
  std::vector<Sentence> sentences;
  const ImU32 colours[] = {kPositive, kAccentFill};
  const char* names[] = {"by the river", "with money"};
  for (size_t k = 0; k < 2; ++k) {
    const int bank = lesson::findToken(examples[k].state, "bank");
    if (!examples[k].trace.ok || bank < 0) return;
    sentences.push_back({&examples[k], bank, colours[k], names[k]});
  }
  const auto columns = lesson::valueColumnNames(examples[0].state, examples[0].trace);
  const int ax = columnNamed(columns, "nature", 0),
            ay = columnNamed(columns, "money", std::min(1, int(columns.size()) - 1));
  const auto& V0 = examples[0].trace.attention.V;
  const ImVec2 alone(V0.at(sentences[0].bank, ax), V0.at(sentences[0].bank, ay));
  const auto outputOf = [&](const Sentence& s) {
    const auto& out = s.example->trace.attention.concatenated;
    return ImVec2(out.at(s.bank, ax), out.at(s.bank, ay));
  };
  // One scale for both axes, from everything drawn.
  float high = 0.2f, low = 0.0f;
  const auto include = [&](ImVec2 p) {
    high = std::max({high, p.x, p.y});
    low = std::min({low, p.x, p.y});
  };
  include(alone);
  for (const auto& s : sentences) {
    include(outputOf(s));
    for (int j : strongestPulls(*s.example, s.bank, 2))
      include(ImVec2(s.example->trace.attention.V.at(j, ax), s.example->trace.attention.V.at(j, ay)));
  }
  high += 0.15f;
  low -= 0.15f;  // room under the axis for the labels of values that lie along it

  sectionHeading(app, "Meaning moves: where attention takes \"bank\"");
  // Most of a phone's width, about half of a wide column.
  const float side =
      std::min(visibleWidth() < px(app, 500) ? visibleWidth() - px(app, 8) : visibleWidth() * 0.55f, px(app, 320));
  const ImVec2 corner = ImGui::GetCursorScreenPos();
  const float unit = side / (high - low);
  const auto at = [&](ImVec2 p) { return ImVec2(corner.x + (p.x - low) * unit, corner.y + side - (p.y - low) * unit); };
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(corner, ImVec2(corner.x + side, corner.y + side), kPlaneBackground);
  draw->AddRect(corner, ImVec2(corner.x + side, corner.y + side), kPlaneGrid);
  const ImVec2 origin = at(ImVec2(0, 0));
  draw->AddLine(ImVec2(corner.x, origin.y), ImVec2(corner.x + side, origin.y), kRule);
  draw->AddLine(ImVec2(origin.x, corner.y), ImVec2(origin.x, corner.y + side), kRule);
  const std::string across = columns[static_cast<size_t>(ax)] + " \xE2\x86\x92",
                    up = "\xE2\x86\x91 " + columns[static_cast<size_t>(ay)];
  // The across axis is named under the square, clear of the values that lie along it.
  draw->AddText(ImVec2(corner.x + side - ImGui::CalcTextSize(across.c_str()).x, corner.y + side + px(app, 2)), kRule,
                across.c_str());
  draw->AddText(ImVec2(origin.x + px(app, 4), corner.y + px(app, 2)), kRule, up.c_str());
  const float line = ImGui::GetTextLineHeight();
  // Where a value's name can go: its place, or a line lower while it would touch a name already there.
  std::vector<ImVec4> taken;
  const auto free = [&](ImVec2 place, float w) {
    for (size_t tries = 0; tries < 4; ++tries) {
      const bool clash = std::any_of(taken.begin(), taken.end(), [&](const ImVec4& r) {
        return place.x < r.z + px(app, 4) && place.x + w + px(app, 4) > r.x && place.y < r.w && place.y + line > r.y;
      });
      if (!clash) break;
      place.y += line;
    }
    taken.push_back(ImVec4(place.x, place.y, place.x + w, place.y + line));
    return place;
  };
  // The pulling values: a dot at each, named with its weight, and a thin line from where bank
  // lands to it (the pull), never along an axis.
  for (const auto& s : sentences) {
    const auto& weights = s.example->trace.attention.heads.front().weights;
    for (int j : strongestPulls(*s.example, s.bank, 2)) {
      const ImVec2 v(s.example->trace.attention.V.at(j, ax), s.example->trace.attention.V.at(j, ay));
      const ImVec2 tip = at(v);
      draw->AddLine(at(outputOf(s)), tip, withOpacity(s.colour, 0.45f), 1.5f);
      draw->AddCircleFilled(tip, 3.0f, withOpacity(s.colour, 0.6f));
      const std::string label =
          s.example->state.tokens[static_cast<size_t>(j)] + ", weight " + text::fixedDecimals(weights.at(s.bank, j));
      const float w = ImGui::CalcTextSize(label.c_str()).x;
      // A value along the across axis is named under its tip, any other beside it, so no name
      // sits on an axis or on the moved "bank".
      const bool alongX = std::fabs(v.y) < std::fabs(v.x);
      const ImVec2 place =
          alongX ? ImVec2(std::max(tip.x - w, corner.x + px(app, 2)), tip.y + px(app, 3))
                 : ImVec2(std::min(tip.x + px(app, 6), corner.x + side - w - px(app, 2)), tip.y - line * 0.5f);
      draw->AddText(free(place, w), withOpacity(s.colour, 0.85f), label.c_str());
    }
  }
  // "bank" alone, and an arrow to where each sentence moves it.
  const ImVec2 from = at(alone);
  for (const auto& s : sentences) {
    const ImVec2 to = at(outputOf(s));
    draw->AddLine(from, to, s.colour, 3.0f);
    draw->AddCircleFilled(to, 6.0f, s.colour);
    const std::string label = std::string("bank ") + s.name;
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    // Right of the point, or left of it where the square ends first.
    const float x = to.x + px(app, 10) + w <= corner.x + side ? to.x + px(app, 10)
                                                              : std::max(corner.x + px(app, 2), to.x - px(app, 10) - w);
    draw->AddText(ImVec2(x, to.y - line * 0.5f), s.colour, label.c_str());
  }
  draw->AddCircleFilled(from, 6.0f, kInkOnLight);
  draw->AddText(ImVec2(from.x + px(app, 8), from.y - line * 0.5f), kInkOnLight, "bank alone");
  ImGui::Dummy(ImVec2(side, side + line + px(app, 6)));
  const ImVec2 moved[2] = {outputOf(sentences[0]), outputOf(sentences[1])};
  const std::string& nx = columns[static_cast<size_t>(ax)];
  const std::string& ny = columns[static_cast<size_t>(ay)];
  // Bank's own value keeps a share too: it holds the output back towards where bank was.
  const auto ownWeight = [&](const Sentence& s) {
    return text::fixedDecimals(s.example->trace.attention.heads.front().weights.at(s.bank, s.bank));
  };
  const auto f = [](float v) { return text::fixedDecimals(v); };
  paragraph(app,
            text::join({"Alone, bank's value has ",
                        nx,
                        " ",
                        f(alone.x),
                        " and ",
                        ny,
                        " ",
                        f(alone.y),
                        ". By the river, attention moves it to ",
                        nx,
                        " ",
                        f(moved[0].x),
                        ", ",
                        ny,
                        " ",
                        f(moved[0].y),
                        "; with money, to ",
                        nx,
                        " ",
                        f(moved[1].x),
                        ", ",
                        ny,
                        " ",
                        f(moved[1].y),
                        ". Each output is an average of the values: the thin lines lead to the two other words with "
                        "the largest weights, and bank's own value has weight ",
                        ownWeight(sentences[0]),
                        " by the river and ",
                        ownWeight(sentences[1]),
                        " with money. (Two fixed example sentences, without a mask, whatever your own settings.)"}));
}

}  // namespace ui
