// page_status.h: what the page's API reads of the views, as JSON: getState()'s view fields,
// the widgets' rectangles, and the two labs' status for tests. Built here, beside the state it
// reads, so the web bridge only forwards (and native tests can check it).
#pragma once

#include "json/json.h"
#include "ui/app_state.h"

namespace ui {

// getState(): the session's JSON (lesson::sessionToJson) with the views' and platform's own
// fields: challengeLevel, challengeMessage(2), challengeCode(2), flash.tile, storageAvailable,
// zoom and reducedMotion.
json::Json pageState(const AppState& app);

// widgets(): [{id, x, y, w, h, focused}] of the last frame, in CSS pixels.
json::Json widgetsJson(const AppState& app);

// {phase, maxN, message, points: [{n, naiveMs, tiledMs}]}.
json::Json costLabStatus(const CostLab& lab);

// {phase, task, steps, metric, accuracy, losses (their count), guess, message, probe, probeError}.
json::Json trainingStatus(const TrainingLab& lab);

}  // namespace ui
