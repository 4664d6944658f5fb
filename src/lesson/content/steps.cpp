// steps.cpp: the steps of the tour, in the project's own words.
#include "lesson/content/steps.h"

#include <algorithm>

namespace lesson {

namespace {

using M = MatrixId;

std::vector<TourStep> buildSteps() {
  return {
      {StepId::Why,
       "why",
       "Why attention?",
       "A word takes its meaning from the words around it: \"bank\" means one thing beside \"river\" and "
       "another beside \"deposit\". Attention lets every token look at every other token directly, all at the "
       "same time, and take in what it needs.\n"
       "Older sequence models read a sentence one word at a time and had to squeeze everything seen so far into "
       "one running memory, so early words faded. Attention is the core of the Transformer, introduced in 2017 by "
       "Vaswani and colleagues, the design behind today's large language models.",
       "Given n token vectors, attention builds for each position i a new vector that is a weighted average of "
       "value vectors from all positions. The weights come from comparing a query of position i with a key of "
       "every position j. Because all pairs are compared independently, the whole layer is a few matrix "
       "products that run in parallel, and the path between any two positions has length one.",
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
       "X is an n x d_model matrix. In a trained model the embedding table is learned; here you may edit any "
       "entry. Positions come on a later step; until then, without a mask, attention sees the tokens as an unordered "
       "set, "
       "unless the embeddings themselves hold a word's place, as the two-heads example's do.",
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
       "Q = X W_Q, K = X W_K and V = X W_V, with W_Q and W_K of shape d_model x d_k and W_V of shape "
       "d_model x d_v. All three are learned. Row i of Q is the query of token i. In the three-token example "
       "Q, K and V are given directly instead of being projected from X.",
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
       "at right angles, negative when they point apart. Click a cell to see its dot product written out.\n"
       "The sum equals the two lengths times the cosine of the angle between the vectors: the direction and the "
       "lengths both count.",
       "S = Q Kᵀ is an n x n matrix with S[i][j] = q_i · k_j = Σ_c q_i[c] k_j[c]. "
       "Row i holds the raw compatibility of query i with every key. Nothing is normalised yet: scores can "
       "be any real number.",
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
       "If the entries of q and k are independent with mean 0 and variance 1, then q · k has variance "
       "d_k. Dividing by √d_k brings the variance back to 1 whatever the width, which keeps softmax "
       "away from saturation, where its gradients almost vanish. A temperature T divides the scores further: "
       "T < 1 sharpens, T > 1 flattens.",
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
       "Masked entries are set to -∞ before softmax. Since exp(-∞) = 0, they receive exactly "
       "zero weight and the remaining weights of the row still sum to 1. With a causal mask, query i sees keys "
       "1..i only. Encoders such as BERT use no causal mask, since every token may see the whole input, "
       "but they do use padding masks that hide the filler tokens of shorter inputs in a batch.",
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
       "w_ij = exp(s_ij - m_i) / Σ_j' exp(s_ij' - m_i), where m_i is the largest score in row i. "
       "Subtracting m_i leaves the result unchanged (it cancels between numerator and denominator) but keeps "
       "every exponent at or below 0, so nothing overflows even for scores in the thousands.",
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
       "output_i = Σ_j w_ij v_j, that is, row i of W V. Because the weights of a row are non-negative and "
       "sum to 1, every output is a convex combination of the value vectors: it lies inside their hull.",
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
       "The attention output has one row per query. In a Transformer block it is added back to the input "
       "(a residual connection), normalised, and passed through a position-wise feed-forward network; stacking "
       "such blocks lets information flow over several hops.",
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
       "Computing Q Kᵀ costs O(n² d) time. Storing the weight matrix, as this page does to show it, takes n² "
       "numbers: O(n²) memory. A tiled pass such as FlashAttention never holds the whole matrix and needs "
       "only O(n) extra memory, but its work stays O(n² d). Doubling the context length makes the score work and "
       "the n × n matrices (scores, weights) four times larger, while Q, K, V, the output and the work of the "
       "projections only double and W_Q, W_K, W_V keep their size. This quadratic part is what long-context "
       "methods try to avoid.",
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
       "With h heads, each head works on d_k / h columns and is scaled by √(d_k / h). The head outputs "
       "are concatenated back to width d_v and mixed by an output matrix W_O, so every output column can draw "
       "on every head. Here W_O starts as the identity, which leaves the output unchanged until you edit it. "
       "The base Transformer of 2017 used 8 heads (its big version 16); large models use dozens per layer.",
       "head_i = softmax(Q_i K_iᵀ / √(d_k/h)) V_i  for i = 1 … h,   out = [head_1 … head_h] W_O",
       {M::Weights, M::Output, M::WO, M::Mixed},
       M::Mixed,
       {"heads"},
       FormulaLine::Mixing,
       true},
      {StepId::KvCache,
       "kv-cache",
       "Writing one token at a time: the KV cache",
       "A language model writes its text one token at a time. Under the causal mask nothing a token computes "
       "depends on the tokens after it, so the keys and values already computed never change, and the model keeps "
       "them: the KV cache. Each new token brings one query, which meets every cached key and its own; then its key "
       "and value join the cache.\n"
       "Writing the n-th token this way costs about n \xC3\x97 d multiply-adds, where recomputing every pair would "
       "cost about n\xC2\xB2 \xC3\x97 d. The price is memory: the cache grows with every token written.",
       "With the causal mask, output row t depends only on q_t and the keys and values of tokens 1 to t. A decoder "
       "keeps the K and V rows of the tokens written so far; writing token t computes q_t, k_t and v_t from that "
       "token alone, appends k_t and v_t to the cache, and computes softmax(q_t K_cache\xE1\xB5\x80 / \xE2\x88\x9A"
       "d_k) V_cache: t scores and a sum of t weighted values, O(t d) for the token. The rows come out equal to "
       "the rows of the full causal computation. A model with L layers and h heads of width d_k keeps L "
       "\xC3\x97 h \xC3\x97 d_k \xC3\x97 2 numbers per token: for Llama 2 7B (2023), 32 \xC3\x97 32 "
       "\xC3\x97 128 \xC3\x97 2 = 262,144 numbers, 524,288 bytes in 16-bit numbers, so about 2.1 GB for "
       "4,096 tokens. Newer models shrink the cache by letting heads share keys and values (multi-query and "
       "grouped-query attention) or by storing them in fewer bits.",
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
       "Without a mask attention is permutation-equivariant: reordering the rows of X reorders the rows of the "
       "output in the same way and changes nothing else, because each score depends only on its pair of vectors "
       "and softmax treats a row's keys alike, whatever their order. The 2017 Transformer adds PE[p][2i] = sin(p / "
       "10000^(2i/d_model)) and "
       "PE[p][2i+1] = cos(p / 10000^(2i/d_model)) to row p of X before the projections. A causal mask also breaks "
       "the symmetry, since what a token may see depends on its place. Many newer models use other schemes: "
       "rotary positions turn each query and key by an angle that grows with its position, and relative biases "
       "(T5, ALiBi) add a number that depends on the distance i - j to each score.",
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
       "With the mask window:W, query i sees key j when |i - j| ≤ W; with window:W+global:G also when i < G "
       "or j < G. Hidden scores become minus infinity before softmax, as with the causal mask. The number of "
       "computed pairs grows like n (2W + 1 + 2G) instead of n². Here the global tokens are the first G; "
       "Longformer (2020), which combines a sliding window with global tokens in this way, picks them for the "
       "task (a classification token, the tokens of a question); the saving needs a kernel that skips the hidden "
       "pairs, not one that "
       "computes every score and then hides some.",
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
       "For each query, keys are visited in tiles. With m the largest score so far, l the sum of exp(s - m) so far "
       "and o the weighted sum of values so far, a tile with scores s_j and a new maximum m' multiplies l and o by "
       "exp(m - m') and adds exp(s_j - m') and exp(s_j - m') v_j; at the end the output is o / l. The tiled pass "
       "never holds the whole weight matrix, so it needs O(n) extra memory instead of O(n²).",
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
       "w_ij = phi(q_i) · phi(k_j) / Σ_j' phi(q_i) · phi(k_j'), so output_i = phi(q_i)ᵀ S / "
       "phi(q_i)ᵀ z with S = Σ_j phi(k_j) v_jᵀ and z = Σ_j phi(k_j): O(n d d_v) time "
       "and O(d d_v) memory for the sums. With the causal mask S and z become running sums over keys 1..i. Scale "
       "and temperature do not apply. Katharopoulos and colleagues (2020) introduced this form.",
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
       "How long does attention take on the device in front of you? Run measures it for n = 64, 128, and so on "
       "up to the n you choose, once directly and once tile by tile. The dashed line grows as n²: double n and "
       "the work grows four times. Tiling does not make the work smaller, but its memory grows only as n d.\n"
       "Each query, key and value holds d = 64 numbers, and n goes up to 4096 at most. The times are this "
       "machine's, in this browser (or this program), right now; another device, or other programs running, give "
       "other numbers. Tiled, the work is still O(n² d), while the direct way holds all n × n scores at once.",
       "Both methods get the same random Q, K and V (n × d, float32) and compute softmax(Q Kᵀ / √d) V. The direct "
       "one stores the whole n × n score matrix, takes each row's softmax (subtracting the row's maximum first) and "
       "multiplies by V. The tiled one visits the keys 64 at a time; each query keeps a running maximum and sum and "
       "rescales its partial output when the maximum grows, as FlashAttention does. Each does 4·n²·d floating-point "
       "operations (2·n²·d for Q Kᵀ, as many for the weights times V) and n² exponentials, so on log-log axes both "
       "times run parallel to the n² line. Memory counts 4 bytes a number: both hold Q, K, V and the output "
       "(4·n·d); the direct method adds the n × n scores and a copy of Kᵀ (n·d), the tiled one a 64-key tile of Kᵀ, "
       "4 × 64 scores and a running maximum and sum per query (2·n). The work runs off the main thread, so "
       "the page stays responsive; sizes that take under 20 ms are repeated and their mean shown.",
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
       "Training lowers the cross-entropy between the model's probabilities for the target letter and the true ones, "
       "averaged over batches of random sequences, using the Adam optimiser at the learning rate you choose. "
       "The gradients are exact, worked back through the output matrix, the residual additions, the projections, "
       "softmax, the 1/√d scaling and the causal mask. Each token is a vector E[t] plus a learned position vector; "
       "each layer adds its attention output to that running vector; a last matrix turns it into 16 scores, one "
       "per letter A to P. Previous token: 1 layer, 1 head, width 32, sequences of 12 random letters; the target "
       "at position i is the letter at i - 1; the metric is the share of positions i ≥ 1 whose largest weight is "
       "on i - 1. Induction: 2 layers of 1 head, width 64; a sequence is 4 to 8 different letters and then the same "
       "letters again, placed at a random offset among 24 positions, so only matching letters, not positions, can "
       "find the copy. Loss and accuracy count the repeated half; the metric is the mean weight layer 2 puts on the "
       "position just after the earlier copy of the current letter. Both are measured on 64 sequences drawn "
       "apart from the training batches. Elhage and colleagues (2021) described induction heads in two-layer "
       "attention-only models; "
       "Olsson and colleagues (2022) found them in large language models and tied their appearance to a sudden "
       "gain in learning from the context.",
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
       "What changes between fields is how the input is cut into tokens, how the embeddings and the weight matrices "
       "are learned, and which mask is used: causal for models that write text one token at a time, no causal mask "
       "for an encoder that reads a whole image or sentence. Cross-attention, as in translation, takes its queries "
       "from "
       "one sequence and its keys and values from another.",
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
       "In the 2017 design a layer computes h = LayerNorm(x + Attention(x)), then y = LayerNorm(h + FFN(h)), "
       "where FFN(h) = W₂ max(0, W₁ h + b₁) + b₂ "
       "acts on each token separately, with a hidden width four times d_model (2048 for d_model = 512): about two "
       "thirds of an encoder layer's weights. Most "
       "recent models normalise first, x + Attention(LayerNorm(x)), which trains more stably in deep stacks, and "
       "often use GELU or a gated unit instead of max(0, ·). The residual additions let each layer "
       "change the vectors a little instead of rebuilding them.",
       "h = LayerNorm(x + Attention(x)),   y = LayerNorm(h + FFN(h))",
       {},
       M::Output,
       {"transformer-block"},
       FormulaLine::None,
       false,
       false},  // no worked numbers: the step shows no cells of the learner's sentence
  };
}

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
  static const std::vector<TourStep> steps = withMoreSplit(buildSteps());  // immutable lesson data, not app state
  return steps;
}

int stepCount() { return static_cast<int>(tourSteps().size()); }

int stepIndexOf(StepId key) { return static_cast<int>(key); }

const TourStep& tourStep(int index) {
  const auto& steps = tourSteps();
  return steps[static_cast<size_t>(std::clamp(index, 0, stepCount() - 1))];
}

int stepIndexOf(const std::string& id) {
  const auto& steps = tourSteps();
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i].id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace lesson
