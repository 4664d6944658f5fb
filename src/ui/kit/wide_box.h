// wide_box.h: content that may be wider than the column (a matrix, a heatmap, a row of weights,
// a code listing) scrolls sideways in a box of its own, so the column itself never does: the
// text around it stays whole on a phone, and the page has no sideways scrollbar.
#pragma once

#include <string>

#include "ui/app_state.h"

namespace ui {

// Draw the content between the constructor and the destructor, as in the column. When it is
// `contentWidth` wide or less, nothing else happens. When wider, it goes in a box as wide as the
// visible column and as tall as the content was in the last frame (the first time:
// `firstHeight`, or one line), with a sideways scrollbar under it; when that changed, the next
// frame is drawn too.
class WideBox {
 public:
  WideBox(AppState& app, const char* id, float contentWidth, float firstHeight = 0.0f);
  ~WideBox();
  WideBox(const WideBox&) = delete;
  WideBox& operator=(const WideBox&) = delete;

 private:
  AppState& app_;
  bool boxed_ = false;
  unsigned int heightKey_ = 0;  // where the content's height is kept between frames
  float height_ = 0.0f;         // the height the box was given this frame
};

// How far (ImGui pixels) the widest content of a window that cannot scroll sideways ran past its
// visible width in the last frame: 0 when nothing is cut at the right edge (stats().cutWidth).
// `where` (when given) names that window, for a test's message.
float widestCut(std::string* where = nullptr);

}  // namespace ui
