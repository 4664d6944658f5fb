// core_validation_test.cpp: every invalid input is refused with a message that names it,
// through the C++ API and through the JSON compute() entry point.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/attention.h"
#include "core/online.h"
#include "lesson/io/compute_api.h"

using core::Matrix;

namespace {

std::string errorOf(const Matrix& Q, const Matrix& K, const Matrix& V, const core::AttentionOptions& o = {}) {
  auto r = core::attend(Q, K, V, o);
  return r.ok() ? std::string() : r.error();
}

std::string computeError(const std::string& request) {
  const auto reply = nlohmann::json::parse(lesson::computeText(request));
  return reply.contains("error") ? reply["error"].get<std::string>() : std::string();
}

const Matrix kQ = Matrix::fromRows({{1, 0}, {0, 1}});

}  // namespace

TEST_CASE("C++ API: shape and value errors name the problem") {
  CHECK(errorOf(Matrix(), kQ, kQ) == "Q is empty");
  CHECK(errorOf(kQ, Matrix::fromRows({{1, 0, 0}, {0, 1, 0}, {1, 1, 1}}), kQ) == "K has 3 columns but Q has 2");
  CHECK(errorOf(kQ, kQ, Matrix::fromRows({{1}, {2}, {3}})) == "V has 3 rows but K has 2");
  Matrix bad = kQ;
  bad.at(1, 0) = std::numeric_limits<float>::quiet_NaN();
  CHECK(errorOf(kQ, bad, kQ) == "K[1][0] is not a finite number");
  bad.at(1, 0) = std::numeric_limits<float>::infinity();
  CHECK(errorOf(bad, kQ, kQ) == "Q[1][0] is not a finite number");
  bad.at(1, 0) = 2e6f;
  CHECK(errorOf(bad, kQ, kQ) == "Q[1][0] is outside the range -1e6..1e6");
  Matrix ragged = kQ;
  ragged.values.pop_back();
  CHECK(errorOf(kQ, kQ, ragged) == "V does not hold rows x cols values");
}

TEST_CASE("C++ API: option errors") {
  core::AttentionOptions o;
  o.temperature = 0.0f;
  CHECK(errorOf(kQ, kQ, kQ, o) == "temperature must be a finite number greater than 0");
  o.temperature = -1.0f;
  CHECK(errorOf(kQ, kQ, kQ, o).find("temperature") == 0);
  o.temperature = std::numeric_limits<float>::infinity();
  CHECK(errorOf(kQ, kQ, kQ, o).find("temperature") == 0);
  o.temperature = 1.0f;
  o.heads = 3;
  CHECK(errorOf(kQ, kQ, kQ, o) == "heads (3) must divide d_k (2)");
  o.heads = 2;
  CHECK(errorOf(kQ, kQ, Matrix::fromRows({{1, 2, 3}, {4, 5, 6}}), o) == "heads (2) must divide d_v (3)");
  o.heads = 0;
  CHECK(errorOf(kQ, kQ, kQ, o) == "heads must be between 1 and 64");
  o.heads = 1;
  o.mask = core::Mask::explicitAllowed({{true, true}});
  CHECK(errorOf(kQ, kQ, kQ, o) == "mask has 1 row but Q has 2 rows");
  o.mask = core::Mask::slidingWindow(-1);
  CHECK(errorOf(kQ, kQ, kQ, o) == "mask window must be 0 or more");
  o.mask = {};
  o.outputProjection = Matrix::fromRows({{1, 0}});
  CHECK(errorOf(kQ, kQ, kQ, o) == "WO has 1 row but V has 2 columns");
  CHECK_FALSE(core::attendOnline(kQ, kQ, kQ, {}, 0, false).ok());
}

TEST_CASE("C++ API: sizes past the limits are refused before allocating") {
  CHECK(errorOf(Matrix(4097, 1), Matrix(1, 1), Matrix(1, 1)) == "Q has 4097 rows; the limit is 4096");
  CHECK(errorOf(Matrix(1, 1025), Matrix(1, 1025), Matrix(1, 1)) == "Q has 1025 columns; the limit is 1024");
}

