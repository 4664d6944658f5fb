// cost_lab_view.cpp: the cost lab. Run on the CPU measures direct and tiled attention on one
// core and then on every core (the platform's workers or threads, each a slice of the
// queries); Run on the GPU measures them as WebGPU kernels (the page only). Each device gets a
// plot of time against n on log-log axes with an n² line, tables, and a sentence: the CPU's
// speed-up and its share of the SIMD limit, the GPU's tiled-against-direct time and bytes.
// Frames are drawn only when a result arrives or the learner acts: the page idles meanwhile.
#include "ui/views/cost_lab_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/fast_attention.h"
#include "text/decimals.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

constexpr int kMaxNChoices[] = {512, 1024, 2048, 4096};
constexpr ImU32 kDirectInk = kChartInk;  // the direct method (kAccentFill: tiled)
// Two float32 outputs of softmax(Q Kᵀ/√d) V with inputs in [-1, 1) that differ by more than
// this differ by more than their order of additions explains.
constexpr double kRoundingOnly = 1e-4;

std::string milliseconds(double ms) {
  char text[32];
  std::snprintf(text, sizeof text, ms < 1 ? "%.3f ms" : (ms < 100 ? "%.1f ms" : "%.0f ms"), ms);
  return text;
}

// A measurement's marker: a circle (direct) or a square (tiled), filled or hollow.
void drawMarker(AppState& app, ImDrawList* draw, ImVec2 at, ImU32 colour, bool square, bool filled) {
  const float r = px(app, square ? 3.0f : 3.5f);
  if (square && filled)
    draw->AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), colour);
  else if (square)
    draw->AddRect(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), colour, 0, 0, px(app, 1.5f));
  else if (filled)
    draw->AddCircleFilled(at, r, colour);
  else
    draw->AddCircle(at, r, colour, 0, px(app, 1.5f));
}

std::string tickLabel(double ms) {
  char text[16];
  std::snprintf(text, sizeof text, ms < 1 ? "%g" : "%.0f", ms);
  return text;
}

void startRun(AppState& app, bool onGpu) {
  CostLab& lab = app.view.costLab;
  (onGpu ? lab.gpuPoints.clear() : lab.points.clear());
  if (onGpu) lab.gpuComplete = false;
  // The status line stays while it runs, so the plot below does not jump under a finger.
  lab.message = onGpu ? "Measuring on the GPU: its plot is below, under On the GPU."
                      : "Measuring on the CPU: one core, then all of them at once.";
  ++lab.run;
  lab.onGpu = onGpu;
  lab.phase = CostLab::Phase::Running;
  app.platform.startCostLab(lab.run, lab.maxN, onGpu);
}

size_t measuredSoFar(const CostLab& lab) { return lab.onGpu ? lab.gpuPoints.size() : lab.points.size(); }
// The sizes the run measures: on a GPU emulated in software, only up to its largest n.
size_t plannedSizes(const CostLab& lab) {
  const bool emulated = lab.onGpu && softwareGpu(lab.adapter);
  return costLabSizes(emulated ? std::min(lab.maxN, kCostLabSoftwareGpuMaxN) : lab.maxN).size();
}

