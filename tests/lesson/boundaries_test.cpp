// boundaries_test.cpp: every door of the lesson refuses what it cannot hold, by size and by
// content, before parsing or allocating, and leaves the state as it was: names (control
// characters, length in characters), setState text, compute() requests and replies, stored
// progress (and how two tabs' progress merges), and share links of the largest states.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "lesson/content/presets.h"
#include "lesson/io/compute_api.h"
#include "lesson/io/json_io.h"
#include "lesson/io/session_json.h"
#include "lesson/io/share_link.h"
#include "lesson/model/edits.h"
#include "lesson/model/input_limits.h"
#include "lesson/model/progress.h"
#include "lesson/model/progress_salvage.h"
#include "lesson/model/session.h"
#include "lesson/model/text_rules.h"
#include "text/utf8.h"

using json::Json;

namespace {

std::string repeated(const std::string& piece, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) out += piece;
  return out;
}

std::string computeError(const std::string& request) {
  const auto reply = json::Json::parse(lesson::computeText(request));
  REQUIRE(reply);
  return (*reply)["error"].asString();
}

json::Json squareMatrix(int rows, int cols, double value) {
  json::Json m = json::Json::array();
  for (int i = 0; i < rows; ++i) m.push_back(json::Json(std::vector<double>(static_cast<size_t>(cols), value)));
  return m;
}

// The number, among a few candidates, whose shortest JSON form is longest.
float longestNumber() {
  float best = 0;
  size_t bestLength = 0;
  for (float v : {-1.17549435e-38f, -123.456787f, -0.00123456789f, -9.87654321e-5f, -999.999939f, -1.00000012e-10f}) {
    const size_t length = json::Json(lesson::shortestFloat(v)).dump().size();
    if (length > bestLength) best = v, bestLength = length;
  }
  return best;
}

}  // namespace

TEST_CASE("names count characters, not bytes, and refuse control characters") {
  const std::string cyrillic21 = repeated("\xD0\xB6", 21);  // 21 x U+0436, 42 bytes
  CHECK(lesson::checkName(cyrillic21, "a token").empty());
  CHECK(lesson::checkName(repeated("\xF0\x9F\x98\x80", 24), "a token").empty());  // 24 emoji, 96 bytes
  CHECK(lesson::checkName(repeated("\xD0\xB6", 25), "a token") == "a token can have at most 24 characters");
  CHECK(lesson::checkName(repeated("a", 25), "a token") == "a token can have at most 24 characters");
  CHECK(lesson::checkName("", "a token") == "a token needs at least one character");
  // Something must show: not only spaces, a lone combining mark, a joiner or a direction mark.
  for (const std::string& blank : {std::string("   "), std::string("\xCC\x81"), std::string("\xE2\x80\x8D"),
                                   std::string("\xE2\x80\x8F"), std::string("\xC2\xA0\xEF\xBB\xBF")})
    CHECK(lesson::checkName(blank, "a token") ==
          "a token needs a character that shows (not only spaces, marks or invisible characters)");
  CHECK(lesson::checkName("e\xCC\x81", "a token").empty());  // a mark on a letter is fine
  CHECK(lesson::checkName("a b", "a token").empty());
  for (const std::string& bad : {std::string("a\tb"), std::string("a\nb"), std::string("a\0b", 3), std::string("a\x7f"),
                                 std::string("a\xC2\x85"), std::string("a\xE2\x80\xA8")})
    CHECK_MESSAGE(lesson::checkName(bad, "a token").find("control characters") != std::string::npos, bad);
  for (const std::string& broken : {std::string("\xC0\xAF"), std::string("a\xE2\x80"), std::string("\xED\xA0\x80"),
                                    std::string("\xF5\x80\x80\x80"), std::string("\x80")})
    CHECK(lesson::checkName(broken, "a token") == "a token must be valid UTF-8 text");
  CHECK(text::countCodePoints(cyrillic21) == 21);
  CHECK(text::countCodePoints("\xFF") == -1);
}

