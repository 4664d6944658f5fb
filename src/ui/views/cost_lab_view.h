// cost_lab_view.h: the cost lab's run, as the drivers report it back. The platform measures
// (a Web Worker on the page, a thread on the desktop) and calls these on the UI thread,
// between frames; results of a run that was cancelled or replaced are dropped.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.h"

namespace ui {

constexpr int kCostLabD = 64, kCostLabTile = 64, kCostLabSmallestN = 64;
// A GPU emulated in software on the CPU is timed up to this n only: its kernels take seconds
// beyond, and hold up the page's frames while they run (they share the browser's GPU process).
constexpr int kCostLabSoftwareGpuMaxN = 128;

// The sizes a run measures: 64, 128, ... up to maxN.
std::vector<int> costLabSizes(int maxN);
// One size measured for run `run`; one that cannot be a real measurement (a size outside the
// lab's, a negative or non-finite number) ends the run with a message instead.
void costLabPoint(AppState& app, int run, const CostLabPoint& point);
// One size the GPU measured for run `run`, on the adapter WebGPU names; checked the same way.
void costLabGpuPoint(AppState& app, int run, const CostLabGpuPoint& point, const std::string& adapter);
// Run `run` ended: error empty means every size was measured.
void costLabFinished(AppState& app, int run, const std::string& error);

void drawCostLab(AppState& app);
// The GPU's latest result in words: how much faster the tiled method ran, and how many times
// the bytes the direct one moved; empty before a GPU run (the FlashAttention step says it too).
std::string gpuSentence(const CostLab& lab);
// A speed-up in words, the right way round: "ran 1.8 times as fast", "took 1.7 times as long",
// "ran about as fast" (within 5%).
std::string howMuchFaster(double ratio);
// A GPU in software on the CPU (SwiftShader, llvmpipe, lavapipe, WARP), by its name.
bool softwareGpu(const std::string& adapter);

}  // namespace ui
