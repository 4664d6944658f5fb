// limits.h: the documented size limits of the core. Past these, validation refuses
// the input with a message instead of trying to allocate a huge matrix.
#pragma once

namespace core {

constexpr int kMaxTokens = 4096;     // rows of Q, K, V
constexpr int kMaxDimension = 1024;  // columns of Q, K, V and of any projection
constexpr int kMaxHeads = 64;
constexpr double kMaxScoreCells = 16.0 * 1024 * 1024;  // n_q * n_k
// Entries beyond +-1e6 are refused: with d <= 1024 and temperature >= 1e-6 every
// score then stays below 1e21, far inside float range, so no score overflows to inf.
constexpr float kMaxAbsEntry = 1e6f;
constexpr float kMinTemperature = 1e-6f;
constexpr float kMaxTemperature = 1e6f;

}  // namespace core
