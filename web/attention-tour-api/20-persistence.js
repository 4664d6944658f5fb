// 20-persistence.js: the lesson mirrored to the address bar, localStorage and the live region,
// and restored from them. Nothing read from a link or from storage is ever inserted as HTML or
// evaluated: it only travels as text into the wasm module.
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
    // What changed, said by its effect (a new step in a line; an edit by the weights it moved);
    // nothing when nothing said there changed, so the region is not read again.
    const said = callText('at_announcement');
    if (live && said) live.textContent = said;
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
