// steps.cpp: the steps of the tour, in the project's own words.
#include "lesson/content/steps.h"

#include <algorithm>
#include <iterator>

namespace lesson {

namespace {

using M = MatrixId;

// Constant data: checked and laid out by the compiler, copied once at start.
constexpr TourStep kSteps[] = {
    {StepId::Why,
     "why",
     "Why attention?",
     "A word takes its meaning from the words around it: \"bank\" means one thing beside \"river\" and "
     "another beside \"deposit\". Attention lets every token look at every other token directly, all at the "
     "same time, and take in what it needs.\n"
     "Older sequence models read a sentence one word at a time and had to squeeze everything seen so far into "
     "one running memory, so early words faded. Attention is the core of the Transformer, introduced in 2017 by "
     "Vaswani and colleagues, the design behind today's large language models.",
     "Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V",
     {},
     M::Output,
     {"meaning-moves", "two-sentences", "links", "history"},
     FormulaLine::None,
     false},
    {StepId::Tokens,
     "tokens",
     "Tokens become vectors",
     "The sentence is cut into tokens, and each token is looked up as a vector of numbers: its embedding. "
     "Row i of X is token i. At this point each row describes its own token and knows nothing about its "
     "neighbours.",
     "X = [x₁; x₂; …; xₙ]",
     {M::X},
     M::X,
     {"tokens", "token-plane"},
     FormulaLine::None,
     false},
    {StepId::Qkv,
     "qkv",
     "Three roles: query, key, value",
     "Each token plays three parts. Its query says what it is looking for, its key says what it can be "
     "matched on, and its value is what it passes along when it is chosen. Three separate matrices turn the "
     "same embedding into these three vectors, so how a token asks can differ from what it carries.\nThink of a "
     "library: the query is your question, each key is the label on a book's spine, and each value is what is "
     "inside the book. Unlike a librarian, attention does not hand you one book: you get a little of every book, "
     "more of those whose label fits your question best.",
     "Q = X W_Q    K = X W_K    V = X W_V",
     {M::X, M::WQ, M::WK, M::WV, M::Q, M::K, M::V},
     M::Q,
     {"qkv-split", "key-plane", "value-plane", "edit-goal"},
     FormulaLine::None,
     true},
    {StepId::Scores,
     "scores",
     "Scores: how well a query matches each key",
     "To decide where token i should look, compare its query with every key using a dot product: multiply "
     "the numbers pairwise and add them up. A score is large when the two point the same way and are long, 0 "
     "at right angles, negative when they point apart. Pick a cell to see its dot product written out.\n"
     "The sum equals the two lengths times the cosine of the angle between the vectors: the direction and the "
     "lengths both count.",
     "S = Q Kᵀ,   S[i][j] = q_i · k_j",
     {M::Q, M::K, M::Scores},
     M::Scores,
     {"play", "key-plane", "edit-goal"},
     FormulaLine::Score,
     true,
     true,
     {Animation::QueryMeetsKeys, "Play: the query meets each key in turn."}},
    {StepId::Scale,
     "scale",
     "Scaling by √d_k",
     "Softmax (a few steps on) picks a winner by the spread between a row's scores. A dot product over more "
     "key dimensions adds up more terms: for vectors with independent random entries its spread grows like "
     "the square root of the key width. Dividing every score by that square root keeps the spread steady. "
     "Switch the scale off, or move the temperature, and watch the weights sharpen or flatten.\n"
     "Softmax ignores a shift: adding the same amount to every score of a row changes no weight. Only the "
     "gaps between the scores decide how sharply it picks one key and ignores the rest.",
     "S' = S / (√d_k · T)",
     {M::Scores, M::Scaled},
     M::Scaled,
     {"scale-spread", "scale-controls", "scale-compare"},
     FormulaLine::Scale,
     true},
    {StepId::Mask,
     "mask",
     "Masking: hiding the future",
     "A model that writes text one token at a time never has the tokens after the one it is writing. A causal "
     "mask hides every key that comes after the query by setting its score to minus infinity. Turn the mask on: "
     "the first token can then see only itself.\n"
     "In training all positions are computed at once; with the mask, each position sees just what it would "
     "see while generating.",
     "S'[i][j] = -∞  for j > i  (causal)",
     {M::Scaled, M::Masked},
     M::Masked,
     {"mask-controls", "heatmap"},
     FormulaLine::Mask,
     true},
    {StepId::Softmax,
     "softmax",
     "Softmax turns scores into weights",
     "Each row of scores becomes a set of weights that are never negative (a hidden key gets exactly 0) and "
     "add up to 1. Larger scores get "
     "larger shares, and the gap grows quickly because of the exponential. Pick a row to see its scores and "
     "weights as bars.",
     "w_ij = exp(s_ij - max_j s_ij) / Σ_j exp(s_ij - max_j s_ij)",
     {M::Masked},
     M::Weights,
     {"play", "row-bars", "heatmap"},
     FormulaLine::Softmax,
     true,
     true,
     {Animation::Softmax, "Play: exp(s - max), then divide by the sum."}},
    {StepId::WeightedSum,
     "weighted-sum",
     "A weighted sum of values",
     "Now each token collects information: its output is the value vectors of all tokens, each multiplied by "
     "its weight, added together. Tokens with big weights contribute most. The stacked bars show how much "
     "each value vector adds to every output dimension.",
     "output_i = Σ_j w_ij v_j",
     {M::Weights, M::V, M::Output},
     M::Output,
     {"play", "value-plane", "links", "contributions"},
     FormulaLine::Output,
     true,
     true,
     {Animation::WeightedSum, "Play: each value, times its weight, joins the output."}},
    {StepId::Output,
     "output",
     "Context-aware vectors",
     "Compare the selected token's vector before and after attention. Before, it described the token alone; "
     "after, it is a blend shaped by the tokens the query found relevant. In a real Transformer this result "
     "goes on to further layers that repeat the process.",
     "v_i  →  output_i",
     {M::V, M::Output},
     M::Output,
     {"before-after", "change-words", "value-plane", "meaning-moves"},
     FormulaLine::Output,
     true},
    {StepId::AllAtOnce,
     "all-at-once",
     "All tokens at once",
     "Nothing in the previous steps depended on finishing one token before starting the next. For the whole "
     "sentence, attention is a few matrix products (X W_Q, X W_K, X W_V, Q Kᵀ and the weights times V) and "
     "one row-wise softmax, which is why it runs so well on parallel hardware. The price: every token is compared "
     "with every other one.",
     "Output = softmax(Q Kᵀ / √d_k) V",
     {M::Q, M::K, M::V, M::Weights, M::Output},
     M::Output,
     {"pairs-grid", "cost", "code"},
     FormulaLine::None,
     true},
    {StepId::MultiHead,
     "multi-head",
     "Several heads",
     "One head gives each query a single row of weights, so two relations (grammar and meaning, say) have to "
     "share one distribution and blend. Multi-head attention splits the "
     "query, key and value widths into h smaller heads that attend independently, then joins their outputs. "
     "One head may follow grammar while another follows meaning.",
     "head_i = softmax(Q_i K_iᵀ / √(d_k/h)) V_i  for i = 1 … h,   out = [head_1 … head_h] W_O",
     {M::Weights, M::Output, M::WO, M::Mixed},
     M::Mixed,
     {"heads"},
     FormulaLine::Mixing,
     true},
    {StepId::CrossAttention,
     "cross-attention",
     "Between two sentences: cross-attention",
     "The attention of this lesson began in translation. While a model writes each word of the translation, it "
     "looks back at the sentence it translates. The queries come from the sentence being written; the keys and "
     "values come "
     "from the source sentence. The rest is the formula you know.\n"
     "Each written word gets one row of weights over the source words, so the weights form a table of n_target "
     "rows and n_source columns, in general not a square. Drawn as lines between the sentences, they show what each "
     "written "
     "word reads. Pick the other pair, or edit a word's vector, and watch the lines move.",
     "Q = X_tgt W_Q (n_t \xC3\x97 d_k),  K = X_src W_K (n_s \xC3\x97 d_k),  V = X_src W_V (n_s \xC3\x97 d_v),  "
     "W = softmax(Q K\xE1\xB5\x80 / \xE2\x88\x9A"
     "d_k) (n_t \xC3\x97 n_s),  out = W V",
     {M::TargetX, M::SourceX, M::CrossWeights},
     M::CrossWeights,
     {"cross"},
     FormulaLine::None,
     false,
     false,
     {},
     "The lines cross where the languages order words differently: French puts most adjectives after the noun "
     "(chat noir), English before it (black cat); German puts the participle last (habe \xE2\x80\xA6 gesehen). A "
     "query finds its match by meaning, wherever that word sits. "
     "The word vectors of the two pairs live in one space of meanings shared by both languages, and as the pairs "
     "are loaded W_Q and W_K are 3 times the identity, so a written word's query scores high on the source words "
     "that share its meanings. A trained model learns its projections, and its alignments are rarely this "
     "clean."},
    {StepId::KvCache,
     "kv-cache",
     "Writing one token at a time: the KV cache",
     "A language model writes its text one token at a time. Under the causal mask nothing a token computes "
     "depends on the tokens after it, so the keys and values already computed never change, and the model keeps "
     "them: the KV cache. Each new token brings one query, which meets every cached key and its own; then its key "
     "and value join the cache.\n"
     "Writing the n-th token this way costs about n \xC3\x97 d multiply-adds, where recomputing every pair would "
     "cost about n\xC2\xB2 \xC3\x97 d. The price is memory: the cache grows with every token written.",
     "out_t = softmax(q_t K_cache\xE1\xB5\x80 / \xE2\x88\x9A"
     "d_k) V_cache,   K_cache = [k_1 \xE2\x80\xA6 k_t]",
     {},
     M::Output,
     {"kv-cache"},
     FormulaLine::None,
     false,
     false},
    {StepId::Positions,
     "positions",
     "Positions: does attention know the order?",
     "Attention itself never looks at where a token sits: only the vectors and the mask count. Reverse the "
     "sentence: without a mask every token gets exactly the output it had, now in its mirrored row. The remedy is "
     "to add to each embedding a vector that depends only on its position. Switch the sinusoidal positions on "
     "and reverse again: now the outputs change.\n"
     "Without positions and without a mask, \"The dog bit the man\" and \"The man bit the dog\" would give "
     "each word the same output. Positions are added to the embeddings X, so an example that gives Q, K and V "
     "directly has none to add.",
     "X' = X + PE,   PE[p][2i] = sin(p / 10000^(2i/d)),   PE[p][2i+1] = cos(p / 10000^(2i/d))",
     {M::X, M::Output},
     M::Output,
     {"positions-compare", "positions"},
     FormulaLine::None,
     true},
    {StepId::Sparse,
     "sparse",
     "Sparse masks: fewer pairs",
     "Every pair costs work, and a long input has a great many pairs. A sliding window lets each token attend "
     "only to keys within W places of it: at most 2W + 1 of them, plus any global tokens. Choose a window and watch "
     "the weights: hidden "
     "pairs get exactly 0.\n"
     "A few global tokens see every token and are seen by every token, so information can still cross "
     "the whole input in two layers.",
     "S'[i][j] = -∞  unless  |i - j| ≤ W  or  i < G  or  j < G",
     {},
     M::Weights,
     {"sparse"},
     FormulaLine::Mask,
     true},
    {StepId::Flash,
     "flash",
     "FlashAttention: the same result, tile by tile",
     "A GPU has a large but slow memory and a small but fast one. Computing the whole n × n weight matrix "
     "means writing it to the slow memory and reading it back, and for long inputs those trips, not the "
     "arithmetic, take most of the time. FlashAttention visits the keys a tile at a time, keeping a running "
     "maximum, sum and output for each query.\nIt rescales them whenever "
     "a larger score turns up (FlashAttention-2 keeps them in the fast memory for a whole block of queries; the "
     "first version wrote them back after each block of keys). The result is the direct one, up to rounding. The "
     "work is still O(n²), but "
     "far fewer numbers travel to and from the slow memory.",
     "m' = max(m, max_j s_j),  l' = l·exp(m - m') + Σ_j exp(s_j - m')",
     {M::Output},
     M::Output,
     {"play", "flash"},
     FormulaLine::None,
     true,
     true,
     {Animation::TileSweep, "Play: the tiles sweep along the keys; watch m, l and the memory traffic."}},
    {StepId::Linear,
     "linear",
     "Linear attention: no n × n matrix",
     "Linear attention replaces softmax's exp of the score with a product of features, phi(q) · phi(k), "
     "where phi(x) = elu(x) + 1 is always positive. Then the "
     "keys and values can be summed once, before any query is seen, and each query reads its output from that "
     "sum: the cost grows like n, not n². The price is different weights: compare the two maps and the "
     "outputs.",
     "output_i = phi(q_i)ᵀ Σ_j phi(k_j) v_jᵀ  /  phi(q_i)ᵀ Σ_j phi(k_j)",
     {},
     M::Output,
     {"linear", "code-linear"},
     FormulaLine::None,
     true},
    // The cost lab: real timings on the learner's own machine (ui/views/cost_lab_view.cpp).
    {StepId::CostLab,
     "cost-lab",
     "What it costs on your machine",
     "How long does attention take on the device in front of you? Run on the CPU times n = 64, 128, and so on "
     "up to the n you choose, directly and tile by tile, on one core and then on all. The dashed line grows as "
     "n²: double n and the work grows four times. Tiling does not shrink the work, but its memory grows only as "
     "n d.\n"
     "Each query, key and value holds d = 64 numbers, and n goes up to 4096 at most. The times are this "
     "device's, right now; another device, or other programs running, give other numbers. Tiled, the work is still "
     "O(n² d), while the direct way holds all n × n scores at once. "
     "Run on the GPU, where the browser offers WebGPU, times both on the GPU it offers: there the tiled way keeps "
     "each tile of keys and values in the GPU's small fast memory.",
     "time ~ 4·n²·d operations for both;   memory: direct ~ n², tiled ~ n·d",
     {},
     M::Output,
     {"cost-lab"},
     FormulaLine::None,
     false,
     false},
    // Training tiny models on this machine (ui/views/learning_view.cpp, core/training.h).
    {StepId::Learning,
     "learning",
     "Learned, not set by hand",
     "Every W_Q, W_K and W_V in this tour so far was written by hand (or drawn at random). In a real model nobody "
     "writes them: they "
     "start as random numbers and are nudged, step after step, towards better guesses of a target (for a language "
     "model, the next token). Watch "
     "it happen on two tiny models.\nPrevious token: one attention layer must say, at each position, which letter "
     "came just before. Only attention can fetch it, so the layer learns to look one position back, and its "
     "weight map turns into a line just below the diagonal. Induction: a two-layer model reads sequences whose "
     "second half repeats the first and learns to continue the repeat. Layer 1 learns to look one back, so each "
     "position also carries the letter before it; layer 2 then looks for the earlier position whose previous "
     "letter is the current one, and copies the letter found there. Type A B C D A B C and the trained model "
     "answers D. Language models grow such induction heads too: they are one way a model copies from what it "
     "has already read.",
     "loss = -mean log p(target letter);   W ← W - lr · Adam(gradient of the loss)",
     {},
     M::Output,
     {"learning"},
     FormulaLine::None,
     false,
     false},
    {StepId::Uses,
     "uses",
     "Where attention is used",
     "Nothing in the formula is about words. Anything that can be cut into pieces, each piece made into a vector, "
     "can go through attention: pieces of words, patches of an image, sub-word tokens of code, the amino acids of a "
     "protein. "
     "The queries, keys and values differ from field to field; the computation is the one you have just followed.",
     "Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V",
     {},
     M::Output,
     {"uses"},
     FormulaLine::None,
     false,
     false},  // no worked numbers: the step shows no cells of the learner's sentence
    {StepId::Next,
     "next",
     "What comes next",
     "Attention is one part of a Transformer layer. Its output is added back to its input and normalised; then a "
     "feed-forward network, wider than the vectors, works on each token on its own, and its output is added back "
     "and normalised too. Large models stack dozens of such layers, each attending to what the layers below have "
     "already mixed in.\n"
     "Being able to reach every position does not mean using every position equally well: Liu and colleagues "
     "(2023, \"Lost in the Middle\") put the answer to a question in one of many documents in a prompt and "
     "moved it around. The models did best when it came first or last, and worst when it sat in the middle, "
     "even models built for long inputs.",
     "h = LayerNorm(x + Attention(x)),   y = LayerNorm(h + FFN(h))",
     {},
     M::Output,
     {"transformer-block"},
     FormulaLine::None,
     false,
     false},  // no worked numbers: the step shows no cells of the learner's sentence
};

// A step's plain text is written in one piece; what follows its first line break is the rest,
// shown behind "More", so the part read first stays short.
std::vector<TourStep> withMoreSplit(std::vector<TourStep> steps) {
  for (TourStep& step : steps) {
    const size_t cut = step.plain.find('\n');
    if (cut == std::string_view::npos) continue;
    step.more = step.plain.substr(cut + 1);
    step.plain = step.plain.substr(0, cut);
  }
  return steps;
}

}  // namespace

const std::vector<TourStep>& tourSteps() {
  static const std::vector<TourStep> steps = withMoreSplit(
      std::vector<TourStep>(std::begin(kSteps), std::end(kSteps)));  // immutable lesson data, not app state
  return steps;
}

int stepCount() { return static_cast<int>(tourSteps().size()); }

int stepIndexOf(StepId key) { return static_cast<int>(key); }

const TourStep& tourStep(int index) {
  const auto& steps = tourSteps();
  return steps[static_cast<size_t>(std::clamp(index, 0, stepCount() - 1))];
}

int stepIndexOf(std::string_view id) {
  const auto& steps = tourSteps();
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace lesson
