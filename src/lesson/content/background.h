// background.h: where attention came from and where it is used, as lesson data for the
// tour's history and uses views.
#pragma once

#include <string>
#include <vector>

namespace lesson {

struct Milestone {
  std::string when;  // "2014"
  std::string what;
};

struct AttentionUse {
  std::string field;      // "Language models"
  std::string tokens;     // what one token is there
  std::string attention;  // what attention does there
};

const std::vector<Milestone>& historyMilestones();
const std::vector<AttentionUse>& attentionUses();
// What the drawing of a Transformer layer shows, in words: its caption, and what a screen reader says.
const char* transformerLayerDescription();

// The text of the history, uses and layer views a step shows ("history", "uses",
// "transformer-block"), as sentences for the narration; "" for other views.
std::string viewNarration(const std::string& viewId);

}  // namespace lesson