TEST_CASE("every door applies the same name rule: edits, setState, links") {
  lesson::LessonState s = lesson::defaultState();
  const auto before = lesson::stateToJson(s);
  CHECK(lesson::renameToken(s, 0, "a\tb").find("control characters") != std::string::npos);
  CHECK(
      lesson::applyStateText(
          s, json::Json::object({{"tokens", std::vector<std::string>(s.tokens.size(), std::string("x\0y", 3))}}).dump())
          .find("control characters") != std::string::npos);
  CHECK(lesson::applyStateText(
            s, json::Json::object({{"tokens", std::vector<std::string>(s.tokens.size(), "line\nbreak")}}).dump())
            .find("control characters") != std::string::npos);
  CHECK(lesson::stateToJson(s).dump() == before.dump());
  CHECK(lesson::renameToken(s, 0, repeated("\xD0\xB6", 21)).empty());
  std::vector<std::string> tokens = s.tokens;
  tokens.back() = repeated("\xD0\xB6", 21);
  CHECK(lesson::applyStateText(s, json::Json::object({{"tokens", tokens}}).dump()) == "");

  lesson::LessonState bank;
  REQUIRE(lesson::loadPreset("bank-river", bank));
  CHECK(lesson::applyStateText(
            bank,
            json::Json::object({{"dimensionLabels", json::Json::array({repeated("x", 25), "b", "c", "d"})}}).dump()) ==
        "each dimension label can have at most 24 characters");
  CHECK(lesson::applyStateText(bank, R"({"dimensionLabels": ["a\tb", "b", "c", "d"]})").find("control characters") !=
        std::string::npos);

  json::Json patch = lesson::stateToJson(lesson::defaultState());
  patch["tokens"][0] = "tab\there";
  const std::string link = "s=1." + lesson::base64UrlEncode(patch.dump());
  lesson::LessonState opened;
  CHECK(lesson::decodeShareFragment(link, lesson::defaultState(), opened).find("control characters") !=
        std::string::npos);
}

TEST_CASE("a name in any script is accepted and kept intact through every door") {
  const std::string cafe = "caf\xC3\xA9 \xCE\xA9\xCE\xBC";  // "café Ωμ": 7 characters, 10 bytes
  CHECK(lesson::checkName(cafe, "a token").empty());
  CHECK(text::countCodePoints(cafe) == 7);
  for (const std::string& name : {std::string("\xE6\x97\xA5\xE6\x9C\xAC"),                          // 日本
                                  std::string("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),  // Москва
                                  std::string("\xF0\x9F\x8F\xA6 bank"),                             // 🏦 bank
                                  std::string("\xEF\xBF\xBD")})                                     // U+FFFD itself
    CHECK_MESSAGE(lesson::checkName(name, "a token").empty(), name);

  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::renameToken(s, 1, cafe).empty());
  CHECK(s.tokens.at(1) == cafe);
  CHECK(lesson::stateToJson(s)["tokens"][1].asString() == cafe);
  lesson::LessonState reopened;
  REQUIRE(lesson::decodeShareFragment(lesson::encodeShareFragment(s), lesson::defaultState(), reopened).empty());
  CHECK(reopened.tokens.at(1) == cafe);
  lesson::LessonState viaApi = lesson::defaultState();
  std::vector<std::string> tokens = viaApi.tokens;
  tokens.front() = cafe;
  REQUIRE(lesson::applyStateText(viaApi, json::Json::object({{"tokens", tokens}}).dump()).empty());
  CHECK(viaApi.tokens.front() == cafe);
  CHECK(lesson::addToken(viaApi, cafe).empty());
  CHECK(viaApi.tokens.back() == cafe);
}

