// code_listing.cpp: builds the NumPy listing line by line from the lesson state, so every
// option the learner set (scale, temperature, mask, heads, W_O) appears as code.
#include "lesson/content/code_listing.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/linear_attention.h"
#include "lesson/io/json_io.h"
#include "lesson/model/kv_cache.h"

namespace lesson {

namespace {

// The shortest text that reads back as this float, so the program starts from the page's
// exact inputs.
std::string exactText(float value) {
  if (value == 0.0f) return "0";  // -0 computes the same and reads worse
  char text[32];
  if (value == std::nearbyint(value) && std::fabs(value) < 1e7f) {
    std::snprintf(text, sizeof text, "%.0f", static_cast<double>(value));  // 10, not 1e+01
    return text;
  }
  return shortestFloatText(value);
}

std::string fixedText(float value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", static_cast<double>(value));
  return std::string(text) == "-0.0000" ? "0.0000" : text;
}

// "# comment", then name = np.array([[...],\n              [...]])
std::string arrayLiteral(const std::string& name, const core::Matrix& m, const std::string& comment) {
  const std::string lead = name + " = np.array([";
  std::string text = lead;
  for (int r = 0; r < m.rows; ++r) {
    if (r > 0) text += ",\n" + std::string(lead.size(), ' ');
    text += "[";
    for (int c = 0; c < m.cols; ++c) text += (c ? ", " : "") + exactText(m.at(r, c));
    text += "]";
  }
  text += "])";
  return (comment.empty() ? "" : "# " + comment + "\n") + text + "\n";
}

// The core's numbers as comment lines, one row each, to compare with what Python prints.
std::string pageResult(const std::string& title, const core::Matrix& m) {
  std::string text = "# " + title + ", as this page computed it:\n";
  for (int r = 0; r < m.rows; ++r) {
    text += "#  ";
    for (int c = 0; c < m.cols; ++c) text += " " + fixedText(m.at(r, c));
    text += "\n";
  }
  return text;
}

bool isIdentity(const core::Matrix& m) {
  if (m.rows != m.cols) return false;
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.cols; ++c)
      if (m.at(r, c) != (r == c ? 1.0f : 0.0f)) return false;
  return true;
}

std::string tokenList(const LessonState& state) {
  std::string text;
  for (const auto& token : state.tokens) text += (text.empty() ? "" : ", ") + ("\"" + token + "\"");
  return text;
}

// The sinusoidal encoding, computed as core/positional.cpp does, added to X before the
// projections read it.
std::string positionLines() {
  return "# positions: column 2i of row p holds sin(p / 10000^(2i/d)), column 2i+1 the cosine\n"
         "p, c = np.indices(X.shape)\n"
         "angle = p / 10000 ** ((c - c % 2) / X.shape[1])\n"
         "X = X + np.where(c % 2 == 0, np.sin(angle), np.cos(angle))\n";
}

std::string inputs(const LessonState& state, const LessonTrace& trace) {
  std::string text = "import numpy as np\n\n";
  if (state.source == VectorSource::Projected) {
    text += arrayLiteral("X", trace.X, "the embeddings, one row per token: " + tokenList(state));
    if (!trace.positions.empty()) text += positionLines();
    text += arrayLiteral("W_Q", trace.WQ, "");
    text += arrayLiteral("W_K", trace.WK, "");
    text += arrayLiteral("W_V", trace.WV, "");
    text += "Q, K, V = X @ W_Q, X @ W_K, X @ W_V\n";
  } else {
    text += arrayLiteral("Q", trace.attention.Q, "queries, keys and values, one row per token: " + tokenList(state));
    text += arrayLiteral("K", trace.attention.K, "");
    text += arrayLiteral("V", trace.attention.V, "");
  }
  return text;
}

std::string scoreLine(const LessonState& state) {
  const bool tempered = state.temperature != 1.0f;
  if (state.scale && tempered) return "    S = Q @ K.T / (np.sqrt(K.shape[1]) * T)  # scaled, then T\n";
  if (state.scale) return "    S = Q @ K.T / np.sqrt(K.shape[1])  # scaled scores\n";
  if (tempered) return "    S = Q @ K.T / T  # scale off\n";
  return "    S = Q @ K.T  # scores, scale off\n";
}

// The lesson's masks are none, causal and window:W+global:G (validateState refuses others).
std::string maskLine(const LessonState& state) {
  if (state.mask.kind == core::MaskKind::Causal)
    return "    S = np.where(np.tril(np.ones(S.shape)) > 0, S, -np.inf)  # causal\n";
  if (state.mask.kind != core::MaskKind::Window) return "";
  const std::string w = std::to_string(state.mask.window), g = std::to_string(state.mask.global);
  std::string text = "    i, j = np.indices(S.shape)\n";
  if (state.mask.global > 0)
    return text + "    S = np.where((abs(i - j) <= " + w + ") | (i < " + g + ") | (j < " + g + "), S, -np.inf)\n";
  return text + "    S = np.where(abs(i - j) <= " + w + ", S, -np.inf)  # window\n";
}

// Linear attention (core/linear_attention.cpp): positive features instead of exp, no scale
// and no temperature; a mask keeps only the visible similarities.
std::string linearAttentionFunction(const LessonState& state, const LessonTrace& trace) {
  std::string text = "\ndef phi(x):\n    return np.where(x > 0, x + 1, np.exp(x))  # elu(x) + 1, always positive\n";
  // np.exp is 0 below about -745, and phi(q) * phi(k) is exp(q + k) where both are negative:
  // when every term of a query's similarity with some key falls that low, Python's row can
  // differ or print nan; the page works in logarithms and keeps those weights.
  const core::Matrix &Q = trace.attention.Q, &K = trace.attention.K;
  bool tiny = false;
  for (int i = 0; i < Q.rows && !tiny; ++i)
    for (int j = 0; j < K.rows && !tiny; ++j) {
      double largest = -INFINITY;
      for (int a = 0; a < Q.cols; ++a) largest = std::max(largest, core::logPhi(Q.at(i, a)) + core::logPhi(K.at(j, a)));
      tiny = largest < -700;
    }
  if (tiny)
    text +=
        "# Some similarities here are below about exp(-745), which np.exp makes 0: a row can then differ\n"
        "# or print nan, where the page, which works in logarithms, shows its weights.\n";
  text += "\ndef attention(Q, K, V):  # linear attention\n";
  text += "    S = phi(Q) @ phi(K).T  # similarities; no scale, no temperature\n";
  std::string mask = maskLine(state);
  for (std::string::size_type at = mask.find("-np.inf"); at != std::string::npos; at = mask.find("-np.inf"))
    mask.replace(at, 7, "0");
  text += mask;
  text += "    W = S / S.sum(axis=1, keepdims=True)  # rows add up to 1\n";
  text += "    return W, W @ V\n\n";
  return text;
}

std::string attentionFunction(const LessonState& state) {
  std::string text = "\ndef attention(Q, K, V):\n";
  text += scoreLine(state);
  text += maskLine(state);
  text += "    S = S - S.max(axis=1, keepdims=True)  # no overflow\n";
  text += "    W = np.exp(S)\n";
  text += "    W = W / W.sum(axis=1, keepdims=True)  # rows add up to 1\n";
  text += "    return W, W @ V\n\n";
  return text;
}

// The KV cache step's computation: the rows written one at a time, each token's query against
// the keys and values cached so far (its own included), with the lesson's scale and temperature.
std::string cachedWriting(const LessonState& state) {
  std::string score = scoreLine(state);  // "    S = Q @ K.T ..." : the same division, on one query
  score.replace(score.find("S = Q @ K.T"), 11, "s = Q[t:t + 1] @ K_cache.T");
  std::string text =
      "\n# Writing one token at a time with a KV cache (the KV cache step): each new token's query meets\n"
      "# the keys cached so far and its own, with no mask needed; the rows equal the causal computation's.\n"
      "def write_with_cache(Q, K, V):\n"
      "    K_cache, V_cache, rows = K[:0], V[:0], []\n"
      "    for t in range(len(Q)):\n"
      "        K_cache = np.vstack([K_cache, K[t]])  # the new token's key and value join the cache\n"
      "        V_cache = np.vstack([V_cache, V[t]])\n"
      "    " +
      score.substr(0, score.find('#')) +
      "\n"
      "        w = np.exp(s - s.max())\n"
      "        rows.append((w / w.sum()) @ V_cache)\n"
      "    return np.vstack(rows)\n\n";
  return text;
}

std::string wordList(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ", ") + ("\"" + word + "\"");
  return text;
}

