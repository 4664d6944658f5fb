// positional.cpp: sinusoidal positional encoding.
#include "core/positional.h"

#include <cmath>

#include "core/limits.h"

namespace core {

namespace {
constexpr double kTurn = 6.283185307179586;  // 2 pi
}  // namespace

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
      // Brought within half a turn of 0 in double, then the float sine: exact to a float's
      // precision, and the page carries one sine (Dear ImGui's float one), not two.
      const auto reduced = static_cast<float>(angle - kTurn * std::floor(angle / kTurn + 0.5));
      pe.at(pos, col) = col % 2 == 0 ? std::sin(reduced) : std::cos(reduced);
    }
  }
  return pe;
}

}  // namespace core
