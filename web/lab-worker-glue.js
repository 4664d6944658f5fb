// lab-worker-glue.js: the message handler of the lab worker (lab-worker.js and .wasm, built
// from src/app/web/cost_lab_worker.cpp and src/app/web/training_worker.cpp, loaded only when the cost
// lab times something or the learning step trains). Put after the two halves' glue (--pre-js).
// It answers {ready: true} once the module is up, then hands each message to its half:
// training messages carry an `op`, the cost lab's GPU runs device 'gpu', its CPU runs neither. Messages that come before the
// module is up wait (at most 64).
'use strict';
var labReady = false;
var labWaiting = [];
// The limits both halves check requests against, from the C++ that enforces them (lab_limits).
var labLimits = null;

function labDispatch(request) {
  if (request && typeof request === 'object' && typeof request.op === 'string') trainingRequest(request);
  else if (request && typeof request === 'object' && request.device === 'gpu') gpuMeasure(request);
  else costLabMeasure(request);
}

Module['onRuntimeInitialized'] = function () {
  var at = Module._lab_limits() >> 3;
  labLimits = { maxN: HEAPF64[at], maxD: HEAPF64[at + 1], maxSteps: HEAPF64[at + 2], minLr: HEAPF64[at + 3],
    maxLr: HEAPF64[at + 4], maxSeed: HEAPF64[at + 5] };
  costLabWarmUp();
  labReady = true;
  postMessage({ ready: true });
  labWaiting.splice(0).forEach(labDispatch);
};

self.onmessage = function (event) {
  if (labReady) labDispatch(event.data);
  else if (labWaiting.length < 64) labWaiting.push(event.data);
  else postMessage({ id: -1, error: 'too many requests are waiting' });
};
