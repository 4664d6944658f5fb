// input_limits.h: how much text each door of the lesson takes in. Every door (setState,
// compute, share links, stored records, pastes) refuses larger input before parsing it,
// with a message that gives the limit; the page's JavaScript hands over no more than one
// byte past the limit, so a huge input never reaches the wasm heap or stack whole.
#pragma once

#include <cstddef>
#include <string>

namespace lesson {

// The largest state the lesson can hold (16 tokens and labels of 24 characters, five
// 16 x 16 matrices of the longest numbers) is under 64 KB as JSON; four times that is room.
constexpr std::size_t kMaxStateTextBytes = 256 * 1024;
// Saved progress is a few ids; a record this large is not ours.
constexpr std::size_t kMaxProgressTextBytes = 64 * 1024;
// A compute() request is parsed on the page's main thread (about 0.2 ms per KB in the
// size-optimised wasm), so 1 MB keeps even a refused request short: enough for Q, K and V
// of 256 tokens with 128 columns at full precision.
constexpr std::size_t kMaxComputeRequestBytes = 1024 * 1024;
// compute() answers on the page's main thread, so its reply (scores, weights, per-head
// matrices, output) stays under this many numbers: about 256 tokens, and fast to send.
constexpr double kMaxComputeReplyNumbers = 262144;
// A training report from the lab worker: two 16 x 16 maps and a chunk's losses are about
// 12 KB as JSON; more is not a report.
constexpr std::size_t kMaxTrainingReportBytes = 64 * 1024;
// More than the challenge's code box holds.
constexpr std::size_t kMaxPasteBytes = 64 * 1024;

// "" if `text` fits in `limit` bytes, else "<what> is larger than <limit> (N KB) ...".
std::string checkTextSize(const std::string& text, std::size_t limit, const char* what);

}  // namespace lesson
