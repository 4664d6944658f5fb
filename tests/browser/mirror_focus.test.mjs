// mirror_focus.test.mjs: a control that goes away under the keyboard, through the semantic
// mirror alone (focus and Enter on its elements, as a screen reader user would): Remove, pressed
// on the last token, takes its own button away. The focus must land on the next control below
// it in the same part of the screen, with the lesson's ring on the same control, never fall to
// the page's top or the step's title (mirror.js focusBelow).
import { runTest, openPage, ready, settle, check } from './harness.mjs';

await runTest('mirror_focus', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'tokens' }));
  await settle(page, 6);
  await page.waitForFunction(() => document.querySelector('#mirror [data-id="settings"]'), null, { timeout: 30000 });
  await page.evaluate(() => document.querySelector('#mirror [data-id="settings"]').click());
  const count = (await page.evaluate(() => window.attentionTour.getState().tokens.length));
  const last = `remove[${count - 1}]`;
  await page.waitForFunction((id) => document.querySelector(`#mirror [data-id="${CSS.escape(id)}"]`), last, { timeout: 30000 });
  await page.focus(`#mirror [data-id="${last}"]`);
  await settle(page);
  const before = await page.evaluate((id) => {
    const e = document.querySelector(`#mirror [data-id="${CSS.escape(id)}"]`);
    return { y: e.getBoundingClientRect().top, ring: (window.attentionTour.widgets().find((w) => w.focused) || {}).id };
  }, last);
  check(before.ring === last, `the ring is on ${last} (${before.ring})`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => window.attentionTour.getState().tokens.length === n - 1, count, { timeout: 10000 });
  await page.waitForFunction((id) => !document.querySelector(`#mirror [data-id="${CSS.escape(id)}"]`), last, { timeout: 10000 });
  await settle(page, 6);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => {
    const e = document.activeElement;
    return { id: e && e.dataset && e.dataset.id, tag: e && e.tagName, y: e && e.getBoundingClientRect().top,
      ring: (window.attentionTour.widgets().find((w) => w.focused) || {}).id };
  });
  check(after.id && after.tag !== 'H1' && after.tag !== 'BODY', `the focus stayed on a control: ${JSON.stringify(after)}`);
  check(after.y >= before.y - 1, `the control is below where Remove was (${after.y} >= ${before.y})`);
  check(after.ring === after.id, `the lesson's ring is on the same control (${after.ring})`);
  check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
});
