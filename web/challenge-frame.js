// challenge-frame.js: the script of the coding challenge's frame: a sandboxed frame with an
// opaque origin (no allow-same-origin), which Chromium runs in a process of its own, so code
// that uses up its memory ends that process and not the page. The page writes this script
// into the frame's srcdoc (allowed there by its hash in the page's policy) under a policy
// that lets nothing be fetched or loaded and no string be turned into code (no 'unsafe-eval',
// here or in the page). It starts the sandbox worker (challenge-worker.js, whose source the
// page hands over) from one script: that source, then the learner's code as the body of a
// function the worker runs once it has locked itself down. The browser loads that script as
// a blob worker, so no eval is needed. Before that, the learner's code is parsed on its own,
// in a worker whose first line throws: code that parses on its own cannot close the function
// around it and declare or run anything outside it (before the lockdown, say), and a syntax
// error is told with its line in the learner's own code. The frame passes on the worker's
// messages, and answers the page's pings, so the page can tell a frame whose process died
// from code that runs long. Only the page that holds the frame is listened to; all it gets
// back is checked there again.
'use strict';
(function () {
  const answer = (message) => parent.postMessage(message, '*');  // an opaque origin has no name to address
  const PARSED = 'attention-tour: the code parsed';  // what the parse check's first line throws
  // After the learner's code, inside the function: what it defined under each level's name.
  const TAIL = '\n;return { attentionWeights: typeof attentionWeights === "function" ? attentionWeights : null, ' +
    'attention: typeof attention === "function" ? attention : null };\n}';
  const scriptUrl = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  let begun = false;

  // Parses `code` on its own as a script, after a line that stops it: nothing of it runs (its
  // declarations are only made). Calls next() if it parses; otherwise tells the learner why.
  function parseAlone(code, next) {
    const checker = new Worker(scriptUrl('throw "' + PARSED + '";\n' + code));
    checker.onerror = (error) => {
      error.preventDefault();
      checker.terminate();
      const message = String(error.message);
      if (error.lineno === 1 && message.includes(PARSED)) {
        try {
          return next();
        } catch (e) {
          return answer({ failed: String(e && e.message) });
        }
      }
      const syntax = message.indexOf('SyntaxError: ');
      if (syntax < 0) return answer({ failed: message });
      const what = message.slice(syntax + 13, syntax + 313) + (error.lineno > 1 ? ', line ' + (error.lineno - 1) : '');
      answer({ worker: { error: 'it has a syntax error (' + what + ')' } });
    };
  }

  function start(source, task) {
    // As the blob holds it: half a surrogate pair would not survive its UTF-8.
    const code = String(task.code).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g,
      (unit) => (unit.length === 2 ? unit : '\uFFFD'));
    parseAlone(code, () => {
      // The worker checks that the function it is handed has exactly this source text.
      const wrapped = 'function () {;\n' + code + TAIL;
      const worker = new Worker(scriptUrl(source + '\n;attentionTourTake(' + wrapped + ');\n'));
      worker.onmessage = (message) => answer({ worker: message.data });
      worker.onmessageerror = () => answer({ failed: '' });
      worker.onerror = (error) => {
        error.preventDefault();
        answer({ failed: String(error.message) });
      };
      worker.postMessage({ cases: task.cases, level: task.level, wrapped });
    });
  }

  addEventListener('message', function (event) {
    const data = event.data;
    if (event.source !== parent || data === null || typeof data !== 'object') return;
    if (typeof data.ping === 'number') return answer({ pong: data.ping });
    if (begun || typeof data.source !== 'string' || data.task === null || typeof data.task !== 'object') return;
    begun = true;  // one worker per frame
    try {
      start(data.source, data.task);
    } catch (e) {
      answer({ failed: String(e && e.message) });
    }
  });
})();
