// share_link_fuzz.cpp: libFuzzer target for the share-link decoder.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lesson/content/presets.h"
#include "lesson/io/share_link.h"
#include "lesson/model/trace.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const lesson::LessonState base = lesson::defaultState();
  lesson::LessonState out = base;
  // Fuzz both the raw fragment and a well-formed prefix around fuzzed JSON.
  for (const std::string& fragment : {text, "s=1." + lesson::base64UrlEncode(text)}) {
    const std::string error = lesson::decodeShareFragment(fragment, base, out);
    if (error.empty() && !lesson::computeTrace(out).ok) __builtin_trap();
  }
  return 0;
}
