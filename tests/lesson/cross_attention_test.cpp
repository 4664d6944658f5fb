// cross_attention_test.cpp: the cross-attention example. Its weights are the float64
// formula's for both sentence pairs under every scale and temperature the lesson offers; the
// pairs align as the step says; it is edited, reset, carried by links and refused when broken
// like every other part of the lesson state, and a new sentence of the lesson leaves it alone.
#include "lesson/model/cross_attention.h"

#include <doctest/doctest.h>

#include <cmath>

#include "lesson/content/narration.h"
#include "lesson/content/presets.h"
#include "lesson/content/translations.h"
#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/actions.h"
#include "lesson/model/matrix_description.h"
#include "lesson/model/session.h"

namespace {

using lesson::CrossExample;
using lesson::MatrixId;

CrossExample pair(const char* id) {
  CrossExample c;
  REQUIRE(lesson::loadTranslation(id, c));
  return c;
}

// softmax((X_tgt W_Q)(X_src W_K)^T / (sqrt(d_k) T)) in float64, row by row.
std::vector<std::vector<double>> referenceWeights(const CrossExample& c, bool scale, double temperature) {
  const auto project = [](const core::Matrix& x, const core::Matrix& w) {
    std::vector<std::vector<double>> out(static_cast<size_t>(x.rows), std::vector<double>(size_t(w.cols), 0.0));
    for (int i = 0; i < x.rows; ++i)
      for (int j = 0; j < w.cols; ++j)
        for (int k = 0; k < x.cols; ++k) out[size_t(i)][size_t(j)] += double(x.at(i, k)) * double(w.at(k, j));
    return out;
  };
  const auto Q = project(c.targetX, c.WQ), K = project(c.sourceX, c.WK);
  const double divisor = (scale ? std::sqrt(double(c.WQ.cols)) : 1.0) * temperature;
  std::vector<std::vector<double>> weights;
  for (const auto& q : Q) {
    std::vector<double> row;
    double top = -INFINITY, sum = 0;
    for (const auto& k : K) {
      double dot = 0;
      for (size_t d = 0; d < q.size(); ++d) dot += q[d] * k[d];
      row.push_back(dot / divisor);
      top = std::max(top, row.back());
    }
    for (double& v : row) sum += v = std::exp(v - top);
    for (double& v : row) v /= sum;
    weights.push_back(row);
  }
  return weights;
}

}  // namespace

TEST_CASE("cross-attention weights are the float64 formula's, n_target x n_source, in both pairs") {
  int checked = 0;
  for (const auto& p : lesson::translationPairs()) {
    const CrossExample c = pair(std::string(p.id).c_str());
    CHECK(lesson::validateCross(c) == "");
    CHECK(c.source.size() != c.target.size());  // not square
    for (bool scale : {true, false})
      for (float temperature : {lesson::kMinTemperature, 0.5f, 1.0f, 2.0f, lesson::kMaxTemperature}) {
        const lesson::CrossTrace trace = lesson::computeCross(c, scale, temperature);
        REQUIRE(trace.ok);
        const core::Matrix& w = trace.weights();
        REQUIRE(w.rows == static_cast<int>(c.target.size()));
        REQUIRE(w.cols == static_cast<int>(c.source.size()));
        const auto expected = referenceWeights(c, scale, temperature);
        for (int i = 0; i < w.rows; ++i) {
          double sum = 0;
          for (int j = 0; j < w.cols; ++j) {
            CHECK(std::fabs(w.at(i, j) - expected[size_t(i)][size_t(j)]) < 1e-6);
            sum += w.at(i, j);
          }
          CHECK(std::fabs(sum - 1.0) < 1e-6);
        }
        // The output reads the source's values: weights times X_src W_V.
        const core::Matrix V = core::multiply(c.sourceX, c.WV);
        for (int i = 0; i < w.rows; ++i)
          for (int d = 0; d < V.cols; ++d) {
            double out = 0;
            for (int j = 0; j < w.cols; ++j) out += expected[size_t(i)][size_t(j)] * V.at(j, d);
            CHECK(std::fabs(trace.attention.output.at(i, d) - out) < 1e-5);
          }
        ++checked;
      }
  }
  CHECK(checked == 20);
}

