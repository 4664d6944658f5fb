// arrow_plane.h: a square plane of arrows for two chosen dimensions, shared by the
// query/key plane and the value plane: axes and grid, arrows, and tips that the mouse, touch
// or the arrow keys move (each move an action on Q, K or V).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "lesson/model/vector_plane.h"
#include "ui/app_state.h"

namespace ui {

struct PlaneFrame {
  PlaneView* view = nullptr;  // the learner's picks and the scale held during a drag
  ImVec2 origin;              // screen position of (0, 0)
  float pixelsPerUnit = 1;    // screen pixels per unit of the vectors
  float extent = 1;           // the plane shows low..extent on each axis
  float low[2] = {-1, -1};    // the lower ends: -extent, or a small margin when nothing is negative
  ImVec2 min, max;            // the square on screen
  bool dragging = false;      // a tip of this plane is held this frame
  // The plane in words for the page's mirror, built only in a frame that records it: its axes,
  // then each labelled arrow drawn ("q: bank to 0.80, 0.10"), said as the picture's text.
  std::string said;
  ImVec2 toScreen(float x, float y) const { return {origin.x + x * pixelsPerUnit, origin.y - y * pixelsPerUnit}; }
  // Where a label of `size` wanted at `at` goes so that it is whole inside the square (a label
  // by a point near an edge would be cut there).
  ImVec2 inside(ImVec2 at, ImVec2 size) const {
    return {std::max(min.x + 2, std::min(at.x, max.x - 2 - size.x)),
            std::max(min.y + 1, std::min(at.y, max.y - 1 - size.y))};
  }
};

// Rows of a matrix drawn as arrows on a plane (row -1: all of them).
struct PlaneRows {
  const core::Matrix* matrix;
  int row = -1;
};

// What a plane is drawn from: the axes, their names, and the arrows it must hold.
struct PlaneSpec {
  const char* id;  // "qk" or "v": prefixes the axis pickers' widget ids
  lesson::PlaneAxes axes;
  std::vector<std::string> names;                            // one per dimension
  std::vector<PlaneRows> drawn;                              // sets the scale and whether negative values need room
  const char* automatic = "auto: the two that matter most";  // what the pickers' default means
};

// The axis pickers ("across" and "up"; spec.axes becomes the learner's pick when they made
// one), then the plane's square with its grid and axes.
PlaneFrame beginPlane(AppState& app, PlaneSpec& spec, PlaneView& view);
// An arrow from the origin to (x, y) with a head, and a label by its tip (said with its place
// in the plane's text alternative).
void drawArrow(PlaneFrame& frame, float x, float y, ImU32 colour, float thickness, const std::string& label);
// A draggable tip for row `row` of `matrix` (Q, K or V) at (x, y) on the plane's axes.
// Returns true when it was clicked without moving (the view then selects that token).
struct TipSpec {
  lesson::MatrixId matrix;
  int row;
  float x, y;
  std::string widgetId;  // "vec-k[3]"
  std::string spoken;    // what a screen reader says
};
bool drawTip(AppState& app, PlaneFrame& frame, const lesson::PlaneAxes& axes, const TipSpec& tip, ImU32 colour);
// The names to print by arrow tips (x, y in the plane's units): tips that land on the same
// spot (within a few pixels) share one name, "The, the", printed at the first of them; the
// others get "". So two tokens with equal vectors never print on top of each other.
std::vector<std::string> sharedTipNames(const PlaneFrame& frame, const std::vector<ImVec2>& tips,
                                        const std::vector<std::string>& names);
// A colour with its opacity scaled (0..1): fainter arrows for keys that get less weight.
ImU32 withOpacity(ImU32 colour, float opacity);
// The outline around points (convex hull), for the region an average of them can reach.
std::vector<ImVec2> convexHull(std::vector<ImVec2> points);
// Ends the plane (its scale follows the arrows again once no tip is held; the mirror gets its
// text alternative, over the square) and starts its caption: beside the square when there is
// room for a readable column, else below it.
void endPlane(AppState& app, PlaneFrame& frame);
// Ends the caption and moves the cursor below both.
void endCaption(PlaneFrame& frame);

}  // namespace ui
