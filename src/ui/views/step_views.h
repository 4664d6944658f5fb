// step_views.h: the registry of the extra views a tour step can show beside its matrices.
// A step names its views by id (lesson/content/steps.cpp); a new view is one record here plus the
// view's own file.
#pragma once

#include <string>
#include <vector>

#include "ui/app_state.h"

namespace ui {

struct StepViewRecord {
  const char* id;
  void (*draw)(AppState& app);
};

const std::vector<StepViewRecord>& stepViews();
// The record for `id`, or nullptr when no view has that id.
const StepViewRecord* findStepView(const std::string& id);

}  // namespace ui
