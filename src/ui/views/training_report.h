// training_report.h: a training report from the page's lab worker, read from the flat list of
// numbers the page copies out of the worker's message. The worker is another program: nothing
// in its report is trusted. Every count is checked against what is left before it is used,
// and every number must be finite and in range.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace ui {

// More numbers than any report holds (two 16 x 16 maps, a chunk's losses, 32 guesses).
constexpr int kMaxTrainingReportNumbers = 4096;

// The layout is core::trainingReport's (core/training.h, its one statement). True and `out`
// filled when `numbers` is exactly such a report, every count and number in range; false,
// with `out` not to be used, otherwise.
bool readTrainingReport(const double* numbers, int count, TrainingProgress& out);

// A report for request `request` from the page's lab worker, handed on between frames: an
// error ends the request with it (at most 300 bytes, cut at a character); numbers readTrainingReport refuses end
// it with a message; otherwise the view gets the progress, or the end when `finished`.
void trainingReported(AppState& app, int request, const double* numbers, int count, bool finished,
                      const std::string& error);

}  // namespace ui
