// kv_cache_test.cpp: writing one token at a time with a KV cache gives exactly the rows of the
// full causal computation, in every preset under every setting the lesson offers, and counts
// its work and memory as the step says.
#include "lesson/model/kv_cache.h"

#include <doctest/doctest.h>

#include <cmath>

#include "lesson/content/presets.h"
#include "lesson/model/trace.h"

namespace {

// The causal output of `state` in float64 from its own Q, K and V, head by head, then W_O.
std::vector<double> causalReference(const lesson::LessonState& state, int row) {
  lesson::LessonState causal = state;
  causal.mask = core::Mask::causal();
  const lesson::LessonTrace trace = lesson::computeTrace(causal);
  const core::Matrix &Q = trace.attention.Q, &K = trace.attention.K, &V = trace.attention.V;
  const int h = state.heads, dk = Q.cols / h, dv = V.cols / h;
  std::vector<double> joined(static_cast<size_t>(V.cols), 0.0);
  for (int head = 0; head < h; ++head) {
    const double divisor = (state.scale ? std::sqrt(static_cast<double>(dk)) : 1.0) * state.temperature;
    std::vector<double> s(static_cast<size_t>(row + 1));
    double top = -INFINITY, sum = 0;
    for (int j = 0; j <= row; ++j) {
      double dot = 0;
      for (int c = 0; c < dk; ++c) dot += double(Q.at(row, head * dk + c)) * double(K.at(j, head * dk + c));
      s[size_t(j)] = dot / divisor;
      top = std::max(top, s[size_t(j)]);
    }
    for (double& v : s) sum += v = std::exp(v - top);
    for (int c = 0; c < dv; ++c)
      for (int j = 0; j <= row; ++j)
        joined[size_t(head * dv + c)] += s[size_t(j)] / sum * double(V.at(j, head * dv + c));
  }
  if (state.WO.empty()) return joined;
  std::vector<double> out(static_cast<size_t>(state.WO.cols), 0.0);
  for (int c = 0; c < state.WO.cols; ++c)
    for (int k = 0; k < state.WO.rows; ++k) out[size_t(c)] += joined[size_t(k)] * double(state.WO.at(k, c));
  return out;
}

}  // namespace

TEST_CASE("the KV cache writes the causal rows exactly, in every preset and setting") {
  int checked = 0;
  for (const auto& preset : lesson::presetList()) {
    lesson::LessonState base;
    REQUIRE(lesson::loadPreset(preset.id, base));
    std::vector<lesson::LessonState> variants{base};
    lesson::LessonState s = base;
    s.mask = core::Mask::slidingWindow(1);  // the lesson's own mask does not matter: a writer is causal
    variants.push_back(s);
    s = base;
    s.scale = false;
    s.temperature = 0.4f;
    variants.push_back(s);
    if (base.source == lesson::VectorSource::Projected) {
      s = base;
      s.positional = lesson::Positional::Sinusoidal;
      variants.push_back(s);
    }
    if (base.dK % 2 == 0 && lesson::valueWidth(base) % 2 == 0) {
      s = base;
      s.heads = 2;
      variants.push_back(s);
    }
    for (const auto& state : variants) {
      CAPTURE(preset.id);
      const int n = static_cast<int>(state.tokens.size());
      lesson::LessonState causal = state;
      causal.mask = core::Mask::causal();
      const lesson::LessonTrace full = lesson::computeTrace(causal);
      for (int written = 1; written <= n; ++written) {
        const lesson::KvCacheStep step = lesson::writeWithCache(state, written);
        REQUIRE(step.ok);
        CHECK(step.written == written);
        CHECK(step.outputs.rows == written);
        CHECK(step.largestDifference <= 1e-6f);
        for (int t = 0; t < written; ++t)
          for (int c = 0; c < step.outputs.cols; ++c)
            CHECK(step.outputs.at(t, c) == doctest::Approx(full.attention.output.at(t, c)).epsilon(1e-6));
        // The newest row against float64.
        const std::vector<double> reference = causalReference(state, written - 1);
        for (int c = 0; c < step.outputs.cols; ++c)
          CHECK(step.outputs.at(written - 1, c) == doctest::Approx(reference[size_t(c)]).epsilon(1e-5));
        // One query against `written` keys: its weights sum to 1 in every head.
        for (const auto& head : step.newest.heads) {
          REQUIRE(head.weights.cols == written);
          double sum = 0;
          for (float w : head.weights.values) sum += w;
          CHECK(sum == doctest::Approx(1.0).epsilon(1e-5));
        }
        const int64_t width = full.attention.K.cols + full.attention.V.cols;
        CHECK(step.multiplyAddsWithCache == written * width);
        CHECK(step.multiplyAddsWithout == int64_t(written) * (written + 1) / 2 * width);
        CHECK(step.cachedNumbers == written * width);
        ++checked;
      }
      CHECK(lesson::writeWithCache(state, 0).written == 1);  // clamped to what the sentence has
      CHECK(lesson::writeWithCache(state, n + 5).written == n);
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("a published model's cache: Llama 2 7B keeps half a megabyte per token") {
  CHECK(lesson::cacheBytes(lesson::kLlama2_7B, 1) == 524288.0);
  CHECK(lesson::cacheBytes(lesson::kLlama2_7B, 4096) == 2147483648.0);
}
