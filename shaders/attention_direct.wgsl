// attention_direct.wgsl: scaled dot-product attention the textbook way, for the GPU benchmark
// (web/gpu-attention.js). One head, no mask: out = softmax(Q Kᵀ / √d) V, with Q, K, V and out
// n × d float32 matrices, row-major. Three entry points, dispatched one after another in one
// compute pass, each reading what the one before wrote to slow memory (a storage buffer):
//   scores   S = Q Kᵀ / √d, the whole n × n matrix, into `S`;
//   softmax  each row of S turned into weights in place (the row maximum subtracted before exp);
//   weighted out = weights × V.
// That round trip of n × n numbers through slow memory is what the lesson measures against the
// tiled kernel (attention_tiled.wgsl), so it is kept: nothing here fuses the three steps.
// A pass covers the queries first .. first + (its dispatch's rows) - 1: the script may cut the
// queries into chunks submitted one after another, so that no submission keeps a slow GPU busy
// for long (each query's row of S, its weights and its output depend on nothing else).
// The two products are ordinary blocked matrix products: a BLOCK × BLOCK workgroup computes a
// BLOCK × BLOCK block of its result, staging BLOCK × BLOCK chunks of both operands in workgroup
// memory so that each number read from slow memory is used BLOCK times.
// Every read and write is bounds-checked, so n and d need not be multiples of anything: the
// chunks are padded with zeros, which add nothing to a dot product.
// The script's byte count (GpuAttention.bytesMoved) is counted from these loops; change them
// and change it.
//
// Substitution: the script sets the line `const BLOCK = 16u;` to its own BLOCK (the same 16),
// so its dispatch sizes and byte count and this file cannot disagree. Nothing else is replaced;
// as written the file is valid WGSL.

struct Params {
  n: u32,      // rows of Q, K, V (queries and keys)
  d: u32,      // columns: the size of one query, key or value
  scale: f32,  // 1 / √d, computed once on the CPU in double precision
  first: u32,  // the chunk's first query (a multiple of BLOCK)
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> O: array<f32>;
@group(0) @binding(5) var<storage, read_write> S: array<f32>;  // n × n: scores, then weights

const BLOCK = 16u;       // substituted (see above); BLOCK × BLOCK threads ≤ 256, the default limit
const ROW_THREADS = 256u;  // threads working on one row in `softmax`: a power of two
const LOWEST = -3.402823e38;  // the maximum of nothing yet: near the lowest f32 (-3.4028235e38 reads as just past it)

// Chunks staged by the two products (each entry point gets only the ones it uses).
var<workgroup> qChunk: array<f32, BLOCK * BLOCK>;  // [query row][column of d]
var<workgroup> kChunk: array<f32, BLOCK * BLOCK>;  // [key row][column of d]
var<workgroup> wChunk: array<f32, BLOCK * BLOCK>;  // [query row][key]: weights
var<workgroup> vChunk: array<f32, BLOCK * BLOCK>;  // [key][column of d]
var<workgroup> partial: array<f32, ROW_THREADS>;   // one number per thread, for a row's reduction

// S = Q Kᵀ / √d. Workgroup (x, y) computes the block of S with queries first + y·BLOCK.. and keys
// x·BLOCK..; its thread (x, y) owns one score. The d columns go by in chunks of BLOCK.
@compute @workgroup_size(BLOCK, BLOCK)
fn scores(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let n = params.n;
  let d = params.d;
  let query = params.first + group.y * BLOCK + local.y;  // the score's row
  let key = group.x * BLOCK + local.x;    // the score's column
  // What this thread stages: column c0 + x of query row `query` and of key row `keyRow`.
  let keyRow = group.x * BLOCK + local.y;
  var sum = 0.0;
  for (var c0 = 0u; c0 < d; c0 += BLOCK) {
    let c = c0 + local.x;
    var q = 0.0;
    if (query < n && c < d) { q = Q[query * d + c]; }
    var k = 0.0;
    if (keyRow < n && c < d) { k = K[keyRow * d + c]; }
    qChunk[local.y * BLOCK + local.x] = q;
    kChunk[local.y * BLOCK + local.x] = k;
    workgroupBarrier();  // the chunks are whole
    for (var t = 0u; t < BLOCK; t++) {
      sum += qChunk[local.y * BLOCK + t] * kChunk[local.x * BLOCK + t];
    }
    workgroupBarrier();  // everyone is done with them before the next chunk overwrites them
  }
  if (query < n && key < n) { S[query * n + key] = sum * params.scale; }
}

// Combines the ROW_THREADS numbers in `partial` (maximum or sum) by halving: after the loop
// partial[0] holds the result. Called by all threads of the workgroup at once.
fn combine(thread: u32, takeMax: bool) -> f32 {
  for (var stride = ROW_THREADS / 2u; stride > 0u; stride /= 2u) {
    workgroupBarrier();  // the previous level (or the threads' own numbers) is written
    if (thread < stride) {
      let a = partial[thread];
      let b = partial[thread + stride];
      partial[thread] = select(a + b, max(a, b), takeMax);
    }
  }
  workgroupBarrier();
  let result = partial[0];
  workgroupBarrier();  // everyone has read it before `partial` is used again
  return result;
}

// One workgroup per row of S (workgroup x takes row first + x): its maximum, then the sum of
// exp(score - maximum), then the weights exp(score - maximum) / sum written over the scores.
// Three reads of the row and one write; the exps are computed again in the third pass rather
// than stored in the second, which would cost a write and a read more of slow memory.
@compute @workgroup_size(ROW_THREADS)
fn softmax(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) thread: u32) {
  let n = params.n;
  let row = (params.first + group.x) * n;  // where the row starts in S
  var largest = LOWEST;
  for (var j = thread; j < n; j += ROW_THREADS) { largest = max(largest, S[row + j]); }
  partial[thread] = largest;
  let rowMax = combine(thread, true);

  var sum = 0.0;
  for (var j = thread; j < n; j += ROW_THREADS) { sum += exp(S[row + j] - rowMax); }
  partial[thread] = sum;
  let total = combine(thread, false);  // ≥ 1: the maximum's own term is exp(0)

  for (var j = thread; j < n; j += ROW_THREADS) { S[row + j] = exp(S[row + j] - rowMax) / total; }
}

// out = weights × V. Workgroup (x, y) computes the block of out with queries first + y·BLOCK.. and
// columns x·BLOCK..; its thread (x, y) owns one output number. The n keys go by in chunks
// of BLOCK.
@compute @workgroup_size(BLOCK, BLOCK)
fn weighted(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_id) local: vec3u) {
  let n = params.n;
  let d = params.d;
  let query = params.first + group.y * BLOCK + local.y;  // the output's row
  let column = group.x * BLOCK + local.x; // the output's column
  var sum = 0.0;
  for (var j0 = 0u; j0 < n; j0 += BLOCK) {
    // This thread stages weight (query, j0 + x) and V's (j0 + y, column).
    let key = j0 + local.x;
    var w = 0.0;
    if (query < n && key < n) { w = S[query * n + key]; }
    let vRow = j0 + local.y;
    var v = 0.0;
    if (vRow < n && column < d) { v = V[vRow * d + column]; }
    wChunk[local.y * BLOCK + local.x] = w;
    vChunk[local.y * BLOCK + local.x] = v;
    workgroupBarrier();
    for (var t = 0u; t < BLOCK; t++) {
      sum += wChunk[local.y * BLOCK + t] * vChunk[t * BLOCK + local.x];
    }
    workgroupBarrier();
  }
  if (query < n && column < d) { O[query * d + column] = sum; }
}
