// sandbox.js: the coding challenge's grading, loaded by the page the first time code is graded
// (web/attention-tour-api/50-sandbox.js), not part of its first load; the one-file copy carries
// its text. window.AttentionTourSandbox(kit) gives {gradeChallenge}, over the page's calls (kit).
//
// Where the code runs: the sandbox worker (challenge-worker.js) inside a sandboxed frame of
// opaque origin (challenge-frame.js), which
// Chromium puts in a process of its own (it isolates sandboxed frames; browser_challenge_memory
// checks it). Code that uses up its memory ends that process, not the page: the frame then
// stops answering the page's pings, and the learner is told why.
// The frame is written into srcdoc, not loaded from a file, because a service worker cannot
// serve a sandboxed frame (w3c/ServiceWorker#1727) and the challenge must work offline. A
// srcdoc frame keeps the page's policy (index.html allows the frame's one script by its hash,
// and blob workers) and adds its own, which lets nothing be fetched or loaded. Neither allows
// 'unsafe-eval': the learner's code reaches the worker as part of the worker's own script
// (challenge-frame.js), not as a string to compile.
// Grading: the learner's code runs in the sandbox, and only numbers and short texts come back,
// to be graded by the core.
window.AttentionTourSandbox = function (kit) {
  'use strict';
  const { callJson } = kit;
  // The frame's own policy: no fetch, no load, no frame, no string turned into code (eval,
  // WebAssembly); workers from a blob (which keep this policy). Its one inline script is held to
  // its hash by the page's policy, which applies here too.
  const FRAME_POLICY = "default-src 'none'; script-src 'unsafe-inline'; worker-src blob:";
  const LIMIT_MS = 2000;
  const PING_MS = 250;
  const SILENT_MS = 1000;  // a live frame answers a ping within milliseconds, even on a busy device
  // The page carries the frame's script as text (cmake/assemble_site.cmake); the worker's source
  // is fetched the first time code is graded (the offline worker keeps it), or carried too in
  // the single file.
  const sourceOf = (name) => document.getElementById(name + '-source').textContent;
  let workerSource = null;
  function fetchWorkerSource() {
    const carried = document.getElementById('challenge-worker-source');
    if (carried) return Promise.resolve(carried.textContent);
    if (!workerSource) {
      workerSource = fetch('challenge-worker.js').then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      });
      workerSource.catch(() => { workerSource = null; });  // the next grading tries again
    }
    return workerSource;
  }

  // Runs `task` in the worker of a fresh frame; resolves to {reply} (the worker's answer,
  // unchecked) or {error} (why there is none: a text from the frame is unchecked too). The
  // learner's code has 2 seconds from the worker's 'started' message. Every path ends, and
  // removes the frame, its worker with it.
  function runInFrame(task) {
    return fetchWorkerSource().then((source) => runWorkerInFrame(source, task),
      (e) => ({ error: 'the page could not load its code checker (challenge-worker.js: ' + e.message + ')' }));
  }
  function runWorkerInFrame(workerText, task) {
    return new Promise((resolve) => {
      const frame = document.createElement('iframe');
      let timer = 0;
      let pinger = 0;
      let pinged = 0;
      let lastHeard = 0;
      let started = false;
      let overdue = false;
      let done = false;
      const finish = (result) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(pinger);
        removeEventListener('message', receive);
        frame.remove();
        resolve(result);
      };
      const ping = () => {
        pinged = performance.now();
        frame.contentWindow.postMessage({ ping: 0 }, '*');
      };
      // A frame that leaves a ping unanswered has lost its process; once the worker had started,
      // that was the learner's code running out of memory (nothing else there uses any to speak
      // of). Only an unanswered ping counts, so timers slowed in a background tab do not.
      const watch = () => {
        if (lastHeard >= pinged) return ping();
        if (performance.now() - pinged < SILENT_MS) return;
        finish({ error: started ? 'it ran out of memory, and the browser stopped it (does a list keep growing?)'
          : 'the worker for your code did not start' });
      };
      function receive(event) {
        if (event.source !== frame.contentWindow) return;
        lastHeard = performance.now();
        // At the limit, one more word from the frame tells code still running from a process
        // that died just before (which the watch then reports).
        if (overdue) return finish({ error: 'your function took longer than 2 seconds (an endless loop?)' });
        const data = event.data;
        if (!data || typeof data !== 'object' || typeof data.pong === 'number') return;
        if ('failed' in data) return finish({ error: String(data.failed) });
        if (!started && data.worker && data.worker.started === true) {
          started = true;
          clearTimeout(timer);
          timer = setTimeout(() => {
            overdue = true;
            ping();
          }, LIMIT_MS);
          return;
        }
        finish({ reply: data.worker });
      }
      addEventListener('message', receive);
      // A busy device can take a while to start a process and a worker; one that never starts is stopped too.
      timer = setTimeout(() => finish({ error: 'the worker for your code did not start' }), 15000);
      frame.hidden = true;
      frame.sandbox = 'allow-scripts';
      frame.srcdoc = '<meta http-equiv="Content-Security-Policy" content="' + FRAME_POLICY + '"><script>' +
        sourceOf('challenge-frame') + '</script>';
      frame.onload = () => {
        if (pinger || done) return;
        pinger = setInterval(watch, PING_MS);
        ping();
        frame.contentWindow.postMessage({ source: workerText, task }, '*');
      };
      document.body.appendChild(frame);
    });
  }
  // Runs the learner's code in the sandbox (a worker in a frame of its own: no page, no
  // network, stopped after 2 s) on the hidden cases of a level, then lets the C++ core grade
  // the answers. Level 1 (the default) calls attentionWeights(query, keys), level 2
  // attention(Q, K, V). The worker's reply is not trusted: only numbers (never more answers
  // than cases, nor more numbers than a case's answer holds: its keys at level 1; at level 2
  // a row per query, each no longer than V is wide) and short texts are taken from it. Every
  // path ends (runInFrame's timers, try/catch around all the page does with the reply), and the
  // promise always resolves to a grade, also for a level that does not exist.
  function gradeChallenge(code, level = 1) {
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
    let task;
    try {
      task = { code: String(code), cases: callJson('at_challenge_cases', ['number'], [level]).cases, level };
    } catch (e) {
      return Promise.resolve(report({ error: 'your code could not be handed to the sandbox' }));
    }
    return runInFrame(task).then((result) => {
      try {
        return report('reply' in result ? cleanReply(result.reply, task.cases) : { error: shortText(result.error || unreadable) });
      } catch (e) {
        return report({ error: unreadable });
      }
    }, () => report({ error: 'this browser could not start a sandbox for your code' }));
  }
  return { gradeChallenge };
};
