// hash_change.test.mjs: changing only the address bar's #fragment on an open page opens that
// link (no reload needed); a broken fragment is refused with a notice and the lesson is kept.
import { runTest, openPage, ready, settle, check } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());

await runTest('hash_change', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax', temperature: 2 }));
  await settle(page);
  const link = await page.evaluate(() => window.attentionTour.shareUrl());
  const fragment = link.slice(link.indexOf('#'));
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'why', temperature: 1 }));
  await settle(page);
  await page.waitForTimeout(400);  // the address bar follows the state
  check((await get(page)).stepId === 'why', 'the lesson moved on from the linked state');
  await page.evaluate((h) => { location.hash = h; }, fragment);
  await page.waitForFunction(() => window.attentionTour.getState().stepId === 'softmax', null, { timeout: 10000 });
  const opened = await get(page);
  check(opened.stepId === 'softmax' && opened.temperature === 2, 'a new #fragment typed into the open page opens its state');
  await page.evaluate(() => { location.hash = '#s=1.not-a-state'; });
  await page.waitForFunction(() => window.attentionTour.getState().notice !== '', null, { timeout: 10000 });
  const kept = await get(page);
  check(kept.stepId === 'softmax' && kept.temperature === 2, 'a broken fragment changes nothing');
  check(/link/i.test(kept.notice), `and says why: ${kept.notice}`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
