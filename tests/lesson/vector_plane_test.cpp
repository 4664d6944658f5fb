// vector_plane_test.cpp: what the arrow planes are drawn from: the dimensions they show by
// default, the part of a dot product two dimensions carry, the names of Q/K columns, and the
// one action a dragged tip makes.
#include "lesson/model/vector_plane.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "lesson/model/session.h"

TEST_CASE("the key plane shows the two dimensions that carry most of the query's scores") {
  lesson::LessonState s = lesson::defaultState();  // bank by the river: bank asks for nature and money
  s.selected = 1;
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const lesson::PlaneAxes axes = lesson::scoreAxes(trace, 1);
  CHECK(axes.x == 0);  // nature
  CHECK(axes.y == 1);  // money
  CHECK(lesson::keyColumnNames(s, trace) == std::vector<std::string>{"nature", "money", "motion", "grammar"});
  // "The" asks only for grammar, so grammar is one of its two.
  const lesson::PlaneAxes theAxes = lesson::scoreAxes(trace, 0);
  CHECK((theAxes.x == 3 || theAxes.y == 3));
}

TEST_CASE("the part of a dot product two dimensions carry adds up to the score over all of them") {
  lesson::LessonState s = lesson::defaultState();
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const auto& a = trace.attention;
  for (int i = 0; i < a.Q.rows; ++i)
    for (int j = 0; j < a.K.rows; ++j) {
      const float split = lesson::planeDot(a.Q, i, a.K, j, {0, 1}) + lesson::planeDot(a.Q, i, a.K, j, {2, 3});
      CHECK(split == doctest::Approx(a.heads.front().rawScores.at(i, j)).epsilon(1e-5));
    }
  CHECK(lesson::planeDot(a.Q, 1, a.K, 4, {0, 0}) == doctest::Approx(a.Q.at(1, 0) * a.K.at(4, 0)));  // counted once
}

TEST_CASE("the value plane shows the dimensions the output draws on most") {
  lesson::LessonState s = lesson::defaultState();
  s.selected = 1;
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const lesson::PlaneAxes axes = lesson::valueAxes(trace, 1);
  // Check against the rule itself: no dimension left out has a larger sum of w_j |v_jd|.
  const auto& w = trace.attention.heads.front().weights;
  const auto importance = [&](int d) {
    float sum = 0;
    for (int j = 0; j < trace.attention.V.rows; ++j) sum += w.at(1, j) * std::fabs(trace.attention.V.at(j, d));
    return sum;
  };
  CHECK(axes.x < axes.y);
  for (int d = 0; d < 4; ++d)
    if (d != axes.x && d != axes.y) CHECK(importance(d) <= std::min(importance(axes.x), importance(axes.y)));
}

TEST_CASE("a plane of one dimension puts both axes on it") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setKeyWidth(s, 1).empty());
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  const lesson::PlaneAxes axes = lesson::scoreAxes(trace, 1);
  CHECK(axes.x == 0);
  CHECK(axes.y == 0);
}

TEST_CASE("dragging a tip changes two entries in one action, or nothing") {
  lesson::Session session = lesson::Session();
  const auto revision = session.revision();
  CHECK(session.apply(lesson::actions::MoveVectorTip{lesson::MatrixId::K, 4, 0, 0.5f, 1, 1.5f}) == "");
  CHECK(session.revision() == revision + 1);  // one change, one revision
  CHECK(session.lesson().K.at(4, 0) == 0.5f);
  CHECK(session.lesson().K.at(4, 1) == 1.5f);
  CHECK(session.trace().attention.K.at(4, 1) == 1.5f);  // recomputed
  // The second entry out of range: the first is not kept either.
  const lesson::LessonState before = session.lesson();
  CHECK_FALSE(session.apply(lesson::actions::MoveVectorTip{lesson::MatrixId::K, 4, 0, 0.9f, 1, 5000.0f}).empty());
  CHECK(session.lesson().K == before.K);
  CHECK_FALSE(session.apply(lesson::actions::MoveVectorTip{lesson::MatrixId::V, 99, 0, 0.9f, 1, 0.1f}).empty());
  CHECK(session.lesson().V == before.V);
}
