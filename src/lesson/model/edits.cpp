// edits.cpp: learner edits, each validated before it touches the state.
#include "lesson/model/edits.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "lesson/content/presets.h"
#include "lesson/content/translations.h"
#include "lesson/model/text_rules.h"

namespace lesson {

namespace {

core::Matrix resized(const core::Matrix& m, int rows, int cols) {
  core::Matrix out(rows, cols);
  for (int i = 0; i < rows && i < m.rows; ++i)
    for (int j = 0; j < cols && j < m.cols; ++j) out.at(i, j) = m.at(i, j);
  return out;
}

core::Matrix identityLike(int rows, int cols) {
  core::Matrix out(rows, cols);
  for (int i = 0; i < rows && i < cols; ++i) out.at(i, i) = 1.0f;
  return out;
}

// Applies `change` to a copy and keeps it only if the result is a valid state.
template <typename Change>
std::string applyChecked(LessonState& state, Change change) {
  LessonState candidate = state;
  const std::string refused = change(candidate);
  if (!refused.empty()) return refused;
  fitOutputMixing(candidate);
  const std::string invalid = validateState(candidate);
  if (!invalid.empty()) return invalid;
  clampSelection(candidate);
  candidate.notice.clear();
  state = std::move(candidate);
  return {};
}

void resizeRows(LessonState& s, int rows) {
  for (core::Matrix* m : {&s.X, &s.Q, &s.K, &s.V})
    if (!m->empty()) *m = resized(*m, rows, m->cols);
}

std::string checkToken(const std::string& token) { return checkName(token, "a token"); }

}  // namespace

bool isEditable(const LessonState& state, MatrixId id) {
  switch (matrixRecord(id).editable) {
    case Editable::WhenProjected:
      return state.source == VectorSource::Projected;
    case Editable::Always:
      return true;
    case Editable::Never:
      return false;
  }
  return false;
}

core::Matrix* editableMatrix(LessonState& s, MatrixId id) {
  switch (id) {
    case MatrixId::X:
      return &s.X;
    case MatrixId::WQ:
      return &s.WQ;
    case MatrixId::WK:
      return &s.WK;
    case MatrixId::WV:
      return &s.WV;
    case MatrixId::Q:
      return &s.Q;
    case MatrixId::K:
      return &s.K;
    case MatrixId::V:
      return &s.V;
    case MatrixId::SourceX:
      return &s.cross.sourceX;
    case MatrixId::TargetX:
      return &s.cross.targetX;
    case MatrixId::WO:
      return &s.WO;
    default:
      return nullptr;
  }
}

std::string parseEntryText(const std::string& text, float& value) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "type a number";
  const size_t last = text.find_last_not_of(" \t");
  const std::string trimmed = text.substr(first, last - first + 1);
  if (trimmed.find_first_not_of("0123456789+-.eE") != std::string::npos) return "\"" + trimmed + "\" is not a number";
  errno = 0;
  char* end = nullptr;
  const double parsed = std::strtod(trimmed.c_str(), &end);
  if (end != trimmed.c_str() + trimmed.size() || errno == ERANGE || !std::isfinite(parsed))
    return "\"" + trimmed + "\" is not a number";
  if (std::fabs(parsed) > kMaxEditableValue)
    return "values must be " + rangeText(-kMaxEditableValue, kMaxEditableValue);
  value = static_cast<float>(parsed);
  return {};
}

namespace {

// Editing Q, K or V gives them directly, which cannot hold the positions added to X: say so
// in the words of the edit, not of the state it would make.
std::string directEditRefusal(const LessonState& s, MatrixId id) {
  if (s.source != VectorSource::Projected || s.positional == Positional::None) return {};
  return std::string(matrixName(id)) +
         " is computed from X plus the positions here; to edit Q, K or V by hand, switch the positions off first";
}

}  // namespace

void switchToDirect(LessonState& s) {
  if (s.source == VectorSource::Direct) return;
  s.Q = core::multiply(s.X, s.WQ);
  s.K = core::multiply(s.X, s.WK);
  s.V = core::multiply(s.X, s.WV);
  s.source = VectorSource::Direct;
}

