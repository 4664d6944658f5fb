// 90-api.js: window.attentionTour, the page's public API (README: "The page's API"), over the
// parts before it.
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
    benchmark,
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
    gradeChallenge,
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
