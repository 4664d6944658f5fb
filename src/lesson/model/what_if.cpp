// what_if.cpp: comparison traces and finding a word in a sentence.
#include "lesson/model/what_if.h"

#include <cctype>

#include "lesson/content/presets.h"

namespace lesson {

std::string plainWord(const std::string& token) {
  size_t first = 0, last = token.size();
  while (first < last && std::ispunct(static_cast<unsigned char>(token[first]))) ++first;
  while (last > first && std::ispunct(static_cast<unsigned char>(token[last - 1]))) --last;
  std::string word = token.substr(first, last - first);
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

LessonTrace traceWithScale(const LessonState& state, bool scale) {
  LessonState other = state;
  other.scale = scale;
  return computeTrace(other);
}

int findToken(const LessonState& state, const std::string& name) {
  const std::string wanted = plainWord(name);
  for (size_t i = 0; i < state.tokens.size(); ++i)
    if (plainWord(state.tokens[i]) == wanted) return static_cast<int>(i);
  return -1;
}

const std::vector<Example>& bankSentences() {
  static const std::vector<Example> examples = [] {  // immutable lesson data, as tourSteps()
    std::vector<Example> list;
    for (const char* id : {"bank-river", "bank-money"}) {
      LessonState state;
      if (loadPreset(id, state)) list.push_back({state, computeTrace(state)});
    }
    return list;
  }();
  return examples;
}

}  // namespace lesson
