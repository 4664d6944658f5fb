// cross_attention.h: attention between two sentences, as in translation. The queries come from
// the sentence being written (the target), the keys and values from the sentence read (the
// source); the formula is self-attention's, and the weights form an n_target x n_source
// alignment. The example is part of the lesson state, beside the lesson's own sentence: the
// learner edits its word vectors like any other matrix and a share link carries them.
#pragma once

#include <string>
#include <vector>

#include "core/attention.h"
#include "core/matrix.h"

namespace lesson {

struct CrossExample {
  std::string pairId;                        // the translation it was loaded from (translations.h)
  std::vector<std::string> source, target;   // the sentence read and the sentence being written
  std::vector<std::string> dimensionLabels;  // names of the word vectors' dimensions, one per column
  core::Matrix sourceX, targetX;             // the words' vectors: n_source x d and n_target x d
  core::Matrix WQ, WK, WV;                   // Q = targetX WQ, K = sourceX WK (both d x d_k), V = sourceX WV (d x d_v)
  bool empty() const { return source.empty(); }
};

bool operator==(const CrossExample& a, const CrossExample& b);

// "" when the example holds together (sentence lengths, names, shapes, values in the lesson's
// range), or what is wrong, naming the field. An empty example is valid: there is none.
std::string validateCross(const CrossExample& cross);

struct CrossTrace {
  bool ok = false;
  std::string error;
  core::Matrix sourceX, targetX;  // as given, for the views
  core::AttentionTrace
      attention;  // one head: Q (n_target x d_k), K (n_source x d_k), V (n_source x d_v), weights, output
  const core::Matrix& weights() const { return attention.heads.front().weights; }
};

// The same core as the lesson's own attention, with the lesson's scale and temperature, one
// head and no mask (the whole source is read while writing every word).
CrossTrace computeCross(const CrossExample& cross, bool scale, float temperature);

// Weights closer than this are equal as the page shows them (two decimals): neither leads.
constexpr float kWeightTie = 0.005f;
// For each written word, the source word it gives the most weight, or -1 when another source
// word's weight is within kWeightTie of it (no single strongest word).
std::vector<int> strongestSource(const core::Matrix& weights);
// How many pairs of written words, each with a single strongest source word, read those words
// in the opposite order: the crossings of the alignment's strongest lines.
int crossings(const std::vector<int>& strongest);

// What the alignment shows, in words computed from the weights: the strongest lines, the
// written words with none, how many of those lines cross, and written word `picked`'s two
// largest weights. The step's paragraph and its narration for a screen reader.
std::string describeAlignment(const CrossExample& cross, const core::Matrix& weights, int picked);
// The written word whose largest weight is smallest: the one that reads most widely (in both
// pairs, the verb that reads two source words). The word the step picks out until the learner does.
int widestReader(const core::Matrix& weights);

}  // namespace lesson
