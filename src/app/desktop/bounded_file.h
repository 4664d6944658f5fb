// bounded_file.h: how the desktop program reads and writes the files it is pointed at.
// A read refuses anything but a small regular file before reading a byte (a FIFO, a
// device or a huge file is a message, never a hang), and a write checks every step, so a
// full disk is a message, never a half-written file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace app {

// Lesson states and progress records are a few KB; a file past this is not one of them.
constexpr size_t kMaxJsonFileBytes = 4 * 1024 * 1024;

struct FileRead {
  enum class Status { ok, missing, failed };
  Status status = Status::failed;
  std::string text;    // the whole file when ok
  std::string reason;  // when not ok, e.g. "it is a directory, not a regular file"
};

// Reads a regular file of at most maxBytes; opening never waits (a FIFO without a writer
// is refused, not waited for).
FileRead readBoundedFile(const std::string& path, size_t maxBytes);

// Writes bytes as the whole content of path; returns "" or why not. A regular file (or a
// new one) is written to a temporary file next to it and renamed over it only when every
// write, the flush to disk and the close succeeded, so the old content survives a failure.
// Anything else that already exists (a device such as /dev/stdout) is written in place.
std::string writeWholeFile(const std::string& path, std::string_view bytes);

}  // namespace app
