// progress_salvage.cpp: a one-pass JSON scanner that keeps a progress record's known parts.
// It never builds the document: strings longer than any id are skipped unkept, and nesting
// deeper than a record's stops the scan, so memory stays small whatever the text holds.
#include "lesson/model/progress_salvage.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lesson/content/practice.h"
#include "lesson/content/steps.h"
#include "lesson/model/prediction.h"

namespace lesson {

namespace {

constexpr std::size_t kLongestId = 64;  // longer strings are no id of the lesson's
constexpr int kDeepest = 32;            // a progress record nests 2 or 3 deep

bool isExperiment(const std::string& id) {
  const auto& list = experiments();
  return std::any_of(list.begin(), list.end(), [&](const Experiment& e) { return e.id == id; });
}

bool isQuestion(const std::string& id) {
  const auto& list = quiz();
  return std::any_of(list.begin(), list.end(), [&](const QuizQuestion& q) { return q.id == id; });
}

class Scanner {
 public:
  Scanner(const std::string& text, Progress& found)
      : at_(text.data()), end_(text.data() + std::min(text.size(), kMaxProgressScanBytes)), found_(found) {}

  void scan() { value("", 0); }
  int kept() const { return kept_; }

 private:
  const char* at_;
  const char* end_;
  Progress& found_;
  int kept_ = 0;
  std::vector<std::string> path_;  // the names of the objects the scan is inside, outermost first

  void skipSpace() {
    while (at_ < end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  bool take(char c) {
    skipSpace();
    if (at_ >= end_ || *at_ != c) return false;
    ++at_;
    return true;
  }

  // A string at `at_` (past its opening quote is done here). Its text goes to `out`, cut to
  // one character past kLongestId, which is enough to know it is no id.
  bool string(std::string& out) {
    out.clear();
    if (!take('"')) return false;
    while (at_ < end_) {
      char c = *at_++;
      if (c == '"') return true;
      if (c == '\\') {
        if (at_ >= end_) return false;
        const char escaped = *at_++;
        if (escaped == 'u') {
          if (end_ - at_ < 4) return false;
          at_ += 4;
          c = '?';  // no id of the lesson's needs an escape
        } else {
          const char* plain = std::strchr("\"\\/bfnrt", escaped);
          if (escaped == '\0' || !plain) return false;
          c = escaped;
        }
      }
      if (out.size() <= kLongestId) out += c;
    }
    return false;
  }

  bool literal(const char* word) {
    const std::size_t length = std::strlen(word);
    if (static_cast<std::size_t>(end_ - at_) < length || std::memcmp(at_, word, length) != 0) return false;
    at_ += length;
    return true;
  }

  bool number(double& out) {
    const char* start = at_;
    while (at_ < end_ && at_ - start < 40 && std::strchr("+-0123456789.eE", *at_) && *at_ != '\0') ++at_;
    if (at_ == start) return false;
    const std::string digits(start, at_);
    char* stop = nullptr;
    out = std::strtod(digits.c_str(), &stop);
    return stop == digits.c_str() + digits.size();
  }

  // A step's guess, "predictions": {"<step id>": {"guessed": true, ...}}: whether it was made or
  // skipped (the guess's own numbers are not needed to count it, and are left).
  void keepPrediction(const std::string& flag) {
    if (path_.size() < 2 || path_[path_.size() - 2] != "predictions" || !predictionQuestion(path_.back())) return;
    Prediction& prediction = found_.predictions[path_.back()];
    bool& kept = flag == "guessed" ? prediction.guessed : prediction.skipped;
    if (!kept) kept = true, ++kept_;
  }

  void keepId(const std::string& list, const std::string& id) {
    if (list == "stepsSeen" && stepIndexOf(id) >= 0 && !found_.stepSeen(stepIndexOf(id))) {
      found_.markSeen(stepIndexOf(id));
      ++kept_;
    } else if (list == "experimentsDone" && isExperiment(id) && found_.experimentsDone.insert(id).second) {
      ++kept_;
    } else if (list == "quizCorrect" && isQuestion(id) && found_.quizCorrect.insert(id).second) {
      ++kept_;
    }
  }

  // One JSON value, named `key` in its object ("" in an array). Returns false where the text
  // stops being JSON: the scan ends there.
  bool value(const std::string& key, int depth) {
    if (depth > kDeepest) return false;
    skipSpace();
    if (at_ >= end_) return false;
    const char c = *at_;
    if (c == '{') {
      ++at_;
      if (take('}')) return true;
      std::string name;
      path_.push_back(key);
      do {
        if (!string(name) || !take(':') || !value(name, depth + 1)) return false;
      } while (take(','));
      path_.pop_back();
      return take('}');
    }
    if (c == '[') {
      ++at_;
      if (take(']')) return true;
      const bool ids = key == "stepsSeen" || key == "experimentsDone" || key == "quizCorrect";
      std::string id;
      do {
        skipSpace();
        if (ids && at_ < end_ && *at_ == '"') {
          if (!string(id)) return false;
          keepId(key, id);
        } else if (!value("", depth + 1)) {
          return false;
        }
      } while (take(','));
      return take(']');
    }
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == 't' || c == 'f') {
      const bool truth = c == 't';
      if (!literal(truth ? "true" : "false")) return false;
      if (key == "challengeDone" && truth && !found_.challengeDone) found_.challengeDone = true, ++kept_;
      if (key == "challenge2Done" && truth && !found_.challenge2Done) found_.challenge2Done = true, ++kept_;
      if (truth && (key == "guessed" || key == "skipped")) keepPrediction(key);
      return true;
    }
    if (c == 'n') return literal("null");
    double number = 0;
    if (!this->number(number)) return false;
    if (key == "startedAt" && number > 0 && number <= 1e15) found_.startedAt = number, ++kept_;
    return true;
  }
};

}  // namespace

int salvageProgress(const std::string& text, Progress& progress) {
  Progress found;
  Scanner scanner(text, found);
  scanner.scan();
  if (scanner.kept() > 0) progress = found;
  return scanner.kept();
}

}  // namespace lesson
