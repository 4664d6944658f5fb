// reference_test.cpp: the glossary, the history and uses, and the code listing.
#include <doctest/doctest.h>

#include <set>

#include "lesson/content/background.h"
#include "lesson/content/code_listing.h"
#include "lesson/content/glossary.h"
#include "lesson/content/narration.h"
#include "lesson/content/presets.h"
#include "lesson/content/steps.h"
#include "lesson/model/trace.h"

TEST_CASE("the glossary has the lesson's words, each leading to a step of the tour") {
  std::set<std::string> terms;
  for (const auto& entry : lesson::glossary()) {
    CHECK_MESSAGE(lesson::stepIndexOf(entry.stepId) >= 0, entry.term);
    CHECK(entry.meaning.size() > 40);
    terms.emplace(entry.term);
  }
  for (const char* term :
       {"token", "embedding", "query", "key", "value", "score", "d_k", "softmax", "weight", "head", "mask"})
    CHECK_MESSAGE(terms.count(term) == 1, term);
}

TEST_CASE("the tour points to the history, the uses, the code and what comes next") {
  const auto hasView = [](const char* stepId, const char* view) {
    const auto& step = lesson::tourSteps()[static_cast<size_t>(lesson::stepIndexOf(stepId))];
    for (const auto& v : step.views)
      if (v == view) return true;
    return false;
  };
  CHECK(hasView("why", "history"));
  CHECK(hasView("all-at-once", "code"));
  CHECK(hasView("uses", "uses"));
  CHECK(hasView("next", "transformer-block"));
  CHECK(lesson::stepIndexOf("next") == lesson::stepCount() - 1);
  CHECK(lesson::historyMilestones().size() >= 4);
  CHECK(lesson::attentionUses().size() == 5);
  const auto& qkvStep = lesson::tourSteps()[static_cast<size_t>(lesson::stepIndexOf("qkv"))];
  const std::string qkv = std::string(qkvStep.plain) + std::string(qkvStep.more);
  CHECK(qkv.find("library") != std::string::npos);
}

TEST_CASE("the code listing holds the learner's exact inputs and every option they set") {
  lesson::LessonState state;
  REQUIRE(lesson::loadPreset("three-tokens", state));
  state.Q.at(0, 1) = 0.125f;
  state.V.at(2, 0) = 10.0f;
  std::string text = lesson::numpyListing(state, lesson::computeTrace(state));
  CHECK(text.find("Q = np.array([[1, 0.125, 1, 0]") != std::string::npos);
  CHECK(text.find("10") != std::string::npos);
  CHECK(text.find("1e+01") == std::string::npos);
  CHECK(text.find("/ np.sqrt(K.shape[1])") != std::string::npos);
  CHECK(text.find("np.tril") == std::string::npos);  // no mask line (the KV cache part names the causal rows)
  CHECK(text.find("W_O") == std::string::npos);

  state.scale = false;
  state.temperature = 0.5f;
  state.mask = core::Mask::causal();
  text = lesson::numpyListing(state, lesson::computeTrace(state));
  CHECK(text.find("T = 0.5") != std::string::npos);
  CHECK(text.find("S = Q @ K.T / T") != std::string::npos);
  CHECK(text.find("np.tril") != std::string::npos);

  state.heads = 2;
  text = lesson::numpyListing(state, lesson::computeTrace(state));
  CHECK(text.find("np.hsplit(Q, 2)") != std::string::npos);
  CHECK(text.find("W_O = np.eye(4)") != std::string::npos);
  CHECK(text.find("weights of head 2") != std::string::npos);
}

TEST_CASE("the code listing's comments are the core's numbers, and a broken state has none") {
  lesson::LessonState state;
  REQUIRE(lesson::loadPreset("three-tokens", state));
  const lesson::LessonTrace trace = lesson::computeTrace(state);
  const std::string text = lesson::numpyListing(state, trace);
  char expected[32];
  std::snprintf(expected, sizeof expected, "%.4f", static_cast<double>(trace.attention.heads[0].weights.at(1, 0)));
  CHECK(text.find(expected) != std::string::npos);
  lesson::LessonTrace broken;
  CHECK(lesson::numpyListing(state, broken).empty());
}

TEST_CASE("a screen reader hears the history, the uses and the layer drawing with their steps") {
  lesson::LessonState state;
  REQUIRE(lesson::loadPreset("bank-river", state));
  const auto narrationOf = [&](const char* stepId) {
    state.step = lesson::stepIndexOf(stepId);
    return lesson::narrate(state, lesson::computeTrace(state));
  };
  CHECK(narrationOf("why").find("Bahdanau") != std::string::npos);
  CHECK(narrationOf("uses").find("Vision transformers: a token is") != std::string::npos);
  CHECK(narrationOf("next").find("residual path") != std::string::npos);
  CHECK(narrationOf("softmax").find("Bahdanau") == std::string::npos);
}

TEST_CASE("the linear listing warns where Python's exp underflows and the page's logarithms do not") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  const auto plain = lesson::computeTrace(s, core::Kernel::Linear);
  CHECK(lesson::numpyListing(s, plain, core::Kernel::Linear).find("below about exp(-745)") == std::string::npos);
  // Every entry about -372: no entry below -700, yet each phi(q) phi(k) is about exp(-744) or less.
  for (float& v : s.Q.values) v = -372.5f;
  for (float& v : s.K.values) v = -373.0f;
  const auto tiny = lesson::computeTrace(s, core::Kernel::Linear);
  CHECK(lesson::numpyListing(s, tiny, core::Kernel::Linear).find("below about exp(-745)") != std::string::npos);
  const auto& w = tiny.attention.heads.front().weights;
  CHECK(w.at(0, 0) == doctest::Approx(1.0 / 3.0));  // the page still shows its weights
}