void drawControls(AppState& app) {
  CostLab& lab = app.view.costLab;
  const bool running = lab.phase == CostLab::Phase::Running;
  const bool available = static_cast<bool>(app.platform.startCostLab);
  ImGui::TextUnformatted("Largest n:");  // said by its options
  ImGui::BeginDisabled(running);
  for (int choice : kMaxNChoices) {
    const std::string label = std::to_string(choice);
    // Beside the last, or on a new line when it would not fit (a phone).
    sameLineIfFits(choiceWidth(label.c_str()));
    if (ImGui::RadioButton(label.c_str(), lab.maxN == choice)) lab.maxN = choice;
    registerItem(
        app, "cost-max[" + label + "]",
        [&] { return "Largest n " + label + (lab.maxN == choice ? ", chosen" : ", option"); }, Role::Option,
        lab.maxN == choice);
  }
  ImGui::EndDisabled();
  ImGui::BeginDisabled(running || !available);
  if (button(app, "Run on the CPU")) startRun(app, false);
  ImGui::EndDisabled();
  registerItem(app, "cost-run", [&] {
    return std::string(
               "Run on the CPU, button: times direct and tiled attention on one core, then on all, for n = "
               "64 to ") +
           std::to_string(lab.maxN) + (available ? "" : ". " + app.platform.costLabUnavailable);
  });
  if (app.platform.costLabGpu) {
    sameLineIfFits(choiceWidth("Run on the GPU"));
    ImGui::BeginDisabled(running || !available);
    if (button(app, "Run on the GPU")) startRun(app, true);
    ImGui::EndDisabled();
    registerItem(app, "cost-run-gpu", [&] {
      return "Run on the GPU, button: times direct and tiled attention on this device's GPU through WebGPU, for n = "
             "64 to " +
             std::to_string(lab.maxN);
    });
  }
  sameLineIfFits(choiceWidth("Cancel"));
  ImGui::BeginDisabled(!running);
  if (button(app, "Cancel") && app.platform.cancelCostLab) {
    app.platform.cancelCostLab();
    lab.phase = CostLab::Phase::Cancelled;
    lab.message = "Cancelled after " + std::to_string(measuredSoFar(lab)) + " of " + std::to_string(plannedSizes(lab)) +
                  " sizes.";
  }
  ImGui::EndDisabled();
  registerItem(app, "cost-cancel", "Cancel, button: stops the timing run");
  const int total = static_cast<int>(plannedSizes(lab));
  const int done = static_cast<int>(measuredSoFar(lab));
  std::string overlay;
  if (running)
    overlay = std::string(lab.onGpu ? "GPU" : "CPU") +
              ", n = " + std::to_string(costLabSizes(lab.maxN)[static_cast<size_t>(std::min(done, total - 1))]) + " (" +
              std::to_string(done + 1) + " of " + std::to_string(total) + ")";
  else
    overlay = std::to_string(done) + " of " + std::to_string(total) + " sizes";
  const float barWidth = std::max(px(app, 120), std::min(visibleWidth(), px(app, 240)));
  sameLineIfFits(barWidth);
  progressBar(app, total > 0 ? static_cast<float>(done) / static_cast<float>(total) : 0.0f, barWidth, overlay.c_str());
  if (!available) colouredParagraph(app, kError, app.platform.costLabUnavailable);
  if (!lab.message.empty())
    colouredParagraph(app,
                      lab.phase == CostLab::Phase::Failed ? kError : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled),
                      lab.message);
}

// One line of the plot: a method's time at each n, on one device.
struct Series {
  ImU32 colour;
  bool square;                                // tiled: squares; direct: circles
  bool filled;                                // hollow markers and a thin line: every core at once
  std::vector<std::pair<int, double>> times;  // (n, ms)
};

