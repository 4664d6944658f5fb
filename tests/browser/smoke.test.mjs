// smoke.test.mjs: the page loads, draws a non-blank first frame, exposes the API, computes
// a known case with the C++ core, and raises no page error; nothing leaves the origin.
import { runTest, openPage, ready, screenshotStats, check, skipGuess, settle } from './harness.mjs';

await runTest('smoke', async ({ browser, url }) => {
  const { page, errors, requests } = await openPage(browser, url);
  await ready(page);
  const stats = await screenshotStats(page, 'smoke-first-frame.png');
  check(stats.colours > 50, `first frame is not blank (${stats.colours} colours)`);
  check(stats.darkFraction > 0.005, `first frame has text (${stats.darkFraction.toFixed(4)} dark)`);

  const api = await page.evaluate(() => Object.keys(window.attentionTour).sort());
  for (const name of ['ready', 'getState', 'setState', 'compute', 'widgets', 'shareUrl', 'stats'])
    check(api.includes(name), `attentionTour.${name} exists`);

  const reply = await page.evaluate(() => window.attentionTour.compute({
    Q: [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 0, 0]], K: [[1, 0, 1, 0], [0, 1, 0, 1], [1, 1, 0, 0]],
    V: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]] }));
  const e = Math.exp;
  const w0 = [1, e(-1), e(-0.5)].map((x) => x / (1 + e(-1) + e(-0.5)));
  check(reply.weights[0].every((w, j) => Math.abs(w - w0[j]) < 1e-6), 'compute() weights of row 0 match exp by hand');
  check(Math.abs(reply.output[0][0] - (w0[0] * 1 + w0[1] * 5 + w0[2] * 9)) < 1e-5, 'compute() output[0][0]');
  const bad = await page.evaluate(() => window.attentionTour.compute({ Q: [[1, 2]], K: [[1, 2, 3]], V: [[1]] }));
  check(bad.error === 'K has 3 columns but Q has 2', 'compute() names a shape mismatch');
  const notObject = await page.evaluate(() => window.attentionTour.compute('nope'));
  check(typeof notObject.error === 'string', 'compute() refuses a non-object');

  const state = await page.evaluate(() => window.attentionTour.getState());
  check(Number.isInteger(state.stepCount) && state.stepCount > 11 && state.step === 0 && state.stepId === 'why',
        'getState() has the tour position');
  check(Array.isArray(state.weights) && state.weights.length === state.tokens.length, 'getState() has the weights');
  check((await page.evaluate(() => window.attentionTour.stats())).gpuHeatmap === true,
        'the heatmap shader compiled and linked under WebGL2');
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax' }));
  await settle(page);
  await skipGuess(page);
  await page.waitForTimeout(300);
  const heat = await screenshotStats(page, 'smoke-softmax-heatmap.png');
  check(heat.colours > 200, `the softmax step draws its heatmap (${heat.colours} colours)`);
  // setZoom: a size in range is applied; anything else is refused with a reason and changes nothing.
  const nextHeight = async () => (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.id === 'next').h;
  const plainHeight = await nextHeight();
  const zoomed = await page.evaluate(() => window.attentionTour.setZoom(2));
  await page.waitForTimeout(300);
  const zoomedHeight = await nextHeight();
  check(zoomed.ok === true && zoomedHeight > plainHeight * 1.5, `setZoom(2) enlarges the text (${plainHeight} -> ${zoomedHeight})`);
  for (const bad of [99, 0, 'big', null]) {
    const refused = await page.evaluate((z) => window.attentionTour.setZoom(z), bad);
    check(refused.ok === false && /^zoom must be a number/.test(refused.error), `setZoom(${bad}) is refused: ${refused.error}`);
  }
  await page.waitForTimeout(300);
  check(await nextHeight() === zoomedHeight, 'a refused zoom leaves the text size as it was');
  await page.evaluate(() => window.attentionTour.setZoom(1));
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => window.attentionTour.stats().frames);
  check(frames >= 1, `stats().frames counts rendered frames (${frames})`);
  const origin = new URL(url).origin;
  const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:'));
  check(foreign.length === 0, `no request leaves the origin (${foreign.join(', ')})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
