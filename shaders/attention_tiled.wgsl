// attention_tiled.wgsl: scaled dot-product attention the FlashAttention way, for the GPU
// benchmark (web/gpu-attention.js). One head, no mask: out = softmax(Q Kᵀ / √d) V, with Q, K,
// V and out n × d float32 matrices, row-major. The n × n scores are never written anywhere.
//
// A workgroup takes a block of QUERIES queries, one thread per query. The keys go by in tiles
// of TILE: the workgroup copies the tile's K and V rows from slow memory (storage buffers) into
// workgroup memory once, and all its queries use them from there. Each thread keeps, for its
// query, in private memory: the query itself, the running maximum m of the scores seen so far,
// the running sum l of exp(score - m), and the accumulator acc = Σ exp(score - m) · value.
// When a score beats m, what was summed under the old m is rescaled by exp(m_old - m_new), so
// at the end acc / l is the softmax-weighted sum of the values, as if the maximum had been
// known from the start. Slow memory sees Q once, K and V once per workgroup, and out once.
//
// The update is done key by key (the rescale only when the maximum grows) rather than a tile's
// scores at a time, so no per-thread array of TILE scores is needed: TILE can be anything from
// 1 to n, and only workgroup memory (2 · TILE · D_MAX floats) limits it.
// One thread per query keeps the code plain; its private arrays of D_MAX floats may spill out
// of registers on a real GPU for large d, which costs time but not correctness.
// A dispatch covers the queries from params.first on: the script may cut the queries into chunks
// submitted one after another, so that no submission keeps a slow GPU busy for long.
// Every read and write is bounds-checked, so n need not be a multiple of TILE or QUERIES, nor
// d of anything. The script's byte count (GpuAttention.bytesMoved) is counted from these
// loops; change them and change it.
//
// Substitution: WGSL arrays need sizes known when the shader is compiled, so before compiling,
// the script sets these lines (each `const NAME = <number>u;`) to its values:
//   D_MAX    d rounded up to a multiple of 4 (so neighbouring d share one compiled pipeline);
//   TILE     keys per tile;
//   QUERIES  queries per workgroup (the script's own 64, so its dispatch size and byte count
//            and this file cannot disagree).
// As written (d ≤ 64, tile 32) the file is valid WGSL.

struct Params {
  n: u32,      // rows of Q, K, V (queries and keys)
  d: u32,      // columns: the size of one query, key or value
  scale: f32,  // 1 / √d, computed once on the CPU in double precision
  first: u32,  // the chunk's first query (a multiple of QUERIES)
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> O: array<f32>;

const D_MAX = 64u;     // substituted (see above)
const TILE = 32u;      // substituted
const QUERIES = 64u;   // substituted; ≤ 256, the default limit of threads per workgroup
const LOWEST = -3.402823e38;  // the maximum of nothing yet: near the lowest f32 (-3.4028235e38 reads as just past it)

// The current tile's K and V rows, packed d floats a row (not D_MAX: the end is just unused).
var<workgroup> kTile: array<f32, TILE * D_MAX>;
var<workgroup> vTile: array<f32, TILE * D_MAX>;

@compute @workgroup_size(QUERIES)
fn attention(@builtin(workgroup_id) group: vec3u, @builtin(local_invocation_index) thread: u32) {
  let n = params.n;
  let d = params.d;
  let query = params.first + group.x * QUERIES + thread;
  // Threads past the last query still help load tiles and meet the barriers; they compute nothing.
  let isQuery = query < n;

  var q: array<f32, D_MAX>;
  var acc: array<f32, D_MAX>;  // zero-initialised, as all WGSL variables are
  var m = LOWEST;
  var l = 0.0;
  if (isQuery) {
    for (var c = 0u; c < d; c++) { q[c] = Q[query * d + c]; }
  }

  for (var k0 = 0u; k0 < n; k0 += TILE) {
    // The tile's rows k0 .. k0 + keys - 1 are one contiguous run of keys · d floats in K and V,
    // so the threads copy it in turns, neighbours reading neighbouring floats.
    let keys = min(TILE, n - k0);
    let start = k0 * d;
    for (var e = thread; e < keys * d; e += QUERIES) {
      kTile[e] = K[start + e];
      vTile[e] = V[start + e];
    }
    workgroupBarrier();  // the tile is whole

    if (isQuery) {
      for (var j = 0u; j < keys; j++) {
        let row = j * d;
        var dot = 0.0;
        for (var c = 0u; c < d; c++) { dot += q[c] * kTile[row + c]; }
        let s = dot * params.scale;
        if (s > m) {
          // The maximum grows: what was summed under the old one is worth exp(m_old - m_new) as
          // much under the new one. (The first time, l and acc are 0 and exp(LOWEST - s) is 0.)
          let shrink = exp(m - s);
          l *= shrink;
          for (var c = 0u; c < d; c++) { acc[c] *= shrink; }
          m = s;
        }
        let p = exp(s - m);  // ≤ 1
        l += p;
        for (var c = 0u; c < d; c++) { acc[c] += p * vTile[row + c]; }
      }
    }
    workgroupBarrier();  // everyone is done with the tile before the next overwrites it
  }

  if (isQuery) {
    // l ≥ 1: the largest score's own term is exp(0).
    for (var c = 0u; c < d; c++) { O[query * d + c] = acc[c] / l; }
  }
}