// The cross-attention step's computation: the same function with the lesson's scale and
// temperature, no mask (the whole source is read), queries from one sentence, keys and values
// from the other.
std::string crossListing(const LessonState& state, const LessonTrace& trace) {
  const CrossExample& c = state.cross;
  std::string text =
      "\n# Cross-attention (the cross-attention step): queries from the sentence being written, keys and\n"
      "# values from the sentence read; no mask, one head. The weights are n_target x n_source.\n";
  text += arrayLiteral("X_src", c.sourceX, "the sentence read: " + wordList(c.source));
  text += arrayLiteral("X_tgt", c.targetX, "the sentence written: " + wordList(c.target));
  text += arrayLiteral("C_Q", c.WQ, "") + arrayLiteral("C_K", c.WK, "") + arrayLiteral("C_V", c.WV, "");
  text += "\ndef cross_attention(Q, K, V):\n" + scoreLine(state) +
          "    S = S - S.max(axis=1, keepdims=True)\n"
          "    W = np.exp(S)\n"
          "    W = W / W.sum(axis=1, keepdims=True)\n"
          "    return W, W @ V\n\n"
          "W_cross, out_cross = cross_attention(X_tgt @ C_Q, X_src @ C_K, X_src @ C_V)\n"
          "print(W_cross)\n" +
          pageResult("cross-attention weights", trace.cross.weights());
  return text;
}

}  // namespace

