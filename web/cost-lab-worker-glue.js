// cost-lab-worker-glue.js: the cost lab's half of the lab worker (lab-worker.js, see
// web/lab-worker-glue.js, which hands it the messages without an `op`). The page sends
// {id, n, d, tile, first, count, peak}: time both kernels on the query rows [first, first +
// count) (the whole n when left out; a slice when the page splits the queries across workers,
// one a core) and, when peak is true, this worker's SIMD limit after. The worker answers
// {id, result: {...}} or {id, error} for each request, one at a time, in order. Requests are
// checked here too: anything but whole numbers in range is refused.
'use strict';
function costLabMeasure(request) {
  var id = request && Number.isInteger(request.id) ? request.id : -1;
  var n = request && request.n, d = request && request.d, tile = request && request.tile;
  var whole = function (x, low, high) { return Number.isInteger(x) && x >= low && x <= high; };
  var first = request && request.first !== undefined ? request.first : 0;
  var count = request && request.count !== undefined ? request.count : n;
  if (!whole(n, 1, labLimits.maxN) || !whole(d, 1, labLimits.maxD) || !whole(tile, 1, n) || !whole(first, 0, n - 1) ||
      !whole(count, 1, n - first) || (request.peak !== undefined && typeof request.peak !== 'boolean')) {
    postMessage({ id: id, error: 'the worker takes whole numbers n 1..' + labLimits.maxN + ', d 1..' + labLimits.maxD +
      ', tile 1..n and a slice of the n queries' });
    return;
  }
  var at = Module._cl_benchmark(n, d, tile, first, count) >> 3;
  var status = HEAPF64[at];
  if (status !== 0) {
    postMessage({ id: id, error: status === 1 ? 'the sizes are out of range'
      : 'there is not enough memory here for n = ' + n + ', d = ' + d + ' (the direct method holds n × n numbers)' });
    return;
  }
  var result = { n: n, d: d, tile: tile, first: first, count: count, naiveMs: HEAPF64[at + 1], tiledMs: HEAPF64[at + 2],
    maxAbsDiff: HEAPF64[at + 3], naiveBytes: HEAPF64[at + 4], tiledBytes: HEAPF64[at + 5], flops: HEAPF64[at + 6],
    naiveTraffic: HEAPF64[at + 7], tiledTraffic: HEAPF64[at + 8] };
  if (request.peak) result.peakGflops = Module._cl_peak(40);
  postMessage({ id: id, result: result });
}

// Before the worker says it is ready: V8 swaps in optimised code at the next calls.
function costLabWarmUp() { Module._cl_benchmark(256, 64, 64, 0, 256); Module._cl_peak(2); }
