// challenge_level2.test.mjs: level 2 of the coding challenge, attention(Q, K, V), graded
// against the C++ core. A person clicks the level's radio button, checks the starting code
// (zeros: a wrong answer with a useful message), types a correct solution on the keyboard and
// passes; the usual shortcuts get their own messages; a level that does not exist is
// answered with a message and changes nothing.
import path from 'node:path';
import { runTest, openPage, ready, settle, scrollToWidget, clickWidget, widget, check, artifactsDir, openSection } from './harness.mjs';

// Typed with the keyboard, so two-space indents and no tabs.
const solution = `function attention(Q, K, V) {
  return Q.map(q => {
    const s = K.map(k => k.reduce((a, x, i) => a + x * q[i], 0) / Math.sqrt(q.length));
    const m = Math.max(...s);
    const e = s.map(x => Math.exp(x - m));
    const t = e.reduce((a, b) => a + b, 0);
    return V[0].map((_, c) => e.reduce((a, w, j) => a + w * V[j][c], 0) / t);
  });
}`;

// The same with one shortcut each.
const naive = solution.replace('Math.exp(x - m)', 'Math.exp(x)');
const unscaled = solution.replace(' / Math.sqrt(q.length)', '');
const weightsOnly = solution.replace('return V[0].map((_, c) => e.reduce((a, w, j) => a + w * V[j][c], 0) / t);',
  'return e.map(w => w / t);');
const transposed = `${solution.replace('function attention', 'function rows')}
function attention(Q, K, V) { const o = rows(Q, K, V); return o[0].map((_, c) => o.map(r => r[c])); }`;

const state = (page) => page.evaluate(() => window.attentionTour.getState());
const waitForGrade = (page) => page.waitForFunction(() => !window.attentionTour.getState().challengeMessage2.startsWith('Checking'));

