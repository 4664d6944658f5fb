// core_examples_test.cpp: hand-checkable attention examples with exact expected numbers.
#include <doctest/doctest.h>

#include <cmath>

#include "core/attention.h"
#include "core/online.h"
#include "core/positional.h"

using core::Matrix;

namespace {

const Matrix kThreeQ = Matrix::fromRows({{1, 0, 1, 0}, {0, 1, 0, 1}, {1, 1, 0, 0}});
const Matrix kThreeV = Matrix::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});

}  // namespace

TEST_CASE("three-token example: raw scores are the dot products") {
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV);
  REQUIRE(trace.ok());
  const Matrix expected = Matrix::fromRows({{2, 0, 1}, {0, 2, 1}, {1, 1, 2}});
  CHECK(trace.value().heads[0].rawScores == expected);
  CHECK(trace.value().heads[0].scaleDivisor == doctest::Approx(2.0));
  CHECK(trace.value().heads[0].scaledScores.at(0, 0) == 1.0f);
  CHECK(trace.value().heads[0].scaledScores.at(0, 2) == 0.5f);
}

TEST_CASE("three-token example: weights of row 0 by hand") {
  // scaled row 0 = [1, 0, 0.5]; softmax = [e^0, e^-1, e^-0.5] / sum after subtracting 1.
  const double a = 1.0, b = std::exp(-1.0), c = std::exp(-0.5), sum = a + b + c;
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV);
  REQUIRE(trace.ok());
  const Matrix& w = trace.value().heads[0].weights;
  CHECK(w.at(0, 0) == doctest::Approx(a / sum).epsilon(1e-7));
  CHECK(w.at(0, 1) == doctest::Approx(b / sum).epsilon(1e-7));
  CHECK(w.at(0, 2) == doctest::Approx(c / sum).epsilon(1e-7));
  const double out0 = (a * 1 + b * 5 + c * 9) / sum;
  CHECK(trace.value().output.at(0, 0) == doctest::Approx(out0).epsilon(1e-6));
}

TEST_CASE("softmax of equal scores is uniform") {
  const Matrix s = Matrix::fromRows({{3, 3, 3, 3}});
  const Matrix w = core::softmaxRows(s);
  for (int j = 0; j < 4; ++j) CHECK(w.at(0, j) == 0.25f);
}

TEST_CASE("softmax with scores of magnitude 1e4 stays finite and exact") {
  const Matrix s = Matrix::fromRows({{10000, 9999, -10000}, {-10000, -10000, -10001}});
  const Matrix w = core::softmaxRows(s);
  const double e1 = std::exp(-1.0);
  CHECK(w.at(0, 0) == doctest::Approx(1.0 / (1.0 + e1)).epsilon(1e-7));
  CHECK(w.at(0, 1) == doctest::Approx(e1 / (1.0 + e1)).epsilon(1e-7));
  CHECK(w.at(0, 2) == 0.0f);
  CHECK(w.at(1, 0) == doctest::Approx(1.0 / (2.0 + e1)).epsilon(1e-7));
  for (float v : w.values) CHECK(std::isfinite(v));
}

TEST_CASE("causal mask: the first row sees only itself") {
  core::AttentionOptions options;
  options.mask = core::Mask::causal();
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV, options);
  REQUIRE(trace.ok());
  const Matrix& w = trace.value().heads[0].weights;
  CHECK(w.at(0, 0) == 1.0f);
  CHECK(w.at(0, 1) == 0.0f);
  CHECK(w.at(0, 2) == 0.0f);
  CHECK(std::isinf(trace.value().heads[0].maskedScores.at(0, 1)));
  CHECK(trace.value().output.at(0, 3) == 4.0f);
}

TEST_CASE("window mask hides keys further than W") {
  const Matrix q(4, 2, 1.0f);
  core::AttentionOptions options;
  options.mask = core::Mask::slidingWindow(1);
  auto trace = core::attend(q, q, Matrix(4, 1, 1.0f), options);
  REQUIRE(trace.ok());
  const Matrix& w = trace.value().heads[0].weights;
  CHECK(w.at(0, 0) == 0.5f);
  CHECK(w.at(0, 2) == 0.0f);
  CHECK(w.at(1, 0) == doctest::Approx(1.0 / 3.0));
  CHECK(w.at(3, 0) == 0.0f);
}

TEST_CASE("fully hidden row yields zeros and a flag, never NaN") {
  core::AttentionOptions options;
  options.mask = core::Mask::explicitAllowed({{false, false, false}, {true, false, true}, {true, true, true}});
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV, options);
  REQUIRE(trace.ok());
  const auto& head = trace.value().heads[0];
  CHECK(head.rowFullyHidden[0]);
  CHECK_FALSE(head.rowFullyHidden[1]);
  CHECK(trace.value().anyRowFullyHidden());
  for (int j = 0; j < 3; ++j) CHECK(head.weights.at(0, j) == 0.0f);
  for (int c = 0; c < 4; ++c) CHECK(trace.value().output.at(0, c) == 0.0f);
  for (float v : trace.value().output.values) CHECK_FALSE(std::isnan(v));
  CHECK(head.weights.at(1, 1) == 0.0f);
}

