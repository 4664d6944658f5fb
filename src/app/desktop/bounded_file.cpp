// bounded_file.cpp: POSIX file reads with a size cap and writes with every step checked.
#include "app/desktop/bounded_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace app {

namespace {

std::string errorText(int code) { return std::strerror(code); }

const char* kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

std::string sizeText(size_t bytes) {
  constexpr size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  return std::to_string(bytes) + " bytes";
}

// Owns a descriptor opened for reading; a failed close loses nothing there.
struct ReadDescriptor {
  int fd;
  ~ReadDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads until end of file, but never more than limit bytes; returns "" or why not.
std::string readUpTo(int fd, size_t limit, std::string& out) {
  char chunk[64 * 1024];
  while (out.size() < limit) {
    const size_t want = std::min(sizeof chunk, limit - out.size());
    const ssize_t got = ::read(fd, chunk, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errorText(errno);
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
  }
  return {};
}

// write(2) may write less than asked (or be interrupted): loop until all is out.
std::string writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) return errorText(errno);
    if (wrote == 0) return "nothing could be written";
    bytes.remove_prefix(static_cast<size_t>(wrote));
  }
  return {};
}

// The close is checked too: some file systems report a failed write only there.
std::string finishWrite(int fd, std::string error) {
  if (::close(fd) != 0 && error.empty()) error = errorText(errno);
  return error;
}

std::string writeInPlace(const std::string& path, std::string_view bytes) {
  // Non-blocking open so a FIFO nobody reads is an error instead of a wait forever.
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errorText(errno);
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) return finishWrite(fd, errorText(errno));
  return finishWrite(fd, writeAll(fd, bytes));
}

std::string writeThroughTemporary(const std::string& path, std::string_view bytes, const struct stat* old) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  ::unlink(temporary.c_str());  // a leftover of a crashed run; O_EXCL below then never follows a link
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
  if (fd < 0) return errorText(errno);
  if (old) (void)::fchmod(fd, old->st_mode & 07777);  // keep the replaced file's permissions
  std::string error = writeAll(fd, bytes);
  if (error.empty() && ::fsync(fd) != 0) error = errorText(errno);
  error = finishWrite(fd, error);
  if (error.empty() && ::rename(temporary.c_str(), path.c_str()) != 0) error = errorText(errno);
  if (!error.empty()) ::unlink(temporary.c_str());
  return error;
}

}  // namespace

FileRead readBoundedFile(const std::string& path, size_t maxBytes) {
  FileRead result;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    result.status = errno == ENOENT ? FileRead::Status::missing : FileRead::Status::failed;
    result.reason = errorText(errno);
    return result;
  }
  const ReadDescriptor descriptor{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.reason = errorText(errno);
    return result;
  }
  if (!S_ISREG(info.st_mode)) {
    result.reason = std::string("it is ") + kindOf(info.st_mode) + ", not a regular file";
    return result;
  }
  const std::string tooLarge = "it is larger than " + sizeText(maxBytes);
  if (static_cast<unsigned long long>(info.st_size) > maxBytes) {
    result.reason = tooLarge;
    return result;
  }
  // One byte more than allowed: a file that grew since fstat is still caught.
  result.reason = readUpTo(fd, maxBytes + 1, result.text);
  if (result.reason.empty() && result.text.size() > maxBytes) result.reason = tooLarge;
  if (!result.reason.empty()) {
    result.text.clear();
    return result;
  }
  result.status = FileRead::Status::ok;
  return result;
}

std::string writeWholeFile(const std::string& path, std::string_view bytes) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return writeThroughTemporary(path, bytes, nullptr);
  if (S_ISDIR(info.st_mode)) return "it is a directory";
  if (!S_ISREG(info.st_mode)) return writeInPlace(path, bytes);
  // Through a symlink, replace the file it names rather than the link itself.
  char real[PATH_MAX];
  return writeThroughTemporary(::realpath(path.c_str(), real) ? std::string(real) : path, bytes, &info);
}

}  // namespace app
