// compute_fuzz.cpp: libFuzzer target for the compute() JSON entry point.
#include <cstddef>
#include <cstdint>
#include <string>

#include "lesson/io/compute_api.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string reply = lesson::computeText(std::string(reinterpret_cast<const char*>(data), size));
  if (reply.empty()) __builtin_trap();  // every request gets an answer or an error
  return 0;
}
