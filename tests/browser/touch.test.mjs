// touch.test.mjs: a phone (390 x 844, touch, DPR 3): tap Next and a token, drag a value
// with a finger, scroll by dragging empty space; panels stack instead of overlapping.
import path from 'node:path';
import { runTest, openPage, ready, settle, widget, screenshotStats, check, artifactsDir, touchDrag } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());


await runTest('touch', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  await ready(page);
  await settle(page);
  const shot = await screenshotStats(page, 'touch-390x844.png');
  check(shot.colours > 50, 'the phone layout is drawn');
  const next = await widget(page, 'next');
  const back = await widget(page, 'back');
  check(next.x + next.w <= 390 && back.x >= 0, 'Back and Next fit on a 390 px screen');

  for (let k = 0; k < 2; ++k) {
    const n = await widget(page, 'next');
    await page.touchscreen.tap(n.x + n.w / 2, n.y + n.h / 2);
    await settle(page);
  }
  check((await get(page)).stepId === 'qkv', 'tapping Next twice reaches step 3');
  const strip = await widget(page, 'token[0]');
  const header = await widget(page, 'next');
  check(strip.y > header.y + header.h, 'the step (its picture first) sits below the header, not under it');
  const token = await widget(page, 'token[4]');
  await page.touchscreen.tap(token.x + token.w / 2, token.y + token.h / 2);
  await settle(page);
  check((await get(page)).selected === 4, 'tapping a token selects it');

  const cdp = await page.context().newCDPSession(page);
  // Scroll the stacked panel by dragging empty space until an X cell is on screen.
  let cell = null;
  for (let k = 0; k < 20 && !cell; ++k) {
    const list = await page.evaluate(() => window.attentionTour.widgets());
    cell = list.find((w) => w.id === 'X[0][0]' && w.y > 100 && w.y + w.h < 800) || null;
    if (!cell) { await touchDrag(cdp, { x: 370, y: 700 }, { x: 370, y: 400 }); await settle(page); }
  }
  check(cell !== null, 'dragging empty space scrolls the panel to the embeddings');
  const before = (await get(page)).X[0][0];
  await touchDrag(cdp, { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 }, { x: cell.x + cell.w / 2 + 60, y: cell.y + cell.h / 2 });
  await settle(page);
  const after = (await get(page)).X[0][0];
  check(after > before, `dragging a value with a finger changes it (${before} -> ${after})`);
  await page.screenshot({ path: path.join(artifactsDir, 'touch-after-drag.png') });
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
