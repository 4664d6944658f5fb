// deeper_chapter.test.mjs: the positions, sparse, FlashAttention and linear steps in the page,
// driven with the mouse and the keyboard, and their API: positional, window masks and tileSize
// in setState, getState().flash, compute({kernel: 'linear'}).
import { runTest, openPage, ready, settle, clickWidget, scrollToWidget, check } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const api = (page, name, arg) => page.evaluate(([n, a]) => window.attentionTour[n](a), [name, arg]);
const focusedId = async (page) => ((await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused) || {}).id;

await runTest('deeper_chapter', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);

  // Positions: a real click reverses the sentence; each token keeps its output exactly.
  await api(page, 'setState', { stepId: 'positions' });
  await settle(page);
  const before = await get(page);
  await clickWidget(page, 'reverse-tokens');
  const reversed = await get(page);
  const n = before.tokens.length;
  check(reversed.tokens.join(' ') === [...before.tokens].reverse().join(' '), 'Reverse puts the last token first');
  check(before.output.every((row, i) => row.every((v, c) => v === reversed.output[n - 1 - i][c])),
        'without positions every token keeps exactly its output, in its new row');
  await clickWidget(page, 'positional');
  const withPositions = await get(page);
  check(withPositions.positional === 'sinusoidal', 'the checkbox switches the sinusoidal positions on');
  await clickWidget(page, 'reverse-tokens');
  const back = await get(page);
  const moved = withPositions.output.some((row, i) => row.some((v, c) => Math.abs(v - back.output[n - 1 - i][c]) > 1e-3));
  check(moved, 'with positions the same reversal changes the outputs');

  // Sparse: the window option, then refusals that keep the lesson.
  await api(page, 'setState', { stepId: 'sparse' });
  await settle(page);
  await clickWidget(page, 'sparse-mask-window');
  const sparse = await get(page);
  check(sparse.mask === 'window:1+global:1', `the window option sets window:1+global:1 (${sparse.mask})`);
  check(sparse.weights[5][3] === 0 && sparse.weights[5][0] > 0, 'a far key gets 0, a global one does not');
  for (const bad of [{ mask: 'window:x' }, { mask: 'window:1+global:' }, { positional: 'learned' }, { tileSize: 0 }]) {
    const reply = await api(page, 'setState', bad);
    check(reply.ok === false && typeof reply.error === 'string' && reply.error.length > 10,
          `setState(${JSON.stringify(bad)}) is refused: ${reply.error}`);
  }
  check((await get(page)).mask === 'window:1+global:1', 'and the lesson is kept');

  // FlashAttention: Tab to Next tile, Space until the last tile.
  await api(page, 'setState', { stepId: 'flash', mask: 'none', tileSize: 3 });
  await settle(page);
  let flash = (await get(page)).flash;
  check(flash.tile === 0 && flash.tiles === Math.ceil(n / 3), `tiles of 3 keys: ${flash.tiles}`);
  for (let k = 0; k < 200 && await focusedId(page) !== 'tile-next'; ++k) {
    await page.keyboard.press('Tab');
    await settle(page, 1);
  }
  check(await focusedId(page) === 'tile-next', 'Tab reaches Next tile');
  for (let k = 0; k < flash.tiles; ++k) {
    await page.keyboard.press('Space');
    await settle(page);
  }
  flash = (await get(page)).flash;
  check(flash.tile === flash.tiles, `Space folds every tile in (${flash.tile} of ${flash.tiles})`);
  check(flash.maxAbsDiff < 1e-6, `the tiled result equals the direct one (largest difference ${flash.maxAbsDiff})`);

  // Linear kernel through compute().
  const request = { Q: [[1, 0], [0, 1], [1, 1]], K: [[1, 0], [0, 1], [-1, 1]], V: [[1, 2], [3, 4], [5, 6]] };
  const linear = await api(page, 'compute', { ...request, kernel: 'linear', mask: 'causal' });
  check(!linear.error && linear.weights.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6),
        'compute({kernel: "linear"}) gives weights that sum to 1');
  check(linear.weights[0][1] === 0 && linear.weights[1][2] === 0, 'and applies the causal mask');
  const softmax = await api(page, 'compute', request);
  check(Math.abs(softmax.output[0][0] - linear.output[0][0]) > 1e-3, 'its output differs from softmax attention');
  const wrong = await api(page, 'compute', { ...request, kernel: 'cosine' });
  check(wrong.error === 'kernel must be "softmax" or "linear"', `a bad kernel is refused: ${wrong.error}`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
