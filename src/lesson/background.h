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

}  // namespace lesson