// Time against n, both logarithmic; the n² line goes through the first time of series[anchor].
void drawPlot(AppState& app, float width, float height, const std::vector<Series>& series, size_t anchor) {
  const std::vector<int> sizes = costLabSizes(app.view.costLab.maxN);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float lineHeight = ImGui::GetTextLineHeight();
  const float left = origin.x + ImGui::CalcTextSize("10000").x + px(app, 8);
  const float right = origin.x + width - px(app, 8);
  const float top = origin.y + lineHeight * 0.5f;
  const float bottom = origin.y + height - lineHeight * 2.4f;
  // Decades of ms that hold every time measured (at least 0.01 to 100 ms before any run).
  double low = 0.01, high = 100;
  for (const auto& line : series)
    for (const auto& [n, ms] : line.times) {
      if (ms <= 0) continue;
      low = std::min(low, std::pow(10.0, std::floor(std::log10(ms))));
      high = std::max(high, std::pow(10.0, std::ceil(std::log10(ms))));
    }
  // A third of an octave beyond the first and last n, so their markers are not cut by the frame.
  const double xLow = std::log2(static_cast<double>(sizes.front())) - 0.33,
               xHigh = std::log2(static_cast<double>(sizes.back())) + 0.33;
  const auto xOf = [&](double n) {
    return left + static_cast<float>((std::log2(n) - xLow) / std::max(1.0, xHigh - xLow)) * (right - left);
  };
  const auto yOf = [&](double ms) {
    return bottom - static_cast<float>((std::log10(ms) - std::log10(low)) / (std::log10(high) - std::log10(low))) *
                        (bottom - top);
  };
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  draw->AddRect(ImVec2(left, top), ImVec2(right, bottom), kRule);
  for (double ms = low; ms <= high * 1.001; ms *= 10) {
    const float y = yOf(ms);
    draw->AddLine(ImVec2(left, y), ImVec2(right, y), kChartGrid);
    const std::string label = tickLabel(ms);
    draw->AddText(ImVec2(left - px(app, 4) - ImGui::CalcTextSize(label.c_str()).x, y - lineHeight * 0.5f), ink,
                  label.c_str());
  }
  // Every size on the axis, labelled where there is room.
  const float labelWidth = ImGui::CalcTextSize("4096").x + px(app, 6);
  const int every = (right - left) / static_cast<float>(sizes.size()) < labelWidth ? 2 : 1;
  for (size_t k = 0; k < sizes.size(); ++k) {
    const float x = xOf(sizes[k]);
    draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), kChartGrid);
    if (k % static_cast<size_t>(every) != 0 && k + 1 != sizes.size()) continue;
    const std::string label = std::to_string(sizes[k]);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    draw->AddText(ImVec2(std::clamp(x - w * 0.5f, left, right - w), bottom + px(app, 2)), ink, label.c_str());
  }
  // The caption in full where it fits, shorter on a phone (never cut inside a word).
  const char* axis = "n (tokens); time in ms, both axes logarithmic";
  if (ImGui::CalcTextSize(axis).x > right - left) axis = "n; time in ms; log scales";
  draw->AddText(ImVec2(left, bottom + lineHeight + px(app, 4)), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                fitLabel(axis, right - left).c_str());
  draw->PushClipRect(ImVec2(left, top), ImVec2(right, bottom), true);
  if (anchor < series.size() && !series[anchor].times.empty() && series[anchor].times.front().second > 0) {
    // n² through the anchor's first point, dashed.
    const double n0 = series[anchor].times.front().first, t0 = series[anchor].times.front().second;
    const int dashes = 24;
    for (int k = 0; k < dashes; k += 2) {
      const double a = xLow + (xHigh - xLow) * k / dashes, b = xLow + (xHigh - xLow) * (k + 1) / dashes;
      const double na = std::exp2(a), nb = std::exp2(b);
      draw->AddLine(ImVec2(xOf(na), yOf(t0 * (na / n0) * (na / n0))), ImVec2(xOf(nb), yOf(t0 * (nb / n0) * (nb / n0))),
                    kRule, px(app, 1.5f));
    }
  }
  for (const auto& line : series) {
    ImVec2 previous;
    for (size_t k = 0; k < line.times.size(); ++k) {
      const ImVec2 at(xOf(line.times[k].first), yOf(std::max(line.times[k].second, low)));
      if (k > 0) draw->AddLine(previous, at, line.colour, px(app, line.filled ? 2.0f : 1.0f));
      drawMarker(app, draw, at, line.colour, line.square, line.filled);
      previous = at;
    }
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(width, height));
  // The legend, in words as well as colours and shapes.
  const auto key = [&](ImU32 colour, const std::string& text, bool square, bool dashed) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float cy = at.y + lineHeight * 0.5f, w = px(app, 22);
    if (dashed) {
      draw->AddLine(ImVec2(at.x, cy), ImVec2(at.x + w * 0.4f, cy), colour, px(app, 1.5f));
      draw->AddLine(ImVec2(at.x + w * 0.6f, cy), ImVec2(at.x + w, cy), colour, px(app, 1.5f));
    } else {
      draw->AddLine(ImVec2(at.x, cy), ImVec2(at.x + w, cy), colour, px(app, 2));
      drawMarker(app, draw, ImVec2(at.x + w * 0.5f, cy), colour, square, true);
    }
    ImGui::Dummy(ImVec2(w + px(app, 4), lineHeight));
    ImGui::SameLine(0, 0);
    textLine(app, text.c_str());
  };
  key(kDirectInk, "direct", false, false);
  ImGui::SameLine(0, px(app, 16));
  key(kAccentFill, "tiled", true, false);
  sameLineIfFits(px(app, 120), px(app, 16));
  key(kRule, "grows as n\xC2\xB2", false, true);
}

