// compute_api.h: the JSON entry point behind attentionTour.compute() and its native twin.
// Pure: it reads a request, runs the core, and never touches the lesson state.
#pragma once

#include <string>

#include "json/json.h"

namespace lesson {

// Request: {Q, K, V, scale = true, temperature = 1, mask = "none" | "causal" | "window:W" |
// boolean matrix (true = may attend), heads = 1, WO (optional), tile (optional, >= 1)}.
// Reply: {scores, weights, output, rowFullyHidden} (scores are scaled and masked, hidden
// entries null); with heads > 1 also headScores and headWeights, and scores/weights hold
// those of head 0; with tile also online: {output, tiles: [{firstKey, keyCount, runningMax,
// runningSum, partialOutput}]}. Any problem: {error: "..."}.
json::Json computeRequest(const json::Json& request);
std::string computeText(const std::string& requestText);

}  // namespace lesson
