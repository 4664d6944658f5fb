// positional.cpp: sinusoidal positional encoding.
#include "core/positional.h"

#include <cmath>

#include "core/limits.h"

namespace core {

Result<Matrix> sinusoidalPositions(int positions, int width) {
  if (positions < 1 || positions > kMaxTokens)
    return Result<Matrix>::failure("positions must be between 1 and " + std::to_string(kMaxTokens));
  if (width < 1 || width > kMaxDimension)
    return Result<Matrix>::failure("width must be between 1 and " + std::to_string(kMaxDimension));
  Matrix pe(positions, width);
  for (int pos = 0; pos < positions; ++pos) {
    for (int col = 0; col < width; ++col) {
      const int pairIndex = col / 2;
      const double angle = pos / std::pow(10000.0, 2.0 * pairIndex / width);
      pe.at(pos, col) = static_cast<float>(col % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  }
  return pe;
}

}  // namespace core
