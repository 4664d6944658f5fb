// matrices.cpp: the catalogue of the tour's matrices.
#include "lesson/content/matrices.h"

namespace lesson {

namespace {

using M = MatrixId;
using E = Editable;

// In MatrixId's order (checked by the tests).
const MatrixRecord kMatrices[] = {
    {M::X, "X", "X  embeddings", E::WhenProjected},
    {M::WQ, "WQ", "W_Q  query projection", E::WhenProjected},
    {M::WK, "WK", "W_K  key projection", E::WhenProjected},
    {M::WV, "WV", "W_V  value projection", E::WhenProjected},
    {M::Q, "Q", "Q  queries", E::Always},
    {M::K, "K", "K  keys", E::Always},
    {M::V, "V", "V  values", E::Always},
    {M::Scores, "scores", "S = Q K\xE1\xB5\x80  raw scores", E::Never},
    {M::Scaled, "scaled", "S'  scaled scores", E::Never},
    {M::Masked, "masked", "masked scores", E::Never},
    {M::Weights, "weights", "attention weights", E::Never},
    {M::Output, "output", "output", E::Never},
    {M::WO, "WO", "W_O  output mixing", E::Always},
    {M::Mixed, "mixed", "output \xC2\xB7 W_O  mixed output", E::Never},
    {M::SourceX, "Xsrc", "X_src  the source sentence's word vectors", E::Always},
    {M::TargetX, "Xtgt", "X_tgt  the written sentence's word vectors", E::Always},
    {M::CrossWeights, "crossWeights", "cross-attention weights", E::Never},
};

static_assert(sizeof kMatrices / sizeof kMatrices[0] == kMatrixCount, "one record per MatrixId");

}  // namespace

const MatrixRecord& matrixRecord(MatrixId id) { return kMatrices[static_cast<int>(id)]; }

const char* matrixName(MatrixId id) { return matrixRecord(id).name; }

}  // namespace lesson
