// mirror.h: what a frame shows besides its controls (the step's title and text, section
// headings, tables, a picture's text alternative), recorded for the page's semantic mirror: a
// page of real elements a screen reader walks, placed where each thing is drawn. Recorded only
// in the frames the page asks for (FocusRegistry::mirroring); an ordinary frame records nothing.
// The controls are recorded by registerItem (focus.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ui/app_state.h"

namespace ui {

// This frame records the mirror. Callers that build a text for it (a caption, a description)
// ask first, so an ordinary frame builds nothing; the functions below copy only when it does.
inline bool mirroring(const AppState& app) { return app.focus.mirroring; }
// What the open functions return in a frame that records nothing; closing it does nothing.
constexpr size_t kNotMirrored = static_cast<size_t>(-1);
// The item just drawn (text, a group) as a heading, a paragraph or a picture's text alternative.
void mirrorText(AppState& app, MirrorNode::Kind kind, std::string_view text);
// A control just registered (focus.h's registerItem), at its rectangle, scrolled into view or not.
void mirrorItem(AppState& app, const std::string& id, std::string spoken, Role role, bool on, float value,
                bool disabled, float low, float high);
// A table whose cells follow as items named "<id>[row][col]" (a matrix), or whose `cells` are
// given (a table of text). Opened before its cells are drawn, so it is read before them;
// closed after, with the rectangle of the group just drawn. Returns what close takes.
size_t openMirrorTable(AppState& app, std::string_view id, std::string_view caption,
                       const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                       std::vector<std::string> cells = {});
// A picture's text alternative, read before the picture's own controls.
size_t openMirrorPicture(AppState& app, std::string_view text);
void closeMirrorNode(AppState& app, size_t opened);
// Closed at a rectangle the caller measured (a picture drawn without items around it).
void closeMirrorNode(AppState& app, size_t opened, ImVec2 min, ImVec2 max);

}  // namespace ui
