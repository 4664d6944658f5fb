// change_words_view.cpp: the "change-words" step view. Under the before/after bars, the
// same comparison as a sentence, so the change can be read (and heard) without the bars.
#include "lesson/model/value_change.h"
#include "ui/kit/widgets.h"
#include "ui/views/step_views.h"

namespace ui {

void drawChangeInWords(AppState& app) {
  const std::string sentence =
      lesson::describeValueChange(app.session().lesson(), app.session().trace(), app.session().lesson().selected);
  if (sentence.empty()) return;
  sectionHeading(app, "In words");
  note(app, lesson::valuesKeepDimensionNames(app.session().lesson())
                ? "its value before attention \xE2\x86\x92 its output after, by dimension"
                : "its own value \xE2\x86\x92 its output, column by column");
  paragraph(app, sentence);
}

}  // namespace ui
