// 30-page-hooks.js: what the wasm module calls on the page (Module.on...): start, the first
// frame, a changed state, the clipboard, focus announcements, a failed load.
  Module.onRuntimeStart = function () {
    started = true;
    facts = JSON.parse(Module.ccall('at_limits', 'string', [], []));
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
    // A finger as the pointer asks for larger controls; a tablet's keyboard cover can change it.
    if (window.matchMedia) {
      const coarse = window.matchMedia('(pointer: coarse)');
      const tellTouch = () => { Module.ccall('at_set_touch_screen', null, ['number'], [coarse.matches ? 1 : 0]); };
      tellTouch();
      if (coarse.addEventListener) coarse.addEventListener('change', tellTouch);
    }
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
  // The browser's focus in the page's mirror follows the ring; it is then heard from there.
  // What a press did that no control says (a quiz answer's verdict), in the polite region.
  Module.onSay = function (text) {
    const region = document.getElementById('live');
    if (region) region.textContent = text;
  };
  Module.onFocusAnnounce = function (text, id) {
    if (Module.onMirrorFocus && Module.onMirrorFocus(id)) return;
    const region = document.getElementById('focus-live');
    if (region) region.textContent = text;
  };
  // The semantic mirror (mirror.js), after the first frame: not part of what the page loads
  // first. The one-file copy carries its text.
  function loadMirror() {
    const script = document.createElement('script');
    const carried = document.getElementById('mirror-source');
    if (carried) script.textContent = carried.textContent;
    else script.src = 'mirror.js';
    script.onerror = () => console.warn('Attention Tour: mirror.js did not load; a screen reader hears the live region only');
    document.head.appendChild(script);
  }
  // The steps' formal explanations (formal.txt), fetched the first time a learner asks for one.
  // What cannot come is said in the lesson, where the explanation would be.
  Module.onFormalTextsWanted = function () {
    fetch('formal.txt').then((response) => {
      if (!response.ok) throw new Error('the server answered ' + response.status);
      return response.text();
    }).then((text) => {
      callWith('at_formal_texts', null, ['string', 'number'], [text, 0]);
    }).catch((e) => callWith('at_formal_texts', null, ['string', 'number'], [String(e.message || e), 1]));
  };
  Module.onFirstFrame = function () {
    document.body.classList.add('running');
    loadMirror();
    syncPage();
    resolveReady(window.attentionTour);
  };
  Module.onStateChanged = function () {
    if (!syncTimer) syncTimer = setTimeout(syncPage, 250);
  };
  Module.onLoadFailure = function (message) { rejectReady(new Error(message)); };
