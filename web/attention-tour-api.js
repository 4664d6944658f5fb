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

  function callText(name, argTypes, args) {
    if (!started) throw new Error('Attention Tour is still loading; await attentionTour.ready first');
    return Module.ccall(name, 'string', argTypes || [], args || []);
  }
  function callJson(name, argTypes, args) { return JSON.parse(callText(name, argTypes, args)); }

  function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  function toJsonText(value) {
    try { return { text: JSON.stringify(value) }; } catch (e) { return { error: 'the value could not be turned into JSON: ' + e.message }; }
  }

  function storage() {
    try {
      const s = window.localStorage;
      const probe = 'attention-tour/probe';
      s.setItem(probe, '1');
      s.removeItem(probe);
      return s;
    } catch (e) {
      return null;
    }
  }

  function shareUrl() {
    return location.origin + location.pathname + location.search + '#' + callText('at_share_fragment');
  }

  // Address bar, storage and live region follow the state, debounced.
  function syncPage() {
    syncTimer = 0;
    const fragment = callText('at_share_fragment');
    if (location.hash !== '#' + fragment) history.replaceState(null, '', '#' + fragment);
    const live = document.getElementById('live');
    if (live) live.textContent = callText('at_narration');
    const store = storage();
    if (store) {
      try {
        const saved = callJson('at_saved_state');
        store.setItem(STORAGE_STATE, JSON.stringify(saved.state));
        store.setItem(STORAGE_PROGRESS, JSON.stringify(saved.progress));
      } catch (e) {
        Module.ccall('at_set_storage_available', null, ['number'], [0]);
      }
    }
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
    window.attentionTourStartViewport();
    const store = storage();
    if (!store) Module.ccall('at_set_storage_available', null, ['number'], [0]);
    const savedState = store ? store.getItem(STORAGE_STATE) || '' : '';
    const savedProgress = store ? store.getItem(STORAGE_PROGRESS) || '' : '';
    Module.ccall('at_restore', 'string', ['string', 'string'], [savedState, savedProgress]);
    if (location.hash.length > 1) Module.ccall('at_open_fragment', 'string', ['string'], [location.hash.slice(1)]);
    const reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    Module.ccall('at_set_reduced_motion', null, ['number'], [reduced ? 1 : 0]);
    const mac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || '');
    Module.ccall('at_set_mac_shortcuts', null, ['number'], [mac ? 1 : 0]);
  };
  // The canvas is one element to a screen reader; this names the control keyboard focus is on.
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
    narration() { return callText('at_narration'); },
    setZoom(zoom) { Module.ccall('at_set_zoom', null, ['number'], [Number(zoom)]); },
    // Runs the learner's attentionWeights in a worker (no page access, stopped after 2 s) on
    // the hidden cases, then lets the C++ core grade the answers. Resolves to the grade.
    gradeChallenge(code) {
      const report = (answers) => callJson('at_challenge_result', ['string'], [JSON.stringify(answers)]);
      const cases = callJson('at_challenge_cases').cases;
      return new Promise((resolve) => {
        let worker;
        try { worker = new Worker(challengeWorkerUrl()); } catch (e) {
          resolve(report({ error: 'this browser cannot start a worker for your code' }));
          return;
        }
        // Two seconds for the learner's code, counted once the worker has started (a busy
        // device can take a while to start one); a worker that never starts is stopped too.
        const stopAfter = (ms, error) => setTimeout(() => { worker.terminate(); resolve(report({ error })); }, ms);
        let timer = stopAfter(15000, 'the worker for your code did not start');
        let started = false;
        worker.onmessage = (event) => {
          clearTimeout(timer);
          if (!started && event.data && event.data.started) {
            started = true;
            timer = stopAfter(2000, 'your function took longer than 2 seconds (an endless loop?)');
            return;
          }
          worker.terminate();
          resolve(report(event.data));
        };
        worker.onerror = (event) => {
          clearTimeout(timer); worker.terminate();
          resolve(report({ error: String(event.message || 'the worker failed') }));
          event.preventDefault();
        };
        worker.postMessage({ code: String(code), cases });
      });
    },
    resetProgress() {
      const store = storage();
      if (store) { store.removeItem(STORAGE_STATE); store.removeItem(STORAGE_PROGRESS); }
      Module.ccall('at_reset_progress', null, [], []);
    },
  };
})();
