// widgets.cpp: formatting, sizes and text helpers.
#include "ui/kit/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>

#include "text/decimals.h"
#include "text/utf8.h"
#include "ui/kit/mirror.h"
#include "ui/kit/shaped_words.h"
#include "ui/kit/theme.h"
#include "ui/kit/wide_box.h"

namespace ui {

std::string formatNumber(float value) {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  char text[32];
  // At most 7 characters, so a number fits its cell: 2 decimals, then none, then a power of ten.
  const double v = text::floatShown(value), magnitude = std::fabs(v);
  std::snprintf(text, sizeof text, magnitude < 999.995 ? "%.2f" : magnitude < 99999.5 ? "%.0f" : "%.1e", v);
  if (std::string(text) == "-0.00") return "0.00";
  return text;
}

std::string fourDecimals(float value) {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  return text::fixedDecimals(text::floatShown(value), 4);
}

std::string formatExact(float value) {
  if (std::isinf(value)) return value < 0 ? "-\xE2\x88\x9E" : "\xE2\x88\x9E";
  // The shortest text that reads back as this float: 1.2, not 1.20000005.
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return text;
}

std::string spokenNumber(float value) {
  if (std::isinf(value)) return value < 0 ? "minus infinity (hidden)" : "infinity";
  if (std::isnan(value)) return "not a number";
  // Two decimals from 1 up, as the screen prints them; below 1, three significant digits (the
  // screen's 0.00 may be 0.0031), never more than six decimals.
  const double shown = text::floatShown(value), size = std::fabs(shown);
  int decimals = 2;
  if (size > 0 && size < 1) decimals = std::min(6, 2 - static_cast<int>(std::floor(std::log10(size))));
  std::string text = text::fixedDecimals(shown, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "0" && value != 0.0f ? "almost 0" : text;
}

std::string inQuotes(const std::string& text) { return "\"" + text + "\""; }

namespace {

// Drops the last whole UTF-8 character: its continuation bytes, then its lead byte.
void dropLastCharacter(std::string& text) {
  while (!text.empty()) {
    const auto last = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((last & 0xC0) != 0x80) return;
  }
}

// Whether cutting `text` at byte `at` splits a cluster of a script whose words are shaped: the
// character after the cut goes with the one before it (a vowel sign, a mark), or the one before
// joins the next (a virama, a joiner).
bool splitsCluster(const std::string& text, size_t at) {
  size_t i = at;
  const long next = at < text.size() ? text::decodeUtf8(text, i) : -1;
  size_t start = at;
  while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  const long before = at > 0 ? text::decodeUtf8(text, start) : -1;
  return (next >= 0 && attachesToPrevious(static_cast<char32_t>(next))) ||
         (before >= 0 && joinsNext(static_cast<char32_t>(before)));
}

}  // namespace

std::string fitLabel(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  std::string cut = text, shortest = text;  // shortest: the shortest cut that splits no cluster
  for (;;) {
    dropLastCharacter(cut);
    // The first cluster stays, even when it does not fit: a "." alone names nothing.
    if (cut.empty()) return shortest == text ? text : shortest + ".";
    if (splitsCluster(text, cut.size())) continue;  // a virama left bare, a vowel sign left behind
    if (cut.back() == ' ') continue;                // "river ." for "river bank"
    shortest = cut;
    if (ImGui::CalcTextSize((cut + ".").c_str()).x <= width) return cut + ".";
  }
}

void sectionHeading(AppState& app, const char* text) {
  ImGui::PushFont(app.platform.fonts.bold);
  ImGui::PushTextWrapPos(visibleRight());
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  mirrorText(app, MirrorNode::Kind::Subheading, text);
}

float px(const AppState& app, float cssPixels) { return cssPixels * app.platform.uiScale; }

ImVec2 touchSize(const AppState& app, ImVec2 size) {
  if (!app.platform.touchScreen) return size;
  const float least = px(app, kTouchTarget);
  return ImVec2(std::max(size.x, least), std::max(size.y, least));
}

namespace {

// Where SameLine(0, gap) would put the cursor, in the window's coordinates (as visibleRight()).
float xAfterSameLine(float gap) {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  return window->DC.CursorPosPrevLine.x - window->Pos.x + window->Scroll.x + gap;
}

}  // namespace

void sameLineIfFits(float width, float spacing) {
  const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
  if (xAfterSameLine(gap) + width <= visibleRight()) ImGui::SameLine(0, gap);
}

namespace {

// A label whose text is wider than the column (a step's title on a phone), cut at a character
// with ".", keeping the whole label as the button's id; otherwise the label itself.
std::string fittedLabel(const char* label) {
  const char* hidden = std::strstr(label, "##");
  const std::string shown = hidden ? std::string(label, hidden) : std::string(label);
  const float room = visibleWidth() - ImGui::GetStyle().FramePadding.x * 2.0f;
  if (ImGui::CalcTextSize(shown.c_str()).x <= room) return label;
  return fitLabel(shown, room) + "###" + label;
}

}  // namespace

float choiceWidth(const char* label) {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

float buttonWidth(const AppState& app, const char* label) {
  const float width =
      ImGui::CalcTextSize(fittedLabel(label).c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  return app.platform.touchScreen ? std::max(width, px(app, kTouchTarget)) : width;
}

bool button(const AppState& app, const char* label) {
  const std::string fitted = fittedLabel(label);
  if (!app.platform.touchScreen) return ImGui::Button(fitted.c_str());
  const float labelWidth = ImGui::CalcTextSize(fitted.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
  return ImGui::Button(fitted.c_str(), ImVec2(std::max(labelWidth, px(app, kTouchTarget)), 0));
}

bool smallButton(const AppState& app, const char* label) {
  return app.platform.touchScreen ? button(app, label) : ImGui::SmallButton(fittedLabel(label).c_str());
}

bool option(const AppState& app, const char* label, bool selected) {
  // A Selectable's height is its text's; its box takes half the item spacing more above and below.
  const float height = app.platform.touchScreen ? px(app, kTouchTarget) - ImGui::GetStyle().ItemSpacing.y : 0.0f;
  return ImGui::Selectable(label, selected, 0, ImVec2(0, height));
}

// Right edge of what is visible, in window coordinates: text wraps there even when wide
// matrices make the window scroll sideways.
float visibleRight() {
  const ImGuiStyle& style = ImGui::GetStyle();
  const bool verticalBar = ImGui::GetScrollMaxY() > 0.0f;
  // Less the window's border too: a line that reached the border's inner edge made a
  // bordered panel (the views column) grow a horizontal scrollbar for one pixel.
  return ImGui::GetScrollX() + ImGui::GetWindowWidth() - style.WindowPadding.x -
         (verticalBar ? style.ScrollbarSize : 0.0f) - GImGui->CurrentWindow->WindowBorderSize;
}

float visibleWidth() { return std::max(1.0f, visibleRight() - ImGui::GetCursorPosX()); }

std::string breakAtSpaces(std::string_view text, float width, float spaceWidth,
                          const std::function<float(size_t, size_t)>& measure, bool& overlong) {
  std::string lines(text);  // the spaces chosen as line breaks become newlines
  overlong = false;
  size_t line = 0;
  while (line < text.size()) {
    const size_t hardBreak = std::min(text.find('\n', line), text.size());
    size_t fits = line;  // end of the longest run of whole words that fits (at least one word)
    float used = 0;
    for (size_t word = line; word <= hardBreak;) {
      const size_t wordEnd = std::min(text.find(' ', word), hardBreak);
      const float wordWidth = measure(word, wordEnd);
      if (fits > line && used + spaceWidth + wordWidth > width) break;
      used += (fits > line ? spaceWidth : 0.0f) + wordWidth;
      fits = wordEnd;
      word = wordEnd + 1;
    }
    overlong = overlong || used > width;
    if (fits < text.size()) lines[fits] = '\n';
    line = fits + 1;
  }
  return lines;
}

// Lines break at spaces only. Dear ImGui's own wrapping also breaks after punctuation, which
// can start a line with the full stop of a quoted word ("deposit" / ". Older").
void tooltipUnder(ImVec2 min, ImVec2 max, const char* format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(text, sizeof text, format, args);
  va_end(args);
  // Within the screen: as wide as the text, wrapped at the screen's width, moved left from the
  // cell when it would run past the right edge (a cell in the last column, a phone).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float screen = ImGui::GetMainViewport()->Size.x, margin = style.WindowPadding.x;
  const float wrap = std::max(1.0f, screen - 2.0f * margin - 2.0f * style.WindowPadding.x);
  const float width = ImGui::CalcTextSize(text, nullptr, false, wrap).x + 2.0f * style.WindowPadding.x;
  const float x = std::max(margin, std::min(min.x, screen - margin - width));
  ImGui::SetNextWindowPos(ImVec2(x, max.y + 4.0f));
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(style.WindowPadding.x + wrap);  // in the tip's own coordinates
  ImGui::TextUnformatted(text);                          // said by the item's spoken name
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

bool sectionHeader(const char* label, bool& open) {
  ImGui::SetNextItemOpen(open, ImGuiCond_Always);
  open = ImGui::CollapsingHeader(label);
  return open;
}

void paragraph(AppState& app, std::string_view text) {
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const auto measure = [&](size_t from, size_t to) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data() + from, text.data() + to).x;
  };
  bool overlong = false;
  const std::string lines = breakAtSpaces(text, std::max(1.0f, visibleRight() - ImGui::GetCursorPosX()),
                                          font->CalcTextSizeA(size, FLT_MAX, 0.0f, " ").x, measure, overlong);
  if (overlong) ImGui::PushTextWrapPos(visibleRight());  // a word wider than the column: Dear ImGui cuts it
  ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
  if (overlong) ImGui::PopTextWrapPos();
  mirrorText(app, MirrorNode::Kind::Text, text);
}

void colouredParagraph(AppState& app, const ImVec4& colour, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  paragraph(app, text);
  ImGui::PopStyleColor();
}

void textLine(AppState& app, const ImVec4& colour, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopStyleColor();
  mirrorText(app, MirrorNode::Kind::Text, text);
}

void textLine(AppState& app, std::string_view text) { textLine(app, ImGui::GetStyleColorVec4(ImGuiCol_Text), text); }

void note(AppState& app, std::string_view text) {
  colouredParagraph(app, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled), text);
}

}  // namespace ui

namespace ui {

void textTable(AppState& app, const std::vector<std::string>& headers,
               const std::vector<std::vector<std::string>>& rows) {
  const float pad = px(app, 8);
  std::vector<float> widths(headers.size(), 0.0f);
  for (size_t c = 0; c < headers.size(); ++c) {
    ImGui::PushFont(app.platform.fonts.bold);
    widths[c] = ImGui::CalcTextSize(headers[c].c_str()).x;
    ImGui::PopFont();
    for (const auto& row : rows)
      if (c < row.size()) widths[c] = std::max(widths[c], ImGui::CalcTextSize(row[c].c_str()).x);
  }
  const float lineHeight = ImGui::GetTextLineHeight() + pad;
  float total = 0;
  for (float w : widths) total += w + 2 * pad;
  const float height = lineHeight * static_cast<float>(rows.size() + 1);
  {
    std::string boxId = "table";  // told apart by their headers
    for (const auto& header : headers) boxId += "|" + header;
    const WideBox box(app, boxId.c_str(), total, height);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const auto drawRow = [&](const std::vector<std::string>& cells, float y) {
      float x = start.x;
      for (size_t c = 0; c < widths.size(); ++c) {
        if (c < cells.size())
          draw->AddText(ImVec2(x + pad, y + pad * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), cells[c].c_str());
        x += widths[c] + 2 * pad;
      }
      draw->AddLine(ImVec2(start.x, y + lineHeight), ImVec2(start.x + total, y + lineHeight), kRule);
    };
    ImGui::PushFont(app.platform.fonts.bold);
    drawRow(headers, start.y);
    ImGui::PopFont();
    for (size_t r = 0; r < rows.size(); ++r) drawRow(rows[r], start.y + lineHeight * static_cast<float>(r + 1));
    ImGui::Dummy(ImVec2(total, height));
  }
  if (!mirroring(app)) return;
  std::vector<std::string> cells;
  for (const auto& row : rows)
    for (size_t c = 0; c < headers.size(); ++c) cells.push_back(c < row.size() ? row[c] : std::string());
  closeMirrorNode(app, openMirrorTable(app, "", "", {}, headers, std::move(cells)));
}

void flowPieces(const std::vector<std::string>& pieces) {
  const float right = std::min(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x, visibleRight());
  const float left = ImGui::GetCursorPosX();
  const float space = ImGui::CalcTextSize(" ").x;
  bool first = true;
  for (const auto& piece : pieces) {
    const float width = ImGui::CalcTextSize(piece.c_str()).x;
    if (!first) {
      if (xAfterSameLine(space) + width <= right)
        ImGui::SameLine(0, space);
      else
        ImGui::SetCursorPosX(left);
    }
    ImGui::TextUnformatted(piece.c_str());
    first = false;
  }
}

void progressBar(AppState& app, float fraction, float width, const char* words) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + width, min.y + ImGui::GetFrameHeight());
  ImGui::Dummy(ImVec2(width, max.y - min.y));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = ImGui::GetStyle().FrameRounding;
  draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
  const float filled = std::clamp(fraction, 0.0f, 1.0f) * width;
  if (filled > 0)
    draw->AddRectFilled(min, ImVec2(min.x + filled, max.y), ImGui::GetColorU32(ImGuiCol_PlotHistogram), rounding);
  const ImVec2 text = ImGui::CalcTextSize(words);
  draw->AddText(ImVec2(min.x + std::max(0.0f, width - text.x) * 0.5f, min.y + (max.y - min.y - text.y) * 0.5f),
                ImGui::GetColorU32(ImGuiCol_Text), words);
  mirrorText(app, MirrorNode::Kind::Text, words);
}

}  // namespace ui
