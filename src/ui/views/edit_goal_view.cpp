// edit_goal_view.cpp: the "edit-goal" step view. On a step that invites editing vectors, a goal
// for the selected query ("make "bank" attend most to "was"") with the query's weights as a
// row of cells, right above the numbers being edited, so each edit shows what it does.
#include "lesson/model/edit_goal.h"
#include "ui/kit/heatmap.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawEditGoal(AppState& app) {
  const auto& state = app.session().lesson();
  const auto& trace = app.session().trace();
  auto& kept = app.view.editGoal;
  // Picked when the learner arrives at the step or picks another query (or the sentence
  // changes length), then kept while they edit.
  const int n = static_cast<int>(state.tokens.size());
  if (kept.step != state.step || kept.goal.query != state.selected || kept.tokens != n || kept.renew ||
      !lesson::goalReachable(trace, kept.goal)) {
    kept = {state.step, n, false, lesson::pickEditGoal(trace, state.selected)};
  }
  const std::string line = lesson::goalText(state, trace, kept.goal);
  if (line.empty()) return;
  sectionHeading(app, "Try it");
  paragraph(app, line);
  {
    const WideBox box(app, "goal-weights", weightRowsWidth(app, px(app, 60), state.tokens.size()));
    drawWeightRow(app, state.tokens[static_cast<size_t>(state.selected)].c_str(), px(app, 60), state.tokens,
                  trace.attention.heads.front().weights, state.selected);
  }
  if (lesson::goalReached(trace, kept.goal)) {
    if (smallButton(app, "Another goal")) kept.renew = true;
    registerItem(app, "goal-next", "Another goal, button: picks the key this query now weights least");
  }
}

}  // namespace ui
