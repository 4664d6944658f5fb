// flash_view.cpp: the "flash" step view. A stepper through FlashAttention (head 1): Next and
// Back fold one tile of keys at a time into each query's running maximum m, running sum l and
// running output, showing the tile's scores and the rescale factor exp(m_old - m_new); after the
// last tile the result is compared with the direct one. Beside it, a count of the numbers a
// GPU would move between its large slow memory and its small fast memory, both ways.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "lesson/content/steps.h"
#include "lesson/model/actions.h"
#include "text/decimals.h"
#include "ui/kit/mirror.h"
#include "ui/kit/palette.h"
#include "ui/kit/playback.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/panels/controls_panel.h"
#include "ui/views/cost_lab_view.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

constexpr int kQueryBlock = 128;  // query rows a GPU keeps in fast memory while keys stream past

std::string number(double value, const char* format = "%.3g") {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string bytesText(double numbers) { return text::byteSize(numbers * 4.0); }  // float32

// Numbers read from and written to slow memory, over every head (dk and dv are the widths of
// all heads together). Direct: Q and K in, S out, S in, P out, P and V in, O out, the n x n
// matrices once per head. Tiled: Q in and O out once; K and V in once per block of query rows.
double directTraffic(double n, double dk, double dv, double heads = 1) {
  return 2 * n * dk + 2 * n * dv + 4 * heads * n * n;
}
double tiledTraffic(double n, double dk, double dv) {
  return n * dk + n * dv + std::ceil(n / kQueryBlock) * n * (dk + dv);
}

void drawStepperRow(AppState& app, int tiles) {
  int& tile = app.view.flashTile;
  tile = std::clamp(tile, 0, tiles);
  ImGui::BeginDisabled(tile == 0);
  if (button(app, "\xE2\x86\x90 Back a tile")) --tile;
  ImGui::EndDisabled();
  registerItem(app, "tile-back", "Back a tile, button");
  ImGui::SameLine();
  ImGui::BeginDisabled(tile == tiles);
  if (button(app, "Next tile \xE2\x86\x92")) ++tile;
  ImGui::EndDisabled();
  registerItem(app, "tile-next", [&] {
    return "Next tile, button: " + std::to_string(tile) + " of " + std::to_string(tiles) + " tiles folded in";
  });
  const std::string folded = std::to_string(tile) + " of " + std::to_string(tiles) + " tiles folded in";
  sameLineIfFits(ImGui::CalcTextSize(folded.c_str()).x);  // under the buttons on a phone
  ImGui::AlignTextToFramePadding();
  textLine(app, folded);
  const int n = static_cast<int>(app.session().lesson().tokens.size());
  if (auto size =
          drawStepper(app, {"keys per tile", "tile-size", "Keys per tile"}, app.session().lesson().tileSize, 1, n)) {
    queue(app, lesson::actions::SetTileSize{*size});
    app.view.flashTile = 0;
  }
  if (ImGui::RadioButton("the selected query", !app.view.flashAllQueries)) app.view.flashAllQueries = false;
  registerItem(
      app, "flash-one",
      [&] {
        return std::string("Show the selected query, option, ") + (app.view.flashAllQueries ? "not chosen" : "chosen");
      },
      Role::Option, !app.view.flashAllQueries);
  sameLineIfFits(choiceWidth("every query"));
  if (ImGui::RadioButton("every query", app.view.flashAllQueries)) app.view.flashAllQueries = true;
  registerItem(
      app, "flash-all",
      [&] { return std::string("Show every query, option, ") + (app.view.flashAllQueries ? "chosen" : "not chosen"); },
      Role::Option, app.view.flashAllQueries);
}

// The strip in words for the page's mirror: each tile's keys and scores, and for the tiles
// folded so far the running max m and sum l they left ("" in a frame that records nothing).
std::string keyStripInWords(const AppState& app, const lesson::LessonTrace& trace, int row, int folded) {
  if (!mirroring(app)) return "";
  const auto& tokens = app.session().lesson().tokens;
  const core::HeadTrace& head = trace.attention.heads.front();
  std::string text = "The scores of " + inQuotes(tokens[static_cast<size_t>(row)]) + ", tile by tile.";
  const auto& tiles = trace.online.tiles;
  for (size_t t = 0; t < tiles.size(); ++t) {
    const auto& step = tiles[t];
    text += " Tile " + std::to_string(t + 1) + ":";
    for (int k = 0; k < step.keyCount; ++k)
      text += (k ? ", " : " ") + inQuotes(tokens[static_cast<size_t>(step.firstKey + k)]) + " " +
              formatNumber(head.maskedScores.at(row, step.firstKey + k));
    if (static_cast<int>(t) < folded)
      text += "; folded, m " + formatNumber(step.runningMax[static_cast<size_t>(row)]) + ", l " +
              formatNumber(step.runningSum[static_cast<size_t>(row)]) + ".";
    else
      text += "; not folded yet.";
  }
  return text;
}

// The selected query's scores, one cell per key, grouped in tiles: folded tiles in blue, the
// last one folded outlined in orange, the rest grey. Above the cells the same scores as dots
// on a vertical scale, the running maximum m as an orange step over the tiles folded so far,
// and under each folded tile the running sum l it left.
void drawKeyStrip(AppState& app, const lesson::LessonTrace& trace, int row, int tileSize, int folded) {
  const core::HeadTrace& head = trace.attention.heads.front();
  const int n = head.maskedScores.cols;
  const float cell =
      std::clamp((visibleWidth() - px(app, 8)) / static_cast<float>(n) - px(app, 4), px(app, 30), px(app, 56));
  // Many keys on a phone: the strip scrolls sideways in its own box.
  const float stripWidth = static_cast<float>(n) * cell + static_cast<float>((n - 1) / tileSize) * px(app, 6);
  const WideBox box(app, "key-strip", stripWidth);
  ImVec2 start = ImGui::GetCursorScreenPos();
  const size_t picture = openMirrorPicture(app, keyStripInWords(app, trace, row, folded));
  const ImVec2 pictureStart = start;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const auto left = [&](int j) {
    return start.x + static_cast<float>(j) * cell + static_cast<float>(j / tileSize) * px(app, 6);
  };
  // The chart: finite scores only (a hidden key has no dot).
  float low = 0, high = 0;
  bool any = false;
  for (int j = 0; j < n; ++j) {
    const float s = head.maskedScores.at(row, j);
    if (!std::isfinite(s)) continue;
    low = any ? std::min(low, s) : s;
    high = any ? std::max(high, s) : s;
    any = true;
  }
  const float chart = px(app, 64);
  if (any) {
    textLine(app, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), "scores as dots,");
    ImGui::SameLine(0, px(app, 4));
    textLine(app, kAccent, "the running max m as a line");
    start = ImGui::GetCursorScreenPos();
    if (high - low < 1e-3f) high = low + 1;
    const auto yOf = [&](float s) {
      return start.y + chart - px(app, 6) - (s - low) / (high - low) * (chart - px(app, 12));
    };
    draw->AddRectFilled(start, ImVec2(left(n - 1) + cell, start.y + chart), kPlaneBackground, 4.0f);
    for (int j = 0; j < n; ++j) {
      const float s = head.maskedScores.at(row, j);
      if (std::isfinite(s))
        draw->AddCircleFilled(ImVec2(left(j) + cell * 0.5f, yOf(s)), px(app, 4),
                              j / tileSize < folded ? kTourBlue : kChartGrid);
    }
    const auto& tiles = trace.online.tiles;
    for (int t = 0; t < folded && t < static_cast<int>(tiles.size()); ++t) {
      const auto& step = tiles[static_cast<size_t>(t)];
      const float m = step.runningMax[static_cast<size_t>(row)];
      if (!std::isfinite(m)) continue;
      const float x0 = left(step.firstKey), x1 = left(step.firstKey + step.keyCount - 1) + cell;
      draw->AddLine(ImVec2(x0, yOf(m)), ImVec2(x1, yOf(m)), kAccentFill, px(app, 2.5f));
    }
    start.y += chart + px(app, 4);
    ImGui::SetCursorScreenPos(start);
  }
  const float height = line * 2.0f + px(app, 8);
  for (int j = 0; j < n; ++j) {
    const int tile = j / tileSize;
    const ImVec2 a(left(j), start.y);
    const ImVec2 b(a.x + cell - px(app, 2), a.y + height);
    const bool done = tile < folded;
    draw->AddRectFilled(a, b, done ? kTourBlue : ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
    if (tile == folded - 1) draw->AddRect(a, b, kAccentFill, 4.0f, 0, 2.5f);
    const ImU32 text = done ? kInkOnDark : ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string name = fitLabel(app.session().lesson().tokens[static_cast<size_t>(j)], cell - px(app, 6));
    draw->AddText(ImVec2(a.x + px(app, 3), a.y + px(app, 3)), text, name.c_str());
    draw->AddText(ImVec2(a.x + px(app, 3), a.y + px(app, 3) + line), text,
                  formatNumber(head.maskedScores.at(row, j)).c_str());
  }
  // Under each folded tile, the running sum it left.
  const auto& tiles = trace.online.tiles;
  for (int t = 0; t < folded && t < static_cast<int>(tiles.size()); ++t) {
    const auto& step = tiles[static_cast<size_t>(t)];
    const std::string sum = "l " + formatNumber(step.runningSum[static_cast<size_t>(row)]);
    draw->AddText(ImVec2(left(step.firstKey) + px(app, 3), start.y + height + px(app, 2)),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), sum.c_str());
  }
  ImGui::Dummy(ImVec2(left(n - 1) + cell - start.x, height + line + px(app, 4)));
  closeMirrorNode(app, picture, pictureStart, ImGui::GetItemRectMax());
}