TEST_CASE("compute(): bad JSON and wrong types give an error") {
  CHECK(computeError("{") == "the request is not valid JSON");
  CHECK(computeError("[1,2]") == "the request must be a JSON object with Q, K and V");
  CHECK(computeError(R"({"K":[[1]],"V":[[1]]})") == "Q is missing");
  CHECK(computeError(R"({"Q":"abc","K":[[1]],"V":[[1]]})") == "Q must be an array of rows");
  CHECK(computeError(R"({"Q":[],"K":[[1]],"V":[[1]]})") == "Q is empty");
  CHECK(computeError(R"({"Q":[[1,2],[3]],"K":[[1]],"V":[[1]]})") == "Q row 1 has 1 entries but row 0 has 2");
  CHECK(computeError(R"({"Q":[[1,"x"]],"K":[[1,2]],"V":[[1]]})") == "Q[0][1] is not a number");
  CHECK(computeError(R"({"Q":[[1,1e999]],"K":[[1,2]],"V":[[1]]})") == "the request is not valid JSON");
  CHECK(computeError(R"({"Q":[[1,1e300]],"K":[[1,2]],"V":[[1]]})") == "Q[0][1] is not a finite number");
  CHECK(computeError(R"({"Q":[[1,2e6]],"K":[[1,2]],"V":[[1]]})") == "Q[0][1] is outside the range -1e6..1e6");
  CHECK(computeError(R"({"Q":[[1,2]],"K":[[1,2,3]],"V":[[1]]})") == "K has 3 columns but Q has 2");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"temperature":0})") ==
        "temperature must be a finite number greater than 0");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"temperature":"hot"})") == "temperature must be a number");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"scale":1})") == "scale must be true or false");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"heads":2})") == "heads (2) must divide d_k (1)");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"heads":1.5})") == "heads must be a whole number");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"mask":"sideways"})").find("unknown mask") == 0);
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"mask":"window:x"})").find("mask \"window:x\"") == 0);
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"mask":[[true],[false]]})") == "mask has 2 rows but Q has 1");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"mask":[["yes"]]})") ==
        "mask entries must be true/false (or 1/0)");
  CHECK(computeError(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"tile":0})") == "tile must be a whole number of at least 1");
}

TEST_CASE("compute(): invalid UTF-8 in user text does not crash the reply") {
  const std::string request = std::string(R"({"Q":[[1]],"K":[[1]],"V":[[1]],"mask":")") + "\xff\xfe" + "\"}";
  const std::string reply = lesson::computeText(request);
  CHECK(reply.find("error") != std::string::npos);
}

TEST_CASE("compute(): a valid request returns scores, weights and output") {
  const auto reply = nlohmann::json::parse(lesson::computeText(
      R"({"Q":[[1,0,1,0],[0,1,0,1],[1,1,0,0]],"K":[[1,0,1,0],[0,1,0,1],[1,1,0,0]],
          "V":[[1,2,3,4],[5,6,7,8],[9,10,11,12]],"mask":"causal","tile":2})"));
  REQUIRE_FALSE(reply.contains("error"));
  CHECK(reply["scores"][0][0] == 1.0);
  CHECK(reply["scores"][0][1].is_null());
  CHECK(reply["weights"][0][0] == 1.0);
  CHECK(reply["output"][0][3] == 4.0);
  CHECK(reply["online"]["tiles"].size() == 2);
  CHECK(reply["online"]["output"] == reply["output"]);
}

TEST_CASE("compute(): heads > 1 adds headWeights") {
  const auto reply = nlohmann::json::parse(
      lesson::computeText(R"({"Q":[[1,0,1,0],[0,1,0,1]],"K":[[1,0,1,0],[0,1,0,1]],"V":[[1,2],[3,4]],"heads":2})"));
  REQUIRE_FALSE(reply.contains("error"));
  CHECK(reply["headWeights"].size() == 2);
  CHECK(reply["headScores"].size() == 2);
}
