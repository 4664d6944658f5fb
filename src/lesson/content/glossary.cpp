// glossary.cpp: the glossary's entries, in the order the tour meets them.
#include "lesson/content/glossary.h"

namespace lesson {

namespace {
constexpr GlossaryEntry kEntries[] = {
    {"token",
     "One item of the input: a word or a piece of a word in text, a patch in an image. Each token has a row in X, "
     "Q, K, V and the output, and a row and a column in the weights.",
     "tokens"},
    {"embedding",
     "The vector of numbers that stands for a token before attention: row i of X. A trained model learns it; "
     "here you can edit it.",
     "tokens"},
    {"query", "q_i = x_i W_Q, what token i is looking for. It is compared with the key of every token.", "qkv"},
    {"key", "k_j = x_j W_K, what token j can be found by. A key that fits the query gets a high score.", "qkv"},
    {"value",
     "v_j = x_j W_V, what token j hands on when it is attended to. Every output is a weighted average of the "
     "values.",
     "qkv"},
    {"score",
     "q_i \xC2\xB7 k_j, the dot product of a query and a key: large when the two point the same way and are long, "
     "0 at right angles, negative when they point apart.",
     "scores"},
    {"d_k",
     "The width of the queries and keys; with h heads each head gets d_k / h of it (the 2017 paper calls that "
     "head width d_k). For random vectors the spread of their dot products grows like the square root of the "
     "width, so each head's scores are divided by the square root of its width to keep the spread the same.",
     "scale"},
    {"softmax",
     "Turns a row of scores into weights: each score minus the row's largest, exponentiated, divided by the sum "
     "of those exponentials. The results are never negative and add up to 1.",
     "softmax"},
    {"weight",
     "w_ij, the share of query i's attention that goes to key j. A row of weights adds up to 1; a hidden key's "
     "weight is exactly 0.",
     "softmax"},
    {"mask",
     "A rule that hides some keys from some queries: their scores become minus infinity before softmax, so their "
     "weights are 0. The causal mask hides every later token.",
     "mask"},
    {"head",
     "One copy of the whole computation on a slice of the query, key and value columns. Several heads attend "
     "independently, and W_O mixes their joined outputs.",
     "multi-head"},
    {"cross-attention",
     "Attention whose queries come from one sequence and whose keys and values come from another, such as the "
     "translation being written and the sentence it translates. Its weights are n_target \xC3\x97 n_source.",
     "cross-attention"},
    {"KV cache",
     "The keys and values of the tokens a model has already written, kept so that each new token needs only its "
     "own query, key and value: one row of scores instead of all of them again.",
     "kv-cache"},
    {"output",
     "Row i of the result, \xCE\xA3_j w_ij v_j: the values blended by query i's weights, one new vector per "
     "token.",
     "weighted-sum"},
};
}  // namespace

ListView<GlossaryEntry> glossary() { return kEntries; }

}  // namespace lesson
