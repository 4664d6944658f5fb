// labs.js: the two labs' protocols with the lab worker (lab-worker.js): the cost lab's timings
// and the learning step's trainer, one worker instance each. Every reply is checked before it
// reaches the wasm. Loaded by the page (web/attention-tour-api/40-labs.js) with the first
// timing run or training, like the worker it talks to, never on the first load; it defines
// window.AttentionTourLabs, which the page calls once with the calls it shares.
window.AttentionTourLabs = function (kit) {
  'use strict';
  const { facts, callWith, callJson, isPlainObject } = kit;
  // The cost lab's workers (lab-worker.js and its .wasm: the float32 kernels, -O3 with wasm
  // SIMD), started on the first timing and never during the page's first load: pool[0] alone
  // times one core; a run on every core gives each of pool[0..workers-1] a slice of the
  // queries (attention's rows are independent: each worker holds its own K and V, nothing is
  // shared). Replies are checked like any other input: a result is exactly the expected
  // numbers, an error a short text; anything else stops every worker and fails what was
  // waiting, with a message.
  const costLab = { pool: [], gpu: { worker: null, started: null, waiting: new Map(), nextId: 1 }, run: 0 };
  const sliceFields = ['naiveMs', 'tiledMs', 'maxAbsDiff', 'naiveBytes', 'tiledBytes', 'flops', 'naiveTraffic', 'tiledTraffic'];
  const unreadableTiming = 'the timing worker sent back something the page cannot read';
  function poolWorker(k) {
    if (!costLab.pool[k]) costLab.pool[k] = { worker: null, started: null, waiting: new Map(), nextId: 1 };
    return costLab.pool[k];
  }
  function stopCostLabWorkers(error) {
    costLab.pool.concat([costLab.gpu]).forEach((lab) => {
      stopLabWorker(lab);
      const waiting = [...lab.waiting.values()];
      lab.waiting.clear();
      waiting.forEach((w) => w.resolve({ error }));
    });
  }
  const number = (x) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  // The request a timing worker's reply answers, taken from its waiting list; a reply that
  // answers none stops every timing worker.
  function answered(lab, data) {
    const request = data && Number.isInteger(data.id) ? lab.waiting.get(data.id) : undefined;
    if (!request) { stopCostLabWorkers(unreadableTiming); return undefined; }
    lab.waiting.delete(data.id);
    return request;
  }
  function costLabReply(lab, data) {
    const request = answered(lab, data);
    if (!request) return;
    if (typeof data.error === 'string') { request.resolve({ error: data.error.slice(0, 300) }); return; }
    const r = data.result;
    if (!isPlainObject(r) || r.n !== request.n || r.d !== request.d || r.tile !== request.tile || r.first !== request.first ||
        r.count !== request.count || !sliceFields.every((f) => number(r[f])) || !(r.naiveMs > 0 && r.tiledMs > 0) ||
        (request.peak && !(number(r.peakGflops) && r.peakGflops > 0))) {
      request.resolve({ error: unreadableTiming });
      return;
    }
    const slice = {};
    sliceFields.concat(request.peak ? ['peakGflops'] : []).forEach((f) => { slice[f] = r[f]; });
    request.resolve(slice);
  }
  function startPoolWorker(k) {
    const lab = poolWorker(k);
    return startLabWorker(lab, 'timing', (data) => costLabReply(lab, data), stopCostLabWorkers);
  }
  // One worker's slice [first, first + count) of the queries; resolves to its numbers or {error}.
  function measureSlice(k, n, d, tile, first, count) {
    return startPoolWorker(k).then(() => new Promise((resolve) => {
      const lab = poolWorker(k);
      const id = lab.nextId++;
      lab.waiting.set(id, { n, d, tile, first, count, peak: true, resolve });
      lab.worker.postMessage({ id, n, d, tile, first, count, peak: true });
    }), (e) => ({ error: e.message }));
  }
  // The GPU's run: one more instance of the lab worker drives WebGPU (gpu-lab-worker-glue.js)
  // and checks the GPU's outputs against its own CPU's; its reply is checked like the others.
  const gpuFields = ['naiveMs', 'tiledMs', 'maxAbsDiff', 'cpuMaxAbsDiff', 'naiveBytes', 'tiledBytes', 'naiveTraffic', 'tiledTraffic'];
  function gpuReply(data) {
    const lab = costLab.gpu;
    const request = answered(lab, data);
    if (!request) return;
    if (typeof data.error === 'string') {
      const error = data.error.slice(0, 300);
      // A device that was lost, or never opened, stays so in that worker: the next GPU run starts
      // a fresh one, and what else waited on it gets the same answer. (Other refusals keep it:
      // opening the GPU for a new worker holds up the page's main thread for a moment.)
      if (/device was lost|lab is closed|could not be opened/.test(error)) {
        const others = [...lab.waiting.values()];
        lab.waiting.clear();
        stopLabWorker(lab);
        others.forEach((w) => w.resolve({ error }));
      }
      request.resolve({ error });
      return;
    }
    const r = data.result;
    if (!isPlainObject(r) || r.n !== request.n || r.d !== request.d || r.tile !== request.tile || !gpuFields.every((f) => number(r[f])) ||
        !(r.naiveMs > 0 && r.tiledMs > 0) || typeof r.adapter !== 'string') {
      request.resolve({ error: unreadableTiming });
      return;
    }
    const { n, d, tile } = request;
    const flops = 4 * n * n * d;  // as core::attentionFlops counts them
    request.resolve({ n, d, tile, device: 'gpu', workers: 1, adapter: r.adapter.slice(0, 120), software: r.software === true,
      naiveMs: r.naiveMs, tiledMs: r.tiledMs,
      maxAbsDiff: r.maxAbsDiff, cpuMaxAbsDiff: r.cpuMaxAbsDiff, naiveBytes: r.naiveBytes, tiledBytes: r.tiledBytes,
      gflops: { naive: flops / r.naiveMs / 1e6, tiled: flops / r.tiledMs / 1e6 },
      bytesMoved: { naive: r.naiveTraffic, tiled: r.tiledTraffic } });
  }
  function measureGpu(checked) {
    const { n, d, tile } = checked;
    return startLabWorker(costLab.gpu, 'GPU timing', gpuReply, stopCostLabWorkers).then(() => new Promise((resolve) => {
      const id = costLab.gpu.nextId++;
      costLab.gpu.waiting.set(id, { n, d, tile, resolve });
      costLab.gpu.worker.postMessage({ id, device: 'gpu', n, d, tile });
    }), (e) => ({ error: e.message }));
  }
  // The cores this page may time at once: the browser's count, at most the lab's most workers.
  function coresHere() {
    return Math.max(1, Math.min(facts().benchmark.maxWorkers, Number(navigator.hardwareConcurrency) || 1));
  }
  // Starts an instance of the lab worker for `lab` ({worker, started, onStarted}): resolves when
  // it says it is ready; `what` names it in messages; onReply gets each later message and
  // onFailure(message) a worker that broke or sent something unreadable.
  function startLabWorker(lab, what, onReply, onFailure) {
    if (lab.started) return lab.started;
    let failed = false;
    const started = new Promise((resolve, reject) => {
      let timer = 0;
      lab.onStarted = () => { clearTimeout(timer); resolve(); };
      try {
        lab.worker = new Worker('lab-worker.js');
      } catch (e) {
        failed = true;
        reject(new Error('this browser cannot start a worker for ' + what));
        return;
      }
      const unreadable = 'the ' + what + ' worker sent back something the page cannot read';
      timer = setTimeout(() => { onFailure('the ' + what + ' worker did not start'); reject(new Error('the ' + what + ' worker did not start')); }, 30000);
      lab.worker.onmessage = (event) => {
        const data = event.data;
        if (data && data.ready === true && Object.keys(data).length === 1) { lab.onStarted(); return; }
        try { onReply(data); } catch (e) { onFailure(unreadable); }
      };
      lab.worker.onmessageerror = () => onFailure(unreadable);
      lab.worker.onerror = (event) => {
        event.preventDefault();
        clearTimeout(timer);
        const message = 'the ' + what + ' worker failed' + (event.message ? ': ' + String(event.message).slice(0, 200) : '') +
          ' (is lab-worker.js served next to the page?)';
        onFailure(message);
        reject(new Error(message));
      };
    });
    lab.started = failed ? null : started;
    return started;
  }
  function stopLabWorker(lab) {
    const worker = lab.worker;
    lab.worker = null;
    lab.started = null;
    if (worker) {
      worker.onmessage = worker.onmessageerror = worker.onerror = null;
      worker.terminate();
    }
  }
  // {n, d, tile, device, workers}: whole numbers, n and d from 1 to facts().benchmark's maxN and
  // maxD (d the cost lab's if left out), tile from 1 to n (the lab's, or n if smaller, if left
  // out); device 'cpu' (the default); workers from 1 to this machine's cores (at most maxWorkers
  // and n; 1 if left out). Resolves to the result, or to {error} and then measures nothing.
  function checkBenchmark(request) {
    if (!isPlainObject(request)) return { error: 'benchmark expects an object, e.g. {n: 1024, d: 64, tile: 64}' };
    const unknown = Object.keys(request).filter((k) => !['n', 'd', 'tile', 'device', 'workers'].includes(k));
    if (unknown.length) return { error: 'benchmark takes n, d, tile, device and workers; it does not know ' + unknown.slice(0, 3).join(', ') };
    const n = request.n;
    const d = request.d === undefined ? facts().costLab.d : request.d;
    const whole = (x, low, high) => Number.isInteger(x) && x >= low && x <= high;
    if (!whole(n, 1, facts().benchmark.maxN)) return { error: 'n must be a whole number from 1 to ' + facts().benchmark.maxN };
    if (!whole(d, 1, facts().benchmark.maxD)) return { error: 'd must be a whole number from 1 to ' + facts().benchmark.maxD };
    const tile = request.tile === undefined ? Math.min(facts().costLab.tile, n) : request.tile;
    if (!whole(tile, 1, n)) return { error: 'tile must be a whole number from 1 to n (' + n + ')' };
    const device = request.device === undefined ? 'cpu' : request.device;
    if (device !== 'cpu' && device !== 'gpu') return { error: "device must be 'cpu' or 'gpu'" };
    if (device === 'gpu') {
      if (request.workers !== undefined && request.workers !== 1) return { error: "workers are for device 'cpu': one worker drives the GPU" };
      if (!navigator.gpu) return { error: 'this browser has no WebGPU' };
      return { n, d, tile, device, workers: 1 };
    }
    const most = Math.min(coresHere(), n);
    const workers = request.workers === undefined ? 1 : request.workers;
    if (!whole(workers, 1, most)) {
      return { error: 'workers must be a whole number from 1 to ' + most + ' (the cores here' + (most === n ? ', and n' : '') + ')' };
    }
    return { n, d, tile, device, workers };
  }
  // Every worker measures its slice at once; the run's time is the slowest slice's (the work
  // is done when the last row is), GFLOP/s is the whole run's, and the SIMD limit the sum of
  // the limits each worker measured right after its kernels.
  async function measure(checked) {
    if (checked.device === 'gpu') return measureGpu(checked);
    const { n, d, tile, workers } = checked;
    // Every worker is up before any is sent its slice, so the slices run at the same time (a
    // first one timed alone, while the others still start, would flatter the speed-up).
    try {
      await Promise.all(Array.from({ length: workers }, (_, w) => startPoolWorker(w)));
    } catch (e) {
      return { error: e.message };
    }
    const slices = [];
    for (let w = 0; w < workers; ++w) {
      const first = Math.floor((n * w) / workers);  // as core::workerRows splits them
      slices.push(measureSlice(w, n, d, tile, first, Math.floor((n * (w + 1)) / workers) - first));
    }
    return Promise.all(slices).then((parts) => {
      const failed = parts.find((p) => p.error);
      if (failed) return { error: failed.error };
      const most = (f) => Math.max(...parts.map((p) => p[f]));
      const total = (f) => parts.reduce((sum, p) => sum + p[f], 0);
      const naiveMs = most('naiveMs'), tiledMs = most('tiledMs'), flops = total('flops');
      return { n, d, tile, device: 'cpu', workers, naiveMs, tiledMs, maxAbsDiff: most('maxAbsDiff'),
        naiveBytes: parts[0].naiveBytes, tiledBytes: parts[0].tiledBytes,
        gflops: { naive: flops / naiveMs / 1e6, tiled: flops / tiledMs / 1e6 }, peakGflops: total('peakGflops'),
        bytesMoved: { naive: parts[0].naiveTraffic, tiled: parts[0].tiledTraffic } };
    });
  }
  // The lab's Run button: n from the lab's smallest, doubling up to maxN, one after another:
  // one core, then every core (when there is more than one), each size handed to the view.
  async function costLabStart(run, maxN, device) {
    costLab.run = run;
    const sizes = facts().costLab;
    const cores = coresHere();
    if (device === 'gpu' && !navigator.gpu) { callWith('at_cost_lab_finished', null, ['number', 'string'], [run, 'this browser has no WebGPU']); return; }
    for (let n = sizes.smallestN; n <= maxN; n *= 2) {
      if (device === 'gpu') {
        const gpu = await measureGpu({ n, d: sizes.d, tile: sizes.tile });
        if (costLab.run !== run) return;
        if (gpu.error) { callWith('at_cost_lab_finished', null, ['number', 'string'], [run, gpu.error]); return; }
        callWith('at_cost_lab_gpu_point', null, Array(8).fill('number').concat(['string']),
          [run, n, gpu.naiveMs, gpu.tiledMs, Math.max(gpu.maxAbsDiff, gpu.cpuMaxAbsDiff), gpu.naiveBytes, gpu.bytesMoved.naive,
            gpu.bytesMoved.tiled, gpu.adapter]);
        // The next size waits for the frame that shows this one: a frame drawn while the GPU is
        // busy waits for it (WebGL and WebGPU share the GPU's process), and a software GPU's
        // kernels run for hundreds of milliseconds. (A hidden tab draws no frames: at most 100 ms.)
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 100);
          requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); resolve(); }));
        });
        if (costLab.run !== run) return;
        // A GPU emulated on the CPU takes seconds over the larger sizes and, sharing the
        // browser's GPU process with the page's drawing, holds up the page's frames meanwhile:
        // the lab stops it at a small n (the view says why).
        if (gpu.software && n >= sizes.softwareGpuMaxN) break;
        continue;
      }
      const one = await measure({ n, d: sizes.d, tile: sizes.tile, workers: 1 });
      if (costLab.run !== run) return;  // cancelled, or another run began
      const all = one.error || cores === 1 ? one : await measure({ n, d: sizes.d, tile: sizes.tile, workers: Math.min(cores, n) });
      if (costLab.run !== run) return;
      const failed = one.error || all.error;
      if (failed) { callWith('at_cost_lab_finished', null, ['number', 'string'], [run, failed]); return; }
      Module.ccall('at_cost_lab_point', null, Array(11).fill('number'),
        [run, n, one.naiveMs, one.tiledMs, Math.max(one.maxAbsDiff, all.maxAbsDiff), one.naiveBytes, one.tiledBytes,
          all.workers, all.naiveMs, all.tiledMs, one.peakGflops]);
    }
    callWith('at_cost_lab_finished', null, ['number', 'string'], [run, '']);
  }
  // Cancel: every worker is stopped at once (what it was measuring is dropped) and started
  // again on the next run.
  function costLabCancel() {
    costLab.run = 0;
    stopCostLabWorkers('the timing run was cancelled');
  }

  // The learning step's trainer: a second instance of the lab worker, started on the first
  // training (the cost lab's own instance can be stopped by its Cancel without touching this
  // one). Slot 0 holds the model the view shows, slot 1 the API's runs. Replies go to the
  // request that sent them; anything unreadable stops the worker and fails what was waiting.
  const training = { worker: null, started: null, waiting: new Map(), nextId: 1 };
  function stopTrainingWorker(error) {
    stopLabWorker(training);
    const waiting = [...training.waiting.values()];
    training.waiting.clear();
    waiting.forEach((w) => w.fail(error));
  }
  function trainingReply(data) {
    const waiting = data && Number.isInteger(data.id) ? training.waiting.get(data.id) : undefined;
    if (!waiting) { stopTrainingWorker('the training worker sent back something the page cannot read'); return; }
    if (typeof data.error === 'string') { training.waiting.delete(data.id); waiting.fail(data.error.slice(0, 300)); return; }
    if (isPlainObject(data.progress)) { waiting.progress(data.progress); return; }
    if (!isPlainObject(data.result)) throw new Error('unreadable');
    training.waiting.delete(data.id);
    waiting.done(data.result);
  }
  function trainingSend(message, handlers) {
    return startLabWorker(training, 'training', trainingReply, stopTrainingWorker).then(() => {
      const id = training.nextId++;
      training.waiting.set(id, handlers);
      training.worker.postMessage(Object.assign({ id }, message));
    }, (e) => handlers.fail(e.message));
  }
  // The view's requests (src/app/web/web_page.cpp). A report is the flat list of numbers the
  // worker's wasm wrote (core::trainingReport); it goes to the page's wasm as it is, which reads
  // it and checks every number (at_training_report). Here only its size and kind are checked.
  function trainingReport(request, reply, finished, error) {
    let numbers = [];
    if (!error) {
      const list = reply && reply.report;
      if (Array.isArray(list) && list.length <= facts().training.maxReport && list.every((x) => typeof x === 'number')) numbers = list;
      else error = 'the training worker sent back something the page cannot read';
    }
    const at = Module._malloc(8 * Math.max(numbers.length, 1));
    try {
      Module.HEAPF64.set(numbers, at >> 3);
      callWith('at_training_report', null, ['number', 'number', 'number', 'number', 'string'],
        [request, at, numbers.length, finished ? 1 : 0, error || '']);
    } finally {
      Module._free(at);
    }
  }
  function trainingStart(request, task, seed, lr, steps, fresh, probe) {
    const tokens = probe ? probe.split(',').map(Number) : [];
    trainingSend({ op: 'train', slot: 0, task, seed, lr, steps, fresh: !!fresh, watch: true, probe: tokens.length ? tokens : null }, {
      progress: (p) => trainingReport(request, p, false, ''),
      done: (r) => trainingReport(request, r, true, ''),
      fail: (error) => trainingReport(request, null, true, error),
    });
  }
  function trainingStop() { if (training.worker) training.worker.postMessage({ op: 'stop', slot: 0 }); }
  // {task, steps, seed, lr}, checked against facts().training: task one of its tasks; steps a whole
  // number up to maxSteps (the Train button's schedule if left out; 0 measures the untrained
  // model); seed a whole number up to maxSeed (1 if left out); lr from minLr to maxLr (the
  // schedule's if left out).
  function checkTrain(request) {
    if (!isPlainObject(request)) return { error: "train expects an object, e.g. {task: 'induction', steps: 300, seed: 1}" };
    const unknown = Object.keys(request).filter((k) => !['task', 'steps', 'seed', 'lr'].includes(k));
    if (unknown.length) return { error: 'train takes task, steps, seed and lr; it does not know ' + unknown.slice(0, 3).join(', ') };
    const limits = facts().training;
    if (!limits.tasks.includes(request.task)) return { error: 'task must be ' + limits.tasks.map((t) => "'" + t + "'").join(' or ') };
    const plan = callJson('at_training_plan', ['string'], [request.task]);
    const steps = request.steps === undefined ? plan.steps : request.steps;
    const seed = request.seed === undefined ? 1 : request.seed;
    const lr = request.lr === undefined ? plan.lr : request.lr;
    if (!Number.isInteger(steps) || steps < 0 || steps > limits.maxSteps) return { error: 'steps must be a whole number from 0 to ' + limits.maxSteps };
    if (!Number.isInteger(seed) || seed < 0 || seed > limits.maxSeed) return { error: 'seed must be a whole number from 0 to ' + limits.maxSeed };
    if (typeof lr !== 'number' || !(lr >= limits.minLr && lr <= limits.maxLr)) {
      return { error: 'lr must be a number from ' + limits.minLr.toFixed(5) + ' to ' + limits.maxLr };
    }
    return { task: request.task, steps, seed, lr };
  }
  function train(request) {
    const checked = checkTrain(request);
    if (checked.error) return Promise.resolve({ error: checked.error });
    return new Promise((resolve) => {
      trainingSend({ op: 'train', slot: 1, task: facts().training.tasks.indexOf(checked.task), seed: checked.seed, lr: checked.lr,
        steps: checked.steps, fresh: true, watch: false, probe: null }, {
        progress: () => {},
        done: (r) => {
          const finite = (x) => typeof x === 'number' && Number.isFinite(x);
          if (!Array.isArray(r.losses) || r.losses.length !== checked.steps || !r.losses.every(finite) ||
              !finite(r.metric) || !finite(r.accuracy)) {
            resolve({ error: 'the training worker sent back something the page cannot read' });
            return;
          }
          resolve({ task: checked.task, steps: checked.steps, loss: r.losses, metric: r.metric, accuracy: r.accuracy });
        },
        fail: (error) => resolve({ error }),
      });
    });
  }

  // Checked, then measured: resolves to the result or to {error}.
  function benchmark(request) {
    let checked;
    try {
      checked = checkBenchmark(request);
    } catch (e) {  // a getter or a Proxy that throws
      checked = { error: 'benchmark could not read its argument' };
    }
    return checked.error ? Promise.resolve({ error: checked.error }) : measure(checked);
  }
  return { benchmark, costLabStart, costLabCancel, trainingStart, trainingStop, train };
};
