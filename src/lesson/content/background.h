// background.h: where attention came from and where it is used, as lesson data for the
// tour's history and uses views.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lesson {

struct Milestone {
  std::string when;  // "2014"
  std::string what;
};

// How a use's small picture is laid out: its example tokens in a row, a source row above the
// row being written, or an image cut into a grid of patches.
enum class UseLayout { Row, TwoRows, Patches };

struct AttentionUse {
  std::string field;      // "Language models"
  std::string tokens;     // what one token is there
  std::string attention;  // what attention does there
  // The picture: a few example tokens and where one looks (links from a piece to a piece). It
  // illustrates the sentence above; it shows no weights, so it claims none. For TwoRows the
  // first `split` pieces are the source; for Patches the pieces are the cells of a square grid.
  UseLayout layout = UseLayout::Row;
  std::vector<std::string> pieces;
  std::vector<std::pair<int, int>> links;
  int split = 0;
};

const std::vector<Milestone>& historyMilestones();
const std::vector<AttentionUse>& attentionUses();
// What the drawing of a Transformer layer shows, in words: its caption, and what a screen reader says.
const char* transformerLayerDescription();

// The text of the history, uses and layer views a step shows ("history", "uses",
// "transformer-block"), as sentences for the narration; "" for other views.
std::string viewNarration(const std::string& viewId);

}  // namespace lesson
