// dimension_names.cpp: embedding dimension names carried through a projection, or numbers.
#include "lesson/model/dimension_names.h"

namespace lesson {

bool projectionKeepsNames(const LessonState& state, const core::Matrix& projection) {
  // Vectors edited directly keep the names of the space they were made in (X and the W are
  // kept for "use the embeddings and projections again").
  if (state.dimensionLabels.empty()) return false;
  if (projection.rows != state.dModel || projection.cols != state.dModel) return false;
  for (int r = 0; r < projection.rows; ++r)
    for (int c = 0; c < projection.cols; ++c)
      if (r != c && projection.at(r, c) != 0.0f) return false;
  return true;
}

std::vector<std::string> projectedColumnNames(const LessonState& state, const core::Matrix& projection, int count) {
  const bool named = projectionKeepsNames(state, projection);
  std::vector<std::string> names;
  for (int c = 0; c < count; ++c)
    names.push_back(named && c < static_cast<int>(state.dimensionLabels.size())
                        ? state.dimensionLabels[static_cast<size_t>(c)]
                        : "dim " + std::to_string(c + 1));
  return names;
}

}  // namespace lesson
