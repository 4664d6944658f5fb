// validation.cpp: input checks for attention, returned as readable messages.
#include <cmath>
#include <cstdio>
#include <string>

#include "core/attention.h"
#include "core/limits.h"

namespace core {

namespace {

// 1e6 as "1e6" and 1e-6 as "1e-6" (not printf's "1e+06"), as people write limits.
std::string shortText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  std::string out(text);
  const size_t e = out.find('e');
  if (e == std::string::npos) return out;
  std::string exponent = out.substr(e + 1);
  const bool negative = exponent[0] == '-';
  exponent.erase(0, exponent.find_first_not_of("+-0"));
  return out.substr(0, e + 1) + (negative ? "-" : "") + exponent;
}

std::string plural(int count, const char* noun) { return std::to_string(count) + " " + noun + (count == 1 ? "" : "s"); }

std::optional<std::string> validateMask(const Mask& mask, int queryCount, int keyCount) {
  if (mask.kind == MaskKind::Window && mask.window < 0) return "mask window must be 0 or more";
  if (mask.kind == MaskKind::Window && mask.global < 0) return "mask global tokens must be 0 or more";
  if (mask.kind != MaskKind::Explicit) return std::nullopt;
  if (static_cast<int>(mask.allowed.size()) != queryCount)
    return "mask has " + plural(static_cast<int>(mask.allowed.size()), "row") + " but Q has " +
           plural(queryCount, "row");
  for (size_t i = 0; i < mask.allowed.size(); ++i) {
    if (static_cast<int>(mask.allowed[i].size()) != keyCount)
      return "mask row " + std::to_string(i) + " has " + plural(static_cast<int>(mask.allowed[i].size()), "entry") +
             " but K has " + plural(keyCount, "row");
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> validateMatrix(const Matrix& m, const std::string& name) {
  if (m.empty()) return name + " is empty";
  if (m.rows > kMaxTokens)
    return name + " has " + plural(m.rows, "row") + "; the limit is " + std::to_string(kMaxTokens);
  if (m.cols > kMaxDimension)
    return name + " has " + plural(m.cols, "column") + "; the limit is " + std::to_string(kMaxDimension);
  if (m.values.size() != static_cast<size_t>(m.rows) * static_cast<size_t>(m.cols))
    return name + " does not hold rows x cols values";
  for (int i = 0; i < m.rows; ++i) {
    for (int j = 0; j < m.cols; ++j) {
      const float v = m.at(i, j);
      if (!std::isfinite(v))
        return name + "[" + std::to_string(i) + "][" + std::to_string(j) + "] is not a finite number";
      if (std::fabs(v) > kMaxAbsEntry)
        return name + "[" + std::to_string(i) + "][" + std::to_string(j) + "] is outside the range -" +
               shortText(kMaxAbsEntry) + ".." + shortText(kMaxAbsEntry);
    }
  }
  return std::nullopt;
}

std::optional<std::string> validateAttentionInputs(const Matrix& Q, const Matrix& K, const Matrix& V,
                                                   const AttentionOptions& options) {
  for (const auto& [m, name] : {std::pair<const Matrix&, const char*>{Q, "Q"}, {K, "K"}, {V, "V"}}) {
    if (auto error = validateMatrix(m, name)) return error;
  }
  if (K.cols != Q.cols) return "K has " + plural(K.cols, "column") + " but Q has " + std::to_string(Q.cols);
  if (V.rows != K.rows) return "V has " + plural(V.rows, "row") + " but K has " + std::to_string(K.rows);
  if (!std::isfinite(options.temperature) || options.temperature <= 0.0f)
    return "temperature must be a finite number greater than 0";
  if (options.temperature < kMinTemperature || options.temperature > kMaxTemperature)
    return "temperature must be between " + shortText(kMinTemperature) + " and " + shortText(kMaxTemperature);
  if (options.heads < 1 || options.heads > kMaxHeads) return "heads must be between 1 and " + std::to_string(kMaxHeads);
  // Every head keeps its own score and weight matrices, so the cells count over all heads.
  if (static_cast<double>(Q.rows) * K.rows * options.heads > kMaxScoreCells)
    return "Q and K would make " +
           (options.heads > 1 ? std::to_string(options.heads) + " score matrices" : "a score matrix") + " of " +
           std::to_string(Q.rows) + " x " + std::to_string(K.rows) + "; the limit is " +
           std::to_string(static_cast<long long>(kMaxScoreCells)) + " cells in all";
  if (Q.cols % options.heads != 0)
    return "heads (" + std::to_string(options.heads) + ") must divide d_k (" + std::to_string(Q.cols) + ")";
  if (V.cols % options.heads != 0)
    return "heads (" + std::to_string(options.heads) + ") must divide d_v (" + std::to_string(V.cols) + ")";
  if (options.outputProjection) {
    if (auto error = validateMatrix(*options.outputProjection, "WO")) return error;
    if (options.outputProjection->rows != V.cols)
      return "WO has " + plural(options.outputProjection->rows, "row") + " but V has " + plural(V.cols, "column");
  }
  return validateMask(options.mask, Q.rows, K.rows);
}

}  // namespace core
