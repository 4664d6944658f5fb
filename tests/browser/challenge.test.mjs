// challenge.test.mjs: the coding challenge. The starting code fails the large-score case
// with an explanation; a softmax that subtracts the maximum passes against the C++ core;
// broken, endless or hostile code is contained and explained. Also pressed from the UI.
import path from 'node:path';
import { runTest, openPage, ready, settle, scrollToWidget, clickWidget, check, artifactsDir, openSection } from './harness.mjs';

import { weightsSolution as fixed } from './challenge_solutions.mjs';

await runTest('challenge', async ({ browser, url }) => {
  const { page, errors, context } = await openPage(browser, url);
  await ready(page);
  const grade = (code) => page.evaluate((c) => window.attentionTour.gradeChallenge(c), code);
  const starter = await page.evaluate(() => window.attentionTour.getState().challengeMessage);
  check(starter === '', 'no message before a check');

  // Pressing the button runs the starting code, which forgets to subtract the maximum.
  await openSection(page, 'practice');
  await scrollToWidget(page, 'challenge-check', 250, 500, 120);
  await clickWidget(page, 'challenge-check');
  await page.waitForFunction(() => !window.attentionTour.getState().challengeMessage.startsWith('Checking'));
  const naive = await page.evaluate(() => window.attentionTour.getState());
  check(/4 of 6 cases pass/.test(naive.challengeMessage) && /Subtract the largest score/.test(naive.challengeMessage),
        `the naive softmax fails the large-score case: ${naive.challengeMessage}`);
  check(naive.challengeDone === false, 'a failed attempt does not count');
  await page.screenshot({ path: path.join(artifactsDir, 'challenge-naive.png') });

  // Pasting a fixed version into the code box with Ctrl+A, Ctrl+V and pressing the button passes.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((c) => navigator.clipboard.writeText(c), fixed);
  const box = await scrollToWidget(page, 'challenge-code', 250, 500, 40);
  await page.mouse.click(box.x + 40, box.y + 20);
  await settle(page);
  await page.keyboard.press('Control+A');
  await settle(page);
  await page.keyboard.press('Control+V');
  await settle(page);
  await clickWidget(page, 'challenge-check');
  await page.waitForFunction(() => !window.attentionTour.getState().challengeMessage.startsWith('Checking'));
  const pasted = await page.evaluate(() => window.attentionTour.getState());
  check(/^All 6 hidden cases match/.test(pasted.challengeMessage) && pasted.challengeDone,
        `code pasted with Ctrl+V replaces the box and passes: ${pasted.challengeMessage}`);

  const good = await grade(fixed);
  check(good.passed && good.passedCases === 6, `subtracting the max passes all cases: ${good.message}`);
  check((await page.evaluate(() => window.attentionTour.getState())).challengeDone, 'passing is kept in progress');
  // A typed array is a list of numbers too: the same weights as a Float64Array pass, at level 1
  // and, row by row, at level 2; a DataView is no list and is explained.
  const typed = await grade(fixed.replace('return exps.map(e => e / total);', 'return Float64Array.from(exps, e => e / total);'));
  check(typed.passed && typed.passedCases === 6, `weights returned as a Float64Array pass: ${typed.message}`);
  const rowsTyped = await page.evaluate((c) => window.attentionTour.gradeChallenge(c, 2), `function attention(Q, K, V) {
  return Q.map(q => {
    const s = K.map(k => k.reduce((a, x, i) => a + x * q[i], 0) / Math.sqrt(q.length));
    const top = Math.max(...s);
    const e = s.map(x => Math.exp(x - top));
    const total = e.reduce((a, b) => a + b, 0);
    return Float32Array.from(V[0].map((_, c) => V.reduce((a, v, j) => a + e[j] / total * v[c], 0)));
  });
}`);
  check(rowsTyped.passedCases > 0 && !/not an array|must be an array/.test(rowsTyped.message),
        `level 2 rows returned as typed arrays are read as rows: ${rowsTyped.message}`);
  const view = await grade('function attentionWeights(q, keys) { return new DataView(new ArrayBuffer(8)); }');
  check(!view.passed && /not an array/.test(view.message), `a DataView is explained as not an array: ${view.message}`);

  const syntax = await grade('function attentionWeights( {');
  check(!syntax.passed && /has a syntax error \(Unexpected/.test(syntax.message), `a syntax error is explained: ${syntax.message}`);
  // Its line is counted in the learner's own code (which the worker's script holds after lines of its own).
  const fourth = await grade('const a = 1;\n\nfunction attentionWeights(q, keys) {\n  return [1;\n}');
  check(/has a syntax error \(Unexpected token ';', line 4\)/.test(fourth.message), `a syntax error names its line: ${fourth.message}`);
  const wrongName = await grade('function weights() { return []; }');
  check(/define a function named attentionWeights/.test(wrongName.message), 'a missing function is explained');
  const endless = await grade('function attentionWeights() { for (;;) {} }');
  check(/longer than 2 seconds/.test(endless.message), `an endless loop is stopped: ${endless.message}`);
  const hostile = await grade('document.body.innerHTML = "gone"; function attentionWeights() { return [1]; }');
  check(!hostile.passed && /document is not defined/.test(hostile.message), `code cannot touch the page: ${hostile.message}`);
  const alive = await page.evaluate(() => window.attentionTour.getState());
  check(alive.stepId === 'why' && alive.stepCount > 1 && alive.tokens.length > 0, 'the page is intact after hostile code');
  const wrongType = await grade('function attentionWeights() { return "0.5"; }');
  check(/not an array/.test(wrongType.message), 'a wrong return type is explained');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);

  await context.close();

  // The sandbox (sandbox.js) comes with the first grading, not the first load; when it cannot
  // come, the grade says why, and the next grading tries again.
  const blocked = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let refuse = true;
  const sandboxRequests = [];
  await blocked.route('**/sandbox.js', (route) => {
    sandboxRequests.push(route.request().url());
    return refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue();
  });
  const page2 = await blocked.newPage();
  await page2.goto(url);
  await page2.evaluate(() => window.attentionTour.ready);
  check(sandboxRequests.length === 0, 'the first load fetches no sandbox');
  const failed = await page2.evaluate(() => window.attentionTour.gradeChallenge('function attentionWeights() { return [1]; }'));
  check(!failed.passed && /could not load its code checker/.test(failed.message), `the grade says why: ${failed.message}`);
  refuse = false;
  const graded = await page2.evaluate((code) => window.attentionTour.gradeChallenge(code), fixed);
  check(graded.passed, `the next grading loads it and grades: ${graded.message}`);
  await blocked.close();
});