std::string switchToProjected(LessonState& state) {
  if (state.X.empty()) return "this example has no embeddings: Q, K and V are given directly";
  return applyChecked(state, [](LessonState& s) -> std::string {
    s.source = VectorSource::Projected;
    return {};
  });
}

std::string setEntry(LessonState& state, MatrixId id, int row, int col, float value) {
  if (!std::isfinite(value) || std::fabs(value) > kMaxEditableValue)
    return "values must be " + rangeText(-kMaxEditableValue, kMaxEditableValue);
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (!isEditable(s, id)) return std::string(matrixName(id)) + " cannot be edited here";
    if (id == MatrixId::Q || id == MatrixId::K || id == MatrixId::V) {
      if (std::string refusal = directEditRefusal(s, id); !refusal.empty()) return refusal;
      switchToDirect(s);
    }
    core::Matrix* m = editableMatrix(s, id);
    if (row < 0 || col < 0 || row >= m->rows || col >= m->cols)
      return std::string(matrixName(id)) + " has no entry [" + std::to_string(row) + "][" + std::to_string(col) + "]";
    m->at(row, col) = value;
    return {};
  });
}

std::string scaleQuery(LessonState& state, int row, float factor) {
  if (!std::isfinite(factor) || factor <= 0.0f || factor > 100.0f) return "a query is scaled by a factor from 0 to 100";
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (!isEditable(s, MatrixId::Q)) return "Q cannot be edited here";
    if (std::string refusal = directEditRefusal(s, MatrixId::Q); !refusal.empty()) return refusal;
    switchToDirect(s);
    if (row < 0 || row >= s.Q.rows) return "there is no query " + std::to_string(row);
    for (int c = 0; c < s.Q.cols; ++c) {
      const float scaled = s.Q.at(row, c) * factor;
      if (std::fabs(scaled) > kMaxEditableValue)
        return "scaling this query would take an entry past " + rangeText(-kMaxEditableValue, kMaxEditableValue);
      s.Q.at(row, c) = scaled;
    }
    return {};
  });
}

std::string resetMatrix(LessonState& state, MatrixId id) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    core::Matrix* m = editableMatrix(s, id);
    if (!m) return std::string(matrixName(id)) + " cannot be reset";
    const bool vectors = id == MatrixId::Q || id == MatrixId::K || id == MatrixId::V;
    // With embeddings, Q, K and V are X times their W: resetting one undoes its own edits
    // against the embeddings as they are now (so it agrees with the other two), and once all
    // three agree with their projections again the lesson follows X and the W's once more.
    if (vectors && !s.X.empty()) {
      if (s.source == VectorSource::Projected) return {};  // nothing was edited
      const core::Matrix& w = id == MatrixId::Q ? s.WQ : id == MatrixId::K ? s.WK : s.WV;
      *m = core::multiply(s.X, w);
      if (s.Q == core::multiply(s.X, s.WQ) && s.K == core::multiply(s.X, s.WK) && s.V == core::multiply(s.X, s.WV))
        s.source = VectorSource::Projected;
      return {};
    }
    if (id == MatrixId::SourceX || id == MatrixId::TargetX) {  // back to the translation's own vectors
      CrossExample original;
      if (!loadTranslation(s.cross.pairId, original)) return "this translation has no original to go back to";
      const core::Matrix& back = id == MatrixId::SourceX ? original.sourceX : original.targetX;
      if (!back.sameShape(*m))
        return "this translation's sentences changed length, so its original vectors no longer fit";
      *m = back;
      return {};
    }
    LessonState preset;
    const bool known = loadPreset(s.presetId, preset);
    const core::Matrix* original = known ? editableMatrix(preset, id) : nullptr;
    if (original && original->sameShape(*m))
      *m = *original;
    else if (id == MatrixId::WQ || id == MatrixId::WK || id == MatrixId::WV || id == MatrixId::WO)
      *m = identityLike(m->rows, m->cols);
    else
      *m = core::Matrix(m->rows, m->cols);
    return {};
  });
}

