// 10-calls.js: calling the wasm module's C functions (web_bridge.cpp): text through the heap,
// bounded by the limits the C++ gives (at_limits), and the page's shared state. Part of
// attention-tour-api.js: cmake/assemble_site.cmake joins this folder's parts, in name order,
// into one strict-mode closure.
  window.Module = window.Module || {};
  const STORAGE_STATE = 'attention-tour/state';
  const STORAGE_PROGRESS = 'attention-tour/progress';
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  let started = false;
  let syncTimer = 0;

  // Every limit and size the page checks or uses, from the C++ that enforces it (at_limits, read
  // at start): the byte limits of the C functions that take text, benchmark()'s and train()'s
  // ranges, the cost lab's sizes.
  let facts = {};
  function limitOf(name) {
    // at_restore reads a stored progress record too large to read whole for what it can keep
    // (progress_salvage.h), so it takes up to what a site's storage can hold.
    const limits = { at_set_state: facts.state, at_restore: facts.storedRecord, at_open_fragment: facts.link,
      at_compute: facts.compute, at_merge_progress: facts.progress, at_set_clipboard: facts.paste };
    return limits[name] || facts.state;  // the other doors take small JSON
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
