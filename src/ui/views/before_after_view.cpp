// before_after_view.cpp: the "before-after" view: the selected token's own value and its
// output, as bars in the same dimensions.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "lesson/model/value_change.h"
#include "ui/kit/bars.h"
#include "ui/kit/widgets.h"

namespace ui {

void drawBeforeAfter(AppState& app) {
  const int i = app.session().lesson().selected;
  // Before and after in the same space, column by column: the token's own value and its output.
  const core::Matrix& before = app.session().trace().attention.V;
  const core::Matrix& after = app.session().trace().attention.concatenated;
  sectionHeading(
      app, ("\"" + app.session().lesson().tokens[static_cast<size_t>(i)] + "\" before and after attention").c_str());
  const float scaleMax =
      std::max(maxAbsFinite(before.rowData(i), before.cols), maxAbsFinite(after.rowData(i), after.cols));
  const bool negative = anyNegative(before.rowData(i), before.cols) || anyNegative(after.rowData(i), after.cols);
  const auto names = lesson::valueColumnNames(app.session().lesson(), app.session().trace());
  const BarColumns columns = barColumns(app, names);
  note(app, "before: its own value v_i (it knows only itself)");
  for (int c = 0; c < before.cols; ++c)
    bar(app, names[static_cast<size_t>(c)], before.at(i, c), scaleMax, columns, kBefore, negative);
  note(app, "after: output_i (a blend of the values it attended to)");
  for (int c = 0; c < after.cols; ++c)
    bar(app, names[static_cast<size_t>(c)], after.at(i, c), scaleMax, columns, kAccentFill, negative);
}

}  // namespace ui
