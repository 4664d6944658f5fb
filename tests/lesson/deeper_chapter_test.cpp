// deeper_chapter_test.cpp: positions, token order, and the lesson's new masks.
#include <doctest/doctest.h>

#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/actions.h"
#include "lesson/model/session.h"
#include "lesson/model/token_order.h"
#include "lesson/model/trace.h"

namespace {

lesson::Session sessionWith(const char* preset) {
  lesson::Session s = lesson::Session();
  REQUIRE(s.apply(lesson::actions::LoadExample{preset}) == "");
  return s;
}

}  // namespace

TEST_CASE("reversing the tokens permutes the outputs exactly without positions, and not with them") {
  for (const auto& preset : lesson::presetList()) {
    lesson::Session s = sessionWith(preset.id.c_str());
    const int n = static_cast<int>(s.lesson().tokens.size());
    if (n < 2) continue;
    const core::Matrix before = s.trace().attention.output;
    REQUIRE(s.apply(lesson::actions::ReverseTokens{}) == "");
    for (int i = 0; i < n; ++i)
      for (int c = 0; c < before.cols; ++c)
        CHECK_MESSAGE(s.trace().attention.output.at(n - 1 - i, c) == before.at(i, c), preset.id);
    const auto effect = lesson::reorderEffect(s.lesson(), s.trace(), lesson::reversedOrder(n));
    CHECK(effect.ok);
    CHECK(effect.largestChange == 0.0f);
    if (s.lesson().source != lesson::VectorSource::Projected) {
      // Positions need embeddings: refused with a reason, the lesson kept.
      const std::string refusal = s.apply(lesson::actions::SetPositional{lesson::Positional::Sinusoidal});
      CHECK(refusal.find("embeddings") != std::string::npos);
      CHECK(s.lesson().positional == lesson::Positional::None);
      continue;
    }
    REQUIRE(s.apply(lesson::actions::SetPositional{lesson::Positional::Sinusoidal}) == "");
    CHECK(!s.trace().positions.empty());
    CHECK(lesson::reorderEffect(s.lesson(), s.trace(), lesson::reversedOrder(n)).largestChange > 1e-3f);
  }
}

TEST_CASE("the causal mask alone breaks the symmetry too") {
  lesson::Session s = sessionWith("bank-river");
  REQUIRE(s.apply(lesson::actions::SetMask{core::Mask::causal()}) == "");
  CHECK(lesson::reorderEffect(s.lesson(), s.trace(), lesson::reversedOrder(7)).largestChange > 1e-3f);
}

TEST_CASE("a shuffle moves the rows with their tokens, and the selection follows its token") {
  lesson::Session s = sessionWith("bank-river");
  REQUIRE(s.apply(lesson::actions::SelectQuery{1}) == "");  // "bank"
  const auto order = lesson::shuffledOrder(7, 3);
  const lesson::LessonState before = s.lesson();
  REQUIRE(s.apply(lesson::actions::ShuffleTokens{3}) == "");
  for (int k = 0; k < 7; ++k) {
    CHECK(s.lesson().tokens[static_cast<size_t>(k)] ==
          before.tokens[static_cast<size_t>(order[static_cast<size_t>(k)])]);
    for (int c = 0; c < before.X.cols; ++c)
      CHECK(s.lesson().X.at(k, c) == before.X.at(order[static_cast<size_t>(k)], c));
  }
  CHECK(s.lesson().tokens[static_cast<size_t>(s.lesson().selected)] == "bank");
  CHECK(lesson::shuffledOrder(2, 0) != std::vector<int>({0, 1}));
}

TEST_CASE("positions and window masks are in the state JSON and share links; bad values are refused") {
  lesson::Session s = sessionWith("bank-river");
  REQUIRE(s.apply(lesson::actions::ApplyStateText{R"({"positional": "sinusoidal", "mask": "window:1+global:2"})"}) ==
          "");
  CHECK(s.lesson().positional == lesson::Positional::Sinusoidal);
  CHECK(s.lesson().mask == core::Mask::slidingWindow(1, 2));
  const auto json = lesson::stateToJson(s.lesson());
  CHECK(json["positional"] == "sinusoidal");
  CHECK(json["mask"] == "window:1+global:2");
  lesson::Session other = sessionWith("three-tokens");
  REQUIRE(other.apply(lesson::actions::OpenLink{lesson::encodeShareFragment(s.lesson())}) == "");
  CHECK(other.lesson().positional == lesson::Positional::Sinusoidal);
  CHECK(other.lesson().mask == core::Mask::slidingWindow(1, 2));
  CHECK(other.trace().attention.heads[0].weights.at(6, 3) == 0.0f);  // |6 - 3| > 1, neither global
  const lesson::LessonState kept = s.lesson();
  for (const char* bad : {R"({"positional": "learned"})", R"({"mask": "window:99"})",
                          R"({"mask": "window:1+global:x"})", R"({"positional": 1})"}) {
    CHECK_MESSAGE(s.apply(lesson::actions::ApplyStateText{bad}) != "", bad);
    CHECK(s.lesson() == kept);
  }
}

TEST_CASE("the tile size is part of the state: it sets the tiles, and out-of-range sizes are refused") {
  lesson::Session s = sessionWith("bank-river");
  REQUIRE(s.apply(lesson::actions::SetTileSize{3}) == "");
  CHECK(s.trace().online.tiles.size() == 3);
  CHECK(lesson::stateToJson(s.lesson())["tileSize"] == 3);
  CHECK(lesson::onlineDifference(s.trace()) < 1e-6f);
  CHECK(s.apply(lesson::actions::SetTileSize{0}) != "");
  CHECK(s.apply(lesson::actions::ApplyStateText{R"({"tileSize": 17})"}) != "");
  CHECK(s.lesson().tileSize == 3);
}
