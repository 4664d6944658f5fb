// right_to_left.h: text in right-to-left scripts (Arabic, Hebrew, ...) shown in its own order,
// with Arabic letters joined. Dear ImGui lays every text out left to right, one character after
// another, so a learner's "سلام" came out as four lone letters in reverse. After a frame is
// drawn, each run of right-to-left glyphs on a line is turned round within the room it took,
// and each Arabic letter takes the form its neighbours call for (its Unicode presentation form:
// alone, last, first or between; lam and alef as their ligature), whose glyph the atlas holds
// once the letter is there (extra_glyphs asks for the forms with the letter); a vowel mark
// between two letters does not keep them apart. Where the platform shapes words (the page), an
// Arabic word the atlas holds whole (shaped_words.h) is drawn from that one image instead, and
// the run orders the words. A run is the glyphs one text draws one after the other on a line; a
// character of another script (a digit, a quotation mark) ends it, as it would start a run of
// its own in a browser.
#pragma once

#include <imgui.h>

#include <vector>

namespace ui {

struct AppState;

bool isRightToLeft(char32_t c);

// The characters the atlas needs for `c` to be shown joined: its presentation forms (none for a
// character that is not an Arabic letter with forms), and the lam-alef ligatures for lam.
void joinedFormsOf(char32_t c, std::vector<char32_t>& forms);

// Gives each Arabic letter of `font` the advance of the forms it takes in a word (its last form,
// for a letter that joins only the letter before it; half way between its last form and its form
// inside a word, for one that joins on both sides), so text is measured about as wide as it is
// drawn joined, not as wide as lone letters.
void measureAsJoined(ImFont* font);

// Turns the frame's right-to-left runs round and joins their letters (nothing to do, and
// nothing done, while the atlas holds no right-to-left character).
void orderRightToLeft(AppState& app, ImDrawData* data);

}  // namespace ui
