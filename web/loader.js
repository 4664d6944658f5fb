// loader.js: starts the wasm module with a real download progress bar, sizes the canvas
// to the window at devicePixelRatio, and replaces the page with a readable message when
// WebGL2 is missing or loading fails (never a blank page).
(function () {
  'use strict';
  const canvas = document.getElementById('canvas');
  const progress = document.getElementById('progress');
  const loadingText = document.getElementById('loading-text');

  function showFailure(title, detail) {
    document.getElementById('loading').hidden = true;
    canvas.hidden = true;
    const box = document.getElementById('failure');
    box.hidden = false;
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-text').textContent = detail;
    if (Module.onLoadFailure) Module.onLoadFailure(title + ' ' + detail);
  }

  // Resize, zoom and visibility events can arrive while the wasm is still downloading;
  // Module.setCanvasSize and ccall exist only once the runtime runs, and the first sync
  // happens then anyway (attentionTourStartViewport), so earlier events are dropped.
  let runtimeRunning = false;

  window.attentionTourStartViewport = function () {
    runtimeRunning = true;
    window.attentionTourSyncViewport();
  };

  window.attentionTourSyncViewport = function () {
    if (!runtimeRunning) return;
    const rect = canvas.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = Math.max(1, Math.round(rect.width));
    const cssHeight = Math.max(1, Math.round(rect.height));
    // canvas.width = CSS width x devicePixelRatio, so text is sharp on HiDPI screens.
    Module.setCanvasSize(Math.round(cssWidth * ratio), Math.round(cssHeight * ratio));
    Module.ccall('at_set_pixel_ratio', null, ['number'], [ratio]);
  };

  function watchViewport() {
    window.addEventListener('resize', window.attentionTourSyncViewport);
    // A change of devicePixelRatio (browser zoom, moving to another screen) fires no resize everywhere.
    const watchRatio = function () {
      const query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
      query.addEventListener('change', function () { window.attentionTourSyncViewport(); watchRatio(); }, { once: true });
    };
    if (window.matchMedia) watchRatio();
    document.addEventListener('visibilitychange', function () {
      if (runtimeRunning) Module.ccall('at_wake', null, [], []);
    });
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  // Downloads the wasm with progress, then instantiates it.
  function instantiateWithProgress(imports, done) {
    fetch('attention-tour.wasm').then(function (response) {
      if (!response.ok) throw new Error('the lesson file attention-tour.wasm could not be downloaded (HTTP ' + response.status + ')');
      const total = Number(response.headers.get('Content-Length')) || 0;
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) return;
          chunks.push(step.value);
          received += step.value.length;
          if (total) progress.value = Math.round(100 * received / total);
          return pump();
        });
      }
      return pump().then(function () {
        const bytes = new Uint8Array(received);
        let offset = 0;
        chunks.forEach(function (c) { bytes.set(c, offset); offset += c.length; });
        loadingText.textContent = 'Starting the lesson\u2026';
        return WebAssembly.instantiate(bytes, imports);
      });
    }).then(function (result) { done(result.instance, result.module); })
      .catch(function (error) { showFailure('The lesson could not be loaded.', String(error.message || error)); });
    return {};
  }

  if (!hasWebGL2()) {
    showFailure('This browser cannot show the interactive lesson.',
                'Attention Tour draws with WebGL2, which is turned off or not supported here. ' +
                'Try a current Firefox, Chrome, Edge or Safari with hardware acceleration enabled.');
    return;
  }
  Module.canvas = canvas;
  Module.print = function (text) { console.log(text); };
  Module.printErr = function (text) { console.warn(text); };
  Module.onAbort = function (what) { showFailure('The lesson stopped unexpectedly.', String(what)); };
  if (!window.AT_SINGLE_FILE) Module.instantiateWasm = instantiateWithProgress;
  // After one visit the served page opens offline too (web/offline-worker.js). Not for the
  // single file, which is already all there; a browser that refuses simply stays online-only.
  function keepForOffline() {
    if (window.AT_SINGLE_FILE || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('offline-worker.js').catch(function (error) {
      console.info('Attention Tour will need the network next time: ' + error.message);
    });
  }

  Module.postRun = [function () { document.getElementById('loading').hidden = true; }, keepForOffline];
  watchViewport();
  const script = document.createElement('script');
  script.src = 'attention-tour.js';
  script.onerror = function () { showFailure('The lesson could not be loaded.', 'attention-tour.js is missing or blocked.'); };
  if (!window.AT_SINGLE_FILE) document.body.appendChild(script);
})();
