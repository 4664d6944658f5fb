// prediction_test.cpp: predict, then see. Each guess is checked against a truth worked out
// here, apart from prediction.cpp, for every example, mask, head count and query; refused
// guesses change nothing; guesses are kept, merged and restored with the progress.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "lesson/content/presets.h"
#include "lesson/model/actions.h"
#include "lesson/model/edits.h"
#include "lesson/model/session.h"

namespace act = lesson::actions;
using lesson::GuessKind;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string quoted(const lesson::Session& s, int token) {
  return "\"" + s.lesson().tokens[static_cast<size_t>(token)] + "\"";
}

// Sessions over every example with each mask and head count the example allows.
template <typename Body>
void forEveryLesson(Body body) {
  for (const auto& preset : lesson::presetList()) {
    for (const char* mask : {"none", "causal", "window:1+global:1"}) {
      for (int heads : {1, 2}) {
        lesson::Session s;
        REQUIRE(s.apply(act::LoadExample{preset.id}) == "");
        s.apply(act::ApplyStateText{std::string("{\"mask\":\"") + mask + "\"}"});
        s.apply(act::SetHeadsToward{heads});
        body(s, preset.id + " mask " + mask + " heads " + std::to_string(s.lesson().heads));
      }
    }
  }
}

}  // namespace

TEST_CASE("four steps ask for a guess, each a step of the tour") {
  CHECK(lesson::predictionQuestions().size() >= 4);
  for (const auto& q : lesson::predictionQuestions()) CHECK(lesson::stepIndexOf(q.stepId) >= 0);
  CHECK(lesson::predictionQuestion("scores") != nullptr);
  CHECK(lesson::predictionQuestion("why") == nullptr);
}

TEST_CASE("which key wins: the feedback agrees with the largest score of the row, in every lesson") {
  forEveryLesson([](lesson::Session& s, const std::string& where) {
    const auto& scores = lesson::traceMatrix(s.trace(), lesson::MatrixId::Scores, 0);
    const int n = scores.cols;
    for (int query = 0; query < n; ++query) {
      float best = -INFINITY;
      for (int j = 0; j < n; ++j) best = std::max(best, scores.at(query, j));
      for (int pick = 0; pick < n; ++pick) {
        const std::string line =
            lesson::guessFeedback(GuessKind::TopKey, s.lesson(), s.trace(), {query, {static_cast<float>(pick)}});
        const bool right = scores.at(query, pick) == best;
        CHECK_MESSAGE(contains(line, "Right") == right,
                      where << " query " << query << " pick " << pick << ": " << line);
        CHECK_MESSAGE(!contains(line, "nan"), where << ": " << line);
      }
    }
  });
}

TEST_CASE("which keys a causal mask leaves: right only for the query and every key before it") {
  forEveryLesson([](lesson::Session& s, const std::string& where) {
    const int n = static_cast<int>(s.lesson().tokens.size());
    for (int query = 0; query < n; ++query) {
      std::vector<float> truth(static_cast<size_t>(n));
      for (int j = 0; j < n; ++j) truth[static_cast<size_t>(j)] = j <= query ? 1.0f : 0.0f;
      CHECK_MESSAGE(
          contains(lesson::guessFeedback(GuessKind::VisibleKeys, s.lesson(), s.trace(), {query, truth}), "Right"),
          where);
      for (int flip = 0; flip < n; ++flip) {
        std::vector<float> wrong = truth;
        wrong[static_cast<size_t>(flip)] = 1.0f - wrong[static_cast<size_t>(flip)];
        const std::string line = lesson::guessFeedback(GuessKind::VisibleKeys, s.lesson(), s.trace(), {query, wrong});
        CHECK_MESSAGE(!contains(line, "Right"), where << ": " << line);
        CHECK_MESSAGE(contains(line, quoted(s, flip)), where << ": " << line);  // names the key it got wrong
        CHECK_MESSAGE(contains(line, flip > query ? "after it" : "left out"), where << ": " << line);
      }
    }
  });
}