// One query after `folded` tiles: the last tile's scores, m and l before and after, the factor.
std::vector<std::string> queryRow(const AppState& app, const lesson::LessonTrace& trace, int row, int folded) {
  const auto& tiles = trace.online.tiles;
  const auto& head = trace.attention.heads.front();
  const size_t r = static_cast<size_t>(row);
  const std::string name = fitLabel(app.session().lesson().tokens[r], px(app, 70));
  if (folded == 0) return {name, "", "-\xE2\x88\x9E", "0", "", "[nothing yet]"};
  const auto& now = tiles[static_cast<size_t>(folded - 1)];
  const double mOld =
      folded > 1 ? tiles[static_cast<size_t>(folded - 2)].runningMax[r] : -std::numeric_limits<double>::infinity();
  const double mNew = now.runningMax[r];
  std::string scores;
  for (int t = 0; t < now.keyCount; ++t)
    scores += (t ? " " : "") + formatNumber(head.maskedScores.at(row, now.firstKey + t));
  const std::string factor = std::isinf(mOld) ? "(first)" : formatNumber(static_cast<float>(std::exp(mOld - mNew)));
  std::string output = "[";
  for (int c = 0; c < now.partialOutput.cols; ++c)
    output += (c ? ", " : "") + formatNumber(now.partialOutput.at(row, c));
  return {name,
          scores,
          formatNumber(static_cast<float>(mOld)) + " \xE2\x86\x92 " + formatNumber(static_cast<float>(mNew)),
          formatNumber(now.runningSum[r]),
          factor,
          output + "]"};
}

