// reference.h: an independent float64 attention, written plainly, for the property tests.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

namespace reference {

using Rows = std::vector<std::vector<double>>;

struct Result {
  Rows weights;
  Rows output;
};

// hidden(i, j) tells which scores are masked out.
template <typename Hidden>
Result attention(const Rows& q, const Rows& k, const Rows& v, double divisor, Hidden hidden) {
  Result r;
  for (size_t i = 0; i < q.size(); ++i) {
    std::vector<double> s(k.size(), -std::numeric_limits<double>::infinity());
    double top = -std::numeric_limits<double>::infinity();
    for (size_t j = 0; j < k.size(); ++j) {
      if (hidden(i, j)) continue;
      double d = 0;
      for (size_t c = 0; c < q[i].size(); ++c) d += q[i][c] * k[j][c];
      s[j] = d / divisor;
      if (s[j] > top) top = s[j];
    }
    std::vector<double> w(k.size(), 0.0);
    if (std::isfinite(top)) {
      double total = 0;
      for (size_t j = 0; j < k.size(); ++j) total += (w[j] = std::exp(s[j] - top));
      for (double& x : w) x /= total;
    }
    std::vector<double> o(v[0].size(), 0.0);
    for (size_t j = 0; j < k.size(); ++j)
      for (size_t c = 0; c < o.size(); ++c) o[c] += w[j] * v[j][c];
    r.weights.push_back(w);
    r.output.push_back(o);
  }
  return r;
}

}  // namespace reference
