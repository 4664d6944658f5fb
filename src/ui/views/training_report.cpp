// training_report.cpp: reading the lab worker's training report, checking each count and
// number before use (see training_report.h).
#include "ui/views/training_report.h"

#include <cmath>

#include "core/training.h"
#include "text/utf8.h"
#include "ui/views/learning_view.h"

namespace ui {

namespace {

// Hands out the report's numbers in order, each checked against a range.
class ReportReader {
 public:
  ReportReader(const double* numbers, int count) : numbers_(numbers), count_(count) {}

  bool next(double low, double high, double& x) {
    if (at_ >= count_) return false;
    x = numbers_[at_++];
    return std::isfinite(x) && x >= low && x <= high;
  }
  bool whole(double low, double high, int& n) {
    double x = 0;
    if (!next(low, high, x) || x != std::floor(x)) return false;
    n = static_cast<int>(x);
    return true;
  }
  bool appendFloats(int n, double low, double high, std::vector<float>& out) {
    double x = 0;
    for (int k = 0; k < n; ++k) {
      if (!next(low, high, x)) return false;
      out.push_back(static_cast<float>(x));
    }
    return true;
  }
  bool allRead() const { return at_ == count_; }

 private:
  const double* numbers_;
  int count_;
  int at_ = 0;
};

}  // namespace

bool readTrainingReport(const double* numbers, int count, TrainingProgress& out) {
  if (!numbers || count < 0 || count > kMaxTrainingReportNumbers) return false;
  ReportReader report(numbers, count);
  double metric = 0, accuracy = 0;
  int losses = 0, n = 0, maps = 0;
  if (!report.whole(0, core::kMaxTrainingSteps * 2.0, out.stepsDone) || !report.next(0, 1, metric) ||
      !report.next(0, 1, accuracy) || !report.whole(0, 1000, losses))
    return false;
  out.metric = static_cast<float>(metric), out.accuracy = static_cast<float>(accuracy);
  if (!report.appendFloats(losses, 0, 1e3, out.newLosses)) return false;
  const core::TrainingReportLimits most = core::trainingReportLimits();
  if (!report.whole(0, most.tokens, n) || !report.whole(0, most.layers, maps) || (n == 0) != (maps == 0)) return false;
  for (int m = 0; m < maps; ++m) {
    core::Matrix map(n, n);
    std::vector<float> weights;
    if (!report.appendFloats(n * n, 0, 1, weights)) return false;
    map.values = std::move(weights);
    out.maps.push_back(std::move(map));
  }
  for (int i = 0; i < n; ++i) {
    int token = 0;
    if (!report.whole(0, most.vocabulary - 1, token)) return false;
    out.predicted.push_back(token);
  }
  return report.appendFloats(n, 0, 1, out.confidence) && report.allRead();
}

void trainingReported(AppState& app, int request, const double* numbers, int count, bool finished,
                      const std::string& error) {
  TrainingProgress progress;
  if (!error.empty())
    trainingFinished(app, request, {}, text::cutAtCharacter(error, 300));
  else if (!readTrainingReport(numbers, count, progress))
    trainingFinished(app, request, {}, "the training worker sent back something the page cannot read");
  else if (finished)
    trainingFinished(app, request, progress, "");
  else
    trainingProgress(app, request, progress);
}

}  // namespace ui
