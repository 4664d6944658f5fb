// attention-tour-api.js: window.attentionTour, the page's public API, over the C functions
// exported by the wasm module (web_bridge.cpp). Also mirrors the lesson to the address
// bar, localStorage and the ARIA live region. Nothing read from a link or from storage is
// ever inserted as HTML or evaluated: it only travels as text into the wasm module.
window.Module = window.Module || {};

(function () {
  'use strict';
  const STORAGE_STATE = 'attention-tour/state';
  const STORAGE_PROGRESS = 'attention-tour/progress';
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  let started = false;
  let syncTimer = 0;

  // The byte limit of each C function that takes text (from at_limits); others take small text.
  let textLimits = {};
  function limitOf(name) {
    const limits = { at_set_state: textLimits.state, at_restore: textLimits.state, at_open_fragment: textLimits.link,
      at_compute: textLimits.compute, at_merge_progress: textLimits.progress, at_set_clipboard: textLimits.paste };
    return limits[name] || textLimits.state;  // the other doors take small JSON
  }

  // Text goes into the wasm through its heap, never through ccall's copy onto the 5 MB
  // stack, and never more than one character past the function's limit: the C++ side
  // then refuses it by size with a clear message, and a huge input costs nothing.
  function heapText(text, limit) {
    const bounded = text.length > limit ? text.slice(0, limit + 1) : text;
    const size = Module.lengthBytesUTF8(bounded) + 1;
    const pointer = Module._malloc(size);
    if (!pointer) throw new Error('the page is out of memory');
    Module.stringToUTF8(bounded, pointer, size);
    return pointer;
  }

  function callText(name, argTypes, args) { return callWith(name, 'string', argTypes, args); }
  function callWith(name, returnType, argTypes, args) {
    if (!started) throw new Error('Attention Tour is still loading; await attentionTour.ready first');
    const types = (argTypes || []).slice();
    const values = (args || []).slice();
    const owned = [];
    try {
      types.forEach((type, k) => {
        if (type !== 'string') return;
        values[k] = heapText(String(values[k] == null ? '' : values[k]), limitOf(name));
        owned.push(values[k]);
        types[k] = 'number';
      });
      return Module.ccall(name, returnType, types, values);
    } finally {
      owned.forEach((pointer) => Module._free(pointer));
    }
  }
  function callJson(name, argTypes, args) { return JSON.parse(callText(name, argTypes, args)); }

  function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  function toJsonText(value) {
    try { return { text: JSON.stringify(value) }; } catch (e) { return { error: 'the value could not be turned into JSON: ' + e.message }; }
  }

  // Storage can be missing (blocked), readable but full, or fine; reading never needs a
  // successful write, so a full storage still gives back the progress it holds.
  function storage() {
    try { return window.localStorage || null; } catch (e) { return null; }
  }
  function readRecord(store, key) {
    try { return store ? store.getItem(key) || '' : ''; } catch (e) { return ''; }
  }
  function writeRecord(store, key, value) {
    try { store.setItem(key, value); return true; } catch (e) { return false; }
  }
  // Records this visit could not read stay where they are if they cannot be moved aside.
  const keptRecords = new Set();
  // An unreadable record is moved aside (never saved over) so nothing stored is lost.
  function setAside(store, key, value) {
    if (writeRecord(store, key + '/unreadable', value)) {
      try { store.removeItem(key); return; } catch (e) { /* kept below */ }
    }
    keptRecords.add(key);
  }
  let storageFailed = false;
  function saveRecord(store, key, value) {
    if (keptRecords.has(key)) return;
    if (writeRecord(store, key, value)) { storageFailed = false; return; }
    if (!storageFailed) Module.ccall('at_set_storage_available', null, ['number'], [-1]);
    storageFailed = true;
  }

  function shareUrl() {
    return location.origin + location.pathname + location.search + '#' + callText('at_share_fragment');
  }

  // Address bar, storage and live region follow the state, debounced. Progress saved by
  // another tab is merged in first, so no tab erases what another one recorded.
  function syncPage() {
    syncTimer = 0;
    const fragment = callText('at_share_fragment');
    if (location.hash !== '#' + fragment) history.replaceState(null, '', '#' + fragment);
    const live = document.getElementById('live');
    if (live) live.textContent = callText('at_narration');
    const store = storage();
    if (!store) return;
    if (!keptRecords.has(STORAGE_PROGRESS)) callText('at_merge_progress', ['string'], [readRecord(store, STORAGE_PROGRESS)]);
    const saved = callJson('at_saved_state');
    saveRecord(store, STORAGE_STATE, JSON.stringify(saved.state));
    saveRecord(store, STORAGE_PROGRESS, JSON.stringify(saved.progress));
  }

  function restoreSaved() {
    const store = storage();
    if (!store) { Module.ccall('at_set_storage_available', null, ['number'], [0]); return; }
    const savedState = readRecord(store, STORAGE_STATE);
    const savedProgress = readRecord(store, STORAGE_PROGRESS);
    const outcome = callJson('at_restore', ['string', 'string'], [savedState, savedProgress]);
    if (outcome.stateRefused) setAside(store, STORAGE_STATE, savedState);
    if (outcome.progressRefused) setAside(store, STORAGE_PROGRESS, savedProgress);
  }

  // A link pasted into the address bar of a tab that already shows the lesson. The event's
  // own URL counts: a debounced sync may have rewritten location.hash before it arrives.
  function openAddressBarLink(event) {
    const at = event.newURL.indexOf('#');
    const hash = at < 0 ? '' : event.newURL.slice(at);
    if (hash.length > 1 && hash !== '#' + callText('at_share_fragment')) callText('at_open_fragment', ['string'], [hash.slice(1)]);
  }

  // The single-file build carries the worker's source in the page; it starts from a blob URL.
  let workerUrl = null;
  function challengeWorkerUrl() {
    if (!window.AT_SINGLE_FILE) return 'challenge-worker.js';
    if (!workerUrl) {
      const source = document.getElementById('challenge-worker-source').textContent;
      workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    }
    return workerUrl;
  }

  Module.onRuntimeStart = function () {
    started = true;
    textLimits = JSON.parse(Module.ccall('at_limits', 'string', [], []));
    window.attentionTourStartViewport();
    // Stored data never stops the page: whatever goes wrong here, the lesson starts.
    try { restoreSaved(); } catch (e) { console.warn('Attention Tour: saved data skipped: ' + e.message); }
    if (location.hash.length > 1) callText('at_open_fragment', ['string'], [location.hash.slice(1)]);
    window.addEventListener('hashchange', openAddressBarLink);
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_PROGRESS && event.newValue) callText('at_merge_progress', ['string'], [event.newValue]);
    });
    const reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    Module.ccall('at_set_reduced_motion', null, ['number'], [reduced ? 1 : 0]);
    const mac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || '');
    Module.ccall('at_set_mac_shortcuts', null, ['number'], [mac ? 1 : 0]);
  };
  // The canvas is one element to a screen reader; this names the control keyboard focus is on.
  // web/input.js hands over each paste event's text this way (bounded, through the heap).
  // Text copied or cut in a field goes to the system clipboard too, when the page may write
  // it. Until that write is done a paste event still carries the system's older text, which
  // must not replace what was just copied here (Ctrl+C then Ctrl+V on a busy machine).
  let clipboardWrites = 0;
  Module.onCopyText = function (text) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return;
    ++clipboardWrites;
    navigator.clipboard.writeText(text).catch(function () {}).then(function () { --clipboardWrites; });
  };
  Module.onPasteText = function (text) {
    if (clipboardWrites === 0) callWith('at_set_clipboard', null, ['string'], [text]);
  };
  Module.onFocusAnnounce = function (text) {
    const region = document.getElementById('focus-live');
    if (region) region.textContent = text;
  };
  Module.onFirstFrame = function () {
    document.body.classList.add('running');
    syncPage();
    resolveReady(window.attentionTour);
  };
  Module.onStateChanged = function () {
    if (!syncTimer) syncTimer = setTimeout(syncPage, 250);
  };
  Module.onLoadFailure = function (message) { rejectReady(new Error(message)); };

  // The cost lab's worker (lab-worker.js and its .wasm: the float32 kernels, -O3 with wasm
  // SIMD), started on the first timing and never during the page's first load. Its replies are
  // checked like any other input: a result is exactly the expected numbers, an error a short
  // text; anything else stops the worker and fails what was waiting, with a message.
  const costLab = { worker: null, started: null, waiting: new Map(), nextId: 1, run: 0 };
  const benchmarkFields = ['naiveMs', 'tiledMs', 'maxAbsDiff', 'naiveBytes', 'tiledBytes'];
  function stopCostLabWorker(error) {
    stopLabWorker(costLab);
    const waiting = [...costLab.waiting.values()];
    costLab.waiting.clear();
    waiting.forEach((w) => w.resolve({ error }));
  }
  function costLabReply(data) {
    const request = data && Number.isInteger(data.id) ? costLab.waiting.get(data.id) : undefined;
    if (!request) { stopCostLabWorker('the timing worker sent back something the page cannot read'); return; }
    costLab.waiting.delete(data.id);
    if (typeof data.error === 'string') { request.resolve({ error: data.error.slice(0, 300) }); return; }
    const r = data.result;
    if (!isPlainObject(r) || r.n !== request.n || r.d !== request.d ||
        !benchmarkFields.every((f) => typeof r[f] === 'number' && Number.isFinite(r[f]) && r[f] >= 0)) {
      request.resolve({ error: 'the timing worker sent back something the page cannot read' });
      return;
    }
    const result = { n: r.n, d: r.d };
    benchmarkFields.forEach((f) => { result[f] = r[f]; });
    request.resolve(result);
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
  function startCostLabWorker() { return startLabWorker(costLab, 'timing', costLabReply, stopCostLabWorker); }
  // {n, d, tile}: whole numbers, n 1..8192, d 1..256 (64 if left out), tile 1..n (64, or n if
  // smaller, if left out). Resolves to the result, or to {error} and then measures nothing.
  function checkBenchmark(request) {
    if (!isPlainObject(request)) return { error: 'benchmark expects an object, e.g. {n: 1024, d: 64, tile: 64}' };
    const unknown = Object.keys(request).filter((k) => !['n', 'd', 'tile'].includes(k));
    if (unknown.length) return { error: 'benchmark takes n, d and tile; it does not know ' + unknown.slice(0, 3).join(', ') };
    const n = request.n;
    const d = request.d === undefined ? 64 : request.d;
    const whole = (x, low, high) => Number.isInteger(x) && x >= low && x <= high;
    if (!whole(n, 1, 8192)) return { error: 'n must be a whole number from 1 to 8192' };
    if (!whole(d, 1, 256)) return { error: 'd must be a whole number from 1 to 256' };
    const tile = request.tile === undefined ? Math.min(64, n) : request.tile;
    if (!whole(tile, 1, n)) return { error: 'tile must be a whole number from 1 to n (' + n + ')' };
    return { n, d, tile };
  }
  function measure(checked) {
    return startCostLabWorker().then(() => new Promise((resolve) => {
      const id = costLab.nextId++;
      costLab.waiting.set(id, { n: checked.n, d: checked.d, resolve });
      costLab.worker.postMessage({ id, n: checked.n, d: checked.d, tile: checked.tile });
    }), (e) => ({ error: e.message }));
  }
  // The lab's Run button: n = 64, 128, ... maxN, one after another, each handed to the view.
  async function costLabStart(run, maxN) {
    costLab.run = run;
    for (let n = 64; n <= maxN; n *= 2) {
      const result = await measure({ n, d: 64, tile: 64 });
      if (costLab.run !== run) return;  // cancelled, or another run began
      if (result.error) { callWith('at_cost_lab_finished', null, ['number', 'string'], [run, result.error]); return; }
      Module.ccall('at_cost_lab_point', null, ['number', 'number', 'number', 'number', 'number', 'number', 'number'],
        [run, n, result.naiveMs, result.tiledMs, result.maxAbsDiff, result.naiveBytes, result.tiledBytes]);
    }
    callWith('at_cost_lab_finished', null, ['number', 'string'], [run, '']);
  }
  // Cancel: the worker is stopped at once (what it was measuring is dropped) and started again
  // on the next run.
  function costLabCancel() {
    costLab.run = 0;
    stopCostLabWorker('the timing run was cancelled');
  }

  // The learning step's trainer: a second instance of the lab worker, started on the first
  // training (the cost lab's own instance can be stopped by its Cancel without touching this
  // one). Slot 0 holds the model the view shows, slot 1 the API's runs. Replies go to the
  // request that sent them; anything unreadable stops the worker and fails what was waiting.
  const training = { worker: null, started: null, waiting: new Map(), nextId: 1 };
  const trainingTasks = ['previous-token', 'induction'];
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
  // The view's requests (src/app/web_bridge.cpp): a report goes back to the wasm as one list
  // of numbers (at_training_report says its layout and checks it again).
  function trainingNumbers(report) {
    const list = (x) => (Array.isArray(x) ? x : []);
    const run = isPlainObject(report.run) ? report.run : { maps: [], predicted: [], confidence: [] };
    const n = list(run.predicted).length;
    const maps = list(run.maps);
    const numbers = [report.done, report.metric, report.accuracy, list(report.losses).length, ...list(report.losses),
      n, n ? maps.length : 0];
    if (n) maps.forEach((m) => numbers.push(...list(m)));
    numbers.push(...list(run.predicted), ...list(run.confidence));
    if (numbers.length > 4096 || !numbers.every((x) => typeof x === 'number')) throw new Error('unreadable');
    return numbers;
  }
  function trainingReport(request, report, finished, error) {
    let numbers = [];
    if (!error) {
      try { numbers = trainingNumbers(report); } catch (e) { error = 'the training worker sent back something the page cannot read'; }
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
  // {task, steps, seed, lr}: task 'previous-token' or 'induction'; steps a whole number 0..20000
  // (the Train button's schedule if left out; 0 measures the untrained model); seed a whole
  // number 0..4294967295 (1 if left out); lr 0.00001..1 (the schedule's if left out).
  function checkTrain(request) {
    if (!isPlainObject(request)) return { error: "train expects an object, e.g. {task: 'induction', steps: 300, seed: 1}" };
    const unknown = Object.keys(request).filter((k) => !['task', 'steps', 'seed', 'lr'].includes(k));
    if (unknown.length) return { error: 'train takes task, steps, seed and lr; it does not know ' + unknown.slice(0, 3).join(', ') };
    if (!trainingTasks.includes(request.task)) return { error: "task must be 'previous-token' or 'induction'" };
    const plan = callJson('at_training_plan', ['string'], [request.task]);
    const steps = request.steps === undefined ? plan.steps : request.steps;
    const seed = request.seed === undefined ? 1 : request.seed;
    const lr = request.lr === undefined ? plan.lr : request.lr;
    if (!Number.isInteger(steps) || steps < 0 || steps > 20000) return { error: 'steps must be a whole number from 0 to 20000' };
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) return { error: 'seed must be a whole number from 0 to 4294967295' };
    if (typeof lr !== 'number' || !(lr >= 1e-5 && lr <= 1)) return { error: 'lr must be a number from 0.00001 to 1' };
    return { task: request.task, steps, seed, lr };
  }
  function train(request) {
    const checked = checkTrain(request);
    if (checked.error) return Promise.resolve({ error: checked.error });
    if (window.AT_SINGLE_FILE) return Promise.resolve({ error: 'training needs the served page: this one-file copy has no worker to train in' });
    return new Promise((resolve) => {
      trainingSend({ op: 'train', slot: 1, task: trainingTasks.indexOf(checked.task), seed: checked.seed, lr: checked.lr,
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

  window.attentionTour = {
    ready,
    getState() { return callJson('at_get_state'); },
    setState(obj) {
      if (!isPlainObject(obj)) return { ok: false, error: 'setState expects an object, e.g. {step: 3}' };
      const json = toJsonText(obj);
      if (json.error) return { ok: false, error: json.error };
      return callJson('at_set_state', ['string'], [json.text]);
    },
    compute(request) {
      if (!isPlainObject(request)) return { error: 'compute expects an object {Q, K, V, ...}' };
      const json = toJsonText(request);
      if (json.error) return { error: json.error };
      return callJson('at_compute', ['string'], [json.text]);
    },
    widgets() { return callJson('at_widgets'); },
    shareUrl,
    async copyLink() {
      const url = shareUrl();
      try { await navigator.clipboard.writeText(url); return { ok: true, url }; } catch (e) { return { ok: false, url, error: 'the clipboard is not available here' }; }
    },
    stats() { return callJson('at_stats'); },
    // Times direct and tiled attention on random data in the cost lab's worker (the page stays
    // responsive): resolves to {n, d, naiveMs, tiledMs, maxAbsDiff, naiveBytes, tiledBytes} or {error}.
    benchmark(request) {
      const checked = checkBenchmark(request);
      if (checked.error) return Promise.resolve({ error: checked.error });
      if (window.AT_SINGLE_FILE) return Promise.resolve({ error: 'timings need the served page: this one-file copy has no worker to run them in' });
      return measure(checked);
    },
    costLabStart,
    costLabCancel,
    costLabStatus() { return callJson('at_cost_lab_status'); },
    // Trains a tiny attention model in the lab worker (the page stays responsive): resolves to
    // {task, steps, loss: [one per step], metric, accuracy} or {error}. The same arguments give
    // the same result.
    train,
    trainingStart,
    trainingStop,
    trainingStatus() { return callJson('at_training_status'); },
    narration() { return callText('at_narration'); },
    // {ok:true}, or {ok:false, error} with the text size unchanged.
    setZoom(zoom) {
      const error = typeof zoom === 'number' ? Module.ccall('at_set_zoom', 'string', ['number'], [zoom])
        : 'zoom must be a number';
      return error ? { ok: false, error } : { ok: true };
    },
    // Runs the learner's code in the sandbox worker (web/challenge-worker.js: no page, no
    // network, stopped after 2 s) on the hidden cases of a level, then lets the C++ core grade
    // the answers. Level 1 (the default) calls attentionWeights(query, keys), level 2
    // attention(Q, K, V). The worker's reply is not trusted: only numbers (never more answers
    // than cases, nor more numbers than a case's answer holds: its keys at level 1; at level 2
    // a row per query, each no longer than V is wide) and short texts are taken from it. Every
    // path ends (a timer on each, try/catch around all the page does with the reply), and the
    // promise always resolves to a grade, also for a level that does not exist.
    gradeChallenge(code, level = 1) {
      if (level !== 1 && level !== 2)
        return Promise.resolve({ passed: false, passedCases: 0, totalCases: 0,
          message: 'The coding challenge has levels 1 and 2 only (a number); nothing was graded.' });
      const textLimit = 400;  // room for the worker's own cut (300) and the sentence around it
      // Cut, and with any half of a surrogate pair replaced, so the grader's JSON parser accepts it.
      const shortText = (text) => (text.length > textLimit ? text.slice(0, textLimit) + '…' : text)
        .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (unit) => (unit.length === 2 ? unit : '\uFFFD'));
      const unreadable = 'the page could not read what your code sent back';
      const cleanWeights = (list) => list.map((w) => (Number.isFinite(w) ? w : null));  // JSON has no NaN
      // Each length is checked before the entries are looked at.
      const numbers = (list, most) => Array.isArray(list) && list.length <= most && list.every((w) => typeof w === 'number');
      const cleanAnswer = (answer, c) => {
        if (level === 1 && numbers(answer, c.keys.length)) return cleanWeights(answer);
        if (level === 2 && Array.isArray(answer) && answer.length <= c.Q.length &&
            answer.every((row) => numbers(row, c.V[0].length)))
          return answer.map(cleanWeights);
        for (const key of ['error', 'returned', 'shape'])
          if (answer && typeof answer[key] === 'string') return { [key]: shortText(answer[key]) };
        return { error: unreadable };
      };
      const cleanReply = (reply, cases) => {
        if (reply && typeof reply.error === 'string') return { error: shortText(reply.error) };
        if (!reply || !Array.isArray(reply.answers) || reply.answers.length !== cases.length) return { error: unreadable };
        return cases.map((c, k) => cleanAnswer(reply.answers[k], c));
      };
      const report = (answers) => {
        try {
          return callJson('at_challenge_result', ['number', 'string'], [level, JSON.stringify(answers)]);
        } catch (e) {
          return { passed: false, passedCases: 0, totalCases: 0,
            message: 'Your code could not be graded: ' + shortText(String(e && e.message)) };
        }
      };
      return new Promise((resolve) => {
        let cases = [];
        let worker = null;
        let timer = 0;
        let started = false;
        let finished = false;
        const finish = (answers) => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          if (worker) {
            worker.onmessage = worker.onmessageerror = worker.onerror = null;
            worker.terminate();
          }
          resolve(report(answers));
        };
        // Two seconds for the learner's code, counted once the worker has started (a busy
        // device can take a while to start one); a worker that never starts is stopped too.
        const stopAfter = (ms, error) => { clearTimeout(timer); timer = setTimeout(() => finish({ error }), ms); };
        const receive = (event) => {
          try {
            if (!started && event.data && event.data.started === true) {
              started = true;
              stopAfter(2000, 'your function took longer than 2 seconds (an endless loop?)');
              return;
            }
            finish(cleanReply(event.data, cases));
          } catch (e) {
            finish({ error: unreadable });
          }
        };
        try {
          cases = callJson('at_challenge_cases', ['number'], [level]).cases;
          worker = new Worker(challengeWorkerUrl());
        } catch (e) {
          finish({ error: 'this browser cannot start a worker for your code' });
          return;
        }
        stopAfter(15000, 'the worker for your code did not start');
        worker.onmessage = receive;
        worker.onmessageerror = () => finish({ error: unreadable });
        worker.onerror = (event) => {
          event.preventDefault();
          finish({ error: shortText(String(event.message || 'the worker for your code failed')) });
        };
        try {
          worker.postMessage({ code: String(code), cases, level });
        } catch (e) {
          finish({ error: 'your code could not be handed to the worker' });
        }
      });
    },
    // Forgets progress here and, through the start time it saves, in other open tabs too.
    resetProgress() {
      Module.ccall('at_reset_progress', null, ['number'], [Date.now()]);
      const store = storage();
      if (!store) return;
      try { store.removeItem(STORAGE_STATE); } catch (e) { /* nothing stored */ }
      keptRecords.clear();
      saveRecord(store, STORAGE_PROGRESS, JSON.stringify(callJson('at_saved_state').progress));
    },
  };
})();
