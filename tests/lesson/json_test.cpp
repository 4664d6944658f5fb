// json_test.cpp: the lesson's own JSON value against nlohmann::json, kept here as an
// independent reference: both must accept and refuse the same texts and read the same
// values, and every double must come back exactly from its shortest text.
#include "json/json.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>

#include "text/decimals.h"

using json::Json;

namespace {

std::string shortestText(double v) { return json::Json(v).dump(); }

// The fewest significant digits that read back as v, by trying each precision in turn.
int fewestDigits(double v) {
  char text[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*e", digits - 1, v);
    if (std::strtod(text, nullptr) == v) return digits;
  }
  return 17;
}

int significantDigits(const std::string& text) {
  std::string mantissa = text.substr(0, text.find('e'));
  std::string digits;
  for (char c : mantissa)
    if (c >= '0' && c <= '9') digits += c;
  const auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 1;
  digits = digits.substr(first);
  // Trailing zeros of a whole number ("1500") are not significant.
  if (mantissa.find('.') == std::string::npos) digits = digits.substr(0, digits.find_last_not_of('0') + 1);
  return static_cast<int>(digits.size());
}

// Our value as nlohmann reads our text, for comparing trees.
nlohmann::json viaText(const json::Json& value) { return nlohmann::json::parse(value.dump()); }

}  // namespace

