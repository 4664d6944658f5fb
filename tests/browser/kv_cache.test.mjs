// kv_cache.test.mjs: the KV cache step written token by token with real clicks and keys.
// getState().kvCache follows: {written, cachedRows, multiplyAddsWithCache,
// multiplyAddsWithout}, the cached rows equal to the full causal computation's.
import { runTest, openPage, ready, settle, clickWidget, check } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());

async function focusedId(page) {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  const focused = list.find((w) => w.focused);
  return focused ? focused.id : '';
}

await runTest('kv_cache', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'kv-cache' }));
  await settle(page);
  let state = await get(page);
  const n = state.tokens.length;
  const width = state.K[0].length + state.V[0].length;
  check(state.kvCache.written === 1 && state.kvCache.cachedRows === 1, `one token written at first: ${JSON.stringify(state.kvCache)}`);
  for (let written = 2; written <= n; ++written) {
    await clickWidget(page, 'kv-next');
    await settle(page);
    state = await get(page);
    const kv = state.kvCache;
    check(kv.written === written && kv.cachedRows === written, `Next token writes token ${written}: ${kv.written}`);
    check(kv.multiplyAddsWithCache === written * width &&
          kv.multiplyAddsWithout === written * (written + 1) / 2 * width,
          `token ${written}: ${kv.multiplyAddsWithCache} multiply-adds with the cache, ${kv.multiplyAddsWithout} without`);
    check(kv.largestDifference < 1e-6, `the cached rows equal the causal ones (${kv.largestDifference})`);
  }
  // Next stops at the last token; the keyboard takes a token back.
  await clickWidget(page, 'kv-next');
  await settle(page);
  check((await get(page)).kvCache.written === n, 'Next stops at the last token');
  for (let k = 0; k < 200 && await focusedId(page) !== 'kv-back'; ++k) {
    await page.keyboard.press('Tab');
    await settle(page, 1);
  }
  check(await focusedId(page) === 'kv-back', 'Tab reaches Back a token');
  await page.keyboard.press('Space');
  await settle(page);
  check((await get(page)).kvCache.written === n - 1, 'Space on Back a token forgets the newest token');
  // A shorter sentence keeps the count within it.
  await page.evaluate(() => window.attentionTour.setState({ tokens: ['a', 'b'], X: [[1, 0, 0, 0], [0, 1, 0, 0]] }));
  await settle(page);
  check((await get(page)).kvCache.written <= 2, 'the count stays within a shorter sentence');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
