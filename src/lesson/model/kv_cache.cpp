// kv_cache.cpp: the KV cache step's numbers. Each token written is one call of the core on a
// one-row Q (the new token's query) and the cache's rows of K and V, with no mask: the cache
// holds exactly the keys a causal mask would leave it. The full causal trace is computed once
// beside it, for the check.
#include "lesson/model/kv_cache.h"

#include <algorithm>

#include "lesson/model/trace.h"

namespace lesson {

namespace {

core::Matrix firstRows(const core::Matrix& m, int first, int count) {
  core::Matrix rows(count, m.cols);
  std::copy(m.rowData(first), m.rowData(first) + static_cast<size_t>(count) * static_cast<size_t>(m.cols),
            rows.values.begin());
  return rows;
}

}  // namespace

KvCacheStep writeWithCache(const LessonState& state, int written) {
  KvCacheStep step;
  LessonState causal = state;
  causal.mask = core::Mask::causal();
  const LessonTrace full = computeTrace(causal);
  if (!full.ok) return step;
  const core::Matrix& Q = full.attention.Q;
  const core::Matrix& K = full.attention.K;
  const core::Matrix& V = full.attention.V;
  step.written = std::clamp(written, 1, Q.rows);
  core::AttentionOptions options;
  options.scale = state.scale;
  options.temperature = state.temperature;
  options.heads = state.heads;
  options.outputProjection = state.WO;
  step.outputs = core::Matrix(step.written, full.attention.output.cols);
  for (int t = 0; t < step.written; ++t) {
    auto result = core::attend(firstRows(Q, t, 1), firstRows(K, 0, t + 1), firstRows(V, 0, t + 1), options);
    if (!result.ok()) return step;
    std::copy(result.value().output.values.begin(), result.value().output.values.end(), step.outputs.rowData(t));
    if (t == step.written - 1) step.newest = std::move(result.value());
  }
  step.largestDifference = core::largestDifference(step.outputs, firstRows(full.attention.output, 0, step.written));
  const int64_t n = step.written, width = K.cols + V.cols;
  step.multiplyAddsWithCache = n * width;
  step.multiplyAddsWithout = n * (n + 1) / 2 * width;
  step.cachedNumbers = n * width;
  step.ok = true;
  return step;
}

double cacheBytes(const ModelCacheShape& model, double tokens) {
  return static_cast<double>(model.layers) * model.heads * model.headWidth * 2.0 * tokens * model.bytesPerNumber;
}

}  // namespace lesson