TEST_CASE("the pairs align as the step says: crossing lines, and one verb reading two words") {
  const auto fr = lesson::computeCross(pair("le-chat-noir"), true, 1.0f);
  // the -> le, black -> noir, cat -> chat, sat -> assis: black and cat cross.
  CHECK(lesson::strongestSource(fr.weights()) == std::vector<int>{0, 2, 1, 4});
  CHECK(lesson::crossings(lesson::strongestSource(fr.weights())) == 1);
  CHECK(fr.weights().at(3, 3) > 0.4f);  // sat reads est ...
  CHECK(fr.weights().at(3, 4) > 0.5f);  // ... and assis
  for (int i = 0; i < 3; ++i) CHECK(fr.weights().at(i, lesson::strongestSource(fr.weights())[size_t(i)]) > 0.85f);
  const auto de = lesson::computeCross(pair("ich-habe"), true, 1.0f);
  // I -> ich, saw -> gesehen (and habe), the -> die, cat -> Katze: saw's line crosses two.
  CHECK(lesson::strongestSource(de.weights()) == std::vector<int>{0, 4, 2, 3});
  CHECK(lesson::crossings(lesson::strongestSource(de.weights())) == 2);
  CHECK(de.weights().at(1, 1) > 0.35f);
  CHECK(de.weights().at(1, 4) > 0.55f);
  CHECK(lesson::crossings({0, 1, 2}) == 0);
  CHECK(lesson::crossings({2, 1, 0}) == 3);
}

TEST_CASE("a written word whose top weights tie has no strongest line, and its lines count in no crossing") {
  // "sat" with a zero vector reads every source word equally.
  CrossExample fr = pair("le-chat-noir");
  for (int d = 0; d < fr.targetX.cols; ++d) fr.targetX.at(3, d) = 0;
  const auto flat = lesson::strongestSource(lesson::computeCross(fr, true, 1.0f).weights());
  CHECK(flat == std::vector<int>{0, 2, 1, -1});
  CHECK(lesson::crossings(flat) == 1);  // black and cat only
  // "gesehen" made as close to "saw" as "habe": saw's two lines tie, and cross nothing.
  CrossExample de = pair("ich-habe");
  de.sourceX.at(4, 4) = 0.1f;
  const auto even = lesson::strongestSource(lesson::computeCross(de, true, 1.0f).weights());
  CHECK(even[1] == -1);
  CHECK(lesson::crossings(even) == 0);
  // Just past the tie margin, the stronger one leads again.
  de.sourceX.at(4, 4) = 0.11f;
  CHECK(lesson::strongestSource(lesson::computeCross(de, true, 1.0f).weights())[1] == 4);
  CHECK(lesson::crossings({-1, 2, 0}) == 1);
}

TEST_CASE("every preset carries the default translation, and a new sentence of the lesson keeps the learner's") {
  for (const auto& preset : lesson::presetList()) {
    lesson::LessonState s;
    REQUIRE(lesson::loadPreset(preset.id, s));
    CHECK(s.cross == pair("le-chat-noir"));
    CHECK(lesson::computeTrace(s).cross.ok);
  }
  lesson::Session session;
  CHECK(session.apply(lesson::actions::LoadTranslation{"ich-habe"}) == "");
  CHECK(session.lesson().cross.pairId == "ich-habe");
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::SourceX, 1, 3, 0.5f}) == "");
  const CrossExample edited = session.lesson().cross;
  CHECK(session.apply(lesson::actions::LoadExample{"cat-mat"}) == "");
  CHECK(session.apply(lesson::actions::Randomise{3}) == "");
  CHECK(session.apply(lesson::actions::AddToken{"new"}) == "");
  CHECK(session.lesson().cross == edited);
  CHECK(session.apply(lesson::actions::LoadTranslation{"nope"}) != "");
  CHECK(session.lesson().cross == edited);
  // Picking the same pair again loads it as written.
  CHECK(session.apply(lesson::actions::LoadTranslation{"ich-habe"}) == "");
  CHECK(session.lesson().cross == pair("ich-habe"));
}

TEST_CASE("the word vectors are edited like any matrix, refused out of range, and reset to the pair's") {
  lesson::Session session;
  const core::Matrix before = session.trace().cross.weights();
  // Give "cat" the meaning "black": its strongest line moves from chat to noir.
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::TargetX, 2, 1, 0.0f}) == "");
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::TargetX, 2, 2, 1.0f}) == "");
  CHECK_FALSE(session.trace().cross.weights() == before);
  CHECK(lesson::strongestSource(session.trace().cross.weights())[2] == 2);
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::TargetX, 9, 0, 1.0f}) != "");
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::SourceX, 0, 0, 1001.0f}) != "");
  CHECK(session.apply(lesson::actions::EditCell{MatrixId::CrossWeights, 0, 0, 0.5f}) != "");
  CHECK(session.apply(lesson::actions::ResetMatrix{MatrixId::TargetX}) == "");
  CHECK(session.trace().cross.weights() == before);
  // Its matrices are named by the pair's own words and dimensions.
  const auto& d = session.matrix(MatrixId::CrossWeights);
  CHECK(d.rowNames == std::vector<std::string>{"the", "black", "cat", "sat"});
  CHECK(d.columnNames == std::vector<std::string>{"le", "chat", "noir", "est", "assis"});
  CHECK(d.emphasisedRow == -1);
  CHECK(session.matrix(MatrixId::SourceX).columnNames[4] == "past");
  CHECK(lesson::cellName(session.matrix(MatrixId::SourceX), 1, 1) == "Xsrc row 2 \"chat\", column 2 \"cat\"");
}

