// core_properties_test.cpp: properties over 1000+ random cases, checked against an
// independent float64 reference (reference.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/attention.h"
#include "core/online.h"
#include "helpers.h"

using core::Matrix;
using testing_helpers::close;
using testing_helpers::randomMatrix;
using testing_helpers::toRows;

namespace {

constexpr int kCases = 1000;
constexpr double kTolerance = 1e-5;

struct RandomCase {
  Matrix Q, K, V;
  bool causal = false;
  bool scale = true;
};

RandomCase makeCase(std::mt19937& rng) {
  std::uniform_int_distribution<int> sizes(1, 12), widths(1, 9), coin(0, 1);
  RandomCase c;
  const int n = sizes(rng), d = widths(rng), dv = widths(rng);
  c.Q = randomMatrix(rng, n, d);
  c.K = randomMatrix(rng, n, d);
  c.V = randomMatrix(rng, n, dv);
  c.causal = coin(rng) == 1;
  c.scale = coin(rng) == 1;
  return c;
}

core::AttentionOptions optionsOf(const RandomCase& c) {
  core::AttentionOptions o;
  o.scale = c.scale;
  if (c.causal) o.mask = core::Mask::causal();
  return o;
}

}  // namespace

TEST_CASE("random cases agree with the float64 reference within 1e-5") {
  std::mt19937 rng(1234);
  for (int n = 0; n < kCases; ++n) {
    const RandomCase c = makeCase(rng);
    auto trace = core::attend(c.Q, c.K, c.V, optionsOf(c));
    REQUIRE(trace.ok());
    const double divisor = c.scale ? std::sqrt(static_cast<double>(c.Q.cols)) : 1.0;
    const auto ref = reference::attention(toRows(c.Q), toRows(c.K), toRows(c.V), divisor,
                                          [&](size_t i, size_t j) { return c.causal && j > i; });
    const auto& t = trace.value();
    const double vScale = testing_helpers::maxAbs(c.V);
    for (int i = 0; i < c.Q.rows; ++i) {
      double rowSum = 0;
      for (int j = 0; j < c.K.rows; ++j) {
        const double w = t.heads[0].weights.at(i, j);
        rowSum += w;
        REQUIRE(close(w, ref.weights[static_cast<size_t>(i)][static_cast<size_t>(j)], kTolerance));
        if (c.causal && j > i) REQUIRE(w == 0.0);
      }
      REQUIRE(rowSum == doctest::Approx(1.0).epsilon(1e-6));
      for (int col = 0; col < c.V.cols; ++col)
        REQUIRE(close(t.output.at(i, col), ref.output[static_cast<size_t>(i)][static_cast<size_t>(col)], kTolerance,
                      vScale));
    }
  }
}

TEST_CASE("permuting the tokens permutes the outputs") {
  std::mt19937 rng(99);
  for (int n = 0; n < kCases; ++n) {
    RandomCase c = makeCase(rng);
    std::vector<int> order(static_cast<size_t>(c.Q.rows));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    Matrix Qp(c.Q.rows, c.Q.cols), Kp(c.K.rows, c.K.cols), Vp(c.V.rows, c.V.cols);
    for (int i = 0; i < c.Q.rows; ++i) {
      const int from = order[static_cast<size_t>(i)];
      for (int j = 0; j < c.Q.cols; ++j) Qp.at(i, j) = c.Q.at(from, j), Kp.at(i, j) = c.K.at(from, j);
      for (int j = 0; j < c.V.cols; ++j) Vp.at(i, j) = c.V.at(from, j);
    }
    c.causal = false;  // a causal mask is tied to positions, so it does not commute
    auto original = core::attend(c.Q, c.K, c.V, optionsOf(c));
    auto permuted = core::attend(Qp, Kp, Vp, optionsOf(c));
    REQUIRE(original.ok());
    REQUIRE(permuted.ok());
    const double vScale = testing_helpers::maxAbs(c.V);
    for (int i = 0; i < c.Q.rows; ++i)
      for (int j = 0; j < c.V.cols; ++j)
        REQUIRE(close(permuted.value().output.at(i, j), original.value().output.at(order[static_cast<size_t>(i)], j),
                      kTolerance, vScale));
  }
}

