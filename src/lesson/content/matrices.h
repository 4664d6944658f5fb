// matrices.h: the matrices the tour shows, as one catalogue: each one's id, its short name (in
// widget ids, links and messages), its caption above the grid, and when the learner may edit
// it. Where a matrix's numbers live is the state's and the trace's business (edits.h, trace.h).
#pragma once

namespace lesson {

// Output is the attention output (heads side by side); Mixed is that output times W_O.
enum class MatrixId {
  X,
  WQ,
  WK,
  WV,
  Q,
  K,
  V,
  Scores,
  Scaled,
  Masked,
  Weights,
  Output,
  WO,
  Mixed,
  SourceX,
  TargetX,
  CrossWeights
};  // the last three: the cross-attention example
constexpr int kMatrixCount = static_cast<int>(MatrixId::CrossWeights) + 1;

// When a matrix takes edits: never (it is computed), while Q, K and V are projected from X
// (the embeddings and projections), or always (editing a projected Q, K or V switches to
// vectors given directly).
enum class Editable { Never, WhenProjected, Always };

struct MatrixRecord {
  MatrixId id;
  const char* name;     // "X", "WQ", ..., "weights"
  const char* caption;  // "X  embeddings", "attention weights", ...
  Editable editable;
};

const MatrixRecord& matrixRecord(MatrixId id);
const char* matrixName(MatrixId id);  // matrixRecord(id).name

}  // namespace lesson
