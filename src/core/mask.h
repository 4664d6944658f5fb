// mask.h: which scores a query may not see. Hidden scores become minus infinity
// before softmax, so they receive exactly zero weight.
#pragma once

#include <string>
#include <vector>

#include "core/flags.h"
#include "core/result.h"

namespace core {

enum class MaskKind { None, Causal, Window, Explicit };

struct Mask {
  MaskKind kind = MaskKind::None;
  int window = 0;  // Window: key j is hidden from query i when |i - j| > window
  int global = 0;  // Window: the first `global` tokens see every key and are seen by every query
  // Explicit: allowed[i][j] true means query i may attend to key j (as in PyTorch's
  // boolean attn_mask); must be n_q x n_k.
  std::vector<Flags> allowed;

  static Mask none() { return {}; }
  static Mask causal() { return {MaskKind::Causal, 0, 0, {}}; }
  static Mask slidingWindow(int w, int globalTokens = 0) { return {MaskKind::Window, w, globalTokens, {}}; }
  static Mask explicitAllowed(std::vector<Flags> a) { return {MaskKind::Explicit, 0, 0, std::move(a)}; }
};

bool operator==(const Mask& a, const Mask& b);

bool isHidden(const Mask& mask, int queryIndex, int keyIndex);

// How many (query, key) pairs the mask leaves visible: the scores a sparse kernel computes.
// O(queries) for the window mask, so it can be asked for long sequences.
long long visiblePairs(const Mask& mask, int queries, int keys);

// "none", "causal", "window:2", "window:2+global:1"; explicit masks have no text form.
std::string maskText(const Mask& mask);
Result<Mask> parseMaskText(const std::string& text);

}  // namespace core
