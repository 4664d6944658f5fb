// edit_goal_test.cpp: the goal of the steps that invite editing. In every example, mask and
// query the goal is a key the query can see, not itself, with the row's smallest weight; it
// is reached exactly when that key's weight is the largest; an honest edit reaches it.
#include "lesson/model/edit_goal.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/session.h"

namespace act = lesson::actions;

TEST_CASE("a goal is the key the query weights least among those it sees; Done only when it leads") {
  for (const auto& preset : lesson::presetList()) {
    for (const char* mask : {"none", "causal", "window:1"}) {
      lesson::Session s;
      REQUIRE(s.apply(act::LoadExample{preset.id}) == "");
      s.apply(act::ApplyStateText{std::string("{\"mask\":\"") + mask + "\"}"});
      const auto& head = s.trace().attention.heads.front();
      for (int q = 0; q < head.weights.rows; ++q) {
        const lesson::EditGoal goal = lesson::pickEditGoal(s.trace(), q);
        int visibleOthers = 0;
        for (int j = 0; j < head.weights.cols; ++j) visibleOthers += j != q && head.maskedScores.at(q, j) != -INFINITY;
        CAPTURE(preset.id);
        CAPTURE(mask);
        CAPTURE(q);
        if (visibleOthers == 0) {
          CHECK(goal.query == -1);
          CHECK(lesson::goalText(s.lesson(), s.trace(), goal).empty());
          continue;
        }
        REQUIRE(goal.query == q);
        CHECK(goal.key != q);
        CHECK(head.maskedScores.at(q, goal.key) != -INFINITY);
        for (int j = 0; j < head.weights.cols; ++j)
          if (j != q && head.maskedScores.at(q, j) != -INFINITY)
            CHECK(head.weights.at(q, goal.key) <= head.weights.at(q, j));
        bool leads = true;
        for (int j = 0; j < head.weights.cols; ++j)
          if (j != goal.key && head.weights.at(q, j) >= head.weights.at(q, goal.key)) leads = false;
        CHECK(lesson::goalReached(s.trace(), goal) == leads);
        const std::string text = lesson::goalText(s.lesson(), s.trace(), goal);
        CHECK((text.find("Done") != std::string::npos) == leads);
      }
    }
  }
}

TEST_CASE("an edit of the goal's key towards the query reaches the goal, and the line says so") {
  lesson::Session s;
  REQUIRE(s.apply(act::LoadExample{"three-tokens"}) == "");
  const int q = 0;
  const lesson::EditGoal goal = lesson::pickEditGoal(s.trace(), q);
  REQUIRE(goal.key >= 0);
  CHECK_FALSE(lesson::goalReached(s.trace(), goal));
  CHECK(lesson::goalText(s.lesson(), s.trace(), goal).find("strongest other key") != std::string::npos);
  // Give the key the query's direction, three times as long.
  const auto& Q = s.trace().attention.Q;
  for (int c = 0; c < Q.cols; ++c)
    REQUIRE(s.apply(act::EditCell{lesson::MatrixId::K, goal.key, c, 3.0f * Q.at(q, c)}) == "");
  CHECK(lesson::goalReached(s.trace(), goal));
  CHECK(lesson::goalText(s.lesson(), s.trace(), goal).find("Done") != std::string::npos);
  // After the sentence loses the key, the goal no longer fits and says nothing.
  REQUIRE(s.apply(act::RemoveToken{goal.key}) == "");
  CHECK_FALSE(lesson::goalReached(s.trace(), lesson::EditGoal{q, 5}));
  CHECK(lesson::goalText(s.lesson(), s.trace(), lesson::EditGoal{q, 5}).empty());
}

TEST_CASE("a goal whose key a mask now hides is no longer reachable") {
  lesson::Session s;  // bank by the river: "bank" weights "was" least
  const lesson::EditGoal goal = lesson::pickEditGoal(s.trace(), 1);
  REQUIRE(goal.key > 1);  // a key after "bank"
  CHECK(lesson::goalReachable(s.trace(), goal));
  REQUIRE(s.apply(act::SetMask{core::Mask::causal()}) == "");
  CHECK_FALSE(lesson::goalReachable(s.trace(), goal));
  const lesson::EditGoal next = lesson::pickEditGoal(s.trace(), 1);
  CHECK(next.key == 0);  // the only other key "bank" still sees
  CHECK(lesson::goalReachable(s.trace(), next));
}
