// linear_mask_test.cpp: linear attention's two ways to the output agree, its weights are
// a distribution, and the window+global mask hides exactly the pairs it names.
#include <doctest/doctest.h>

#include <cmath>

#include "core/attention.h"
#include "core/linear_attention.h"

namespace {

core::Matrix filled(int rows, int cols, float start, float step) {
  core::Matrix m(rows, cols);
  for (size_t k = 0; k < m.values.size(); ++k) m.values[k] = std::sin(start + step * static_cast<float>(k)) * 2.0f;
  return m;
}

}  // namespace

TEST_CASE("linear attention by running sums equals its n x n weights times V, with and without the causal mask") {
  const core::Matrix Q = filled(7, 3, 0.1f, 0.7f), K = filled(7, 3, 0.5f, 1.3f), V = filled(7, 2, 0.9f, 0.4f);
  for (const core::Mask& mask : {core::Mask::none(), core::Mask::causal()}) {
    core::Flags hidden;
    const core::Matrix weights = core::linearWeights(core::kernelSimilarities(Q, K), mask, hidden);
    const core::Matrix direct = core::weightedSum(weights, V);
    const core::Matrix bySums = core::linearOutputBySums(Q, K, V, mask.kind == core::MaskKind::Causal);
    CHECK(core::largestDifference(direct, bySums) < 1e-5f);
    for (int i = 0; i < weights.rows; ++i) {
      double sum = 0.0;
      for (int j = 0; j < weights.cols; ++j) {
        CHECK(weights.at(i, j) >= 0.0f);
        if (core::isHidden(mask, i, j)) CHECK(weights.at(i, j) == 0.0f);
        sum += weights.at(i, j);
      }
      CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
    }
  }
}

TEST_CASE("the feature map elu(x) + 1 is positive and continuous at 0") {
  core::Matrix m(1, 4);
  m.values = {-30.0f, -1e-7f, 0.0f, 2.5f};
  const core::Matrix f = core::featureMap(m);
  CHECK(f.values[0] > 0.0f);
  CHECK(f.values[1] == doctest::Approx(1.0f));
  CHECK(f.values[2] == 1.0f);
  CHECK(f.values[3] == 3.5f);
}

TEST_CASE("the linear kernel goes through attend() with heads and masks; scale and temperature change nothing") {
  const core::Matrix Q = filled(5, 4, 0.2f, 0.9f), K = filled(5, 4, 0.4f, 1.1f), V = filled(5, 4, 0.3f, 0.5f);
  core::AttentionOptions options;
  options.kernel = core::Kernel::Linear;
  options.heads = 2;
  options.mask = core::Mask::slidingWindow(1, 1);
  const auto first = core::attend(Q, K, V, options);
  REQUIRE(first.ok());
  options.scale = false;
  options.temperature = 3.0f;
  const auto second = core::attend(Q, K, V, options);
  REQUIRE(second.ok());
  CHECK(core::largestDifference(first.value().output, second.value().output) == 0.0f);
  CHECK(first.value().heads[1].weights.at(4, 2) == 0.0f);  // |4 - 2| > 1 and neither is global
  CHECK(first.value().heads[1].weights.at(4, 0) > 0.0f);   // token 0 is global
}

TEST_CASE("window+global: the first G tokens see and are seen by all; its text form round-trips") {
  const core::Mask mask = core::Mask::slidingWindow(1, 2);
  CHECK_FALSE(core::isHidden(mask, 0, 9));
  CHECK_FALSE(core::isHidden(mask, 9, 1));
  CHECK_FALSE(core::isHidden(mask, 5, 6));
  CHECK(core::isHidden(mask, 5, 7));
  CHECK(core::maskText(mask) == "window:1+global:2");
  const auto parsed = core::parseMaskText("window:1+global:2");
  REQUIRE(parsed.ok());
  CHECK(parsed.value() == mask);
  CHECK(core::parseMaskText("window:3").value() == core::Mask::slidingWindow(3));
  for (const char* bad :
       {"window:", "window:1+global:", "window:1+global:-2", "window:x", "window:1+global:2+global:3"})
    CHECK_MESSAGE(!core::parseMaskText(bad).ok(), bad);
}

TEST_CASE("visiblePairs counts what isHidden leaves, for every kind of mask") {
  for (const core::Mask& mask :
       {core::Mask::none(), core::Mask::causal(), core::Mask::slidingWindow(0), core::Mask::slidingWindow(2),
        core::Mask::slidingWindow(1, 3), core::Mask::slidingWindow(30, 2), core::Mask::slidingWindow(0, 40)})
    for (int n : {1, 2, 7, 33}) {
      long long counted = 0;
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) counted += core::isHidden(mask, i, j) ? 0 : 1;
      const std::string what = core::maskText(mask) + " n=" + std::to_string(n);
      CHECK_MESSAGE(core::visiblePairs(mask, n, n) == counted, what);
    }
}

TEST_CASE("linear weights in logarithms: features too small for a float still weigh, and agree with the sums") {
  // A query of -200s: every feature is exp(-200), 1e-87, below any float; phi(q) is the same in
  // every column, so the true weight of key j is its features' sum over all keys' sums.
  core::Matrix Q = filled(3, 4, 0.2f, 0.9f), K = filled(3, 4, 0.4f, 1.1f), V = filled(3, 2, 0.3f, 0.8f);
  for (int c = 0; c < 4; ++c) Q.at(0, c) = -200.0f;
  for (const core::Mask& mask : {core::Mask::none(), core::Mask::causal(), core::Mask::slidingWindow(1)}) {
    core::Flags hidden;
    const core::Matrix inLogs = core::linearWeightsInLogs(Q, K, mask, hidden);
    core::Flags plainHidden;
    const core::Matrix plain = core::linearWeights(core::kernelSimilarities(Q, K), mask, plainHidden);
    CHECK_FALSE(hidden[0]);  // every key of row 0 that the mask shows is visible: no "hidden row"
    for (int i = 1; i < 3; ++i)
      for (int j = 0; j < 3; ++j) CHECK(inLogs.at(i, j) == doctest::Approx(plain.at(i, j)).epsilon(1e-5));
    const core::HeadTrace head = core::attendOneHeadLinear(Q, K, V, mask);
    CHECK(core::largestDifference(head.output, core::weightedSum(inLogs, V)) < 1e-5f);
  }
  core::Flags hidden;
  const core::Matrix w = core::linearWeightsInLogs(Q, K, core::Mask::none(), hidden);
  const core::Matrix fk = core::featureMap(K);
  double total = 0;
  for (float f : fk.values) total += f;
  for (int j = 0; j < 3; ++j) {
    double own = 0;
    for (int a = 0; a < 4; ++a) own += fk.at(j, a);
    CHECK(w.at(0, j) == doctest::Approx(own / total).epsilon(1e-5));
  }
  // Entries at the lesson's limit, with the large ones in different columns: the sums
  // underflow, and the row comes from the weights.
  core::Matrix q(1, 2), k(2, 2), v(2, 1);
  q.at(0, 0) = 1000, q.at(0, 1) = -1000;
  k.at(0, 0) = -1000, k.at(0, 1) = 1000, k.at(1, 0) = -1000, k.at(1, 1) = 1000;
  v.at(0, 0) = 2, v.at(1, 0) = 4;
  const core::HeadTrace edge = core::attendOneHeadLinear(q, k, v, core::Mask::none());
  CHECK(edge.weights.at(0, 0) == doctest::Approx(0.5));
  CHECK(edge.output.at(0, 0) == doctest::Approx(3.0));
}