TEST_CASE("json: shortest numbers read back exactly, in JavaScript's form") {
  CHECK(shortestText(0.1) == "0.1");
  CHECK(shortestText(-2.0) == "-2");
  CHECK(shortestText(1e21) == "1e+21");
  CHECK(shortestText(1e20) == "100000000000000000000");
  CHECK(shortestText(1e-7) == "1e-7");
  CHECK(shortestText(0.000001) == "0.000001");
  CHECK(shortestText(1.5e300) == "1.5e+300");
  CHECK(shortestText(static_cast<double>(0.1f)) == "0.10000000149011612");
  CHECK(shortestText(5e-324) == "5e-324");
  CHECK(shortestText(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(shortestText(0.0) == "0");
  CHECK(shortestText(-0.0) == "-0");
  CHECK(json::Json(std::nan("")).dump() == "null");
  CHECK(json::Json(INFINITY).dump() == "null");

  std::mt19937_64 random(7);
  int notShortest = 0;
  for (int k = 0; k < 200000; ++k) {
    // Random bit patterns cover every exponent; floats widened cover what the lesson writes.
    double v;
    const std::uint64_t bits = random();
    std::memcpy(&v, &bits, sizeof v);
    if (k % 2) v = static_cast<double>(static_cast<float>(static_cast<std::int32_t>(bits) * 1e-6));
    if (!std::isfinite(v)) continue;
    const std::string text = shortestText(v);
    const double back = std::strtod(text.c_str(), nullptr);
    REQUIRE_MESSAGE(std::memcmp(&back, &v, sizeof v) == 0, text);
    if (significantDigits(text) != fewestDigits(v)) ++notShortest;
  }
  // Grisu2 gives the shortest digits for about 99.9% of doubles (Loitsch 2010): it keeps
  // clear of the interval's ends, so a decimal right at an end (which strtod would round
  // back) costs a digit or two. Here: 101 of 200000.
  CHECK(notShortest < 400);

  for (float f : {0.1f, 1.0f / 3, 3.14159274f, 1e-3f, 123456.789f, -7.25f}) {
    const double v = static_cast<double>(f);
    CHECK(significantDigits(shortestText(v)) == fewestDigits(v));
  }
}

TEST_CASE("json: reads what nlohmann reads, refuses what it refuses") {
  const char* texts[] = {"null", "true", "false", "0", "-0", "12", "-12", "1.5", "-1.5e3", "1E+2", "1e-2",
                         "123456789012345678", "1234567890123456789012", "\"\"", "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
                         "\"\\u00e9\\u20ac\\ud83d\\ude00\"", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"", "[]", "{}",
                         " [1, [2, [3]]] ", "{\"b\":1,\"a\":[true,null],\"c\":{\"d\":\"e\"}}", "{\"a\":1,\"a\":2}",
                         "[1e308]", "[1e-400]",
                         // refused by both
                         "", " ", "[", "]", "[1,]", "{\"a\":1,}", "{a:1}", "01", "1.", ".5", "+1", "1e", "--1", "NaN",
                         "Infinity", "[1 2]", "{\"a\" 1}", "tru", "nul", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"",
                         "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\xff\"", "\"\xc0\xaf\"",
                         "\"\xed\xa0\x80\"", "[1]x", "{} {}", "'a'", "[1e400]", "\"\xf4\x90\x80\x80\""};
  for (const char* text : texts) {
    const auto ours = json::Json::parse(text);
    const auto theirs = nlohmann::json::parse(text, nullptr, false);
    // nlohmann reads 1e400 as infinity; the lesson refuses numbers that do not fit.
    if (std::string(text) == "[1e400]") {
      CHECK_FALSE(ours.has_value());
      continue;
    }
    INFO(text);
    REQUIRE(ours.has_value() == !theirs.is_discarded());
    if (ours) CHECK(viaText(*ours) == theirs);
  }
  // Duplicate keys: the last one counts.
  CHECK(json::Json::parse("{\"a\":1,\"a\":2}")->dump() == "{\"a\":2}");
  CHECK(json::Json::parse("\"\\u0000\"")->asString() == std::string("\0", 1));
}

TEST_CASE("json: nesting deeper than the limit is refused, up to it is read") {
  const auto nested = [](int depth) {
    return std::string(static_cast<size_t>(depth), '[') + std::string(static_cast<size_t>(depth), ']');
  };
  CHECK(json::Json::parse(nested(json::kMaxJsonDepth)).has_value());
  CHECK_FALSE(json::Json::parse(nested(json::kMaxJsonDepth + 1)).has_value());
  CHECK_FALSE(json::Json::parse(nested(200000)).has_value());
  std::string objects;
  for (int k = 0; k <= json::kMaxJsonDepth; ++k) objects += "{\"a\":";
  objects += "1" + std::string(static_cast<size_t>(json::kMaxJsonDepth + 1), '}');
  CHECK_FALSE(json::Json::parse(objects).has_value());
}

TEST_CASE("json: values, accessors and writing") {
  json::Json object =
      json::Json::object({{"zeta", 1}, {"alpha", "text"}, {"mid", json::Json::array({true, nullptr, 2.5})}});
  CHECK(object.dump() == R"({"alpha":"text","mid":[true,null,2.5],"zeta":1})");
  CHECK(object.isObject());
  CHECK(object.size() == 3);
  CHECK(object.contains("mid"));
  CHECK_FALSE(object.contains("missing"));
  const json::Json& readOnly = object;
  CHECK(readOnly["missing"].isNull());  // looking up a missing key adds nothing
  CHECK(readOnly["mid"][7].isNull());
  CHECK(object.size() == 3);
  CHECK(object["alpha"] == "text");
  CHECK(object["alpha"] != "other");
  CHECK(object["zeta"].isInteger());
  CHECK(object["zeta"].asNumber() == 1.0);
  CHECK(object["mid"][2].asNumber() == 2.5);
  object["beta"] = std::vector<float>{0.5f, -1};
  CHECK(object.dump() == R"({"alpha":"text","beta":[0.5,-1],"mid":[true,null,2.5],"zeta":1})");

  json::Json list;
  list.push_back(1);
  list.push_back("two");
  CHECK(list.dump() == R"([1,"two"])");
  json::Json copy = list;
  list.push_back(3);
  CHECK(copy.size() == 2);
  json::Json moved = std::move(list);
  CHECK(moved.size() == 3);

  CHECK(json::Json(std::string("a\"b\\c\n\x01\x7f")).dump() == "\"a\\\"b\\\\c\\n\\u0001\x7f\"");
  // Bytes that are not UTF-8 are written as U+FFFD; valid characters are kept as they are.
  CHECK(json::Json(std::string("ok\xff\xc3\xa9")).dump() == "\"ok\xef\xbf\xbd\xc3\xa9\"");
  CHECK(json::Json(std::string("\xe2\x82")).dump() == "\"\xef\xbf\xbd\"");
  CHECK(json::Json(std::vector<bool>{true, false}).dump() == "[true,false]");
  CHECK(json::Json(std::set<std::string>{"b", "a"}).dump() == R"(["a","b"])");
  CHECK(json::Json(std::vector<std::vector<float>>{{1, 2}, {3}}).dump() == "[[1,2],[3]]");
}

TEST_CASE("json: random documents survive writing and reading, and match nlohmann") {
  std::mt19937 random(11);
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  std::function<json::Json(int)> make = [&](int depth) -> json::Json {
    switch (depth > 3 ? pick(5) : pick(7)) {
      case 0:
        return nullptr;
      case 1:
        return pick(2) == 1;
      case 2:
        return static_cast<long long>(random()) - (1ll << 31);
      case 3:
        return std::ldexp(static_cast<double>(random()) - 2e9, pick(200) - 100);
      case 4: {
        std::string text;
        for (int k = pick(6); k > 0; --k) text += "a\"\\\n\x01\xc3\xa9 "[pick(9)];
        return text;
      }
      case 5: {
        json::Json list = json::Json::array();
        for (int k = pick(4); k > 0; --k) list.push_back(make(depth + 1));
        return list;
      }
      default: {
        json::Json object = json::Json::object();
        for (int k = pick(4); k > 0; --k) object[std::string(1, static_cast<char>('a' + pick(5)))] = make(depth + 1);
        return object;
      }
    }
  };
  for (int k = 0; k < 2000; ++k) {
    const json::Json value = make(0);
    const std::string text = value.dump();
    const auto back = json::Json::parse(text);
    REQUIRE(back.has_value());
    CHECK(back->dump() == text);
    CHECK_FALSE(nlohmann::json::parse(text, nullptr, false).is_discarded());
  }
}

TEST_CASE("numbers in sentences never read -0.00") {
  CHECK(text::fixedDecimals(-0.001) == "0.00");
  CHECK(text::fixedDecimals(-0.0) == "0.00");
  CHECK(text::fixedDecimals(-0.006) == "-0.01");
  CHECK(text::fixedDecimals(0.354) == "0.35");
  CHECK(text::fixedDecimals(-1.2, 2) == "-1.20");
  CHECK(text::fixedDecimals(0.0004, 2, true) == "0.00");
  CHECK(text::fixedDecimals(0.12, 2, true) == "+0.12");
  CHECK(text::fixedDecimals(-0.00004, 4) == "0.0000");
}