TEST_CASE("typed text is decoded into characters; damaged bytes become one U+FFFD each, never nothing") {
  using Chars = std::vector<char32_t>;
  const auto decode = [](const std::string& text) {
    Chars characters;
    for (std::size_t i = 0; i < text.size();) characters.push_back(text::nextTypedCharacter(text, i));
    return characters;
  };
  CHECK(decode("caf\xC3\xA9 \xCE\xA9\xCE\xBC") == Chars{'c', 'a', 'f', 0xE9, ' ', 0x3A9, 0x3BC});
  CHECK(decode("\xF0\x9F\x98\x80") == Chars{0x1F600});  // one emoji, one character
  CHECK(decode("").empty());
  CHECK(decode("a\xFF"
               "b") == Chars{'a', 0xFFFD, 'b'});
  CHECK(decode("a\xED\xA0\x80"
               "b") == Chars{'a', 0xFFFD, 'b'});  // a lone surrogate, encoded
  CHECK(decode("\xE2\x80"
               "a") == Chars{0xFFFD, 'a'});                  // a character cut short
  CHECK(decode("\x80\x80\xC3\xA9") == Chars{0xFFFD, 0xE9});  // stray continuation bytes
}

TEST_CASE("setState refuses text larger than any lesson state before parsing it") {
  lesson::LessonState s = lesson::defaultState();
  const auto before = lesson::stateToJson(s);
  std::string huge = R"({"tokens": [)";
  for (int k = 0; k < 1000000; ++k) huge += k ? ",\"t\"" : "\"t\"";
  huge += "]}";
  const auto start = std::chrono::steady_clock::now();
  const std::string error = lesson::applyStateText(s, huge);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(error == "the state is larger than the 256 KB this lesson accepts");
  CHECK(lesson::stateToJson(s).dump() == before.dump());
  // Refused by its size alone: far less than parsing four megabytes would take.
  CHECK(std::chrono::duration<double>(elapsed).count() < 1.0);
}

TEST_CASE("compute() refuses a reply too large for the page's main thread before computing") {
  const json::Json big = squareMatrix(4096, 64, 0.123456);
  const std::string request = json::Json::object({{"Q", big}, {"K", big}, {"V", big}}).dump();
  CHECK(request.size() > lesson::kMaxComputeRequestBytes);
  CHECK(computeError(request) == "the request is larger than the 1 MB this lesson accepts");

  const json::Json mid = squareMatrix(1024, 2, 1);
  CHECK(computeError(json::Json::object({{"Q", mid}, {"K", mid}, {"V", mid}}).dump())
            .find("would answer with 2099200 numbers") != std::string::npos);
  const json::Json heads = squareMatrix(256, 64, 1);
  CHECK(computeError(json::Json::object({{"Q", heads}, {"K", heads}, {"V", heads}, {"heads", 64}}).dump())
            .find("per head); compute() answers at most 262144") != std::string::npos);
  const json::Json tooMany = squareMatrix(400, 2, 0.5);
  CHECK(computeError(json::Json::object({{"Q", tooMany}, {"K", tooMany}, {"V", tooMany}}).dump())
            .find("would answer with") != std::string::npos);
  const json::Json ok = squareMatrix(256, 4, 0.25);
  CHECK(computeError(json::Json::object({{"Q", ok}, {"K", ok}, {"V", ok}}).dump()).empty());
}

TEST_CASE("the core counts score cells over all heads, so many heads cannot exhaust memory") {
  core::Matrix m(4096, 64);
  core::AttentionOptions options;
  options.heads = 64;
  const auto result = core::attend(m, m, m, options);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error() == "Q and K would make 64 score matrices of 4096 x 4096; the limit is 16777216 cells in all");
}

TEST_CASE("stored progress: too large, not JSON or the wrong shape is refused and changes nothing") {
  lesson::Progress p;
  p.markSeen(2);
  const lesson::Progress before = p;
  CHECK(lesson::progressFromText(std::string(70000, ' '), p) ==
        "the progress record is larger than the 64 KB this lesson accepts");
  CHECK(lesson::progressFromText("{not json", p) == "the progress record is not valid JSON");
  CHECK(lesson::progressFromText(R"({"stepsSeen": "all"})", p) ==
        "the progress record does not have the expected fields");
  CHECK(lesson::progressFromText(R"({"stepsSeen": [], "startedAt": -1})", p) ==
        "the progress record does not have the expected fields");
  CHECK(p.stepsSeen == before.stepsSeen);
  CHECK(lesson::progressFromText(R"({"stepsSeen": ["why"], "startedAt": 5})", p).empty());
  CHECK(p.startedAt == 5);
}

