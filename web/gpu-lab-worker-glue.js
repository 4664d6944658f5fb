// gpu-lab-worker-glue.js: the cost lab's GPU half of the lab worker (lab-worker.js; see
// web/lab-worker-glue.js, which hands it the messages with device 'gpu'). The page sends
// {id, device: 'gpu', n, d, tile}; the worker opens the GPU once (web/gpu-attention.js, the
// kernels in attention_direct.wgsl and attention_tiled.wgsl, fetched from next to it), times
// both methods on the Q, K and V every benchmark makes, checks both outputs against this
// worker's CPU kernel, and answers {id, result: {...}} or {id, error}. The page's Cancel ends
// the worker, and the GPU's work with it.
'use strict';
var gpuOpened = null;  // a Promise of {lab} or {error}, from the first GPU request on
function gpuOpen() {
  if (!gpuOpened) {
    gpuOpened = GpuAttention.open(function (name) {
      return fetch(name).then(function (reply) {
        if (!reply.ok) throw new Error(name + ' answered ' + reply.status);
        return reply.text();
      });
    });
  }
  return gpuOpened;
}
// The largest |a[i] - b[i]|; NaN when either holds one.
function gpuLargestDifference(a, b) {
  var most = 0;
  for (var i = 0; i < a.length; ++i) {
    var difference = Math.abs(a[i] - b[i]);
    if (!(difference <= most)) most = difference;  // NaN stays NaN
    if (most !== most) return most;
  }
  return most;
}
async function gpuMeasure(request) {
  var id = Number.isInteger(request.id) ? request.id : -1;
  var n = request.n, d = request.d, tile = request.tile;
  var whole = function (x, low, high) { return Number.isInteger(x) && x >= low && x <= high; };
  if (!whole(n, 1, labLimits.maxN) || !whole(d, 1, labLimits.maxD) || !whole(tile, 1, n)) {
    postMessage({ id: id, error: 'the worker takes whole numbers n 1..' + labLimits.maxN + ', d 1..' + labLimits.maxD + ', tile 1..n' });
    return;
  }
  var opened = await gpuOpen();
  if (opened.error) { postMessage({ id: id, error: opened.error }); return; }
  var lab = opened.lab;
  var refused = lab.check(n, d, tile);
  if (refused) { postMessage({ id: id, error: refused }); return; }
  var at = Module._cl_gpu_inputs(n, d, tile) >> 2;
  if (!at) { postMessage({ id: id, error: 'there is not enough memory here for n = ' + n + ', d = ' + d }); return; }
  var count = n * d;
  var Q = HEAPF32.slice(at, at + count), K = HEAPF32.slice(at + count, at + 2 * count);
  var V = HEAPF32.slice(at + 2 * count, at + 3 * count), cpu = HEAPF32.slice(at + 3 * count, at + 4 * count);
  var direct = await lab.run('direct', n, d, tile, Q, K, V);
  var tiled = direct.error ? direct : await lab.run('tiled', n, d, tile, Q, K, V);
  if (tiled.error) { postMessage({ id: id, error: tiled.error }); return; }
  var fromCpu = Math.max(gpuLargestDifference(direct.out, cpu), gpuLargestDifference(tiled.out, cpu));
  if (fromCpu !== fromCpu) { postMessage({ id: id, error: 'the GPU gave outputs that are not numbers' }); return; }
  // The GPU memory each method holds, 4 bytes a float: Q, K, V, the output and its copy to read
  // back for both, and the n × n scores for the direct method (what gpu-attention.js allocates,
  // its 16-byte parameters aside).
  var held = 4 * 5 * count;
  postMessage({ id: id, result: { n: n, d: d, tile: tile, adapter: lab.adapter, software: lab.software, naiveMs: direct.ms, tiledMs: tiled.ms,
    maxAbsDiff: gpuLargestDifference(direct.out, tiled.out), cpuMaxAbsDiff: fromCpu, naiveBytes: held + 4 * n * n,
    tiledBytes: held, naiveTraffic: direct.bytesMoved, tiledTraffic: tiled.bytesMoved } });
}