bool listingMixesHeads(const LessonState& state) { return state.heads > 1 || !isIdentity(state.WO); }

std::string numpyListing(const LessonState& state, const LessonTrace& trace, core::Kernel kernel) {
  if (!trace.ok) return {};
  const bool linear = kernel == core::Kernel::Linear;
  std::string text = std::string("# ") + (linear ? "Linear attention" : "Attention") +
                     " with this page's numbers. Paste it into Python (with NumPy) to check them.\n";
  text += inputs(state, trace);
  if (!linear && state.temperature != 1.0f) text += "T = " + exactText(state.temperature) + "    # temperature\n";
  text += linear ? linearAttentionFunction(state, trace) : attentionFunction(state);
  const auto& a = trace.attention;
  text += "np.set_printoptions(precision=4, suppress=True)\n";
  const KvCacheStep cache = linear ? KvCacheStep() : writeWithCache(state, a.Q.rows);
  const std::string cachedLines =
      cache.ok ? "print(cached)\n" + pageResult("outputs written one at a time with the KV cache", cache.outputs) : "";
  if (!listingMixesHeads(state)) {
    text += "W, out = attention(Q, K, V)\n";
    text += "print(W)\n" + pageResult("weights", a.heads.front().weights);
    text += "print(out)\n" + pageResult("output", a.concatenated);
    if (cache.ok) text += cachedWriting(state) + "cached = write_with_cache(Q, K, V)\n" + cachedLines;
    if (!linear && trace.cross.ok) text += crossListing(state, trace);
    return text;
  }
  const std::string h = std::to_string(state.heads);
  if (isIdentity(trace.WO))
    text += "W_O = np.eye(" + std::to_string(trace.WO.rows) +
            ")  # mixes the joined head outputs; the identity until edited\n";
  else
    text += arrayLiteral("W_O", trace.WO, "W_O mixes the joined head outputs");
  text += "heads = [attention(q, k, v) for q, k, v in zip(np.hsplit(Q, " + h + "), np.hsplit(K, " + h +
          "), np.hsplit(V, " + h + "))]\n";
  text += "out = np.hstack([o for W, o in heads]) @ W_O\n";
  for (size_t k = 0; k < a.heads.size(); ++k) {
    text += "print(heads[" + std::to_string(k) + "][0])\n";
    text += pageResult("weights of head " + std::to_string(k + 1), a.heads[k].weights);
  }
  text += "print(out)\n" + pageResult("output", a.output);
  if (cache.ok)
    text += cachedWriting(state) + "cached = np.hstack([write_with_cache(q, k, v) for q, k, v in zip(np.hsplit(Q, " +
            h + "), np.hsplit(K, " + h + "), np.hsplit(V, " + h + "))]) @ W_O\n" + cachedLines;
  if (!linear && trace.cross.ok) text += crossListing(state, trace);
  return text;
}

}  // namespace lesson
