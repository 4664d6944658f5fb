// kv_cache.h: writing the sentence one token at a time, as a decoder generates text. The keys
// and values of the tokens already written are kept (the KV cache): each new token's single
// query meets the cached keys and its own, and its key and value join the cache. Computed
// with the causal mask whatever the lesson's own mask, since a writer cannot see ahead, and
// checked against the rows of the full causal computation, which it must equal.
#pragma once

#include <cstdint>

#include "core/attention.h"
#include "lesson/model/state.h"

namespace lesson {

struct KvCacheStep {
  bool ok = false;
  int written = 0;                    // tokens written so far; the newest is row written - 1
  core::AttentionTrace newest;        // its query against the cache: each head's weights (1 x written)
  core::Matrix outputs;               // every written token's output, computed when it was written
  float largestDifference = 0;        // against the same rows of the full causal computation
  int64_t multiplyAddsWithCache = 0;  // the newest token: its scores and weighted sum (all heads)
  int64_t multiplyAddsWithout = 0;    // recomputing causal attention for all `written` tokens
  int64_t cachedNumbers = 0;          // what the cache holds: written x (width of K + width of V)
};

// The lesson written up to `written` tokens (clamped to 1 .. the token count).
KvCacheStep writeWithCache(const LessonState& state, int written);

// A published model's cache, to compare with: Llama 2 7B (Touvron et al., 2023) keeps, per
// token, 32 layers x 32 heads x 128 numbers of key and as many of value, in 16-bit numbers.
struct ModelCacheShape {
  const char* name;
  int layers, heads, headWidth, bytesPerNumber;
};
inline constexpr ModelCacheShape kLlama2_7B{"Llama 2 7B", 32, 32, 128, 2};
// Bytes a model's cache takes for `tokens` tokens: layers x heads x head width x 2 x tokens x bytes.
double cacheBytes(const ModelCacheShape& model, double tokens);

}  // namespace lesson
