// 50-sandbox.js: the coding challenge's grading: the learner's code runs in the sandbox
// (45-sandbox-frame.js), and only numbers and short texts come back, to be graded by the core.
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