TEST_CASE("a zero key still receives weight exp(0 - max) / sum") {
  const Matrix q = Matrix::fromRows({{2, 0}});
  const Matrix k = Matrix::fromRows({{1, 0}, {0, 0}});
  core::AttentionOptions options;
  options.scale = false;
  auto trace = core::attend(q, k, Matrix::fromRows({{1}, {0}}), options);
  REQUIRE(trace.ok());
  const double expected = std::exp(-2.0) / (1.0 + std::exp(-2.0));
  CHECK(trace.value().heads[0].weights.at(0, 1) == doctest::Approx(expected).epsilon(1e-7));
}

TEST_CASE("temperature divides after the sqrt(d_k) scale") {
  core::AttentionOptions options;
  options.temperature = 0.5f;
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV, options);
  REQUIRE(trace.ok());
  CHECK(trace.value().heads[0].scaleDivisor == 1.0f);
  CHECK(trace.value().heads[0].scaledScores.at(0, 0) == 2.0f);
}

TEST_CASE("two heads split the columns and scale by sqrt(d_k / h)") {
  core::AttentionOptions options;
  options.heads = 2;
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV, options);
  REQUIRE(trace.ok());
  const auto& t = trace.value();
  REQUIRE(t.heads.size() == 2);
  CHECK(t.heads[0].Q.cols == 2);
  CHECK(t.heads[0].scaleDivisor == doctest::Approx(std::sqrt(2.0)));
  // head 0 sees columns 0..1 of Q: rows [1,0], [0,1], [1,1]
  CHECK(t.heads[0].rawScores == Matrix::fromRows({{1, 0, 1}, {0, 1, 1}, {1, 1, 2}}));
  CHECK(t.output.cols == 4);
  CHECK(t.output.at(0, 0) == t.heads[0].output.at(0, 0));
  CHECK(t.output.at(0, 2) == t.heads[1].output.at(0, 0));
}

TEST_CASE("output projection W_O mixes the concatenated heads") {
  core::AttentionOptions options;
  options.outputProjection = Matrix::fromRows({{1}, {1}, {1}, {1}});
  auto trace = core::attend(kThreeQ, kThreeQ, kThreeV, options);
  REQUIRE(trace.ok());
  const Matrix& c = trace.value().concatenated;
  CHECK(trace.value().output.cols == 1);
  CHECK(trace.value().output.at(1, 0) ==
        doctest::Approx(c.at(1, 0) + c.at(1, 1) + c.at(1, 2) + c.at(1, 3)).epsilon(1e-6));
}

TEST_CASE("online attention keeps a running max and sum per tile") {
  auto online = core::attendOnline(kThreeQ, kThreeQ, kThreeV, {}, 2, true);
  REQUIRE(online.ok());
  const auto& tiles = online.value().tiles;
  REQUIRE(tiles.size() == 2);
  CHECK(tiles[0].firstKey == 0);
  CHECK(tiles[0].keyCount == 2);
  CHECK(tiles[1].keyCount == 1);
  // row 0 scaled scores [1, 0, 0.5]: after tile 0, m = 1 and l = 1 + e^-1
  CHECK(tiles[0].runningMax[0] == 1.0f);
  CHECK(tiles[0].runningSum[0] == doctest::Approx(1.0 + std::exp(-1.0)));
  CHECK(tiles[1].runningSum[0] == doctest::Approx(1.0 + std::exp(-1.0) + std::exp(-0.5)));
  auto direct = core::attend(kThreeQ, kThreeQ, kThreeV);
  for (size_t k = 0; k < direct.value().output.values.size(); ++k)
    CHECK(online.value().output.values[k] == doctest::Approx(direct.value().output.values[k]).epsilon(1e-6));
}

TEST_CASE("sinusoidal positions follow the Transformer formula") {
  auto pe = core::sinusoidalPositions(3, 4);
  REQUIRE(pe.ok());
  CHECK(pe.value().at(0, 0) == 0.0f);
  CHECK(pe.value().at(0, 1) == 1.0f);
  CHECK(pe.value().at(1, 0) == doctest::Approx(std::sin(1.0)));
  CHECK(pe.value().at(2, 2) == doctest::Approx(std::sin(2.0 / 100.0)));
  CHECK(pe.value().at(2, 3) == doctest::Approx(std::cos(2.0 / 100.0)));
  CHECK_FALSE(core::sinusoidalPositions(0, 4).ok());
}

TEST_CASE("cross-attention shapes: 2 queries over 3 keys") {
  const Matrix q = Matrix::fromRows({{1, 0}, {0, 1}});
  const Matrix k = Matrix::fromRows({{1, 0}, {0, 1}, {1, 1}});
  const Matrix v = Matrix::fromRows({{1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}});
  auto trace = core::attend(q, k, v);
  REQUIRE(trace.ok());
  CHECK(trace.value().heads[0].weights.rows == 2);
  CHECK(trace.value().heads[0].weights.cols == 3);
  CHECK(trace.value().output.cols == 5);
}
