// background.cpp: the history before the Transformer and today's uses, in the project's
// own words. Dates are those of the first public versions of the papers.
#include "lesson/content/background.h"

namespace lesson {

namespace {

constexpr Milestone kMilestones[] = {
    {"2014",
     "Encoder-decoder networks translate with two recurrent networks: one reads the source sentence into a single "
     "vector of fixed size, the other writes the translation from that vector and the words it has written so far "
     "(Sutskever, Vinyals and Le; "
     "Cho and colleagues). Cho and colleagues found their translations getting worse as the sentences got "
     "longer: everything had to pass through that one vector."},
    {"2014-15",
     "Bahdanau, Cho and Bengio remove the bottleneck. Before writing each word, the decoder scores every source "
     "word's state, turns the scores into weights with softmax and takes their weighted average. The weights "
     "line each word written up with the source words it translates. This is the idea of this lesson, three years "
     "before the Transformer."},
    {"2015",
     "Luong, Pham and Manning compare simpler ways to score, among them the plain dot product of two states, the "
     "score this lesson uses."},
    {"2017",
     "Vaswani and colleagues drop the recurrent networks altogether (\"Attention Is All You Need\"). The tokens of "
     "a sentence attend to each other (self-attention), with scaled dot products and several heads: the "
     "Transformer."},
};

constexpr AttentionUse kUses[] = {
    {"Language models",
     "pieces of words",
     "each token gathers what came before it (a causal mask) to predict the next one",
     UseLayout::Row,
     {"The", "un", "believ", "able", "story"},
     {{4, 0}, {4, 1}, {4, 2}, {4, 3}}},
    {"Translation",
     "words of the source and of the translation",
     "each word being written attends to the source words; the weights often line up with the words it "
     "translates",
     UseLayout::TwoRows,
     {"le", "chat", "noir", "the", "black", "cat"},
     {{3, 0}, {4, 2}, {5, 1}},
     3},
    {"Vision transformers",
     "square patches of an image, for example 16 by 16 pixels, as in the paper that introduced them (2020)",
     "a patch draws on any other patch, near or far, from the first layer on",
     UseLayout::Patches,
     {"", "", "", "", "", "", "", "", ""},
     {{4, 0}, {4, 5}, {4, 8}}},
    {"Code completion",
     "sub-word tokens of source code",
     "the line being written can look back at a name defined hundreds of lines earlier",
     UseLayout::Row,
     {"def", "area", "(", "w", ")", "\xE2\x80\xA6", "area", "("},
     {{6, 1}}},
    {"Protein structure",
     "the amino acids of a protein, and related proteins' sequences (AlphaFold 2, 2021)",
     "it can relate amino acids far apart along the chain that end up close together in the folded shape",
     UseLayout::Row,
     {"M", "K", "T", "A", "Y", "I", "A", "K", "L", "G"},
     {{1, 8}, {2, 6}}},
};

}  // namespace

ListView<Milestone> historyMilestones() { return kMilestones; }
ListView<AttentionUse> attentionUses() { return kUses; }

const char* transformerLayerDescription() {
  return "Each arrow carries one vector per token. First attention, whose result is added to its own input (a "
         "residual path) and normalised; then a feed-forward network that works on each token on its own, again "
         "added to its input and normalised; then the next layer, of the same design. This is the order of the 2017 "
         "paper; most newer models normalise before each part instead of after it.";
}

std::string viewNarration(const std::string& viewId) {
  std::string text;
  if (viewId == "history") {
    text = "Where attention came from.";
    for (const auto& m : historyMilestones()) text.append(" ").append(m.when).append(": ").append(m.what);
  } else if (viewId == "uses") {
    for (const auto& use : attentionUses())
      text.append(text.empty() ? "" : " ")
          .append(use.field)
          .append(": a token is ")
          .append(use.tokens)
          .append("; ")
          .append(use.attention)
          .append(".");
  } else if (viewId == "transformer-block") {
    text = std::string("One Transformer layer. ") + transformerLayerDescription();
  }
  return text;
}

}  // namespace lesson
