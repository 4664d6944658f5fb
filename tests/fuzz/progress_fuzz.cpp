// progress_fuzz.cpp: libFuzzer target for stored progress records. A refused record leaves the
// progress as it was; an accepted one survives a save and reload unchanged, and merging it
// with the learner's own progress loses nothing either side had. Salvaging any text keeps only
// ids the lesson knows (what it keeps survives a save and reload) and changes nothing when it
// keeps nothing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lesson/model/progress.h"
#include "lesson/model/progress_salvage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lesson::Progress own;
  own.markSeen(0);
  own.markSeen(3);
  own.quizCorrect.insert("scaling");
  const auto before = lesson::progressToJson(own);
  lesson::Progress stored = own;
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::string error = lesson::progressFromText(text, stored);
  lesson::Progress salvaged = own;
  const int kept = lesson::salvageProgress(text, salvaged);
  if (kept == 0 && lesson::progressToJson(salvaged) != before) __builtin_trap();
  lesson::Progress salvagedBack;
  if (kept > 0 && (!lesson::progressFromText(lesson::progressToJson(salvaged).dump(), salvagedBack).empty() ||
                   lesson::progressToJson(salvagedBack) != lesson::progressToJson(salvaged)))
    __builtin_trap();
  if (!error.empty()) {
    if (lesson::progressToJson(stored) != before) __builtin_trap();
    return 0;
  }
  lesson::Progress reloaded;
  if (!lesson::progressFromText(lesson::progressToJson(stored).dump(), reloaded).empty()) __builtin_trap();
  if (lesson::progressToJson(reloaded) != lesson::progressToJson(stored)) __builtin_trap();
  lesson::Progress merged = own;
  lesson::mergeProgress(merged, stored);
  if (stored.startedAt == own.startedAt && merged.seenCount() < own.seenCount()) __builtin_trap();
  if (merged.startedAt < own.startedAt) __builtin_trap();
  return 0;
}
