// pictures_test.cpp: the numbers behind the pictures of the scale, positions and uses steps.
// The scale step's random scores spread like √d_k and the division holds them near 1; the
// positions step's reversal leaves every output as it was without positions and a mask, in
// every preset, and changes them with positions; the uses pictures link pieces they have.
#include <doctest/doctest.h>

#include <cmath>

#include "core/positional.h"
#include "lesson/content/background.h"
#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/scale_spread.h"
#include "lesson/model/session.h"
#include "lesson/model/token_order.h"
#include "text/decimals.h"

namespace act = lesson::actions;

TEST_CASE("scale spread: scores of random vectors spread like the square root of d_k; divided, near 1") {
  const auto& rows = lesson::scaleSpread();
  REQUIRE(rows.size() == 5);
  for (const auto& row : rows) {
    CAPTURE(row.width);
    REQUIRE(row.scores.size() == static_cast<size_t>(lesson::kScaleSpreadPairs));
    const float root = std::sqrt(static_cast<float>(row.width));
    // Measured from 48 draws, so within sampling error of the theory (a standard deviation of
    // about 10% at this count) and exactly the undivided spread over √d_k.
    CHECK(row.spread / root == doctest::Approx(1.0).epsilon(0.3));
    CHECK(row.spreadDivided == doctest::Approx(row.spread / root).epsilon(1e-4));
    // The softmax of the row's first scores: recomputed here in double, max subtracted.
    for (const bool divided : {false, true}) {
      double top = -INFINITY, sum = 0, largest = 0;
      for (int j = 0; j < lesson::kRowKeys; ++j)
        top = std::max(top, double(row.scores[size_t(j)]) / (divided ? root : 1));
      for (int j = 0; j < lesson::kRowKeys; ++j)
        sum += std::exp(double(row.scores[size_t(j)]) / (divided ? root : 1) - top);
      for (int j = 0; j < lesson::kRowKeys; ++j)
        largest = std::max(largest, std::exp(double(row.scores[size_t(j)]) / (divided ? root : 1) - top) / sum);
      CHECK((divided ? row.largestWeightDivided : row.largestWeight) == doctest::Approx(largest).epsilon(1e-5));
    }
  }
  // What the picture's sentence says: the spread grows, the widest rows' softmax saturates
  // without the division and not with it.
  CHECK(rows.back().spread > 8 * rows.front().spread);
  CHECK(rows.back().largestWeight > 0.95f);
  CHECK(rows.back().largestWeightDivided < 0.8f);
}

TEST_CASE("positions picture: reversing keeps each output without positions and mask, changes it with positions") {
  for (const auto& preset : lesson::presetList()) {
    CAPTURE(preset.id);
    lesson::Session s;
    REQUIRE(s.apply(act::LoadExample{preset.id}) == "");
    s.apply(act::ApplyStateText{"{\"mask\":\"none\"}"});
    const auto& without = s.reverseEffect(lesson::Positional::None);
    REQUIRE(without.ok);
    const int n = without.outputBefore.rows;
    REQUIRE(without.outputAfter.rows == n);
    float largest = 1;
    for (float v : without.outputBefore.values) largest = std::max(largest, std::fabs(v));
    CHECK(without.largestChange <= 1e-5f * largest);
    // The reversed outputs are the core's for the reversed sentence, row for row.
    lesson::LessonState reversed = s.lesson();
    reversed.positional = lesson::Positional::None;
    lesson::reorderTokens(reversed, lesson::reversedOrder(n));
    const lesson::LessonTrace trace = lesson::computeTrace(reversed);
    REQUIRE(trace.ok);
    for (size_t k = 0; k < trace.attention.output.values.size(); ++k)
      CHECK(without.outputAfter.values[k] == trace.attention.output.values[k]);
    if (s.lesson().source != lesson::VectorSource::Projected || n < 2) continue;
    const auto& with = s.reverseEffect(lesson::Positional::Sinusoidal);
    REQUIRE(with.ok);
    CHECK(with.largestChange > 1e-3f);
    // The learner's own setting is the cached effect itself.
    CHECK(&s.reverseEffect(s.lesson().positional) == &s.reverseEffect());
  }
}

TEST_CASE("uses pictures: every link joins two pieces the picture has, and a translation looks at its source") {
  for (const auto& use : lesson::attentionUses()) {
    CAPTURE(use.field);
    REQUIRE(!use.pieces.empty());
    REQUIRE(!use.links.empty());
    const int count = static_cast<int>(use.pieces.size());
    for (const auto& [from, to] : use.links) {
      CHECK(from >= 0);
      CHECK(from < count);
      CHECK(to >= 0);
      CHECK(to < count);
      CHECK(from != to);
      if (use.layout == lesson::UseLayout::TwoRows) {
        CHECK(from >= use.split);  // a word being written
        CHECK(to < use.split);     // looks at a source word
      }
      if (use.layout == lesson::UseLayout::Row && use.field == "Language models") CHECK(to < from);  // causal
    }
    if (use.layout == lesson::UseLayout::Patches) {
      const int side = static_cast<int>(std::lround(std::sqrt(count)));
      CHECK(side * side == count);
    }
  }
}

TEST_CASE("counts are printed with their thousands apart") {
  CHECK(text::groupedCount(0) == "0");
  CHECK(text::groupedCount(999) == "999");
  CHECK(text::groupedCount(1000) == "1,000");
  CHECK(text::groupedCount(1048576) == "1,048,576");
  CHECK(text::groupedCount(-1234.4) == "-1,234");
  CHECK(text::groupedCount(2147483648.0) == "2,147,483,648");
}

TEST_CASE("sizes in bytes are printed in the unit a reader takes in") {
  CHECK(text::byteSize(448) == "448 B");
  CHECK(text::byteSize(272.6e6) == "272.6 MB");
  CHECK(text::byteSize(2147483648.0) == "2.1 GB");
  CHECK(text::byteSize(12345) == "12.3 kB");
  CHECK(text::byteSize(5570560) == "5.6 MB");  // not "5570.6 kB" beside "22.2 MB"
}