void drawFoldTable(AppState& app, int folded) {
  const auto& trace = app.session().trace();
  std::vector<std::vector<std::string>> rows;
  if (app.view.flashAllQueries)
    for (int i = 0; i < trace.attention.Q.rows; ++i) rows.push_back(queryRow(app, trace, i, folded));
  else
    rows.push_back(queryRow(app, trace, app.session().lesson().selected, folded));
  const std::vector<std::string> headers = {"query", "this tile's scores", "max m",
                                            "sum l", "exp(m_old - m_new)", "output so far o / l"};
  if (visibleWidth() >= px(app, 640)) {
    textTable(app, headers, rows);
    return;
  }
  // On a phone, one small two-column table per query instead of six columns side by side.
  for (const auto& row : rows) {
    std::vector<std::vector<std::string>> lines;
    for (size_t k = 1; k < headers.size(); ++k) lines.push_back({headers[k], row[k]});
    textTable(app, {"query", row[0]}, lines);
  }
}

void drawVerdict(AppState& app, int folded, int tiles) {
  const auto& trace = app.session().trace();
  if (folded < tiles) {
    paragraph(app,
              "Each Next folds one more tile in: where the tile holds a larger score, m grows, and the sum and the "
              "output gathered so far are multiplied by exp(m_old - m_new) before the tile's own terms are added.");
    // Which queries ever rescale here (their maximum grows after their first tile): the ones to follow.
    const auto& steps = trace.online.tiles;
    std::vector<std::string> growing;
    for (int q = 0; q < trace.attention.Q.rows; ++q)
      for (size_t t = 1; t < steps.size(); ++t) {
        const float before = steps[t - 1].runningMax[static_cast<size_t>(q)],
                    after = steps[t].runningMax[static_cast<size_t>(q)];
        if (std::isfinite(before) && after > before) {
          growing.push_back(inQuotes(app.session().lesson().tokens[static_cast<size_t>(q)]));
          break;
        }
      }
    if (growing.empty()) {
      paragraph(
          app,
          "Here every query meets its largest score in its first tile, so nothing is ever rescaled: try fewer keys "
          "per tile, or another sentence.");
    } else {
      std::string names;
      for (const auto& name : growing) names += (names.empty() ? "" : ", ") + name;
      paragraph(app,
                "The maximum grows after the first tile for " + names + ": pick one of them above to watch a rescale.");
    }
    return;
  }
  const float largest = lesson::onlineDifference(trace);
  paragraph(app, "All tiles folded in: the output equals the direct result, largest difference " +
                     number(largest, "%.2g") +
                     " over every query and column (float rounding only). The tiled pass never held "
                     "the n \xC3\x97 n weight matrix; this page computes it separately to show it.");
}