TEST_CASE("a link carries an edited or other translation exactly; the default one adds nothing") {
  lesson::LessonState s = lesson::defaultState();
  CHECK_FALSE(lesson::stateToJson(s).contains("cross"));
  REQUIRE(lesson::loadTranslation("ich-habe", s.cross));
  s.cross.sourceX.at(3, 2) = 0.37f;
  s.cross.target[3] = "kitten";
  lesson::LessonState opened = lesson::defaultState();
  REQUIRE(lesson::decodeShareFragment(lesson::encodeShareFragment(s), lesson::defaultState(), opened) == "");
  CHECK(opened.cross == s.cross);
  const json::Json state = lesson::stateWithTraceToJson(s, lesson::computeTrace(s));
  CHECK(state["cross"]["pair"] == "ich-habe");
  CHECK(state["cross"]["weights"].size() == 4);
  CHECK(state["cross"]["weights"][0].size() == 5);
  CHECK(state["cross"]["target"][3] == "kitten");
}

TEST_CASE("a broken cross example is refused whole, with a message naming the field") {
  const lesson::LessonState start = lesson::defaultState();
  const std::pair<const char*, const char*> cases[] = {
      {R"({"cross": 3})", "cross must be an object"},
      {R"({"cross": {"pair": "klingon"}})", "unknown cross.pair"},
      {R"({"cross": {"pair": 2}})", "cross.pair must be a string"},
      {R"({"cross": {"source": ["a", "b"]}})", "cross.sourceX must be 2 x 5"},
      {R"({"cross": {"target": []}})", "cross.target must have 1 to 16 words"},
      {R"({"cross": {"sourceX": [[1, 2], [3]]}})", "cross.sourceX row 1 has 1 entries"},
      {R"({"cross": {"targetX": [[1, 0, 0, 0, "x"], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]}})",
       "cross.targetX[0][4] is not a number"},
      {R"({"cross": {"WQ": [[1]]}})", "cross.WQ must be 5 x 1"},
      {R"({"cross": {"dimensionLabels": ["a"]}})", "cross.dimensionLabels must name every column"},
      {R"({"cross": {"WV": [[2000, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]]}})",
       "cross.WV holds a value outside"},
  };
  for (const auto& item : cases) {
    const char* text = item.first;
    const char* message = item.second;
    lesson::LessonState s = start;
    const std::string error = lesson::applyStateText(s, text);
    INFO(text, " -> ", error);
    CHECK(error.find(message) != std::string::npos);
    CHECK(s == start);
  }
  lesson::LessonState s = start;
  CHECK(lesson::applyStateText(s, R"({"cross": {"pair": "ich-habe"}, "step": 11})") == "");
  CHECK(s.cross.pairId == "ich-habe");
}

TEST_CASE("a screen reader hears the alignment on the cross-attention step, not the lesson's selected row") {
  lesson::LessonState s = lesson::defaultState();
  s.step = lesson::stepIndexOf(lesson::StepId::CrossAttention);
  const std::string said = lesson::narrate(s, lesson::computeTrace(s));
  CHECK(said.find("Strongest lines: \"the\" \xE2\x86\x92 \"le\"") != std::string::npos);
  CHECK(said.find("\"sat\" gives 0.54 to \"assis\" and 0.44 to \"est\"") != std::string::npos);
  CHECK(said.find("Selected token") == std::string::npos);
  s.step = lesson::stepIndexOf(lesson::StepId::CostLab);  // other data on screen: no selected row either
  CHECK(lesson::narrate(s, lesson::computeTrace(s)).find("Selected token") == std::string::npos);
  s.step = lesson::stepIndexOf(lesson::StepId::Softmax);
  CHECK(lesson::narrate(s, lesson::computeTrace(s)).find("Selected token") != std::string::npos);
}
