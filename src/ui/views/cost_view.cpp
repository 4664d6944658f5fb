// cost_view.cpp: the "cost" view of the all-at-once step: how the weights and the work grow
// with the number of tokens, for this lesson's widths.
#include <cstdio>
#include <string>
#include <vector>

#include "text/decimals.h"
#include "ui/kit/widgets.h"

namespace ui {

namespace {

// Multiply-adds of Q K^T plus W V for n tokens and widths dk, dv.
double multiplyAdds(double n, double dk, double dv) { return n * n * dk + n * n * dv; }

std::vector<std::string> costRow(double n, double dk, double dv) {
  return {text::groupedCount(n), text::groupedCount(n * n), text::groupedCount(multiplyAdds(n, dk, dv))};
}

}  // namespace

void drawCost(AppState& app) {
  const double n = static_cast<double>(app.session().lesson().tokens.size());
  const double dk = app.session().trace().attention.Q.cols, dv = app.session().trace().attention.V.cols;
  sectionHeading(app, "What it costs");
  textTable(app, {"tokens n", "weights per head (n\xC2\xB2)", "multiply-adds (n\xC2\xB2(d_k + d_v))"},
            {costRow(n, dk, dv), costRow(2 * n, dk, dv), costRow(1024, dk, dv), costRow(2048, dk, dv)});
  paragraph(app, "Doubling n multiplies both columns by four. These counts are for this lesson's widths (d_k = " +
                     std::to_string(static_cast<int>(dk)) + ", d_v = " + std::to_string(static_cast<int>(dv)) + ").");
}

}  // namespace ui
