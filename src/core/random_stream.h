// random_stream.h: SplitMix64, a tiny generator whose output is the same on every platform
// (the standard library's distributions are not specified to agree between
// implementations, and a training run must give the same result for the same seed).
#pragma once

#include <cstdint>

namespace core {

inline uint64_t nextRandom(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Uniform in [0, 1), 53 random bits.
inline double uniformRandom(uint64_t& state) {
  return static_cast<double>(nextRandom(state) >> 11) * (1.0 / 9007199254740992.0);
}

// Uniform over 0 .. count-1 (count small: the bias of a 64-bit modulus is negligible).
inline int randomBelow(uint64_t& state, int count) {
  return static_cast<int>(nextRandom(state) % static_cast<uint64_t>(count));
}

}  // namespace core
