// 50-sandbox.js: the coding challenge's sandbox: the learner's code runs in its own worker
// (challenge-worker.js), and only numbers and short texts come back, to be graded by the core.
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

  // Runs the learner's code in the sandbox worker (web/challenge-worker.js: no page, no
  // network, stopped after 2 s) on the hidden cases of a level, then lets the C++ core grade
  // the answers. Level 1 (the default) calls attentionWeights(query, keys), level 2
  // attention(Q, K, V). The worker's reply is not trusted: only numbers (never more answers
  // than cases, nor more numbers than a case's answer holds: its keys at level 1; at level 2
  // a row per query, each no longer than V is wide) and short texts are taken from it. Every
  // path ends (a timer on each, try/catch around all the page does with the reply), and the
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
    return new Promise((resolve) => {
      let cases = [];
      let worker = null;
      let timer = 0;
      let started = false;
      let finished = false;
      const finish = (answers) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        if (worker) {
          worker.onmessage = worker.onmessageerror = worker.onerror = null;
          worker.terminate();
        }
        resolve(report(answers));
      };
      // Two seconds for the learner's code, counted once the worker has started (a busy
      // device can take a while to start one); a worker that never starts is stopped too.
      const stopAfter = (ms, error) => { clearTimeout(timer); timer = setTimeout(() => finish({ error }), ms); };
      const receive = (event) => {
        try {
          if (!started && event.data && event.data.started === true) {
            started = true;
            stopAfter(2000, 'your function took longer than 2 seconds (an endless loop?)');
            return;
          }
          finish(cleanReply(event.data, cases));
        } catch (e) {
          finish({ error: unreadable });
        }
      };
      try {
        cases = callJson('at_challenge_cases', ['number'], [level]).cases;
        worker = new Worker(challengeWorkerUrl());
      } catch (e) {
        finish({ error: 'this browser cannot start a worker for your code' });
        return;
      }
      stopAfter(15000, 'the worker for your code did not start');
      worker.onmessage = receive;
      worker.onmessageerror = () => finish({ error: unreadable });
      worker.onerror = (event) => {
        event.preventDefault();
        finish({ error: shortText(String(event.message || 'the worker for your code failed')) });
      };
      try {
        worker.postMessage({ code: String(code), cases, level });
      } catch (e) {
        finish({ error: 'your code could not be handed to the worker' });
      }
    });
  }
