// challenge-worker.js: runs the learner's attentionWeights(query, keys) on the challenge
// cases, away from the page (a worker has no DOM and is stopped if it runs too long).
// Only code the learner typed in this visit arrives here; nothing from links or storage.
'use strict';
self.onmessage = function (event) {
  const { code, cases } = event.data;
  self.postMessage({ started: true });  // the page times the learner's code from here
  // Compiled alone first, so a syntax error is reported against the learner's own code and
  // not against the line this worker appends to fetch the function.
  try {
    new Function(code);
  } catch (e) {
    self.postMessage({ error: 'it has a syntax error (' + e.message + ')' });
    return;
  }
  let attentionWeights;
  try {
    attentionWeights = new Function(code + '\nreturn typeof attentionWeights === "function" ? attentionWeights : null;')();
  } catch (e) {
    self.postMessage({ error: 'it stopped with an error (' + e.message + ')' });
    return;
  }
  if (!attentionWeights) {
    self.postMessage({ error: 'define a function named attentionWeights(query, keys)' });
    return;
  }
  const answers = cases.map(function (c) {
    try {
      const result = attentionWeights(c.query.slice(), c.keys.map(function (k) { return k.slice(); }));
      if (!Array.isArray(result)) return { error: 'it returned ' + typeof result + ', not an array' };
      // NaN and Infinity become null in JSON; the grader explains them.
      return result.map(function (x) { return typeof x === 'number' && isFinite(x) ? x : null; });
    } catch (e) {
      return { error: String(e && e.message || e) };
    }
  });
  self.postMessage(answers);
};
