// background.h: where attention came from and where it is used, as lesson data for the
// tour's history and uses views.
#pragma once

#include <string>
#include <string_view>

#include "lesson/content/inline_list.h"

namespace lesson {

struct Milestone {
  std::string_view when;  // "2014"
  std::string_view what;
};

// How a use's small picture is laid out: its example tokens in a row, a source row above the
// row being written, or an image cut into a grid of patches.
enum class UseLayout { Row, TwoRows, Patches };

// One line of a use's picture: the piece `from` looks at the piece `to`.
struct UseLink {
  int from = 0;
  int to = 0;
};

struct AttentionUse {
  std::string_view field;      // "Language models"
  std::string_view tokens;     // what one token is there
  std::string_view attention;  // what attention does there
  // The picture: a few example tokens and where one looks (links from a piece to a piece). It
  // illustrates the sentence above; it shows no weights, so it claims none. For TwoRows the
  // first `split` pieces are the source; for Patches the pieces are the cells of a square grid.
  UseLayout layout = UseLayout::Row;
  InlineList<std::string_view, 10> pieces;
  InlineList<UseLink, 4> links;
  int split = 0;
};

ListView<Milestone> historyMilestones();
ListView<AttentionUse> attentionUses();
// What the drawing of a Transformer layer shows, in words: its caption, and what a screen reader says.
const char* transformerLayerDescription();

// The text of the history, uses and layer views a step shows ("history", "uses",
// "transformer-block"), as sentences for the narration; "" for other views.
std::string viewNarration(const std::string& viewId);

}  // namespace lesson
