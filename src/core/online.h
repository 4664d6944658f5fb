// online.h: attention computed the FlashAttention way. Keys are visited in tiles of
// B; each query row keeps a running maximum m, a running sum l of exp(score - m) and
// a running weighted sum of values, rescaled whenever m grows. The n_q x n_k weight
// matrix is never stored, and the result equals the direct computation.
#pragma once

#include <vector>

#include "core/attention.h"

namespace core {

struct OnlineTileStep {
  int firstKey = 0;
  int keyCount = 0;
  std::vector<float> runningMax;  // m per query row after this tile (-inf while nothing seen)
  std::vector<float> runningSum;  // l per query row after this tile
  Matrix partialOutput;           // running output / l: the answer if the keys stopped here
};

struct OnlineAttention {
  Matrix output;
  std::vector<OnlineTileStep> tiles;  // filled only when asked for
};

// Single head, options.heads is ignored. Validates like attend(); tileSize must be >= 1.
Result<OnlineAttention> attendOnline(const Matrix& Q, const Matrix& K, const Matrix& V, const AttentionOptions& options,
                                     int tileSize, bool keepTileTrace);

}  // namespace core