std::string addToken(LessonState& state, const std::string& token) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (auto bad = checkToken(token); !bad.empty()) return bad;
    if (static_cast<int>(s.tokens.size()) >= kMaxTokens)
      return "the sentence can have at most " + std::to_string(kMaxTokens) + " tokens";
    s.tokens.push_back(token);
    resizeRows(s, static_cast<int>(s.tokens.size()));
    return {};
  });
}

std::string removeToken(LessonState& state, int index) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    const int n = static_cast<int>(s.tokens.size());
    if (index < 0 || index >= n) return "there is no token " + std::to_string(index);
    if (n <= kMinTokens) return "the sentence needs at least one token";
    for (core::Matrix* m : {&s.X, &s.Q, &s.K, &s.V}) {
      if (m->rows != n) continue;
      core::Matrix out(n - 1, m->cols);
      for (int i = 0, r = 0; i < n; ++i) {
        if (i == index) continue;
        for (int j = 0; j < m->cols; ++j) out.at(r, j) = m->at(i, j);
        ++r;
      }
      *m = out;
    }
    s.tokens.erase(s.tokens.begin() + index);
    return {};
  });
}

std::string renameToken(LessonState& state, int index, const std::string& token) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (index < 0 || index >= static_cast<int>(s.tokens.size())) return "there is no token " + std::to_string(index);
    if (auto bad = checkToken(token); !bad.empty()) return bad;
    s.tokens[static_cast<size_t>(index)] = token;
    return {};
  });
}

std::string setModelWidth(LessonState& state, int dModel) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (dModel < kMinWidth || dModel > kMaxWidth) return "d_model must be " + rangeText(kMinWidth, kMaxWidth);
    if (s.source != VectorSource::Projected)
      return "d_model applies to embeddings; this example gives Q, K, V directly";
    const int n = static_cast<int>(s.tokens.size());
    s.X = resized(s.X, n, dModel);
    for (core::Matrix* w : {&s.WQ, &s.WK, &s.WV}) *w = resized(*w, dModel, s.dK);
    if (!s.dimensionLabels.empty()) {
      s.dimensionLabels.resize(static_cast<size_t>(dModel));
      for (size_t i = 0; i < s.dimensionLabels.size(); ++i)
        if (s.dimensionLabels[i].empty()) s.dimensionLabels[i] = "dim " + std::to_string(i + 1);
    }
    s.dModel = dModel;
    return {};
  });
}

std::string setKeyWidth(LessonState& state, int dK) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (dK < kMinWidth || dK > kMaxWidth) return "d_k must be " + rangeText(kMinWidth, kMaxWidth);
    if (s.source == VectorSource::Projected) {
      for (core::Matrix* w : {&s.WQ, &s.WK, &s.WV}) *w = resized(*w, s.dModel, dK);
    } else {
      s.Q = resized(s.Q, s.Q.rows, dK);
      s.K = resized(s.K, s.K.rows, dK);
    }
    s.dK = dK;
    if (dK % s.heads != 0 || (s.source == VectorSource::Direct && s.V.cols % s.heads != 0)) s.heads = 1;
    return {};
  });
}

std::string setHeads(LessonState& state, int heads) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    if (heads < 1 || s.dK % heads != 0) return "heads must divide d_k (" + std::to_string(s.dK) + ")";
    s.heads = heads;
    return {};
  });
}

int headCountToward(const LessonState& state, int requested) {
  const int direction = requested > state.heads ? 1 : -1;
  const int dv = valueWidth(state);
  for (int heads = requested; heads >= 1 && heads <= state.dK; heads += direction)
    if (state.dK % heads == 0 && dv % heads == 0) return heads;
  return state.heads;
}

std::string setTemperature(LessonState& state, float temperature) {
  return applyChecked(state, [&](LessonState& s) -> std::string {
    s.temperature = temperature;
    return {};
  });
}

std::string setStep(LessonState& state, int step) {
  if (step < 0 || step >= stepCount()) return "there is no step " + std::to_string(step + 1);
  state.step = step;
  return {};
}

}  // namespace lesson
