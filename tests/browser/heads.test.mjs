// heads.test.mjs: heads that differ. getState().presets lists the examples; the two-heads
// example's heads are drawn side by side, each its own picture (one GPU texture per heatmap),
// with a sentence naming what each does; the button on a one-head example loads it, and
// another takes the learner back to their own sentence.
import { runTest, openPage, ready, settle, widget, clickWidget, check, pixelColour } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());

async function cellColour(page, id) {
  const w = await widget(page, id);
  return pixelColour(page, w.x + w.w / 2, w.y + 2);
}
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

await runTest('heads', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  const first = await get(page);
  check(Array.isArray(first.presets) && first.presets.includes('bank-river') && first.presets.includes('two-heads'),
        `getState().presets lists the examples (${first.presets})`);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'multi-head' }));
  await settle(page);
  check((await get(page)).heads === 1, 'the default example has one head');
  await clickWidget(page, 'load-two-heads');
  await settle(page);
  const two = await get(page);
  check(two.preset === 'two-heads' && two.heads === 2 && two.stepId === 'multi-head',
        `the button loads the two-heads example on the same step (${two.preset}, ${two.heads} heads)`);
  // Row "cat": head 1 (meaning) gives "The" 0.10, head 2 (order) gives it 0.91; the pictures must differ.
  check(two.headWeights[0][1][0] < 0.2 && two.headWeights[1][1][0] > 0.8, 'the heads attend to different words');
  const meaning = await cellColour(page, 'head1Weights[1][0]');
  const order = await cellColour(page, 'head2Weights[1][0]');
  check(distance(meaning, order) > 80, `each head's map is drawn from its own weights (${meaning} vs ${order})`);
  // The learner's own sentence comes back with a click, on the same step.
  await clickWidget(page, 'back-to-sentence');
  await settle(page);
  const back = await get(page);
  check(back.preset === first.preset && JSON.stringify(back.tokens) === JSON.stringify(first.tokens) &&
        back.heads === 1 && back.stepId === 'multi-head',
        `Back to your sentence restores the lesson before the switch (${back.preset}, ${back.tokens})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