// The CPU's four lines (one core, then every core when there is more than one) and their key.
void drawCpuPlot(AppState& app, float width, float height) {
  const CostLab& lab = app.view.costLab;
  const int workers = lab.points.empty() ? 1 : lab.points.back().workers;
  std::vector<Series> series;
  for (int k = 0; k < (workers > 1 ? 4 : 2); ++k) {
    const bool tiled = k % 2 == 1, allCores = k >= 2;
    Series line{tiled ? kAccentFill : kDirectInk, tiled, !allCores, {}};
    for (const auto& p : lab.points)
      line.times.emplace_back(p.n, allCores ? (tiled ? p.tiledAllMs : p.naiveAllMs) : (tiled ? p.tiledMs : p.naiveMs));
    series.push_back(std::move(line));
  }
  drawPlot(app, width, height, series, 1);
  if (workers > 1) {
    // The hollow markers' key: one line of its own.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float cy = at.y + ImGui::GetTextLineHeight() * 0.5f;
    drawMarker(app, draw, ImVec2(at.x + px(app, 5), cy), ImGui::GetColorU32(ImGuiCol_Text), false, true);
    drawMarker(app, draw, ImVec2(at.x + px(app, 17), cy), ImGui::GetColorU32(ImGuiCol_Text), false, false);
    ImGui::Dummy(ImVec2(px(app, 26), ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 0);
    textLine(app, ("filled: one core; hollow: " + std::to_string(workers) + " cores at once").c_str());
  }
}

// The largest size measured, in words: the speed-up the cores at once gave, and how close one
// core came to the rate its 4-wide SIMD reaches on multiply-adds that never leave the registers.
std::string speedSentence(const CostLabPoint& p) {
  const double flops = core::attentionFlops(p.n, p.n, kCostLabD);
  const double gflops = flops / (p.tiledMs * 1e6);
  char text[320];
  std::snprintf(text, sizeof text,
                "At n = %d, one core ran the tiled method at %.1f GFLOP/s: %.0f%% of the rate its "
                "4-wide SIMD reaches on multiply-adds that stay in its registers (%.1f GFLOP/s, "
                "measured).",
                p.n, gflops, 100.0 * gflops / p.peakGflops, p.peakGflops);
  std::string said = text;
  if (p.workers > 1)
    said += " On " + std::to_string(p.workers) +
            " cores at once (one worker for each logical core, each with a share "
            "of the queries), the tiled method " +
            howMuchFaster(p.tiledMs / p.tiledAllMs) + " as on one core, and the direct method " +
            howMuchFaster(p.naiveMs / p.naiveAllMs) + ".";
  return said;
}

void drawCpuTables(AppState& app) {
  const CostLab& lab = app.view.costLab;
  sectionHeading(app, "Time and memory each method needs");
  if (lab.points.empty()) {
    note(app, "Press Run on the CPU: each size measured appears here and in the plot.");
    return;
  }
  const int workers = lab.points.back().workers;
  std::vector<std::vector<std::string>> times, memory;
  for (const auto& p : lab.points) {
    times.push_back({std::to_string(p.n), milliseconds(p.naiveMs), milliseconds(p.tiledMs)});
    if (workers > 1) times.back().insert(times.back().end(), {milliseconds(p.naiveAllMs), milliseconds(p.tiledAllMs)});
    memory.push_back({std::to_string(p.n), text::byteSize(p.naiveBytes), text::byteSize(p.tiledBytes)});
  }
  const std::string all = std::to_string(workers) + " cores";
  if (workers > 1)
    textTable(app, {"n", "direct, 1 core", "tiled, 1 core", "direct, " + all, "tiled, " + all}, times);
  else
    textTable(app, {"n", "direct time", "tiled time"}, times);
  textTable(app, {"n", "direct memory", "tiled memory"}, memory);
  double worst = 0;
  for (const auto& p : lab.points) worst = std::max(worst, p.maxAbsDiff);
  char diff[96];
  std::snprintf(diff, sizeof diff, "Largest difference between the two outputs: %.1e%s", worst,
                worst <= kRoundingOnly ? " (float rounding)." : ", more than float rounding explains.");
  note(app, diff);
}

// The GPU's times, bytes moved and the sentence that compares them; or why there are none.
void drawGpu(AppState& app, float plotWidth, bool beside) {
  const CostLab& lab = app.view.costLab;
  sectionHeading(app, "On the GPU");
  if (!app.platform.costLabGpu) {
    note(app, app.platform.costLabGpuUnavailable);
    return;
  }
  if (lab.gpuPoints.empty()) {
    note(app,
         "Press Run on the GPU: the same two methods as WebGPU compute kernels, the tiled one keeping each tile of "
         "keys and values in the GPU's small fast memory.");
    return;
  }
  paragraph(app, "Measured on " + lab.adapter +
                     (softwareGpu(lab.adapter)
                          ? ", a GPU emulated in software on the CPU: its times are not a real GPU's, and the lab "
                            "times it only up to n = " +
                                std::to_string(kCostLabSoftwareGpuMaxN) + "."
                          : "."));
  std::vector<Series> series(2);
  series[0] = {kDirectInk, false, true, {}};
  series[1] = {kAccentFill, true, true, {}};
  std::vector<std::vector<std::string>> rows;
  double worst = 0;
  for (const auto& p : lab.gpuPoints) {
    series[0].times.emplace_back(p.n, p.naiveMs);
    series[1].times.emplace_back(p.n, p.tiledMs);
    rows.push_back({std::to_string(p.n), milliseconds(p.naiveMs), milliseconds(p.tiledMs),
                    text::byteSize(p.naiveTraffic), text::byteSize(p.tiledTraffic)});
    worst = std::max(worst, p.maxAbsDiff);
  }
  ImGui::BeginGroup();
  drawPlot(app, plotWidth, std::min(px(app, 300), plotWidth * 0.75f), series, 1);
  ImGui::EndGroup();
  if (beside) ImGui::SameLine(0, px(app, 24));
  ImGui::BeginGroup();
  textTable(app, {"n", "direct time", "tiled time", "direct moves", "tiled moves"}, rows);
  char diff[128];
  std::snprintf(diff, sizeof diff, "Largest difference from each other and from the CPU's output: %.1e%s", worst,
                worst <= kRoundingOnly ? " (float rounding)." : ", more than float rounding explains.");
  note(app, diff);
  ImGui::EndGroup();
  paragraph(app, gpuSentence(lab));
}

}  // namespace

