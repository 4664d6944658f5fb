// training-worker-glue.js: the learning step's half of the lab worker (lab-worker.js, see
// web/lab-worker-glue.js, which hands it the messages with an `op`). Messages from the page:
//   {id, op: 'train', slot, task, seed, lr, steps, fresh, watch, probe}: trains `steps` steps
//     (a fresh model first if asked or if the slot has none), in chunks. With watch, after each
//     chunk it posts {id, progress: {report}} (the flat list core::trainingReport writes) and
//     paces itself so a person can see the weights change; at the end {id, result: {done,
//     metric, accuracy, losses, stopped, report (watched only)}} either way.
//     The learning rate applies from the next step on, to a model kept or fresh.
//   {op: 'stop', slot}: ends that slot's running job after its chunk ({id, result} with
//     stopped: true).
// One job at a time; messages that arrive meanwhile wait their turn. Anything malformed is
// answered with {id, error}.
'use strict';
var trainingQueue = [];
var trainingBusy = false;
var trainingStop = false;
var trainingSlot = -1;  // the slot of the running training job
var trainingTask = [0, 0];  // the task of each slot's model

function trainingPost(message) { postMessage(message); }

function trainingWhole(x, low, high) { return Number.isInteger(x) && x >= low && x <= high; }

// The trainer's report as its flat list of numbers (core::trainingReport gives the layout; the
// page hands the list to its wasm unread): the last `newLosses` losses, and the model run on
// `tokens` when given.
function trainingReport(slot, newLosses, tokens) {
  var n = tokens ? tokens.length : 0;
  var at = n ? Module._malloc(4 * n) : 0;
  if (n) HEAP32.set(tokens, at >> 2);
  var out = Module._tw_report(slot, newLosses, at, n);
  if (n) Module._free(at);
  if (!out) return [];
  var base = out >> 3;
  return Array.from(HEAPF64.subarray(base + 1, base + 1 + HEAPF64[base]));
}

function trainingMeasure(slot) {
  var at = Module._tw_measure(slot) >> 3;
  return { done: HEAPF64[at], metric: HEAPF64[at + 1], accuracy: HEAPF64[at + 2], heldOutLoss: HEAPF64[at + 3] };
}

// A probe fits the task: 1 to its sequence length of tokens, each below its vocabulary (tw_plan).
function trainingValidTokens(tokens, task) {
  var plan = Module._tw_plan(task) >> 3;
  var vocabulary = HEAPF64[plan + 4], length = HEAPF64[plan + 5];
  return Array.isArray(tokens) && tokens.length >= 1 && tokens.length <= length &&
    tokens.every(function (t) { return trainingWhole(t, 0, vocabulary - 1); });
}

function trainingJob(request, finished) {
  var id = request.id;
  var ok = request.op === 'train' && (request.slot === 0 || request.slot === 1) && (request.task === 0 || request.task === 1) &&
    trainingWhole(request.seed, 0, labLimits.maxSeed) && typeof request.lr === 'number' &&
    request.lr >= labLimits.minLr && request.lr <= labLimits.maxLr && trainingWhole(request.steps, 0, labLimits.maxSteps) &&
    (!request.probe || trainingValidTokens(request.probe, request.task));
  if (!ok) { trainingPost({ id: id, error: 'the worker cannot read this request' }); finished(); return; }
  var slot = request.slot;
  if (request.fresh || !Module._tw_has(slot) || trainingTask[slot] !== request.task) {
    Module._tw_create(slot, request.task, request.seed, request.lr);
    trainingTask[slot] = request.task;
  }
  Module._tw_set_rate(slot, request.lr);
  var left = request.steps;
  var losses = [];
  // Watched: a few steps a chunk and a pause, so the maps change before one's eyes; unwatched
  // (the API): big chunks, only small enough to let a stop message in (core::trainingPace).
  var plan = Module._tw_plan(request.task) >> 3;
  var chunk = request.watch ? HEAPF64[plan + 6] : HEAPF64[plan + 8];
  var pace = request.watch ? HEAPF64[plan + 7] : 0;
  trainingStop = false;
  trainingSlot = slot;
  function next() {
    var began = Date.now();
    var count = Math.min(chunk, left);
    if (count > 0 && !trainingStop) {
      var at = Module._tw_steps(slot, count) >> 3;
      var fresh = Array.from(HEAPF64.subarray(at, at + count));
      losses.push.apply(losses, fresh);
      left -= count;
      if (request.watch) trainingPost({ id: id, progress: { report: trainingReport(slot, count, request.probe) } });
      setTimeout(next, Math.max(0, pace - (Date.now() - began)));
      return;
    }
    var result = trainingMeasure(slot);
    result.losses = request.watch ? [] : losses;
    result.stopped = trainingStop;
    if (request.watch) result.report = trainingReport(slot, 0, request.probe);
    trainingSlot = -1;
    trainingPost({ id: id, result: result });
    finished();
  }
  next();
}

function trainingPump() {
  if (trainingBusy || !trainingQueue.length) return;
  trainingBusy = true;
  trainingJob(trainingQueue.shift(), function () { trainingBusy = false; trainingPump(); });
}

function trainingRequest(request) {
  if (request.op === 'stop') { trainingStop = trainingStop || request.slot === trainingSlot; return; }
  if (trainingQueue.length >= 64) { postMessage({ id: -1, error: 'too many requests are waiting' }); return; }
  trainingQueue.push(request);
  trainingPump();
}
