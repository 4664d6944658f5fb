// cost-lab-worker-glue.js: the cost lab's half of the lab worker (lab-worker.js, see
// web/lab-worker-glue.js, which hands it the messages without an `op`). The page sends
// {id, n, d, tile}; the worker answers {id, result: {...}} or {id, error} for each request, one
// at a time, in order. Requests are checked here too: anything but three whole numbers in
// range is refused.
'use strict';
function costLabMeasure(request) {
  var id = request && Number.isInteger(request.id) ? request.id : -1;
  var n = request && request.n, d = request && request.d, tile = request && request.tile;
  var whole = function (x, low, high) { return Number.isInteger(x) && x >= low && x <= high; };
  if (!whole(n, 1, labLimits.maxN) || !whole(d, 1, labLimits.maxD) || !whole(tile, 1, n)) {
    postMessage({ id: id, error: 'the worker takes whole numbers n 1..' + labLimits.maxN + ', d 1..' + labLimits.maxD +
      ', tile 1..n' });
    return;
  }
  var at = Module._cl_benchmark(n, d, tile) >> 3;
  var status = HEAPF64[at];
  if (status !== 0) {
    postMessage({ id: id, error: status === 1 ? 'the sizes are out of range'
      : 'there is not enough memory here for n = ' + n + ', d = ' + d + ' (the direct method holds n × n numbers)' });
    return;
  }
  postMessage({ id: id, result: { n: n, d: d, tile: tile, naiveMs: HEAPF64[at + 1], tiledMs: HEAPF64[at + 2],
    maxAbsDiff: HEAPF64[at + 3], naiveBytes: HEAPF64[at + 4], tiledBytes: HEAPF64[at + 5] } });
}

// Before the worker says it is ready: V8 swaps in optimised code at the next calls.
function costLabWarmUp() { Module._cl_benchmark(256, 64, 64); }