await runTest('challenge_level2', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  const grade = (code, level) => page.evaluate(([c, l]) => window.attentionTour.gradeChallenge(c, l), [code, level]);
  const start = await state(page);
  check(start.challengeLevel === 1 && start.challenge2Done === false && start.challengeMessage2 === '',
        'the challenge opens at level 1, with level 2 not yet passed');

  // A click on the level 2 radio button shows level 2's own code box.
  await openSection(page, 'practice');
  await scrollToWidget(page, 'challenge-level[1]', 250, 500, 120);
  await clickWidget(page, 'challenge-level[1]');
  const level2 = await state(page);
  check(level2.challengeLevel === 2, 'clicking "Level 2" picks it');
  const box = await scrollToWidget(page, 'challenge-code-2', 250, 500, 40);
  await scrollToWidget(page, 'challenge-check', 250, 500, 40);
  const ids = (await page.evaluate(() => window.attentionTour.widgets())).map((w) => w.id);
  check(!ids.includes('challenge-code') && ids.includes('challenge-check'), 'level 2 shows its own code box and the Check button');
  check(/function attention\(Q, K, V\)/.test(level2.challengeCode2) && /function attentionWeights/.test(level2.challengeCode),
        'each level starts with its own code');

  // The starting code runs but returns zeros: the first message names a row.
  await scrollToWidget(page, 'challenge-check', 250, 500, 40);
  await clickWidget(page, 'challenge-check');
  await waitForGrade(page);
  const starter = await state(page);
  check(/^0 of 5 cases pass\. Case 1: row 1: got \[0\.0000, 0\.0000, 0\.0000\]: entry \d, 0\.0000, is too (high|low)/.test(
    starter.challengeMessage2) && !/expected \[/.test(starter.challengeMessage2),
        `the starting code gets a useful first message: ${starter.challengeMessage2}`);
  check(starter.challenge2Done === false && starter.challengeMessage === '', 'a failed attempt does not count, and level 1 is untouched');

  // A correct solution typed on the keyboard into the level 2 box passes.
  const codeBox = await widget(page, 'challenge-code-2');
  await page.mouse.click(codeBox.x + 40, codeBox.y + 20);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(solution);
  await settle(page);
  // A loaded machine may still be working through the typed keys: wait for them (a lost or
  // doubled character still fails below, once the wait runs out).
  await page.waitForFunction((want) => window.attentionTour.getState().challengeCode2 === want, solution,
                             { timeout: 60000, polling: 100 }).catch(() => {});
  const typed = await state(page);
  let at = 0;
  while (at < solution.length && typed.challengeCode2[at] === solution[at]) ++at;
  check(typed.challengeCode2 === solution, 'every typed character lands in the level 2 box' +
        (typed.challengeCode2 === solution ? '' : ` (first difference at ${at}: typed ${JSON.stringify(typed.challengeCode2.slice(Math.max(0, at - 20), at + 20))}, wanted ${JSON.stringify(solution.slice(Math.max(0, at - 20), at + 20))})`));
  await scrollToWidget(page, 'challenge-check', 250, 500, 40);
  await clickWidget(page, 'challenge-check');
  await waitForGrade(page);
  const passed = await state(page);
  check(/^All 5 hidden cases match the C\+\+ core/.test(passed.challengeMessage2) && passed.challenge2Done === true,
        `the typed solution passes and is recorded: ${passed.challengeMessage2}`);
  check(passed.challengeDone === false && /function attentionWeights/.test(passed.challengeCode),
        'level 1 keeps its own code and is not marked passed');
  await page.screenshot({ path: path.join(artifactsDir, 'challenge-level2.png') });

  // The shortcuts, through the API: each gets the message of its first problem.
  const overflow = await grade(naive, 2);
  check(!overflow.passed && /Case 5: row 1 holds NaN or Infinity.*Subtract the largest score/.test(overflow.message),
        `a softmax without the max overflows in the large case: ${overflow.message}`);
  const noScale = await grade(unscaled, 2);
  check(!noScale.passed && /Case 1: row 1: got \[.*is too (high|low)/.test(noScale.message), `unscaled scores are wrong numbers: ${noScale.message}`);
  const weights = await grade(weightsOnly, 2);
  check(!weights.passed && /Case 1: expected a 2 x 3 matrix .*got 2 x 4: a column per key, as the weights have\. Multiply the weights by V\./.test(weights.message),
        `weights not multiplied by V have the wrong shape: ${weights.message}`);
  const swapped = await grade(transposed, 2);
  check(!swapped.passed && /Case 1: expected a 2 x 3 matrix .*got 3 x 2, the expected shape with rows and columns swapped\./.test(swapped.message),
        `a transposed output is named by its shape: ${swapped.message}`);
  const huge = await grade('function attention(Q) { return Q.map(() => new Array(5e6).fill(1)); }', 2);
  check(!huge.passed && /got 2 x 5000000/.test(huge.message), `a huge row is described, not sent: ${huge.message}`);
  const wrongName = await grade('function attentionWeights() { return []; }', 2);
  check(/define a function named attention\(Q, K, V\)/.test(wrongName.message), `level 2 asks for attention: ${wrongName.message}`);
  const notNumbers = await grade('function attention(Q) { return Q.map(() => ["1", 2, 3]); }', 2);
  check(/returned a string as entry 1 of row 1/.test(notNumbers.message), `a string entry is explained: ${notNumbers.message}`);

  // Level 1 is unchanged, as the default.
  const level1 = await grade('function attentionWeights(q, keys) { return keys.map(() => 1 / keys.length); }');
  check(!level1.passed && level1.totalCases === 6 && /Case 1: got \[.*weight \d, \d\.\d{4}, is too (high|low)/.test(level1.message), 'no level means level 1');

  // A level that does not exist: a clear message, nothing graded, the lesson as it was.
  const before = JSON.stringify(await state(page));
  for (const level of [3, 0, '2', null, 'an object']) {
    const refused = await page.evaluate(([c, l]) => {
      const given = l === 'an object' ? { valueOf: () => 2 } : l;
      return window.attentionTour.gradeChallenge(c, given).then((g) => g, (e) => ({ threw: String(e) }));
    }, [solution, level]);
    check(refused.passed === false && /levels 1 and 2 only/.test(refused.message),
          `level ${JSON.stringify(level)} resolves with a message: ${refused.message}`);
  }
  const after = JSON.stringify(await state(page));
  check(after === before, 'the lesson state is unchanged by a level that does not exist');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