TEST_CASE("the weight row: the distance and the tallest bar are those of the softmax row") {
  forEveryLesson([](lesson::Session& s, const std::string& where) {
    const auto& head = s.trace().attention.heads.front();
    const int n = head.weights.cols;
    for (int query = 0; query < n; ++query) {
      // The exact weights as the guess: 0.00 apart, right about the tallest.
      std::vector<float> row(static_cast<size_t>(n));
      for (int j = 0; j < n; ++j) row[static_cast<size_t>(j)] = head.weights.at(query, j);
      if (head.rowFullyHidden[static_cast<size_t>(query)]) {
        const std::string line =
            lesson::guessFeedback(GuessKind::WeightRow, s.lesson(), s.trace(), {query, std::vector<float>(n, 0.5f)});
        CHECK_MESSAGE(contains(line, "all 0"), where << ": " << line);
        continue;
      }
      const auto exact = lesson::normalisedGuess(GuessKind::WeightRow, {query, row});
      const std::string line = lesson::guessFeedback(GuessKind::WeightRow, s.lesson(), s.trace(), exact);
      CHECK_MESSAGE(contains(line, "Right about the tallest"), where << ": " << line);
      CHECK_MESSAGE(contains(line, " 0.00 from the weights"), where << ": " << line);
      // All on one key that is not the heaviest: apart by the mean of |w - onehot|, worked out here.
      const int heaviest = static_cast<int>(std::max_element(row.begin(), row.end()) - row.begin());
      const int other = (heaviest + 1) % n;
      if (row[static_cast<size_t>(other)] == row[static_cast<size_t>(heaviest)]) continue;
      std::vector<float> oneHot(static_cast<size_t>(n), 0.0f);
      oneHot[static_cast<size_t>(other)] = 1.0f;
      double apart = 0;
      for (int j = 0; j < n; ++j)
        apart += std::fabs(static_cast<double>(row[static_cast<size_t>(j)]) - oneHot[static_cast<size_t>(j)]);
      apart /= n;
      char expected[64];
      std::snprintf(expected, sizeof expected, " %.2f from the weights", apart);
      const std::string wrong = lesson::guessFeedback(GuessKind::WeightRow, s.lesson(), s.trace(), {query, oneHot});
      CHECK_MESSAGE(contains(wrong, "Your tallest bar is " + quoted(s, other)), where << ": " << wrong);
      CHECK_MESSAGE(contains(wrong, expected), where << ": " << wrong << " expected" << expected);
    }
  });
}

TEST_CASE("the weight row: bars left all equal, or tied at the top, are said to be") {
  lesson::Session s;  // bank by the river: "bank" gives "river" the largest weight
  const auto equal =
      lesson::guessFeedback(GuessKind::WeightRow, s.lesson(), s.trace(), {1, std::vector<float>(7, 0.3f)});
  CHECK(equal.find("Your bars are all equal; the largest weight goes to \"river\"") == 0);
  const auto tied =
      lesson::guessFeedback(GuessKind::WeightRow, s.lesson(), s.trace(), {1, {0.5f, 0, 0, 0, 0.5f, 0, 0}});
  CHECK(tied.find("Your tallest bars are \"The\" and \"river\"") == 0);
  CHECK(tied.find("Right") == std::string::npos);
}

TEST_CASE("where the output lands: the weighted sum of the value column, worked out here") {
  forEveryLesson([](lesson::Session& s, const std::string& where) {
    const auto& attention = s.trace().attention;
    const int n = attention.V.rows;
    const int perHead = attention.V.cols / static_cast<int>(attention.heads.size());
    for (int query = 0; query < n; ++query) {
      const int column = lesson::outputGuessColumn(s.trace(), query);
      const auto& weights = attention.heads[static_cast<size_t>(column / perHead)].weights;
      double sum = 0;
      for (int j = 0; j < n; ++j) sum += static_cast<double>(weights.at(query, j)) * attention.V.at(j, column);
      const float guess = 0.25f;
      const std::string line = lesson::guessFeedback(GuessKind::OutputPosition, s.lesson(), s.trace(),
                                                     {query, {static_cast<float>(column), guess}});
      const bool hidden =
          attention.heads[static_cast<size_t>(column / perHead)].rowFullyHidden[static_cast<size_t>(query)];
      if (hidden) {
        CHECK_MESSAGE(contains(line, "hidden"), where << ": " << line);
        continue;
      }
      // The printed figures are the sum and the gap to two decimals (a float may round a .xx5
      // the other way from this double).
      const size_t at = line.find("lands at "), from = line.find(", ", at);
      REQUIRE_MESSAGE(at != std::string::npos, line);
      const double printed = std::stod(line.substr(at + 9));
      const double printedGap = std::stod(line.substr(from + 2));
      CHECK_MESSAGE(std::fabs(printed - sum) <= 0.0051, where << ": " << line << " expected " << sum);
      CHECK_MESSAGE(std::fabs(printedGap - std::fabs(sum - guess)) <= 0.0051, where << ": " << line);
    }
  });
}

TEST_CASE("a guess is kept in progress, counted, and shown in the session's JSON form") {
  lesson::Session s;
  CHECK(s.progress().guessCount() == 0);
  REQUIRE(s.apply(act::Predict{"scores", {1, {4.0f}}}) == "");
  REQUIRE(s.apply(act::SkipPrediction{"mask"}) == "");
  CHECK(s.progress().guessCount() == 1);
  CHECK(s.progress().predictions.at("scores").guessed);
  CHECK(s.progress().predictions.at("mask").skipped);
  // A skip after a guess leaves the guess; a guess after a skip replaces it.
  s.apply(act::SkipPrediction{"scores"});
  CHECK(s.progress().predictions.at("scores").guessed);
  CHECK_FALSE(s.progress().predictions.at("scores").skipped);
  REQUIRE(s.apply(act::Predict{"mask", {2, {1, 1, 1, 0, 0, 0, 0}}}) == "");
  CHECK(s.progress().predictions.at("mask").guessed);
  CHECK_FALSE(s.progress().predictions.at("mask").skipped);
  CHECK(s.progress().guessCount() == 2);
  // Bars are kept scaled to add up to 1.
  REQUIRE(s.apply(act::Predict{"softmax", {1, {0.5f, 0.5f, 0, 0, 0, 0, 0}}}) == "");
  CHECK(s.progress().predictions.at("softmax").guess.values[0] == doctest::Approx(0.5f));
  // Stored and read back whole; another tab's guesses are merged in.
  lesson::Progress back;
  REQUIRE(lesson::progressFromJson(lesson::progressToJson(s.progress()), back));
  CHECK(back == s.progress());
  lesson::Progress other;
  other.predictions["weighted-sum"] = {true, false, {1, {0, 0.5f}}};
  other.predictions["scores"] = {false, true, {}};
  lesson::Progress merged = s.progress();
  CHECK(lesson::mergeProgress(merged, other));
  CHECK(merged.predictions.at("weighted-sum").guessed);
  CHECK(merged.predictions.at("scores").guessed);  // a skip elsewhere does not undo a guess
  // Start over forgets them.
  s.apply(act::StartOver{});
  CHECK(s.progress().predictions.empty());
}

