// presets.cpp: the lesson's example sentences and their hand-chosen vectors.
#include "lesson/content/presets.h"

#include <cmath>

#include "core/random_stream.h"
#include "lesson/content/translations.h"

namespace lesson {

namespace {

using core::Matrix;

LessonState threeTokens() {
  LessonState s;
  s.tokens = {"t1", "t2", "t3"};
  s.dModel = 4;
  s.dK = 4;
  s.source = VectorSource::Direct;
  s.Q = Matrix::fromRows({{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}});
  s.K = s.Q;
  s.V = Matrix::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
  return s;
}

LessonState catOnMat() {
  LessonState s;
  s.tokens = {"The", "cat", "sat", "on", "the", "mat"};
  s.dimensionLabels = {"animal", "object", "action", "grammar"};
  s.dModel = 4;
  s.dK = 4;
  s.source = VectorSource::Projected;
  s.X = Matrix::fromRows(
      {{0, 0, 0, 1}, {1, 0.1f, 0.2f, 0}, {0.2f, 0, 1, 0.1f}, {0, 0.3f, 0.2f, 0.8f}, {0, 0, 0, 1}, {0, 1, 0, 0.1f}});
  // Actions look for the animal doing them and the object they happen on; nouns look for actions.
  s.WQ = Matrix::fromRows({{0, 0, 1.5f, 0}, {0, 0, 1, 0}, {1.5f, 1.2f, 0, 0}, {0, 0, 0, 0.5f}});
  s.WK = Matrix::fromRows({{1.5f, 0, 0, 0}, {0, 1.5f, 0, 0}, {0, 0, 1.5f, 0}, {0, 0, 0, 0.5f}});
  s.WV = Matrix::fromRows({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
  s.selected = 2;
  return s;
}

// The two "bank" sentences share embeddings and projections: "bank" is half nature, half
// money, and its query asks for both, so whichever of the two its neighbours supply wins.
void bankProjections(LessonState& s) {
  s.dimensionLabels = {"nature", "money", "motion", "grammar"};
  s.dModel = 4;
  s.dK = 4;
  s.source = VectorSource::Projected;
  s.WQ = Matrix::fromRows({{2.5f, 2.5f, 0, 0}, {2.5f, 2.5f, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
  s.WK = Matrix::fromRows({{2, 0, 0, 0}, {0, 2, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0.5f}});
  s.WV = Matrix::fromRows({{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});
}

// The two bank sentences share their projections (bankProjections); their words and embeddings
// are data of their own, alike in shape only.
LessonState bankRiver() {
  LessonState s;
  s.tokens = {"The", "bank", "by", "the", "river", "was", "steep"};
  bankProjections(s);
  s.X = Matrix::fromRows({{0, 0, 0, 1},
                          {0.35f, 0.35f, 0, 0.1f},
                          {0.1f, 0, 0, 0.9f},
                          {0, 0, 0, 1},
                          {1, 0, 0.2f, 0},
                          {0, 0, 0.3f, 0.8f},
                          {0.6f, 0, 0.1f, 0.2f}});
  s.selected = 1;
  s.selectedKey = 4;
  return s;
}

LessonState bankMoney() {
  LessonState s;
  s.tokens = {"I", "went", "to", "the", "bank", "to", "deposit", "money"};
  bankProjections(s);
  s.X = Matrix::fromRows({{0, 0, 0.2f, 0.8f},
                          {0, 0, 1, 0.2f},
                          {0, 0, 0.2f, 0.9f},
                          {0, 0, 0, 1},
                          {0.35f, 0.35f, 0, 0.1f},
                          {0, 0, 0.2f, 0.9f},
                          {0, 0.8f, 0.6f, 0},
                          {0, 1, 0, 0}});
  s.selected = 4;
  s.selectedKey = 7;
  return s;
}

// Two heads that attend to different things. The embedding holds the cat-and-mat meanings
// (animal, object, action, grammar) and the word's place in the sentence as a point on a circle
// (45 degrees a word). Head 1 reads only the meanings, with the cat-and-mat projections. Head 2
// reads only the places: its query turns a word's point back by one word, so it best matches
// the key of the word just before. Both heads pass the words' meanings on as values.
LessonState twoHeads() {
  LessonState s = catOnMat();
  s.dimensionLabels = {"animal", "object", "action", "grammar", "place x", "place y"};
  s.dModel = 6;
  s.dK = 8;
  s.heads = 2;
  const Matrix meaning = s.X;
  s.X = Matrix(6, 6);
  for (int p = 0; p < 6; ++p) {
    for (int c = 0; c < 4; ++c) s.X.at(p, c) = meaning.at(p, c);
    const float angle = 0.7853982f * static_cast<float>(p);
    s.X.at(p, 4) = std::round(std::cos(angle) * 100.0f) / 100.0f;
    s.X.at(p, 5) = std::round(std::sin(angle) * 100.0f) / 100.0f;
  }
  const Matrix meaningQ = s.WQ, meaningK = s.WK;
  s.WQ = Matrix(6, 8);
  s.WK = Matrix(6, 8);
  s.WV = Matrix(6, 8);
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) {
      s.WQ.at(r, c) = meaningQ.at(r, c);
      s.WK.at(r, c) = meaningK.at(r, c);
    }
  // Head 2 (columns 4 to 7): a query is the word's place turned back 45 degrees, times 4.
  s.WQ.at(4, 4) = 2.83f, s.WQ.at(4, 5) = -2.83f, s.WQ.at(5, 4) = 2.83f, s.WQ.at(5, 5) = 2.83f;
  s.WK.at(4, 4) = 4.0f, s.WK.at(5, 5) = 4.0f;
  for (int c = 0; c < 4; ++c) s.WV.at(c, c) = s.WV.at(c, c + 4) = 1.0f;  // meanings, once per head
  s.selected = 2;
  return s;
}

// Hundredths from -1 to 1, from the core's one generator (the same on every platform).
void fillRandom(Matrix& m, uint64_t& generator) {
  for (float& v : m.values) {
    const int hundredths = core::randomBelow(generator, 201) - 100;
    v = static_cast<float>(hundredths) / 100.0f;
  }
}

}  // namespace

const std::vector<PresetInfo>& presetList() {
  static const std::vector<PresetInfo> presets = {
      {"three-tokens", "Three tokens (hand-checkable)", threeTokens},
      {"cat-mat", "The cat sat on the mat", catOnMat},
      {"bank-river", "The bank by the river was steep", bankRiver},
      {"bank-money", "I went to the bank to deposit money", bankMoney},
      {"two-heads", "Two heads: meaning and word order", twoHeads},
  };
  return presets;
}

bool loadPreset(const std::string& id, LessonState& out) {
  for (const auto& preset : presetList()) {
    if (preset.id != id) continue;
    out = preset.make();
    out.presetId = preset.id;
    loadTranslation(kDefaultTranslation, out.cross);
    fitOutputMixing(out);
    return true;
  }
  return false;
}

LessonState defaultState() {
  LessonState s;
  loadPreset(kDefaultPreset, s);
  return s;
}

void randomiseVectors(LessonState& s, uint32_t seed) {
  uint64_t generator = seed;
  if (s.source == VectorSource::Projected) {
    for (Matrix* m : {&s.X, &s.WQ, &s.WK, &s.WV}) fillRandom(*m, generator);
  } else {
    for (Matrix* m : {&s.Q, &s.K, &s.V}) fillRandom(*m, generator);
  }
  s.presetId = "random";
}

}  // namespace lesson
