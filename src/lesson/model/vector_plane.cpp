// vector_plane.cpp: the dimensions a plane of arrows shows by default, and its partial dot product.
#include "lesson/model/vector_plane.h"

#include <cmath>

#include "lesson/model/dimension_names.h"

namespace lesson {

namespace {

// The weight of key j for the query, in the head that owns column d of a width-`width` matrix.
float ownerWeight(const LessonTrace& trace, int query, int key, int column, int width) {
  const auto& heads = trace.attention.heads;
  const int perHead = width / static_cast<int>(heads.size());
  const auto& head = heads[static_cast<size_t>(perHead > 0 ? column / perHead : 0)];
  return head.weights.at(query, key);
}

// The two columns with the largest importance, lower-numbered first.
PlaneAxes twoLargest(const std::vector<float>& importance) {
  PlaneAxes axes{0, 0};
  if (importance.size() < 2) return axes;
  int best = 0, second = 1;
  if (importance[1] > importance[0]) best = 1, second = 0;
  for (int d = 2; d < static_cast<int>(importance.size()); ++d) {
    if (importance[static_cast<size_t>(d)] > importance[static_cast<size_t>(best)])
      second = best, best = d;
    else if (importance[static_cast<size_t>(d)] > importance[static_cast<size_t>(second)])
      second = d;
  }
  return {std::min(best, second), std::max(best, second)};
}

}  // namespace

PlaneAxes scoreAxes(const LessonTrace& trace, int query) {
  const core::Matrix& Q = trace.attention.Q;
  const core::Matrix& K = trace.attention.K;
  if (!trace.ok || query < 0 || query >= Q.rows) return {};
  std::vector<float> importance(static_cast<size_t>(Q.cols), 0.0f);
  for (int d = 0; d < Q.cols; ++d)
    for (int j = 0; j < K.rows; ++j)
      importance[static_cast<size_t>(d)] +=
          std::fabs(Q.at(query, d)) * ownerWeight(trace, query, j, d, Q.cols) * std::fabs(K.at(j, d));
  return twoLargest(importance);
}

PlaneAxes valueAxes(const LessonTrace& trace, int query) {
  const core::Matrix& V = trace.attention.V;
  if (!trace.ok || query < 0 || query >= V.rows) return {};
  std::vector<float> importance(static_cast<size_t>(V.cols), 0.0f);
  for (int d = 0; d < V.cols; ++d)
    for (int j = 0; j < V.rows; ++j)
      importance[static_cast<size_t>(d)] += ownerWeight(trace, query, j, d, V.cols) * std::fabs(V.at(j, d));
  return twoLargest(importance);
}

std::vector<std::string> keyColumnNames(const LessonState& state, const LessonTrace& trace) {
  return projectedColumnNames(state, state.WK, trace.attention.K.cols);
}

float planeDot(const core::Matrix& queries, int query, const core::Matrix& keys, int key, PlaneAxes axes) {
  const float alongX = queries.at(query, axes.x) * keys.at(key, axes.x);
  if (axes.y == axes.x) return alongX;
  return alongX + queries.at(query, axes.y) * keys.at(key, axes.y);
}

}  // namespace lesson