TEST_CASE("adding a constant to a row of scores changes nothing") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> shift(-50.0f, 50.0f);
  for (int n = 0; n < kCases; ++n) {
    Matrix s = randomMatrix(rng, 1 + n % 8, 1 + n % 11, 5.0f);
    Matrix shifted = s;
    for (int i = 0; i < s.rows; ++i) {
      const float c = std::round(shift(rng));  // whole numbers keep the shifted scores exact in float
      for (int j = 0; j < s.cols; ++j) shifted.at(i, j) += c;
    }
    const Matrix a = core::softmaxRows(s), b = core::softmaxRows(shifted);
    for (size_t k = 0; k < a.values.size(); ++k) REQUIRE(close(a.values[k], b.values[k], 1e-4, 1e-3));
  }
}

TEST_CASE("scaling Q by c equals temperature 1/c") {
  std::mt19937 rng(11);
  for (int n = 0; n < kCases; ++n) {
    RandomCase c = makeCase(rng);
    const float factor = 0.25f * static_cast<float>(1 + n % 8);  // powers-of-two-friendly factors
    Matrix scaledQ = c.Q;
    for (float& v : scaledQ.values) v *= factor;
    core::AttentionOptions withTemperature = optionsOf(c);
    withTemperature.temperature = 1.0f / factor;
    auto a = core::attend(scaledQ, c.K, c.V, optionsOf(c));
    auto b = core::attend(c.Q, c.K, c.V, withTemperature);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const double vScale = testing_helpers::maxAbs(c.V);
    for (size_t k = 0; k < a.value().output.values.size(); ++k)
      REQUIRE(close(a.value().output.values[k], b.value().output.values[k], 1e-5, vScale));
  }
}

TEST_CASE("one head equals plain attention, and h heads equal h separate runs") {
  std::mt19937 rng(21);
  for (int n = 0; n < kCases; ++n) {
    RandomCase c = makeCase(rng);
    core::AttentionOptions one = optionsOf(c);
    auto multi = core::attend(c.Q, c.K, c.V, one);
    const auto plain = core::attendOneHead(c.Q, c.K, c.V, c.scale, 1.0f, one.mask);
    REQUIRE(multi.ok());
    REQUIRE(multi.value().output == plain.output);

    const int heads = 2;
    Matrix Q = randomMatrix(rng, c.Q.rows, 2 * (1 + n % 4));
    Matrix K = randomMatrix(rng, c.Q.rows, Q.cols);
    Matrix V = randomMatrix(rng, c.Q.rows, 2 * (1 + n % 3));
    core::AttentionOptions split = one;
    split.heads = heads;
    auto both = core::attend(Q, K, V, split);
    REQUIRE(both.ok());
    for (int h = 0; h < heads; ++h) {
      const int dk = Q.cols / heads, dv = V.cols / heads;
      const auto head = core::attendOneHead(core::columnSlice(Q, h * dk, dk), core::columnSlice(K, h * dk, dk),
                                            core::columnSlice(V, h * dv, dv), c.scale, 1.0f, one.mask);
      REQUIRE(core::columnSlice(both.value().output, h * dv, dv) == head.output);
    }
  }
}

TEST_CASE("online attention equals direct attention for every tile size 1..n") {
  std::mt19937 rng(31);
  for (int n = 0; n < kCases; ++n) {
    RandomCase c = makeCase(rng);
    auto direct = core::attend(c.Q, c.K, c.V, optionsOf(c));
    REQUIRE(direct.ok());
    const double vScale = testing_helpers::maxAbs(c.V);
    for (int tile = 1; tile <= c.K.rows; ++tile) {
      auto online = core::attendOnline(c.Q, c.K, c.V, optionsOf(c), tile, tile == 1);
      REQUIRE(online.ok());
      for (size_t k = 0; k < online.value().output.values.size(); ++k)
        REQUIRE(close(online.value().output.values[k], direct.value().output.values[k], 1e-5, vScale));
    }
  }
}

TEST_CASE("scores near 1e4 give finite weights matching the reference") {
  std::mt19937 rng(41);
  for (int n = 0; n < 200; ++n) {
    const Matrix Q = randomMatrix(rng, 5, 4, 100.0f);  // dot products up to ~4e4
    const Matrix K = randomMatrix(rng, 5, 4, 100.0f);
    const Matrix V = randomMatrix(rng, 5, 3);
    auto trace = core::attend(Q, K, V);
    REQUIRE(trace.ok());
    const auto ref = reference::attention(toRows(Q), toRows(K), toRows(V), 2.0, [](size_t, size_t) { return false; });
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 5; ++j) {
        const float w = trace.value().heads[0].weights.at(i, j);
        REQUIRE(std::isfinite(w));
        // Scores of this size are rounded to float before softmax, so compare loosely.
        REQUIRE(close(w, ref.weights[static_cast<size_t>(i)][static_cast<size_t>(j)], 1e-2, 1e-3));
      }
  }
}
