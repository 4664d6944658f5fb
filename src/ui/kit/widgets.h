// widgets.h: small helpers every view uses: number formatting, sizes, headings and text,
// and (through ui/kit/focus.h) registering interactive items.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ui/app_state.h"
#include "ui/kit/focus.h"
#include "ui/kit/palette.h"

namespace ui {

std::string formatNumber(float value);  // 2 decimals, "-inf" for masked scores
std::string formatExact(float value);   // enough digits to identify the float
// A computed value on hover: four decimals ("-inf" for masked scores), not the float's noise (0.11000001).
std::string fourDecimals(float value);
// For a screen reader, in plain digits (never "1.12718e-05"): two decimals from 1 up, three
// significant digits below ("0.351", "0.000011"), "almost 0" for what rounds to 0 but is not,
// "minus infinity (hidden)" for a masked score.
std::string spokenNumber(float value);
// "\"text\"": a token or label inside a spoken sentence.
std::string inQuotes(const std::string& text);
void sectionHeading(AppState& app, const char* text);
// `text` as it fits in `width` pixels: whole, or cut at a character (never inside one) with ".",
// keeping at least its first character.
std::string fitLabel(const std::string& text, float width);
float px(const AppState& app, float cssPixels);  // a size in CSS pixels, in ImGui pixels
// `size` grown to kTouchTarget CSS pixels each way on a touch screen (unchanged for a mouse):
// the hit box of a drawn control (an invisible button over a picture).
ImVec2 touchSize(const AppState& app, ImVec2 size);
// A button as wide as its label, and on a touch screen at least kTouchTarget wide (a token
// named "a").
bool button(const AppState& app, const char* label);
// How wide a radio button or checkbox with `label` is (its box and its text).
float choiceWidth(const char* label);
// How wide button() draws `label` (at most the column's width), to lay a row out before drawing it.
float buttonWidth(const AppState& app, const char* label);
// A button in a line of text: small for a mouse, a full frame (kTouchTarget tall) for a finger.
bool smallButton(const AppState& app, const char* label);
// One choice of a list in a popup (a preset, an axis): a full kTouchTarget row for a finger.
bool option(const AppState& app, const char* label, bool selected);
float visibleRight();
// SameLine(0, spacing) when an item `width` wide fits there before the visible right edge, else
// the next line (the cursor is there already: no SameLine then NewLine, which would count the
// spacing past the edge as the line's content). `spacing` < 0: the style's.
void sameLineIfFits(float width, float spacing = -1.0f);
// Width from the cursor to the visible right edge (not to the end of scrollable content,
// which would let a view widen the window it measures).
float visibleWidth();
// Text wrapped at the visible right edge, at spaces only (a paragraph of the page's mirror).
void paragraph(AppState& app, std::string_view text);
// A paragraph in `colour` (an error, a status); note() is one in the secondary grey (a caption,
// a hint). Every line of prose goes through these, so it wraps on a phone and the mirror reads it.
void colouredParagraph(AppState& app, const ImVec4& colour, std::string_view text);
void note(AppState& app, std::string_view text);
// A short line kept whole (a status beside a control, a vector in a worked case), in `colour`,
// read by the mirror. Prose that can run longer than a phone's column is a paragraph.
void textLine(AppState& app, const ImVec4& colour, std::string_view text);
void textLine(AppState& app, std::string_view text);
// A section header whose open state is the learner's preference `open` (closed until they open
// it), rather than Dear ImGui's own storage. Returns whether the section is open.
bool sectionHeader(const char* label, bool& open);
// A hover tip placed under a cell (from its top-left corner min to max), not at the pointer, so
// it never covers the headers above a matrix or the cell itself. printf-style.
void tooltipUnder(ImVec2 min, ImVec2 max, const char* format, ...) IM_FMTARGS(3);
// The line breaks paragraph() makes: the spaces where lines break become newlines. `measure`
// gives the width of text[from, to); `overlong` says whether one word alone was too wide.
std::string breakAtSpaces(std::string_view text, float width, float spaceWidth,
                          const std::function<float(size_t, size_t)>& measure, bool& overlong);
// A small table of text: a bold header row, then rows, in columns as wide as their widest
// cell, with rules between the rows. (Dear ImGui's tables would add their whole module to the
// page for two small tables.)
void textTable(AppState& app, const std::vector<std::string>& headers,
               const std::vector<std::vector<std::string>>& rows);
// Lays out pieces left to right, wrapping only between pieces (so "0.06" never splits).
void flowPieces(const std::vector<std::string>& pieces);
// A bar `width` wide filled to `fraction` (0..1), with `words` on it ("step 40 of 200"), which
// the page's mirror reads as text. Drawn here rather than by Dear ImGui's ProgressBar, whose
// overlay the mirror cannot read (and which costs the page a kilobyte more).
void progressBar(AppState& app, float fraction, float width, const char* words);

}  // namespace ui