// Slow and fast memory as two places, and what has travelled between them so far for this
// sentence: the tiled pass's running count against the direct method's total.
void drawMemory(AppState& app, int folded, int tiles) {
  const auto& trace = app.session().trace();
  const auto& a = trace.attention;
  const double n = a.Q.rows, dk = a.Q.cols, dv = a.V.cols, heads = static_cast<double>(a.heads.size());
  const int keysIn = folded == 0 ? 0
                                 : trace.online.tiles[static_cast<size_t>(folded - 1)].firstKey +
                                       trace.online.tiles[static_cast<size_t>(folded - 1)].keyCount;
  // Q comes in first; each tile brings its keys' K and V rows; the output goes back at the end.
  const double blocks = std::ceil(n / kQueryBlock);
  const double soFar = (folded > 0 ? n * dk : 0) + blocks * keysIn * (dk + dv) + (folded == tiles ? n * dv : 0);
  const double direct = directTraffic(n, dk, dv, heads);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = std::min(visibleWidth() - px(app, 4), px(app, 560));
  const float slowWidth =
      std::min(std::max(width * 0.45f, ImGui::CalcTextSize("Q, K, V and the output").x + px(app, 16)), width * 0.56f);
  const float fastWidth = width - slowWidth - px(app, 44), height = line * 3 + px(app, 12);
  const ImVec2 slow(start.x, start.y), fast(start.x + width - fastWidth, start.y);
  draw->AddRectFilled(slow, ImVec2(slow.x + slowWidth, slow.y + height), IM_COL32(226, 230, 240, 255), 6.0f);
  draw->AddText(ImVec2(slow.x + px(app, 8), slow.y + px(app, 5)), ImGui::GetColorU32(ImGuiCol_Text),
                "Slow memory, large");
  draw->AddText(ImVec2(slow.x + px(app, 8), slow.y + px(app, 7) + line), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                "Q, K, V and the output");
  draw->AddRectFilled(fast, ImVec2(fast.x + fastWidth, fast.y + height), IM_COL32(250, 230, 210, 255), 6.0f);
  draw->AddText(ImVec2(fast.x + px(app, 6), fast.y + px(app, 5)), ImGui::GetColorU32(ImGuiCol_Text), "Fast, small");
  // What the fast memory holds: the block's queries and running m, l, o, and the tile's keys and values.
  const std::string held[] = {folded == 0 ? "empty" : "Q, m, l, o",
                              folded == 0 ? "" : "K, V of tile " + std::to_string(folded)};
  for (int k = 0; k < 2; ++k)
    draw->AddText(ImVec2(fast.x + px(app, 6), fast.y + px(app, 7) + line * static_cast<float>(k + 1)),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), fitLabel(held[k], fastWidth - px(app, 10)).c_str());
  const float arrowY = start.y + height * 0.5f, x0 = slow.x + slowWidth + px(app, 4), x1 = fast.x - px(app, 4);
  const ImU32 arrow = folded > 0 && folded < tiles ? kAccentFill : kChartGrid;
  draw->AddLine(ImVec2(x0, arrowY), ImVec2(x1 - px(app, 6), arrowY), arrow, px(app, 3));
  draw->AddTriangleFilled(ImVec2(x1, arrowY), ImVec2(x1 - px(app, 9), arrowY - px(app, 6)),
                          ImVec2(x1 - px(app, 9), arrowY + px(app, 6)), arrow);
  ImGui::Dummy(ImVec2(width, height + px(app, 6)));
  // The two counts as bars on one scale.
  const float barWidth = width - px(app, 4);
  const auto bar = [&](const std::string& label, double numbers, ImU32 colour) {
    textLine(app, label + bytesText(numbers));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float w = static_cast<float>(numbers / direct) * barWidth;
    draw->AddRectFilled(at, ImVec2(at.x + std::max(w, 2.0f), at.y + px(app, 12)), colour, 3.0f);
    ImGui::Dummy(ImVec2(barWidth, px(app, 12)));
  };
  bar("Tiled, moved so far: ", soFar, kTourBlue);
  bar("Direct, in all: ", direct, kBefore);
}

