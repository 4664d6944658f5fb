// lesson_model_test.cpp: tour steps as data, edits that recompute, refused edits that keep state.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "formal_texts_embedded.h"
#include "lesson/content/formal_texts.h"
#include "lesson/content/presets.h"
#include "lesson/io/json_io.h"
#include "lesson/model/edits.h"
#include "lesson/model/progress.h"
#include "lesson/model/trace.h"

using lesson::MatrixId;

TEST_CASE("the tour's steps come in the documented order, each with its texts") {
  // The story's core, in order; later chapters may add steps after multi-head.
  const std::vector<std::string> ids = {"why",     "tokens",       "qkv",    "scores",      "scale",     "mask",
                                        "softmax", "weighted-sum", "output", "all-at-once", "multi-head"};
  REQUIRE(lesson::stepCount() == static_cast<int>(lesson::tourSteps().size()));
  REQUIRE(lesson::stepCount() > static_cast<int>(ids.size()));
  for (size_t i = 0; i < ids.size(); ++i) CHECK(lesson::stepIndexOf(ids[i]) == static_cast<int>(i));
  for (int i = 0; i < lesson::stepCount(); ++i) {
    const auto& step = lesson::tourSteps()[static_cast<size_t>(i)];
    CHECK(lesson::stepIndexOf(step.id) == i);  // ids are unique
    CHECK_FALSE(step.title.empty());
    CHECK(step.plain.size() > 80);
    // Less at once: what a step says first is short; the rest waits behind "More".
    size_t words = 0;
    bool inWord = false;
    for (char c : step.plain) {
      const bool letter = c != ' ' && c != '\n';
      words += letter && !inWord ? 1 : 0;
      inWord = letter;
    }
    CHECK_MESSAGE(words <= 70, step.id << " says " << words << " words before More");
    CHECK(step.plain.find('\n') == std::string::npos);
    CHECK_FALSE(step.formula.empty());
  }
  CHECK(lesson::stepIndexOf("nope") == -1);
}

TEST_CASE("the step catalogue: each step's typed key is its place; a step with Play names its animation") {
  const auto& steps = lesson::tourSteps();
  REQUIRE(steps.size() == static_cast<size_t>(lesson::StepId::Count));
  for (size_t k = 0; k < steps.size(); ++k) {
    CAPTURE(steps[k].id);
    CHECK(lesson::stepIndexOf(steps[k].key) == static_cast<int>(k));
    CHECK(lesson::stepIndexOf(steps[k].id) == static_cast<int>(k));
    CHECK(&lesson::tourStep(static_cast<int>(k)) == &steps[k]);
    const bool listsPlay = std::find(steps[k].views.begin(), steps[k].views.end(), "play") != steps[k].views.end();
    const bool animates = steps[k].play.animation != lesson::Animation::None;
    CHECK(listsPlay == animates);
    CHECK((std::string(steps[k].play.words).rfind("Play: ", 0) == 0) == animates);
  }
  CHECK(&lesson::tourStep(-3) == &steps.front());
  CHECK(&lesson::tourStep(1000) == &steps.back());
  CHECK(lesson::tourStep(lesson::stepIndexOf(lesson::StepId::Softmax)).id == "softmax");
}

TEST_CASE("the matrix catalogue holds each matrix once, in MatrixId's order, with a name and a caption") {
  for (int k = 0; k < lesson::kMatrixCount; ++k) {
    const auto id = static_cast<lesson::MatrixId>(k);
    CHECK(lesson::matrixRecord(id).id == id);
    CHECK(std::string(lesson::matrixName(id)).size() > 0);
    CHECK(std::string(lesson::matrixRecord(id).caption).size() > 0);
  }
  lesson::LessonState state = lesson::defaultState();
  CHECK(lesson::isEditable(state, lesson::MatrixId::WO));
  CHECK_FALSE(lesson::isEditable(state, lesson::MatrixId::Weights));
}

TEST_CASE("editing a cell of X changes Q, scores, weights and output") {
  lesson::LessonState s = lesson::defaultState();
  const auto before = lesson::computeTrace(s);
  REQUIRE(before.ok);
  CHECK(lesson::setEntry(s, MatrixId::X, 1, 0, 0.9f).empty());
  const auto after = lesson::computeTrace(s);
  REQUIRE(after.ok);
  CHECK(after.attention.Q.at(1, 0) != before.attention.Q.at(1, 0));
  CHECK(after.attention.heads[0].weights.at(1, 4) != before.attention.heads[0].weights.at(1, 4));
  CHECK(after.attention.output.at(1, 0) != before.attention.output.at(1, 0));
}

