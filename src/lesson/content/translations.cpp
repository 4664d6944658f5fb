// translations.cpp: the sentence pairs of the cross-attention step, as data. The word vectors
// live in one space of meanings shared by both languages (their dimension labels); W_Q and W_K
// are 3 times the identity, so a written word's query scores high on the source words that
// share its meanings, and W_V is the identity, so each written word's output is the meaning it
// read. A verb made of two words ("est assis", "habe ... gesehen") splits its meaning between
// them: the auxiliary carries the tense, the participle the action, and the English verb reads both.
#include "lesson/content/translations.h"

namespace lesson {

namespace {

constexpr int kSource = 5, kTarget = 4, kDims = 5;  // both pairs have these sizes

struct PairData {
  const char* source[kSource];
  const char* target[kTarget];
  const char* dimensions[kDims];
  float sourceX[kSource * kDims];
  float targetX[kTarget * kDims];
};

// In translationPairs()'s order.
const PairData kPairs[] = {
    // The adjective moves: "chat noir" is written "black cat", so the lines of black and cat cross.
    {{"le", "chat", "noir", "est", "assis"},
     {"the", "black", "cat", "sat"},
     {"article", "cat", "black", "sitting", "past"},
     {1, 0, 0, 0, 0, 0, 1, 0.2f, 0, 0, 0, 0.2f, 1, 0, 0, 0, 0, 0, 0.1f, 1, 0, 0, 0, 1, 0.15f},
     {1, 0, 0, 0, 0, 0, 0.1f, 1, 0, 0, 0, 1, 0.1f, 0, 0, 0, 0, 0, 1, 1}},
    // The verb's two halves sit apart in German: "saw" reads "habe" and "gesehen" across "die Katze".
    {{"ich", "habe", "die", "Katze", "gesehen"},
     {"I", "saw", "the", "cat"},
     {"speaker", "article", "cat", "seeing", "past"},
     {1, 0, 0, 0, 0, 0.2f, 0, 0, 0.1f, 1, 0, 1, 0, 0, 0, 0, 0.1f, 1, 0, 0, 0, 0, 0, 1, 0.2f},
     {1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0}},
};

core::Matrix fromValues(int rows, int cols, const float* values) {
  core::Matrix m(rows, cols);
  m.values.assign(values, values + rows * cols);
  return m;
}

}  // namespace

const std::vector<TranslationPair>& translationPairs() {
  static const std::vector<TranslationPair> pairs = {
      {"le-chat-noir", "French \xE2\x86\x92 English"},
      {"ich-habe", "German \xE2\x86\x92 English"},
  };
  return pairs;
}

bool loadTranslation(std::string_view id, CrossExample& out) {
  const auto& pairs = translationPairs();
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (pairs[k].id != id) continue;
    const PairData& data = kPairs[k];
    CrossExample c;
    c.pairId = std::string(id);
    c.source.assign(data.source, data.source + kSource);
    c.target.assign(data.target, data.target + kTarget);
    c.dimensionLabels.assign(data.dimensions, data.dimensions + kDims);
    c.sourceX = fromValues(kSource, kDims, data.sourceX);
    c.targetX = fromValues(kTarget, kDims, data.targetX);
    c.WQ = core::Matrix(kDims, kDims);
    c.WK = c.WQ;
    c.WV = c.WQ;
    for (int d = 0; d < kDims; ++d) {
      c.WQ.at(d, d) = 3;
      c.WK.at(d, d) = 3;
      c.WV.at(d, d) = 1;
    }
    out = std::move(c);
    return true;
  }
  return false;
}

}  // namespace lesson
