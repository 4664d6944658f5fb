// lesson_json_test.cpp: state <-> JSON, partial setState applied whole or not at all,
// and share links that are broken or hostile.
#include <doctest/doctest.h>

#include "lesson/content/presets.h"
#include "lesson/content/steps.h"
#include "lesson/io/json_io.h"
#include "lesson/io/share_link.h"
#include "lesson/model/edits.h"

using json::Json;

TEST_CASE("getState carries the step, its id, the step count and every matrix") {
  const lesson::LessonState s = lesson::defaultState();
  const json::Json j = lesson::stateWithTraceToJson(s, lesson::computeTrace(s));
  for (const char* key : {"version", "step",        "stepCount", "stepId",   "tokens",  "dModel", "dK",    "heads",
                          "scale",   "temperature", "mask",      "selected", "X",       "WQ",     "WK",    "WV",
                          "Q",       "K",           "V",         "scores",   "weights", "output", "notice"})
    CHECK_MESSAGE(j.contains(key), key);
  CHECK(j["stepCount"].asInteger() == lesson::stepCount());
  REQUIRE(j["presets"].size() == lesson::presetList().size());
  for (size_t k = 0; k < lesson::presetList().size(); ++k)
    CHECK(j["presets"][k].asString() == lesson::presetList()[k].id);
  CHECK(j["stepId"] == "why");
  CHECK(j["weights"].size() == s.tokens.size());
}

TEST_CASE("setState applies a partial state") {
  lesson::LessonState s = lesson::defaultState();
  CHECK(lesson::applyStateText(s, R"({"step": 3, "scale": false, "mask": "causal", "selected": 2})").empty());
  CHECK(s.step == 3);
  CHECK_FALSE(s.scale);
  CHECK(s.mask.kind == core::MaskKind::Causal);
  CHECK(s.selected == 2);
  CHECK(lesson::applyStateText(s, R"({"stepId": "softmax"})").empty());
  CHECK(s.step == 6);
}

TEST_CASE("setState with Q switches to direct vectors; with X back to projected") {
  lesson::LessonState s = lesson::defaultState();
  const json::Json three = *json::Json::parse(R"({"preset":"three-tokens"})");
  REQUIRE(lesson::applyStateJson(s, three).empty());
  CHECK(s.source == lesson::VectorSource::Direct);
  lesson::LessonState p = lesson::defaultState();
  CHECK(lesson::applyStateText(p, R"({"Q": [[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1],[1,1,0,0],[0,1,1,0],[0,0,1,1]]})")
            .empty());
  CHECK(p.source == lesson::VectorSource::Direct);
  CHECK(p.Q.at(4, 1) == 1.0f);
  CHECK(lesson::applyStateText(p, R"({"WQ": [[1,0,0,0],[0,1,0,0],[0,0,1,0],[0,0,0,1]]})").empty());
  CHECK(p.source == lesson::VectorSource::Projected);
}

TEST_CASE("a bad partial state changes nothing, and says why") {
  lesson::LessonState s = lesson::defaultState();
  const json::Json before = lesson::stateToJson(s);
  const std::pair<std::string, std::string> cases[] = {
      {"nonsense", "the state is not valid JSON"},
      {"[1]", "the state must be a JSON object"},
      {R"({"step": "two"})", "step must be a whole number"},
      {R"({"step": 40})", "step must be between 0 and " + std::to_string(lesson::stepCount() - 1)},
      {R"({"step": 1, "temperature": -1})", "temperature must be between 0.05 and 20"},
      {R"({"scale": 1})", "scale must be true or false"},
      {R"({"mask": "upside"})",
       "unknown mask \"upside\" (use none, causal, window:W, window:W+global:G or a boolean matrix)"},
      {R"({"tokens": ["a", "b"]})", "X must be 2 x 4 but is 7 x 4"},
      {R"({"X": [[1, 2], [3]]})", "X row 1 has 1 entries but row 0 has 2"},
      {R"({"WQ": [[1e9, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]})", "WQ holds a value outside -1000..1000"},
      {R"({"version": 7})", "state version 7 is not supported (this lesson reads version 1)"},
      {R"({"preset": "nope"})", "unknown preset \"nope\""},
      {R"({"selected": 99})", "selected must be a token index from 0 to 6"},
      {R"({"stepId": "nowhere"})", "unknown stepId \"nowhere\""},
      {R"({"heads": 3})", "heads must divide dK"},
      {R"({"Q": [[1]], "X": [[1]]})", "give either X and the W matrices or Q, K, V, not both (or set source)"},
  };
  for (const auto& entry : cases) {
    const std::string text = entry.first, message = entry.second;
    CAPTURE(text);
    CHECK(lesson::applyStateText(s, text) == message);
    CHECK(lesson::stateToJson(s).dump() == before.dump());
  }
}