TEST_CASE("editing a projected Q cell switches to direct vectors and keeps K and V") {
  lesson::LessonState s = lesson::defaultState();
  const auto before = lesson::computeTrace(s);
  CHECK(lesson::setEntry(s, MatrixId::Q, 0, 0, 3.0f).empty());
  CHECK(s.source == lesson::VectorSource::Direct);
  const auto after = lesson::computeTrace(s);
  REQUIRE(after.ok);
  CHECK(after.attention.Q.at(0, 0) == 3.0f);
  CHECK(after.attention.K == before.attention.K);
  CHECK(after.attention.V == before.attention.V);
}

TEST_CASE("after editing Q, the embeddings can be used again") {
  lesson::LessonState s = lesson::defaultState();
  const auto before = lesson::computeTrace(s);
  REQUIRE(lesson::setEntry(s, MatrixId::Q, 0, 0, 3.0f).empty());
  REQUIRE(lesson::addToken(s, "again").empty());
  CHECK(lesson::switchToProjected(s).empty());
  const auto after = lesson::computeTrace(s);
  REQUIRE(after.ok);
  CHECK(after.attention.Q.at(0, 0) == before.attention.Q.at(0, 0));
  lesson::LessonState three;
  REQUIRE(lesson::loadPreset("three-tokens", three));
  CHECK_FALSE(lesson::switchToProjected(three).empty());
  CHECK(three.source == lesson::VectorSource::Direct);
}

TEST_CASE("refused input leaves the state exactly as it was") {
  lesson::LessonState s = lesson::defaultState();
  const lesson::LessonState original = s;
  float value = 0;
  for (const char* text : {"abc", "inf", "nan", "1e39", "-1e39", "", "1.2.3", "0x10", "2000"})
    CHECK_FALSE(lesson::parseEntryText(text, value).empty());
  CHECK(lesson::parseEntryText(" -0.25 ", value).empty());
  CHECK(value == -0.25f);
  CHECK_FALSE(lesson::setEntry(s, MatrixId::X, 99, 0, 1.0f).empty());
  CHECK_FALSE(lesson::setEntry(s, MatrixId::X, 0, 0, 5000.0f).empty());
  CHECK_FALSE(lesson::setEntry(s, MatrixId::Weights, 0, 0, 1.0f).empty());
  CHECK_FALSE(lesson::renameToken(s, 0, "").empty());
  CHECK_FALSE(lesson::renameToken(s, 0, std::string(30, 'x')).empty());
  CHECK_FALSE(lesson::setHeads(s, 3).empty());
  CHECK_FALSE(lesson::setModelWidth(s, 17).empty());
  CHECK_FALSE(lesson::setTemperature(s, 0.0f).empty());
  CHECK_FALSE(lesson::setStep(s, lesson::stepCount()).empty());
  CHECK(s.X == original.X);
  CHECK(s.tokens == original.tokens);
  CHECK(s.heads == original.heads);
  CHECK(s.temperature == original.temperature);
}

TEST_CASE("tokens can be added, removed and renamed within 1..16") {
  lesson::LessonState s = lesson::defaultState();
  CHECK(lesson::addToken(s, "again").empty());
  CHECK(s.tokens.size() == 8);
  CHECK(s.X.rows == 8);
  REQUIRE(lesson::computeTrace(s).ok);
  CHECK(lesson::renameToken(s, 7, "later").empty());
  CHECK(s.tokens[7] == "later");
  CHECK(lesson::removeToken(s, 0).empty());
  CHECK(s.tokens.front() == "bank");
  CHECK(s.X.rows == 7);
  while (s.tokens.size() > 1) REQUIRE(lesson::removeToken(s, 0).empty());
  CHECK_FALSE(lesson::removeToken(s, 0).empty());
  while (s.tokens.size() < 16) REQUIRE(lesson::addToken(s, "t").empty());
  CHECK_FALSE(lesson::addToken(s, "t").empty());
  CHECK(lesson::computeTrace(s).ok);
}

TEST_CASE("sizes d_model and d_k resize every matrix") {
  lesson::LessonState s = lesson::defaultState();
  CHECK(lesson::setModelWidth(s, 6).empty());
  CHECK(s.X.cols == 6);
  CHECK(s.WQ.rows == 6);
  CHECK(s.dimensionLabels.size() == 6);
  CHECK(lesson::setKeyWidth(s, 2).empty());
  CHECK(s.WK.cols == 2);
  CHECK(lesson::setHeads(s, 2).empty());
  const auto trace = lesson::computeTrace(s);
  REQUIRE(trace.ok);
  CHECK(trace.attention.heads.size() == 2);
  CHECK(lesson::setKeyWidth(s, 3).empty());
  CHECK(s.heads == 1);
}