bool softwareGpu(const std::string& adapter) {
  std::string name = adapter;
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* software : {"swiftshader", "llvmpipe", "lavapipe", "basic render", "warp"})
    if (name.find(software) != std::string::npos) return true;
  return false;
}

// A speed-up in words, the right way round: "ran 1.8 times as fast", "took 1.7 times as long",
// "ran about as fast" (within 5%).
std::string howMuchFaster(double ratio) {
  char text[48];
  if (ratio >= 1.05)
    std::snprintf(text, sizeof text, "ran %.1f times as fast", ratio);
  else if (ratio <= 1 / 1.05)
    std::snprintf(text, sizeof text, "took %.1f times as long", 1 / ratio);
  else
    std::snprintf(text, sizeof text, "ran about as fast");
  return text;
}

std::string gpuSentence(const CostLab& lab) {
  if (lab.gpuPoints.empty()) return {};
  const CostLabGpuPoint& p = lab.gpuPoints.back();
  const double faster = p.naiveMs / p.tiledMs, fewer = p.naiveTraffic / p.tiledTraffic;
  char text[200];
  std::snprintf(text, sizeof text, "%.1f times as many bytes of its slow memory (counted from the kernels' loops).",
                fewer);
  std::string said = "At n = " + std::to_string(p.n) + " the tiled method " + howMuchFaster(faster) +
                     " as the direct one, whose kernels ask for " + text;
  if (faster <= 1 / 1.05)
    said +=
        " One likely reason: the tiled kernel gives each query one thread, n in all, too few to fill this GPU "
        "at this n.";
  return said;
}

std::vector<int> costLabSizes(int maxN) {
  std::vector<int> sizes;
  for (int n = kCostLabSmallestN; n <= std::max(maxN, kCostLabSmallestN); n *= 2) sizes.push_back(n);
  return sizes;
}

