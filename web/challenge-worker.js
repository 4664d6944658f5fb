// challenge-worker.js: the coding challenge's sandbox. Runs the learner's
// attentionWeights(query, keys) (level 1) or attention(Q, K, V) (level 2) on the hidden cases
// and sends back one reply. It runs inside the challenge's frame (challenge-frame.js), whose
// policy lets nothing be fetched or loaded, nor any string be turned into code. The frame
// starts this worker from one script: this file, then one line that hands over the learner's
// code as the body of a function, attentionTourTake(function () {;<code>...}), which the
// frame writes only once that code has been shown to parse on its own (so it can only be that
// function's body: it cannot close the function and declare or run anything outside it).
// Before that line, this file locks the worker down: it keeps private references to what it
// needs, then shuts every door to the network, to other threads and to turning strings into
// code. The learner's code runs only when the cases arrive. Only numbers and short texts go
// back; the page checks them again and stops the frame after 2 seconds.
// Only code the learner typed in this visit arrives here; nothing from links or storage.
(function () {
  'use strict';  // here only: the learner's code keeps the sloppy mode it had as a Function body
  // Private references, taken before learner code can replace anything.
  const post = self.postMessage.bind(self);
  const listen = self.addEventListener.bind(self);
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  const sourceTextOf = Function.prototype.toString;
  const isPlainArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const isPrototypeOf = Object.prototype.isPrototypeOf;
  const dataViewPrototype = DataView.prototype;
  // A list of numbers as a learner may return it: an array, or a typed array (Float64Array, ...).
  // A DataView is a view but no list.
  const isArray = (value) => isPlainArray(value) || (isView(value) && !apply(isPrototypeOf, dataViewPrototype, [value]));
  const toText = String;
  const sliceText = String.prototype.slice;
  const hasText = String.prototype.includes;
  const later = setTimeout;

  const kTextLimit = 300;  // characters of an error message worth showing
  const kOffline = ' is not available here: the challenge runs your code on its own, with no network and no page';
  const kNoStrings = ' is not available here: the challenge does not run code made from strings';
  // Everything that can reach another origin, another thread or the page, as named on the
  // worker's global. Names this browser lacks are shut too, in case a later one adds them.
  const kDoors = ['fetch', 'XMLHttpRequest', 'importScripts', 'WebSocket', 'WebSocketStream', 'WebTransport',
    'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel', 'MessageChannel', 'postMessage', 'caches',
    'FontFace', 'fonts', 'navigator', 'Notification', 'RTCPeerConnection', 'webkitRTCPeerConnection',
    'reportError', 'close'];

  function refusal(name, why) {
    return function () { throw new TypeError(name + why); };
  }

  function shut(holder, name, value) {
    defineProperty(holder, name, { value, writable: false, enumerable: false, configurable: false });
  }

  // On the global itself and on every prototype of it that holds its own copy, so no copy
  // stays reachable through Object.getPrototypeOf(self).
  function shutEverywhere(name, value) {
    for (let holder = self; holder !== null; holder = getPrototypeOf(holder))
      if (holder === self || apply(hasOwnProperty, holder, [name])) shut(holder, name, value);
  }

  // Every kind of function leads to a constructor that compiles a string:
  // (function () {}).constructor, and the same for async, generator and async generator.
  function shutFunctionConstructors() {
    const samples = { Function: function () {}, AsyncFunction: async function () {},
      GeneratorFunction: function* () {}, AsyncGeneratorFunction: async function* () {} };
    for (const name of Object.keys(samples)) shut(getPrototypeOf(samples[name]), 'constructor', refusal(name, kNoStrings));
    for (const name of ['eval', 'Function']) shutEverywhere(name, refusal(name, kNoStrings));
  }

  // Timers stay (learners may use them) but only run functions, never a string of code.
  function functionsOnly(name) {
    const timer = self[name];
    return function () {
      if (typeof arguments[0] !== 'function') throw new TypeError(name + ' takes a function here, not a string of code');
      return apply(timer, self, arguments);
    };
  }

  // '' once every door is shut; otherwise why not, and no learner code will run.
  function lockDown() {
    try {
      for (const name of kDoors) shutEverywhere(name, typeof self[name] === 'function' ? refusal(name, kOffline) : undefined);
      shutFunctionConstructors();
      for (const name of ['setTimeout', 'setInterval']) shutEverywhere(name, functionsOnly(name));
      return '';
    } catch (e) {
      return 'this browser would not let the challenge lock its sandbox (' + toText(e && e.message) + '), so your code was not run';
    }
  }

  function shortText(text) {
    return text.length > kTextLimit ? apply(sliceText, text, [0, kTextLimit]) + '…' : text;
  }

  // What a thrown value says, in a few hundred characters; its getters may throw too.
  function describeThrown(thrown) {
    try {
      const message = thrown !== null && typeof thrown === 'object' ? thrown.message : undefined;
      return shortText(toText(message !== undefined && message !== '' ? message : thrown));
    } catch (e) {
      return 'something that cannot be shown as text';
    }
  }

  function describeValue(value) {
    if (value === null || value === undefined) return toText(value);
    if (isArray(value)) return 'an array';
    const type = typeof value;
    if (type === 'bigint') return 'a BigInt';
    return (type === 'object' ? 'an ' : 'a ') + type;
  }

  // The weights as plain numbers, or what is wrong with them. Never reads more entries than
  // the case has keys, so a huge or endless answer costs nothing.
  function weightsOf(result, keyCount) {
    if (!isArray(result)) return { returned: describeValue(result) + ', not an array' };
    const count = result.length;
    if (!(count <= keyCount)) return { returned: toText(count) + ' weights for ' + keyCount + ' keys' };
    const weights = [];
    for (let j = 0; j < count; ++j) {
      const weight = result[j];
      if (typeof weight !== 'number')
        return { returned: describeValue(weight) + ' as weight ' + (j + 1) + ': weights must be plain numbers' };
      weights[j] = weight;  // NaN and Infinity stay; the page and the grader explain them
    }
    return weights;
  }

  // What a matrix too large to send looks like, e.g. '3 x 2', from at most 100 of its rows.
  function shapeOf(result) {
    const count = result.length;
    let width = -1;
    for (let r = 0; r < count && r < 100; ++r) {
      const row = result[r];
      const rowWidth = isArray(row) ? row.length : -2;
      if (rowWidth < 0 || (width >= 0 && rowWidth !== width)) return toText(count) + ' rows';
      width = rowWidth;
    }
    return count <= 100 && width >= 0 ? toText(count) + ' x ' + toText(width) : toText(count) + ' rows';
  }

  // Level 2: the output as rows of plain numbers, or what is wrong with it. Never reads more
  // rows than there are queries, nor more entries of a row than V has columns (a larger
  // matrix is described by its shape only).
  function matrixOf(result, rowCount, colCount) {
    if (!isArray(result)) return { returned: describeValue(result) + ', not an array of rows' };
    const count = result.length;
    if (!(count <= rowCount)) return { shape: shapeOf(result) };
    const rows = [];
    for (let r = 0; r < count; ++r) {
      const row = result[r];
      if (!isArray(row)) return { returned: describeValue(row) + ' as row ' + (r + 1) + ': each row must be an array' };
      const width = row.length;
      if (!(width <= colCount)) return { shape: shapeOf(result) };
      const entries = [];
      for (let c = 0; c < width; ++c) {
        const entry = row[c];
        if (typeof entry !== 'number')
          return { returned: describeValue(entry) + ' as entry ' + (c + 1) + ' of row ' + (r + 1) +
            ': entries must be plain numbers' };
        entries[c] = entry;  // NaN and Infinity stay, as at level 1
      }
      rows[r] = entries;
    }
    return rows;
  }

  function runCase(learnerFunction, input) {
    try {
      if (input.level === 2) return matrixOf(learnerFunction(input.Q, input.K, input.V), input.rowCount, input.colCount);
      return weightsOf(learnerFunction(input.query, input.keys), input.keyCount);
    } catch (e) {
      return { error: describeThrown(e) };
    }
  }

  function copyRows(rows) { return rows.map(function (row) { return row.slice(); }); }

  // Fresh copies of the cases, made before learner code runs, so it cannot change our inputs.
  function copyCases(cases, level) {
    const copies = [];
    for (let k = 0; k < cases.length; ++k) {
      const c = cases[k];
      if (level === 2) {
        copies[k] = { level, Q: copyRows(c.Q), K: copyRows(c.K), V: copyRows(c.V), rowCount: c.Q.length,
          colCount: c.V[0].length };
      } else {
        const keys = copyRows(c.keys);
        copies[k] = { level, query: c.query.slice(), keys, keyCount: keys.length };
      }
    }
    return copies;
  }

  // The function each level asks for, and how the learner is told to define it.
  const kFunctions = { 1: ['attentionWeights', 'attentionWeights(query, keys)'], 2: ['attention', 'attention(Q, K, V)'] };

  // The function around the learner's code, handed over by the last line of this worker's script
  // (attentionTourTake, which is gone before any learner code runs).
  let wrapper = null;
  defineProperty(self, 'attentionTourTake', { configurable: true, value: function (given) {
    deleteProperty(self, 'attentionTourTake');
    if (wrapper === null && typeof given === 'function') wrapper = given;
  } });

  // Runs the learner's code (its top level) and finds the function the level asks for. The
  // wrapper's source text must be exactly what the frame wrote (`wrapped`): a second check,
  // after the frame's, that the learner's code is its whole body and nothing else.
  function findFunction(wrapped, level) {
    if (wrapper === null || typeof wrapped !== 'string' || apply(sourceTextOf, wrapper, []) !== wrapped)
      return { error: 'the challenge could not be sure where your code begins and ends, so it did not run it' };
    let found;
    try {
      found = wrapper()[kFunctions[level][0]];
    } catch (e) {
      return { error: 'it stopped with an error (' + describeThrown(e) + ')' };
    }
    return typeof found === 'function' ? { found } : { error: 'define a function named ' + kFunctions[level][1] };
  }

  function grade(wrapped, cases, level) {
    const inputs = copyCases(cases, level);
    const learnerFunction = findFunction(wrapped, level);
    if (!learnerFunction.found) return learnerFunction;
    const answers = [];
    for (let k = 0; k < inputs.length; ++k) answers[k] = runCase(learnerFunction.found, inputs[k]);
    return { answers };
  }

  // import(url) is syntax, not a door that could be shut: the frame's policy refuses every load,
  // and every string turned into code (eval, WebAssembly) that found a way past the doors shut
  // here; the first refusal is told to the learner. Listened to first (capture), before any
  // learner code could add a listener of its own.
  let refused = '';
  listen('securitypolicyviolation', function (event) {
    if (refused) return;
    try {
      const where = shortText(toText(event.blockedURI));
      refused = where === 'eval' || where === 'wasm-eval'
        ? 'it tried to turn a string or bytes into code (' + where + '), which cannot happen here: the challenge ' +
          'runs only the code you typed'
        : 'it tried to load ' + (apply(hasText, where, [':']) ? where : 'a ' + where + ': URL') + ', which cannot ' +
          'happen here: the challenge runs your code on its own, with no network and no page';
    } catch (e) {
      refused = 'it tried to load something, which cannot happen here: the challenge runs your code on its own, ' +
        'with no network and no page';
    }
  }, true);

  const lockProblem = lockDown();
  let used = false;
  // A private listener, not self.onmessage: learner code cannot call it again, and a second
  // message (even one the learner dispatches) is ignored, so at most two replies ever leave.
  listen('message', function (event) {
    if (used) return;
    used = true;
    post({ started: true });  // the page times the learner's code from here
    let reply;
    try {
      const data = event.data || {};
      reply = lockProblem ? { error: lockProblem } : grade(data.wrapped, data.cases, data.level === 2 ? 2 : 1);
    } catch (e) {
      reply = { error: 'the challenge failed while running your code (' + describeThrown(e) + ')' };
    }
    // A refused load is reported a task or so after it was tried: a short wait lets it arrive.
    apply(later, self, [function () {
      if (refused) reply = { error: refused };
      try {
        post(reply);
      } catch (e) {
        post({ error: 'your function\'s answers could not be sent back' });
      }
    }, 20]);
  });
  // Errors learner code throws later (from its own timers), and promises it leaves rejected
  // (an import the policy refused), stay here instead of reaching the page as worker errors.
  listen('error', function (event) { event.preventDefault(); });
  listen('unhandledrejection', function (event) { event.preventDefault(); });
})();