TEST_CASE("reset restores the preset's matrix") {
  lesson::LessonState s = lesson::defaultState();
  const auto original = s.WQ;
  REQUIRE(lesson::setEntry(s, MatrixId::WQ, 0, 0, 9.0f).empty());
  CHECK(lesson::resetMatrix(s, MatrixId::WQ).empty());
  CHECK(s.WQ == original);
}

TEST_CASE("random vectors are deterministic per seed and within [-1, 1]") {
  lesson::LessonState a = lesson::defaultState(), b = lesson::defaultState();
  lesson::randomiseVectors(a, 42);
  lesson::randomiseVectors(b, 42);
  CHECK(a.X == b.X);
  lesson::randomiseVectors(b, 43);
  CHECK_FALSE(a.X == b.X);
  for (float v : a.WQ.values) CHECK((v >= -1.0f && v <= 1.0f));
  CHECK(lesson::computeTrace(a).ok);
}

TEST_CASE("progress remembers the steps seen") {
  lesson::Progress p;
  p.markSeen(0);
  p.markSeen(3);
  p.markSeen(99);
  CHECK(p.seenCount() == 2);
  lesson::Progress q;
  REQUIRE(lesson::progressFromJson(lesson::progressToJson(p), q));
  CHECK(q.seenCount() == 2);
  CHECK_FALSE(lesson::progressFromJson(*json::Json::parse(R"({"stepsSeen": 3})"), q));
  CHECK(q.seenCount() == 2);
}

TEST_CASE("the heads control steps to counts that divide d_k and d_v") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::setKeyWidth(s, 6).empty());
  CHECK(lesson::headCountToward(s, 2) == 2);
  REQUIRE(lesson::setHeads(s, 3).empty());
  CHECK(lesson::headCountToward(s, 4) == 6);  // 4 and 5 do not divide 6
  CHECK(lesson::headCountToward(s, 2) == 2);
  CHECK(lesson::headCountToward(s, 7) == 3);  // past d_k: nothing to step to, keep 3
  CHECK(lesson::headCountToward(s, 0) == 3);
  lesson::LessonState three;
  REQUIRE(lesson::loadPreset("three-tokens", three));
  REQUIRE(lesson::applyStateText(three, R"({"V": [[1, 2, 3], [4, 5, 6], [7, 8, 9]]})").empty());
  CHECK(lesson::headCountToward(three, 2) == 1);  // 2 and 4 divide d_k = 4 but not d_v = 3
}

TEST_CASE("resetting K after editing it restores the example's keys, not zeros") {
  lesson::LessonState s = lesson::defaultState();  // given by embeddings: K is X W_K
  const auto example = lesson::computeTrace(s).attention.K;
  REQUIRE(lesson::setEntry(s, MatrixId::K, 4, 0, 9.0f).empty());  // switches to direct vectors
  REQUIRE(s.source == lesson::VectorSource::Direct);
  REQUIRE(lesson::resetMatrix(s, MatrixId::K).empty());
  CHECK(s.K == example);
  CHECK(s.source == lesson::VectorSource::Projected);  // all three agree with X and the W's again
  // X and the W still reset to the example's own values.
  lesson::LessonState p = lesson::defaultState();
  const auto x = p.X;
  REQUIRE(lesson::setEntry(p, MatrixId::X, 1, 0, 0.9f).empty());
  REQUIRE(lesson::resetMatrix(p, MatrixId::X).empty());
  CHECK(p.X == x);
}