void costLabPoint(AppState& app, int run, const CostLabPoint& point) {
  CostLab& lab = app.view.costLab;
  if (run != lab.run || lab.phase != CostLab::Phase::Running || lab.onGpu) return;  // cancelled, replaced, the GPU's
  // The measurer may be another program (the page's worker): a value that is not a plausible
  // measurement ends the run instead of entering the plot.
  bool plausible = point.n >= kCostLabSmallestN && point.n <= core::kFastMaxN && point.workers >= 1 &&
                   point.workers <= core::kFastMaxWorkers && point.peakGflops > 0 && point.naiveMs > 0 &&
                   point.tiledMs > 0 && point.naiveAllMs > 0 && point.tiledAllMs > 0;
  for (double x : {point.naiveMs, point.tiledMs, point.maxAbsDiff, point.naiveBytes, point.tiledBytes, point.naiveAllMs,
                   point.tiledAllMs, point.peakGflops})
    plausible = plausible && std::isfinite(x) && x >= 0;
  if (!plausible) {
    costLabFinished(app, run, "the worker sent back a measurement that cannot be right");
    return;
  }
  lab.points.push_back(point);
}

void costLabFinished(AppState& app, int run, const std::string& error) {
  CostLab& lab = app.view.costLab;
  if (run != lab.run || lab.phase != CostLab::Phase::Running) return;
  lab.phase = error.empty() ? CostLab::Phase::Done : CostLab::Phase::Failed;
  if (lab.onGpu) lab.gpuComplete = error.empty();
  lab.message = error.empty() ? "Done: " + std::to_string(measuredSoFar(lab)) + " sizes measured on this " +
                                    (lab.onGpu ? "GPU: its plot is below, under On the GPU." : "machine's CPU.")
                              : "The run stopped: " + error;
}

void costLabGpuPoint(AppState& app, int run, const CostLabGpuPoint& point, const std::string& adapter) {
  CostLab& lab = app.view.costLab;
  if (run != lab.run || lab.phase != CostLab::Phase::Running || !lab.onGpu) return;
  bool plausible = point.n >= kCostLabSmallestN && point.n <= core::kFastMaxN && !adapter.empty() &&
                   adapter.size() <= 480 && point.naiveMs > 0 && point.tiledMs > 0 && point.naiveTraffic > 0 &&
                   point.tiledTraffic > 0;
  for (double x :
       {point.naiveMs, point.tiledMs, point.maxAbsDiff, point.naiveBytes, point.naiveTraffic, point.tiledTraffic})
    plausible = plausible && std::isfinite(x) && x >= 0;
  if (!plausible) {
    costLabFinished(app, run, "the worker sent back a measurement that cannot be right");
    return;
  }
  lab.adapter = adapter;
  lab.gpuPoints.push_back(point);
}

void drawCostLab(AppState& app) {
  sectionHeading(app, "Measure it on this machine");
  drawControls(app);
  ImGui::Spacing();
  const float available = visibleWidth();
  const float plotWidth = std::min(available, px(app, 520));
  const bool beside = available - plotWidth > px(app, 380);
  // An empty CPU plot is drawn before any run (the axes say what is coming), not beside the GPU's.
  const CostLab& lab = app.view.costLab;
  const bool cpuPlot = !lab.points.empty() || lab.gpuPoints.empty();
  if (cpuPlot) {
    ImGui::BeginGroup();
    drawCpuPlot(app, plotWidth, std::min(px(app, 300), plotWidth * 0.75f));
    ImGui::EndGroup();
  }
  if (cpuPlot && beside) ImGui::SameLine(0, px(app, 24));
  ImGui::BeginGroup();
  drawCpuTables(app);
  ImGui::EndGroup();
  if (!app.view.costLab.points.empty()) paragraph(app, speedSentence(app.view.costLab.points.back()));
  note(app,
       "Memory is 4 bytes a number: Q, K, V and the output for both, plus a copy of K\xE1\xB5\x80 and the n "
       "\xC3\x97 n scores (direct), or one 64-key tile of K\xE1\xB5\x80, a 4 \xC3\x97 64 block of scores and a "
       "running maximum and sum per query (tiled). d = 64, tile = 64.");
  ImGui::Spacing();
  drawGpu(app, plotWidth, beside);
}

}  // namespace ui