TEST_CASE("a guess that does not fit the lesson is refused with its reason and changes nothing") {
  lesson::Session s;
  const auto before = s.progress();
  const struct {
    const char* step;
    lesson::Guess guess;
    const char* says;
  } refused[] = {
      {"why", {0, {0}}, "asks for no guess"},
      {"scores", {99, {0}}, "token the sentence does not have"},
      {"scores", {0, {7}}, "pick one of the sentence's tokens"},
      {"scores", {0, {1.5f}}, "pick one of the sentence's tokens"},
      {"scores", {0, {NAN}}, "finite"},
      {"mask", {0, {1, 0}}, "one answer for each token"},
      {"mask", {0, {1, 0, 2, 0, 0, 0, 0}}, "picked (1) or not (0)"},
      {"softmax", {0, std::vector<float>(7, 0.0f)}, "at least one bar"},
      {"softmax", {0, {0.5f, 2.0f, 0, 0, 0, 0, 0}}, "between 0 and 1"},
      {"weighted-sum", {0, {9, 0.5f}}, "no value column"},
      {"weighted-sum", {0, {0, INFINITY}}, "finite"},
  };
  for (const auto& r : refused) {
    const std::string refusal = s.apply(act::Predict{r.step, r.guess});
    CHECK_MESSAGE(contains(refusal, r.says), r.step << ": " << refusal);
    CHECK(s.progress() == before);
  }
}

TEST_CASE("a guess made before the sentence changed asks for a new one") {
  lesson::Session s;
  REQUIRE(s.apply(act::Predict{"mask", {6, {1, 1, 1, 1, 1, 1, 1}}}) == "");
  REQUIRE(s.apply(act::RemoveToken{6}) == "");
  const auto& made = s.progress().predictions.at("mask");
  CHECK(contains(lesson::guessFeedback(GuessKind::VisibleKeys, s.lesson(), s.trace(), made.guess), "guess again"));
}

TEST_CASE("a guess on a sentence of as many tokens is not matched to the other sentence by position") {
  lesson::Session s;
  REQUIRE(s.apply(act::Predict{"scores", {1, {4}}}) == "");  // "bank" by the river: "river"
  CHECK(contains(
      lesson::guessFeedback(GuessKind::TopKey, s.lesson(), s.trace(), s.progress().predictions.at("scores").guess),
      "river"));
  // Another sentence, renamed to the same length: the guess is not "the" of the new one.
  REQUIRE(s.apply(act::RenameToken{4, "lake"}) == "");
  const auto& made = s.progress().predictions.at("scores");
  CHECK(contains(lesson::guessFeedback(GuessKind::TopKey, s.lesson(), s.trace(), made.guess), "guess again"));
  // It is kept with its sentence, through the stored record.
  lesson::Progress back;
  REQUIRE(lesson::progressFromText(lesson::progressToJson(s.progress()).dump(), back).empty());
  CHECK(back.predictions.at("scores").guess.sentence == "The bank by the river was steep");
}

TEST_CASE("stored guesses that are not guesses refuse the record; unknown steps are dropped") {
  lesson::Progress p;
  CHECK(
      lesson::progressFromText(
          R"({"stepsSeen":[],"predictions":{"scores":{"guessed":true,"skipped":false,"query":1,"values":[4]},"gone":{"guessed":true,"skipped":false}}})",
          p) == "");
  CHECK(p.predictions.size() == 1);
  for (const char* bad :
       {R"({"stepsSeen":[],"predictions":[]})",
        R"({"stepsSeen":[],"predictions":{"scores":{"guessed":1,"skipped":false}}})",
        R"({"stepsSeen":[],"predictions":{"scores":{"guessed":true,"skipped":false,"query":-1}}})",
        R"({"stepsSeen":[],"predictions":{"scores":{"guessed":true,"skipped":false,"values":["x"]}}})",
        R"({"stepsSeen":[],"predictions":{"scores":{"guessed":true,"skipped":false,"values":[1e300]}}})"}) {
    lesson::Progress untouched = p;
    CHECK_MESSAGE(lesson::progressFromText(bad, untouched) != "", bad);
    CHECK(untouched == p);
  }
}