TEST_CASE("a reset leaves one consistent lesson: Q, K and V follow the embeddings they came from") {
  // A dragged V, reset: the lesson follows X and the W's again, not "given directly".
  lesson::LessonState s = lesson::defaultState();
  const auto trace = lesson::computeTrace(s);
  REQUIRE(lesson::setEntry(s, MatrixId::V, 2, 1, 3.0f).empty());
  REQUIRE(lesson::resetMatrix(s, MatrixId::V).empty());
  CHECK(s.source == lesson::VectorSource::Projected);
  CHECK(lesson::computeTrace(s).attention.V == trace.attention.V);
  // X edited, then Q: resetting Q gives X' W_Q, as K is X' W_K, not the example's first Q.
  lesson::LessonState e = lesson::defaultState();
  REQUIRE(lesson::setEntry(e, MatrixId::X, 1, 0, 0.9f).empty());
  const auto edited = lesson::computeTrace(e);
  REQUIRE(lesson::setEntry(e, MatrixId::Q, 0, 0, 7.0f).empty());
  REQUIRE(e.source == lesson::VectorSource::Direct);
  REQUIRE(lesson::resetMatrix(e, MatrixId::Q).empty());
  CHECK(e.source == lesson::VectorSource::Projected);
  const auto after = lesson::computeTrace(e);
  CHECK(after.attention.Q == edited.attention.Q);
  CHECK(after.attention.K == edited.attention.K);
  // K edited too: resetting Q alone keeps the edited K, and the vectors stay given directly.
  REQUIRE(lesson::setEntry(e, MatrixId::Q, 0, 0, 7.0f).empty());
  REQUIRE(lesson::setEntry(e, MatrixId::K, 0, 0, 5.0f).empty());
  REQUIRE(lesson::resetMatrix(e, MatrixId::Q).empty());
  CHECK(e.source == lesson::VectorSource::Direct);
  CHECK(e.Q == edited.attention.Q);
  CHECK(e.K.at(0, 0) == 5.0f);
}

TEST_CASE("editing Q, K or V with positions on is refused in the words of the edit") {
  lesson::LessonState s = lesson::defaultState();
  s.positional = lesson::Positional::Sinusoidal;
  const std::string refusal = lesson::setEntry(s, MatrixId::Q, 0, 0, 1.0f);
  CHECK(refusal ==
        "Q is computed from X plus the positions here; to edit Q, K or V by hand, switch the positions "
        "off first");
  CHECK(lesson::scaleQuery(s, 0, 2.0f).find("switch the positions off first") != std::string::npos);
  CHECK(s.source == lesson::VectorSource::Projected);           // unchanged
  CHECK(lesson::setEntry(s, MatrixId::X, 0, 0, 1.0f).empty());  // X still takes edits
}

TEST_CASE("scaling a query past the lesson's limit is refused and changes nothing") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("three-tokens", s));
  REQUIRE(lesson::setEntry(s, MatrixId::Q, 0, 0, 600.0f).empty());
  const lesson::LessonState before = s;
  CHECK(lesson::scaleQuery(s, 0, 2.0f) == "scaling this query would take an entry past " +
                                              lesson::rangeText(-lesson::kMaxEditableValue, lesson::kMaxEditableValue));
  CHECK(s == before);
  CHECK(lesson::scaleQuery(s, 9, 2.0f) == "there is no query 9");
  CHECK(lesson::scaleQuery(s, 0, -1.0f) == "a query is scaled by a factor from 0 to 100");
  CHECK(s == before);
}

namespace {

lesson::FormalTexts embeddedFormalTexts() {
  lesson::FormalTexts texts;
  REQUIRE(lesson::readFormalTexts({reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size},
                                  texts) == "");
  return texts;
}

}  // namespace

TEST_CASE("every step has a formal explanation in formal.txt, and a damaged file is refused whole") {
  const lesson::FormalTexts texts = embeddedFormalTexts();
  REQUIRE(static_cast<int>(texts.byStep.size()) == lesson::stepCount());
  for (int k = 0; k < lesson::stepCount(); ++k) {
    CAPTURE(lesson::tourStep(k).id);
    CHECK(texts.of(k).size() > 80);
    CHECK(texts.of(k).find('\n') == std::string_view::npos);
  }
  CHECK(texts.of(-1).empty());
  CHECK(texts.of(lesson::stepCount()).empty());
  const std::string whole(reinterpret_cast<const char*>(formal_texts_embedded), formal_texts_embedded_size);
  const std::pair<std::string, const char*> damaged[] = {
      {whole.substr(0, whole.rfind("\nnext: ")), "miss step \"next\""},
      {whole + "why: again\n", "give step \"why\" twice"},
      {whole + "nowhere: text\n", "names no step"},
      {whole + "no colon here\n", "names no step"},
      {whole + std::string("why-not: \xFF\n"), "not UTF-8"},
      {std::string(lesson::kMaxFormalTextsBytes + 1, '#'), "larger than 64 KB"},
      {"", "miss step \"why\""},
  };
  for (const auto& [text, message] : damaged) {
    lesson::FormalTexts kept = texts;
    const std::string error = lesson::readFormalTexts(text, kept);
    CAPTURE(error);
    CHECK(error.find(message) != std::string::npos);
    CHECK(kept.byStep == texts.byStep);
  }
}