TEST_CASE("getState output fed back to setState reproduces the state") {
  lesson::LessonState s;
  REQUIRE(lesson::loadPreset("cat-mat", s));
  s.step = 5;
  s.selected = 3;
  s.scale = false;
  const json::Json j = lesson::stateWithTraceToJson(s, lesson::computeTrace(s));
  lesson::LessonState t = lesson::defaultState();
  REQUIRE(lesson::applyStateJson(t, j).empty());
  CHECK(lesson::stateToJson(t).dump() == lesson::stateToJson(s).dump());
}

TEST_CASE("broken and hostile share links are refused with a reason") {
  const lesson::LessonState base = lesson::defaultState();
  lesson::LessonState out = base;
  const std::string good = lesson::encodeShareFragment(base);
  CHECK(lesson::decodeShareFragment("#" + good, base, out).empty());
  CHECK(lesson::decodeShareFragment("x=1.abc", base, out) == "the shared link does not hold a lesson state");
  CHECK(lesson::decodeShareFragment("s=1", base, out) == "the shared link is incomplete");
  CHECK(lesson::decodeShareFragment("s=9." + good.substr(4), base, out) ==
        "the shared link uses format version 9, which this lesson cannot read");
  CHECK(lesson::decodeShareFragment("s=1.%3Cscript%3E", base, out) ==
        "the shared link is damaged (bad characters or cut short)");
  CHECK(lesson::decodeShareFragment(good.substr(0, good.size() / 2), base, out).find("the shared link") == 0);
  CHECK(lesson::decodeShareFragment("s=1." + std::string(40000, 'A'), base, out) ==
        "the shared link is too long to be a lesson state");
  const std::string hostile =
      "s=1." + lesson::base64UrlEncode(R"({"tokens":["<img src=x onerror=alert(1)>"],"X":[[1,2,3,4]]})");
  CHECK(lesson::decodeShareFragment(hostile, base, out).find("could not be used") != std::string::npos);
}

TEST_CASE("base64url round-trips every byte") {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  for (size_t len = 0; len < 10; ++len) {
    std::string decoded;
    REQUIRE(lesson::base64UrlDecode(lesson::base64UrlEncode(bytes.substr(0, len)), decoded));
    CHECK(decoded == bytes.substr(0, len));
  }
}

TEST_CASE("the largest lesson state fits in a share link and comes back exactly") {
  lesson::LessonState s = lesson::defaultState();
  while (s.tokens.size() < 16) REQUIRE(lesson::addToken(s, "token" + std::to_string(s.tokens.size())).empty());
  REQUIRE(lesson::setModelWidth(s, 16).empty());
  REQUIRE(lesson::setKeyWidth(s, 16).empty());
  lesson::randomiseVectors(s, 99);
  for (float& v : s.X.values) v = v * 3.14159f - 0.001f;  // values with many digits
  for (size_t k = 0; k < s.WO.values.size(); ++k) s.WO.values[k] = static_cast<float>(k % 7) * 0.1234567f - 0.3f;
  s.temperature = 0.37f;
  const std::string fragment = lesson::encodeShareFragment(s);
  CHECK(fragment.size() < lesson::kMaxLinkLength);
  lesson::LessonState back;
  REQUIRE(lesson::decodeShareFragment(fragment, lesson::defaultState(), back).empty());
  CHECK(back.X == s.X);
  CHECK(back.WQ == s.WQ);
  CHECK(back.WO == s.WO);
  CHECK(back.temperature == s.temperature);
  MESSAGE("largest share fragment: " << fragment.size() << " characters");
}

TEST_CASE("shortestFloat reads back as the same float") {
  for (float v : {0.1f, 1.0f / 3.0f, -2.5f, 1e-7f, 123456.789f, 0.0f, -0.0f, 3.4e38f}) {
    CHECK(static_cast<float>(lesson::shortestFloat(v)) == v);
  }
  CHECK(lesson::shortestFloat(0.1f) == 0.1);
}