// Why a CPU shows little difference, then what the cost lab measured on this device, if it has:
// the CPU's times, and the GPU's result (said to be an emulator's where it is one, and a
// cancelled run's where it was cancelled).
std::string measuredHere(const CostLab& lab) {
  const std::string step = "step " + std::to_string(lesson::stepIndexOf("cost-lab") + 1);
  std::string said =
      "On a CPU the difference is small: there the multiplications limit the speed, and the caches keep K and V "
      "close between blocks of queries.";
  if (lab.points.empty() && lab.gpuPoints.empty())
    return said + " The cost lab (" + step +
           ") times both on this device's CPU and, where the browser offers WebGPU, on its GPU.";
  if (!lab.points.empty()) {
    const CostLabPoint& p = lab.points.back();
    char text[160];
    std::snprintf(text, sizeof text,
                  " On this CPU, at n = %d, one core took %.1f ms directly and %.1f ms tiled (the cost lab, %s).", p.n,
                  p.naiveMs, p.tiledMs, step.c_str());
    said += text;
  }
  if (!lab.gpuPoints.empty()) {
    const CostLabGpuPoint& p = lab.gpuPoints.back();
    const std::string cancelled = lab.gpuComplete ? "" : " (a run cancelled after n = " + std::to_string(p.n) + ")";
    if (softwareGpu(lab.adapter)) {
      said += " Its GPU run" + cancelled + " was on " + lab.adapter +
              ", a GPU emulated in software on the CPU: there the tiled method " +
              howMuchFaster(p.naiveMs / p.tiledMs) +
              " as the direct one, but an emulator's times say little about a real GPU's.";
    } else {
      said += " On this device's GPU (" + lab.adapter + ")" + cancelled + ": " + gpuSentence(lab);
    }
  }
  return said;
}

void drawTraffic(AppState& app) {
  const auto& a = app.session().trace().attention;
  const double n = a.Q.rows, dk = a.Q.cols, dv = a.V.cols, heads = static_cast<double>(a.heads.size());
  sectionHeading(app, "Numbers moved to and from slow memory");
  textTable(app, {"", "direct", "tiled"},
            {{"this sentence (n = " + number(n, "%.0f") + (heads > 1 ? ", " + number(heads, "%.0f") + " heads)" : ")"),
              bytesText(directTraffic(n, dk, dv, heads)), bytesText(tiledTraffic(n, dk, dv))},
             {"n = 4096, d = 64", bytesText(directTraffic(4096, 64, 64)), bytesText(tiledTraffic(4096, 64, 64))}});
  paragraph(
      app,
      "An ideal count in float32: the direct method writes the n \xC3\x97 n scores and weights to slow memory and "
      "reads them back; the tiled one reads Q once, writes the output once, and reads K and V once for every "
      "block of " +
          std::to_string(kQueryBlock) +
          " queries kept in fast memory. The arithmetic is the same; "
          "the traffic is what makes the difference.");
  paragraph(app, measuredHere(app.view.costLab));
}

}  // namespace

void drawFlashStepper(AppState& app) {
  const auto& trace = app.session().trace();
  if (trace.online.tiles.empty()) return;
  const int tiles = static_cast<int>(trace.online.tiles.size());
  const std::string whichHead = trace.attention.heads.size() > 1 ? " (head 1)" : "";
  sectionHeading(app, ("FlashAttention, one tile of keys at a time" + whichHead).c_str());
  // Play sweeps the tiles in one after another; where it stops, the stepper stays.
  const float played = playbackProgress(app, lesson::Animation::TileSweep);
  if (played >= 0) app.view.flashTile = revealed(played, tiles + 1).shown - 1;
  drawStepperRow(app, tiles);
  const int folded = app.view.flashTile;
  drawKeyStrip(app, trace, app.session().lesson().selected, trace.tileSize, folded);
  drawMemory(app, folded, tiles);
  drawFoldTable(app, folded);
  drawVerdict(app, folded, tiles);
  ImGui::Spacing();
  drawTraffic(app);
}

}  // namespace ui
