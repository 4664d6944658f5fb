// progress_salvage.h: what can still be read of a stored progress record that cannot be read
// whole (too large, cut short, or written by another version): the learner's steps,
// experiments, quiz answers and challenge levels are theirs, and one bad part must not lose
// the rest. One pass over the text, keeping nothing the lesson does not know.
#pragma once

#include <cstddef>
#include <string>

#include "lesson/model/progress.h"

namespace lesson {

// A record larger than a browser's storage gives one site is not scanned past this many bytes.
constexpr std::size_t kMaxProgressScanBytes = 8 * 1024 * 1024;

// Scans at most kMaxProgressScanBytes of `text` as JSON, at any depth (the page's record is
// the progress object itself, the desktop's holds it under "progress"), for the keys of a
// progress record: the known ids in "stepsSeen", "experimentsDone" and "quizCorrect", the
// booleans "challengeDone" and "challenge2Done", "startedAt" in range, and which steps' guesses
// were made or skipped ("predictions"). Unknown ids and
// every other value are skipped without being kept; the scan stops at the first byte that
// is not JSON, keeping what it found before. Returns how many entries it kept; `progress`
// is replaced only when that is more than 0.
int salvageProgress(const std::string& text, Progress& progress);

}  // namespace lesson
