// touch.test.mjs: a phone (390 x 844, touch, DPR 3): tap Next and a token, drag a value
// with a finger, scroll by dragging empty space; panels stack instead of overlapping.
import path from 'node:path';
import { runTest, openPage, ready, settle, widget, screenshotStats, check, artifactsDir, touchDrag } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());

// A point near (x, y) that no control covers, for a drag that must scroll.
async function emptySpot(page, x, y) {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  for (let dy = 0; dy < 300; dy += 10)
    for (const cx of [x, x - 20, x - 40])
      for (const cy of [y + dy, y - dy]) {
        if (!list.some((w) => cx >= w.x && cx <= w.x + w.w && cy >= w.y && cy <= w.y + w.h)) return { x: cx, y: cy };
      }
  throw new Error('no empty spot to drag');
}


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
  // A finger that barely moves is still a tap.
  const token1 = await widget(page, 'token[1]');
  await touchDrag(cdp, { x: token1.x + token1.w / 2, y: token1.y + token1.h / 2 },
                  { x: token1.x + token1.w / 2 + 3, y: token1.y + token1.h / 2 + 2 }, 2);
  await settle(page);
  check((await get(page)).selected === 1, 'a tap that moves 3 px selects the token');
  // Scroll the stacked panel by dragging empty space until an X cell is on screen.
  let cell = null;
  for (let k = 0; k < 20 && !cell; ++k) {
    const list = await page.evaluate(() => window.attentionTour.widgets());
    cell = list.find((w) => w.id === 'X[0][0]' && w.y > 100 && w.y + w.h < 800) || null;
    if (!cell) {
      const from = await emptySpot(page, 370, 700);
      await touchDrag(cdp, from, { x: from.x, y: from.y - 300 });
      await settle(page);
    }
  }
  check(cell !== null, 'dragging empty space scrolls the panel to the embeddings');
  // A swipe along the page that starts on controls (a cell, then a token) scrolls, as in a
  // phone's own apps: no value, selection or cell changes where the finger lifts.
  const unchanged = await get(page);
  const cellBefore = await widget(page, 'X[0][0]');
  await touchDrag(cdp, { x: cellBefore.x + cellBefore.w / 2, y: cellBefore.y + cellBefore.h / 2 },
                  { x: cellBefore.x + cellBefore.w / 2 + 3, y: cellBefore.y + cellBefore.h / 2 - 90 });
  await settle(page);
  const swiped = await get(page);
  const cellAfter = await widget(page, 'X[0][0]');
  check(JSON.stringify(swiped.X) === JSON.stringify(unchanged.X) && swiped.selected === unchanged.selected &&
        swiped.selectedKey === unchanged.selectedKey, 'a swipe up from a cell changes no value and no selection');
  check(cellAfter.y < cellBefore.y - 40, `and scrolls the page (${cellBefore.y} -> ${cellAfter.y})`);
  await touchDrag(cdp, { x: cellAfter.x + cellAfter.w / 2, y: cellAfter.y + cellAfter.h / 2 },
                  { x: cellAfter.x + cellAfter.w / 2, y: cellAfter.y + cellAfter.h / 2 + 90 });
  await settle(page);
  check((await widget(page, 'X[0][0]')).y > cellAfter.y + 40, 'a swipe down from it scrolls back');
  cell = await widget(page, 'X[0][0]');
  // A sideways swipe on a cell pans the table: the value stays.
  const panned = (await get(page)).X[0][0];
  await touchDrag(cdp, { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 }, { x: cell.x + cell.w / 2 - 60, y: cell.y + cell.h / 2 });
  await settle(page);
  check((await get(page)).X[0][0] === panned, 'a sideways swipe on a cell changes no value');
  await touchDrag(cdp, { x: cell.x + cell.w / 2 - 60, y: cell.y + cell.h / 2 }, { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 });
  await settle(page);
  // Resting on the cell first, then moving, drags its value.
  cell = await widget(page, 'X[0][0]');
  const before = (await get(page)).X[0][0];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 }] });
  await page.waitForTimeout(500);
  await touchDrag(cdp, { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 }, { x: cell.x + cell.w / 2 + 60, y: cell.y + cell.h / 2 }, 8, true);
  await settle(page);
  const after = (await get(page)).X[0][0];
  check(after > before, `resting a finger on a value, then dragging, changes it (${before} -> ${after})`);
  await page.screenshot({ path: path.join(artifactsDir, 'touch-after-drag.png') });
  // Typing a number asks the phone for its numeric keyboard; a name for the full one.
  const numberCell = await widget(page, 'X[0][1]');
  await page.touchscreen.tap(numberCell.x + numberCell.w / 2, numberCell.y + numberCell.h / 2);
  await page.waitForTimeout(60);
  await page.touchscreen.tap(numberCell.x + numberCell.w / 2, numberCell.y + numberCell.h / 2);
  await settle(page);
  const mode = await page.evaluate(() => {
    const field = document.getElementById('text-input');
    return { hidden: field.hidden, inputMode: field.inputMode };
  });
  check(!mode.hidden && mode.inputMode === 'decimal', `a number field asks for the numeric keyboard: ${JSON.stringify(mode)}`);
  await page.keyboard.press('Escape');
  await settle(page);

  // A guess's bar is dragged up with a finger (a bar is taller than wide: up and down drag it),
  // and the guess is that bar: river's, dragged to the top, is the tallest (the weights here are
  // those of the values edited above).
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax', selected: 1 }));
  await settle(page);
  const bar = await widget(page, 'predict-bar[4]');
  const scrolledFrom = bar.y;
  await touchDrag(cdp, { x: bar.x + bar.w / 2, y: bar.y + bar.h * 0.7 }, { x: bar.x + bar.w / 2, y: bar.y + 2 });
  await settle(page);
  check(Math.abs((await widget(page, 'predict-bar[4]')).y - scrolledFrom) < 1, 'dragging a bar up does not scroll the page');
  const checkButton = await widget(page, 'predict-check');
  await page.touchscreen.tap(checkButton.x + checkButton.w / 2, checkButton.y + checkButton.h / 2);
  await settle(page);
  const feedback = (await get(page)).predictions.softmax;
  check(feedback.guessed && /(Right about the tallest: |Your tallest bar is )"river"/.test(feedback.feedback),
        `a finger dragged the bar, and it is the guess: ${feedback.feedback}`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
