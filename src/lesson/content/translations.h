// translations.h: the cross-attention step's ready-made sentence pairs, each a sentence read
// and its translation being written, with word vectors and projections chosen so that the
// weights line each written word up with the words it translates.
#pragma once

#include <string_view>
#include <vector>

#include "lesson/model/cross_attention.h"

namespace lesson {

struct TranslationPair {
  std::string_view id;     // in links and getState().cross.pair
  std::string_view label;  // "French -> English"
};

constexpr std::string_view kDefaultTranslation = "le-chat-noir";

const std::vector<TranslationPair>& translationPairs();
// The pair's example with its id set; false for an unknown id.
bool loadTranslation(std::string_view id, CrossExample& out);

}  // namespace lesson
