// positional.h: the sinusoidal positional encoding of the original Transformer.
// Attention by itself ignores order; adding these rows to the embeddings gives each
// position a distinct, smoothly varying signature.
#pragma once

#include "core/matrix.h"
#include "core/result.h"

namespace core {

// PE[pos][2i] = sin(pos / 10000^(2i/d)), PE[pos][2i+1] = cos(pos / 10000^(2i/d)).
Result<Matrix> sinusoidalPositions(int positions, int width);

}  // namespace core