TEST_CASE("two tabs' progress merges: nothing either has done is lost") {
  lesson::Progress a, b;
  a.markSeen(0), a.markSeen(1), a.markSeen(2), a.markSeen(3), a.markSeen(4), a.markSeen(5);
  a.quizCorrect.insert("q1");
  b.markSeen(0);
  b.experimentsDone.insert("zero-key");
  b.challengeDone = true;
  CHECK(lesson::mergeProgress(b, a));
  CHECK(b.seenCount() == 6);
  CHECK(b.quizCorrect.count("q1") == 1);
  CHECK(b.experimentsDone.count("zero-key") == 1);
  CHECK(b.challengeDone);
  CHECK_FALSE(lesson::mergeProgress(b, a));  // nothing new the second time

  // A tab that started over later wins: its reset is not undone by older progress...
  lesson::Progress reset;
  reset.markSeen(0);
  reset.startedAt = 1000;
  CHECK(lesson::mergeProgress(b, reset));
  CHECK(b.seenCount() == 1);
  CHECK(b.startedAt == 1000);
  // ...and the older progress, merged again, does not come back.
  CHECK_FALSE(lesson::mergeProgress(b, a));
  CHECK(b.seenCount() == 1);
}

TEST_CASE("the largest state the lesson can hold reopens from its own link") {
  lesson::LessonState s = lesson::defaultState();
  REQUIRE(lesson::loadPreset("bank-river", s));
  const std::string widest = repeated("\xF0\x9F\x98\x80", 24);  // 24 four-byte characters
  while (s.tokens.size() < 16) REQUIRE(lesson::addToken(s, "t").empty());
  for (size_t i = 0; i < s.tokens.size(); ++i) REQUIRE(lesson::renameToken(s, static_cast<int>(i), widest).empty());
  REQUIRE(lesson::setModelWidth(s, 16).empty());
  REQUIRE(lesson::setKeyWidth(s, 16).empty());
  for (auto& label : s.dimensionLabels) label = widest;
  const float longest = longestNumber();
  for (core::Matrix* m : {&s.X, &s.WQ, &s.WK, &s.WV, &s.WO})
    for (float& v : m->values) v = longest;
  s.temperature = 0.123456791f;
  REQUIRE(lesson::validateState(s).empty());
  const std::string fragment = lesson::encodeShareFragment(s);
  MESSAGE("largest share fragment: " << fragment.size() << " characters (limit " << lesson::kMaxLinkLength << ")");
  CHECK(fragment.size() <= lesson::kMaxLinkLength);
  lesson::LessonState back;
  REQUIRE(lesson::decodeShareFragment(fragment, lesson::defaultState(), back).empty());
  CHECK(back.X == s.X);
  CHECK(back.WO == s.WO);
  CHECK(back.tokens == s.tokens);
  CHECK(back.dimensionLabels == s.dimensionLabels);
  // The state JSON of that largest state is far inside what setState and storage accept.
  CHECK((lesson::stateToJson(s)).dump().size() * 4 < lesson::kMaxStateTextBytes);
}

