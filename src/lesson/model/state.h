// state.h: the lesson state, the single source of truth. Views read the trace computed
// from it; every edit changes the state and the trace is recomputed (it is tiny).
#pragma once

#include <string>
#include <vector>

#include "core/mask.h"
#include "core/matrix.h"
#include "lesson/model/cross_attention.h"

namespace lesson {

constexpr int kStateVersion = 1;
constexpr int kMinTokens = 1;
constexpr int kMaxTokens = 16;
constexpr int kMinWidth = 1;
constexpr int kMaxWidth = 16;
constexpr float kMaxEditableValue = 1000.0f;  // a typed or dragged entry stays within +-1000
constexpr float kMinTemperature = 0.05f;      // the lesson's range; the core takes 1e-6..1e6
constexpr float kMaxTemperature = 20.0f;

// "between 1 and 16", "-1000..1000": messages give the limits from these constants.
std::string rangeText(double low, double high);

// Positions added to the embeddings before the projections: none (attention then ignores
// order) or the sinusoidal encoding of the 2017 Transformer.
enum class Positional { None, Sinusoidal };

enum class VectorSource {
  Projected,  // Q = X W_Q, K = X W_K, V = X W_V
  Direct,     // Q, K, V given as they are (the three-token example)
};

struct LessonState {
  int step = 0;
  std::string presetId = "three-tokens";
  std::vector<std::string> tokens;
  std::vector<std::string> dimensionLabels;  // names of the embedding dimensions, may be empty
  int dModel = 4;
  int dK = 4;
  int heads = 1;
  bool scale = true;
  float temperature = 1.0f;
  core::Mask mask;  // none, causal, or window:W(+global:G) in the lesson
  Positional positional = Positional::None;
  int tileSize = 2;     // keys per tile in the FlashAttention step, 1..kMaxTokens
  int selected = 0;     // selected query row
  int selectedKey = 0;  // selected key column for the formula panel
  VectorSource source = VectorSource::Direct;
  core::Matrix X, WQ, WK, WV;  // used when source == Projected
  core::Matrix Q, K, V;        // used when source == Direct
  core::Matrix WO;             // mixes the joined head outputs, d_v x d_v; the identity until edited
  CrossExample cross;          // the cross-attention step's two sentences, apart from the lesson's own
  std::string notice;          // last user-facing message
};

// Same lesson, field by field (the one door skips changes that change nothing).
bool operator==(const LessonState& a, const LessonState& b);

// Checks that every matrix matches tokens, dModel and dK and that values are finite and
// in range. Returns an empty string when the state is valid.
std::string validateState(const LessonState& state);

// "" when m is rows x cols with every value finite and within the lesson's range; otherwise
// what is wrong, naming the matrix ("X must be 3 x 4 but is 2 x 4").
std::string checkShape(const core::Matrix& m, const char* name, int rows, int cols);

// Width of the value vectors (and so of the output): d_k when projected, V's columns when direct.
int valueWidth(const LessonState& state);

// Gives W_O the shape d_v x d_v after d_v changed, keeping the entries that still fit and
// putting the identity's ones on new diagonal entries. A matching W_O is left alone.
void fitOutputMixing(LessonState& state);

// Keeps selection and step inside their ranges after an edit.
void clampSelection(LessonState& state);

}  // namespace lesson
