// predict.test.mjs: predict, then see, with a real mouse. On each step that asks, the answer
// (the step's pictures, its matrices, the worked numbers) waits until the learner guesses or
// skips; a click picks the winning key, clicks pick the keys a causal mask leaves, a drag sets a
// weight bar, a drag moves the output marker; the truth then shows beside the guess, and
// getState().predictions keeps {guessed, skipped} per step.
import path from 'node:path';
import { runTest, openPage, ready, settle, widget, clickWidget, check, artifactsDir } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const ids = async (page) => (await page.evaluate(() => window.attentionTour.widgets())).map((w) => w.id);

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 6; ++k) {
    await page.mouse.move(from.x + ((to.x - from.x) * k) / 6, from.y + ((to.y - from.y) * k) / 6);
    await settle(page, 1);
  }
  await page.mouse.up();
  await settle(page);
}

await runTest('predict', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  const start = await get(page);
  check(['scores', 'mask', 'softmax', 'weighted-sum'].every((s) => start.predictions[s] &&
        start.predictions[s].guessed === false && start.predictions[s].skipped === false),
        `four steps ask for a guess, none made yet (${JSON.stringify(start.predictions)})`);

  // Which key wins: the scores wait for the click.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'scores', selected: 1 }));
  await settle(page);
  let drawn = await ids(page);
  check(drawn.includes('predict-key[4]') && !drawn.includes('scores[1][4]') && !drawn.includes('vec-k[4]'),
        'before the guess the scores step shows the question, not the scores or the key plane');
  await page.screenshot({ path: path.join(artifactsDir, 'predict-scores-question.png') });
  await clickWidget(page, 'predict-key[4]');
  let s = await get(page);
  check(s.predictions.scores.guessed && /Right/.test(s.predictions.scores.feedback),
        `clicking "river" for "bank" is right: ${s.predictions.scores.feedback}`);
  drawn = await ids(page);
  check(drawn.includes('predict-again') && drawn.includes('vec-k[4]'), 'after the guess the step shows its pictures');
  await page.screenshot({ path: path.join(artifactsDir, 'predict-scores-answer.png') });

  // Which keys the causal mask leaves "by" (query 3): a wrong guess says what it missed.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'mask', selected: 2 }));
  await settle(page);
  for (const j of [0, 2, 3]) await clickWidget(page, `predict-key[${j}]`);
  await clickWidget(page, 'predict-check');
  s = await get(page);
  check(s.predictions.mask.guessed && /left out "bank"/.test(s.predictions.mask.feedback) &&
        /"the" comes after it/.test(s.predictions.mask.feedback), `the mask guess is compared: ${s.predictions.mask.feedback}`);
  await page.screenshot({ path: path.join(artifactsDir, 'predict-mask-answer.png') });

  // The weight row: drag river's bar to the top and the others stay; river is the tallest.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax', selected: 1 }));
  await settle(page);
  check(!(await ids(page)).includes('weights[1][4]'), 'before the guess the softmax step hides the weights');
  const bar = await widget(page, 'predict-bar[4]');
  await drag(page, { x: bar.x + bar.w / 2, y: bar.y + bar.h * 0.7 }, { x: bar.x + bar.w / 2, y: bar.y + 2 });
  await clickWidget(page, 'predict-check');
  s = await get(page);
  check(s.predictions.softmax.guessed && /Right about the tallest: "river"/.test(s.predictions.softmax.feedback),
        `the dragged bar is the guess: ${s.predictions.softmax.feedback}`);
  await page.screenshot({ path: path.join(artifactsDir, 'predict-softmax-answer.png') });

  // Where the output lands: drag the marker to the right end of the line.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'weighted-sum', selected: 1 }));
  await settle(page);
  const marker = await widget(page, 'predict-marker');
  await drag(page, { x: marker.x + 12, y: marker.y + marker.h / 2 }, { x: marker.x + marker.w - 4, y: marker.y + marker.h / 2 });
  await clickWidget(page, 'predict-check');
  s = await get(page);
  const out = s.predictions['weighted-sum'].feedback;
  const lands = Number((/lands at (-?[0-9.]+)/.exec(out) || [])[1]);
  const guessed = Number((/your guess \((-?[0-9.]+)\)/.exec(out) || [])[1]);
  check(s.predictions['weighted-sum'].guessed && Math.abs(lands - s.output[1][0]) < 0.006 && guessed > lands,
        `the output's position is the core's, right of it the guess: ${out} (output ${s.output[1][0]})`);
  await page.screenshot({ path: path.join(artifactsDir, 'predict-output-answer.png') });
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);

  // A guess can be skipped: the answer shows, nothing counts as guessed. Guessing again hides it.
  const other = await openPage(browser, url);
  await ready(other.page);
  await other.page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax' }));
  await settle(other.page);
  await clickWidget(other.page, 'predict-skip');
  s = await get(other.page);
  check(s.predictions.softmax.skipped && !s.predictions.softmax.guessed, 'Skip is kept as skipped');
  check((await ids(other.page)).includes('play'), 'after a skip the step shows its pictures');
  await clickWidget(other.page, 'predict-again');
  check((await ids(other.page)).includes('predict-bar[0]') && !(await ids(other.page)).includes('play'),
        'Make a guess hides the answer again');
  check(other.errors.length === 0, `no page errors (${other.errors.join(' | ')})`);
});