TEST_CASE("a progress record too large or broken keeps what the lesson knows of it, within bounds") {
  std::string unknown;
  for (int k = 0; k < 100000; ++k) unknown += ",\"from-the-future-" + std::to_string(k) + "\"";
  const std::string bloated = "{\"stepsSeen\":[\"why\",\"tokens\",\"qkv\"],\"experimentsDone\":[\"twins\"" + unknown +
                              ",\"zero-key\"],\"quizCorrect\":[\"rows\"],\"challengeDone\":true,\"startedAt\":5}";
  REQUIRE(bloated.size() > 2 * 1024 * 1024);
  lesson::Progress whole;
  CHECK(lesson::progressFromText(bloated, whole).find("larger than the 64 KB") != std::string::npos);
  lesson::Progress kept;
  CHECK(lesson::salvageProgress(bloated, kept) == 8);  // 3 steps, 2 experiments, 1 answer, a level, a date
  CHECK(kept.seenCount() == 3);
  CHECK(kept.experimentsDone == std::set<std::string>{"twins", "zero-key"});
  CHECK(kept.quizCorrect == std::set<std::string>{"rows"});
  CHECK(kept.challengeDone);
  CHECK_FALSE(kept.challenge2Done);
  CHECK(kept.startedAt == 5);

  SUBCASE("cut short, nested as the desktop keeps it, with escapes and long strings") {
    lesson::Progress p;
    const std::string desktop = "{\"state\":{\"tokens\":[\"a\\\"b\",\"" + std::string(100000, 'x') +
                                "\"]},\"progress\":{\"stepsSeen\":[\"why\",\"sco";
    CHECK(lesson::salvageProgress(desktop, p) == 1);
    CHECK(p.seenCount() == 1);
  }
  SUBCASE("the steps' guesses are kept: made or skipped, for steps that ask one, wherever the record is cut") {
    lesson::Progress p;
    const std::string text =
        "{\"progress\":{\"predictions\":{\"scores\":{\"guessed\":true,\"skipped\":false,"
        "\"query\":1,\"values\":[2]},\"from-the-future\":{\"guessed\":true},\"softmax\":{"
        "\"guessed\":false,\"skipped\":true},\"mask\":{\"guessed\":tr";
    CHECK(lesson::salvageProgress(text, p) == 2);
    CHECK(p.predictions.size() == 2);
    CHECK(p.predictions.at("scores").guessed);
    CHECK_FALSE(p.predictions.at("scores").skipped);
    CHECK(p.predictions.at("softmax").skipped);
    // "guessed" outside a step's entry is not a guess.
    lesson::Progress q;
    CHECK(lesson::salvageProgress("{\"guessed\":true,\"predictions\":{\"guessed\":true}}", q) == 0);
  }
  SUBCASE("nothing to keep leaves the progress alone") {
    lesson::Progress p;
    p.quizCorrect.insert("rows");
    for (const std::string& text :
         std::vector<std::string>{"", "[1, 2", "{\"stepsSeen\": [\"nope\"]}", std::string(100000, '['),
                                  "{\"challengeDone\": false}", "{\"startedAt\": -4}"})
      CHECK(lesson::salvageProgress(text, p) == 0);
    CHECK(p.quizCorrect == std::set<std::string>{"rows"});
  }
  SUBCASE("the session restores the whole record, or else keeps what it can") {
    lesson::Session s;
    CHECK_FALSE(s.apply(lesson::actions::RestoreProgress{bloated}).empty());  // refused whole, quietly
    CHECK(s.progress().experimentsDone.empty());
    CHECK(s.apply(lesson::actions::SalvageProgress{bloated}).empty());
    CHECK(s.progress().experimentsDone.size() == 2);
    CHECK(s.progress().challengeDone);
    CHECK_FALSE(s.apply(lesson::actions::SalvageProgress{"{}"}).empty());
    CHECK(lesson::restoreNotice("", "too large", true).find("found in it are kept") != std::string::npos);
  }
}

TEST_CASE("a width far past the lesson's range is refused before anything of its size is allocated") {
  // {"dK": 98421} from a link once had W_O fitted to 98421 x 98421 numbers before validation.
  for (const char* text :
       {R"({"dK": 98421})", R"({"dK": 1000000, "heads": 1})", R"({"source": "direct", "V": [[1]], "dK": 99999})"}) {
    lesson::LessonState s = lesson::defaultState();
    const lesson::LessonState before = s;
    CAPTURE(text);
    CHECK(lesson::applyStateText(s, text).find("dK must be") != std::string::npos);
    CHECK(s == before);
  }
  lesson::LessonState opened = lesson::defaultState();
  CHECK(lesson::decodeShareFragment(
            "s=" + std::to_string(lesson::kLinkVersion) + "." + lesson::base64UrlEncode(R"({"dK":98421})"),
            lesson::defaultState(), opened) != "");
}
