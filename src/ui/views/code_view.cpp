// code_view.cpp: the "code" step view. The whole computation as a NumPy program holding the
// learner's numbers, with the core's results as comments, in a read-only text box that the
// keyboard can enter, scroll and copy from, and a button that copies all of it.
#include <algorithm>

#include "lesson/content/code_listing.h"
#include "ui/kit/theme.h"
#include "ui/kit/wide_box.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

namespace {

int lineCount(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1; }

// The listing in a read-only box the keyboard can enter, and a button that copies it; `id`
// tells the two listings' widgets apart.
void drawListing(AppState& app, const std::string& listing, const std::string& id) {
  const int lines = lineCount(listing);
  // The button comes first, where it is found without scrolling past a long program.
  ImGui::PushID(id.c_str());
  if (button(app, "Copy the code")) {
    ImGui::SetClipboardText(listing.c_str());
    app.view.listingCopiedAt = app.session().revision();
    app.view.listingCopied = id;
  }
  ImGui::PopID();
  registerItem(app, id == "code-listing" ? "code-copy" : id + "-copy",
               "Copy the code, button: puts the whole program on the clipboard");
  if (app.view.listingCopiedAt == app.session().revision() && app.view.listingCopied == id) {  // until it changes
    ImGui::SameLine();
    colouredParagraph(app, kDone, "Copied: paste it into Python to check the numbers.");
  }
  ImGui::PushFont(codeFont(app));
  // As tall as the program, so the mouse wheel scrolls the page and never gets caught in the box.
  const float height =
      ImGui::GetTextLineHeight() * static_cast<float>(lines) + ImGui::GetStyle().FramePadding.y * 2.0f + px(app, 4);
  // As wide as its longest line: a line longer than the column scrolls sideways in a box.
  const float width = ImGui::CalcTextSize(listing.c_str()).x + ImGui::GetStyle().FramePadding.x * 2.0f +
                      ImGui::GetStyle().ScrollbarSize + px(app, 4);
  {
    const WideBox box(app, ("box-" + id).c_str(), width, height);
    // Read-only: ImGui never writes to the buffer, so the cached text can be shown as it is.
    ImGui::InputTextMultiline(("##" + id).c_str(), const_cast<char*>(listing.c_str()), listing.size() + 1,
                              ImVec2(std::max(width, visibleWidth()), height), ImGuiInputTextFlags_ReadOnly);
    registerItem(
        app, id,
        [&] {
          return "The attention computation in NumPy with your numbers, read-only text of " + std::to_string(lines) +
                 " lines: arrows move through it, Control+A then Control+C copies it";
        },
        Role::TextField);
  }
  ImGui::PopFont();
}

}  // namespace

void drawCodeListing(AppState& app) {
  const std::string& listing = app.session().numpyListing();
  if (listing.empty()) return;
  sectionHeading(app, "The whole computation in code");
  paragraph(app,
            "The same steps as a short NumPy program, holding your numbers. Change a number anywhere in the lesson and "
            "the program changes with it. The comments give what this page computed; Python prints the same numbers up "
            "to float rounding (the page counts in 32-bit floats, Python in 64-bit, so huge, nearly equal scores can "
            "come out visibly different).");
  drawListing(app, listing, "code-listing");
}

void drawLinearCodeListing(AppState& app) {
  const std::string& listing = app.session().numpyListing(core::Kernel::Linear);
  if (listing.empty()) return;
  sectionHeading(app, "Linear attention in code");
  paragraph(app,
            "The linear weights and outputs as a NumPy program with your numbers: phi in place of exp. Python prints "
            "what the comments give, up to rounding in the last digit.");
  drawListing(app, listing, "code-linear-listing");
}

}  // namespace ui
