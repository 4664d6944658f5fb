// output_mixing_test.cpp: W_O in the lesson. It starts as the identity, mixes the joined
// heads when edited, follows changes of d_v, and travels through the state JSON.
#include <doctest/doctest.h>

#include <cmath>

#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/model/edits.h"
#include "lesson/model/trace.h"

using lesson::MatrixId;

namespace {
bool isIdentity(const core::Matrix& m, int size) {
  if (m.rows != size || m.cols != size) return false;
  for (int i = 0; i < size; ++i)
    for (int j = 0; j < size; ++j)
      if (m.at(i, j) != (i == j ? 1.0f : 0.0f)) return false;
  return true;
}
}  // namespace

TEST_CASE("every preset starts with W_O the identity, so mixing changes nothing") {
  for (const auto& info : lesson::presetList()) {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(info.id, s));
    CHECK(isIdentity(s.WO, lesson::valueWidth(s)));
    const auto trace = lesson::computeTrace(s);
    REQUIRE(trace.ok);
    CHECK(trace.attention.output == trace.attention.concatenated);
  }
  CHECK(isIdentity(lesson::defaultState().WO, lesson::defaultState().dK));
}

TEST_CASE("an edited W_O mixes output columns and leaves the attention output alone") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setHeads(s, 2).empty());
  const auto before = lesson::computeTrace(s);
  REQUIRE(lesson::setEntry(s, MatrixId::WO, 0, 1, 0.5f).empty());  // column 1 also takes half of column 0
  const auto after = lesson::computeTrace(s);
  REQUIRE(after.ok);
  CHECK(after.attention.concatenated == before.attention.concatenated);
  const auto& out = after.attention.concatenated;
  const auto& mixed = lesson::traceMatrix(after, MatrixId::Mixed);
  for (int i = 0; i < out.rows; ++i) {
    CHECK(mixed.at(i, 0) == doctest::Approx(out.at(i, 0)));
    CHECK(mixed.at(i, 1) == doctest::Approx(out.at(i, 1) + 0.5 * out.at(i, 0)));
  }
  CHECK(&lesson::traceMatrix(after, MatrixId::Output) == &after.attention.concatenated);
  REQUIRE(lesson::resetMatrix(s, MatrixId::WO).empty());
  CHECK(isIdentity(s.WO, s.dK));
}

TEST_CASE("W_O follows a change of d_k, keeping the entries that still fit") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setEntry(s, MatrixId::WO, 1, 0, 2.0f).empty());
  REQUIRE(lesson::setKeyWidth(s, 6).empty());
  REQUIRE(s.WO.rows == 6);
  CHECK(s.WO.at(1, 0) == 2.0f);
  CHECK(s.WO.at(5, 5) == 1.0f);
  CHECK(s.WO.at(4, 5) == 0.0f);
  REQUIRE(lesson::setKeyWidth(s, 2).empty());
  CHECK(s.WO.rows == 2);
  CHECK(s.WO.at(1, 0) == 2.0f);
  CHECK(lesson::computeTrace(s).ok);
}

TEST_CASE("W_O travels through the state JSON, and a wrong one is refused whole") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setEntry(s, MatrixId::WO, 2, 3, -1.5f).empty());
  const auto json = lesson::stateToJson(s);
  REQUIRE(json.contains("WO"));
  lesson::LessonState restored = lesson::defaultState();
  REQUIRE(lesson::applyStateJson(restored, json).empty());
  CHECK(restored.WO == s.WO);

  const auto withTrace = lesson::stateWithTraceToJson(s, lesson::computeTrace(s));
  CHECK(withTrace["mixedOutput"].size() == s.tokens.size());
  CHECK(withTrace["output"] != withTrace["mixedOutput"]);

  const lesson::LessonState kept = restored;
  const std::string error = lesson::applyStateText(restored, R"({"WO": [[1, 0], [0, 1]], "heads": 2})");
  CHECK(error == "WO must be 4 x 4 but is 2 x 2");
  CHECK(restored.WO == kept.WO);
  CHECK(restored.heads == kept.heads);

  // Without WO in the patch, a new value width refits it (direct V with 2 columns).
  REQUIRE(lesson::applyStateText(restored, R"({"preset": "three-tokens", "V": [[1, 2], [3, 4], [5, 6]]})").empty());
  CHECK(isIdentity(restored.WO, 2));
  CHECK(lesson::computeTrace(restored).ok);
}
