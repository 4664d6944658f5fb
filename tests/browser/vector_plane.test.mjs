// vector_plane.test.mjs: the arrow planes. A key's tip dragged with the real mouse changes that
// key and the query's weights; the arrow keys move a focused tip without leaving the step; a
// finger drags a value's tip on a phone.
import { runTest, openPage, ready, settle, widget, scrollToWidget, screenshotStats, check, touchDrag, skipGuess, heardFocus } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const centre = (w) => ({ x: w.x + w.w / 2, y: w.y + w.h / 2 });

async function mouseDrag(page, from, to, steps = 10) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= steps; ++k) {
    await page.mouse.move(from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps);
    await settle(page, 1);
  }
  await page.mouse.up();
  await settle(page);
}

await runTest('vector_plane', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ preset: 'bank-river', stepId: 'scores', selected: 1 }));
  await settle(page);
  await skipGuess(page);
  const before = await get(page);
  const riverTip = await widget(page, 'vec-k[4]');
  check(riverTip && await widget(page, 'vec-q[1]'), 'the scores step draws the query tip and the key tips');
  await screenshotStats(page, 'vector-plane-scores.png');
  // Drag river's key tip towards the right: more nature, so bank (which asks for nature) likes it more.
  const start = centre(riverTip);
  await mouseDrag(page, start, { x: start.x + 40, y: start.y });
  const dragged = await get(page);
  check(dragged.K[4][0] > before.K[4][0] + 0.2, `dragging the tip right adds nature to river's key (${before.K[4][0]} -> ${dragged.K[4][0]})`);
  check(Math.abs(dragged.K[4][1] - before.K[4][1]) < 0.02, 'a level drag leaves the other shown dimension alone');
  check(dragged.weights[1][4] > before.weights[1][4], `bank's weight on river grows (${before.weights[1][4].toFixed(3)} -> ${dragged.weights[1][4].toFixed(3)})`);
  check(dragged.stepId === 'scores', 'dragging a tip stays on the step');
  const shot = await screenshotStats(page, 'vector-plane-dragged.png');
  check(shot.colours > 50, 'the plane is drawn after the drag');

  // The keyboard: Tab and Shift+Tab put the focus on the tip the mouse left it on, then the arrows move it.
  await page.keyboard.press('Tab');
  await settle(page);
  await page.keyboard.press('Shift+Tab');
  await settle(page);
  const focused = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
  check(focused && focused.id === 'vec-k[4]', `the key tip takes keyboard focus (${focused && focused.id})`);
  const said = await heardFocus(page);
  check(/^Key 5 "river", arrow tip at nature [\d.]+, money [\d.]+: drag it or use the arrow keys/.test(said),
        `a screen reader hears the tip and where it is: ${said}`);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  const nudged = await get(page);
  check(Math.abs(nudged.K[4][1] - (dragged.K[4][1] + 0.1)) < 1e-4, `ArrowUp adds 0.1 to money (${dragged.K[4][1]} -> ${nudged.K[4][1]})`);
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  const left = await get(page);
  check(left.stepId === 'scores' && Math.abs(left.K[4][0] - (nudged.K[4][0] - 0.1)) < 1e-4,
        'ArrowLeft on a focused tip moves it, not the tour');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);

  // A finger drags a value's tip on a phone.
  const phone = await openPage(browser, url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  await ready(phone.page);
  await phone.page.evaluate(() => window.attentionTour.setState({ preset: 'bank-river', stepId: 'weighted-sum', selected: 1 }));
  await settle(phone.page);
  await skipGuess(phone.page);
  const valueBefore = await get(phone.page);
  await phone.page.evaluate(() => window.attentionTour.setState({ stepId: 'weighted-sum' }));
  const tip = await scrollToWidget(phone.page, 'vec-v[4]', 370, 600);
  check(tip && tip.x + tip.w <= 390, 'the value plane fits the phone, tips on screen');
  const cdp = await phone.page.context().newCDPSession(phone.page);
  const from = centre(tip);
  await touchDrag(cdp, from, { x: from.x - 40, y: from.y - 40 });
  await settle(phone.page);
  const valueAfter = await get(phone.page);
  check(valueAfter.V[4][0] < valueBefore.V[4][0] - 0.1, `a finger drag moves river's value (${valueBefore.V[4][0]} -> ${valueAfter.V[4][0]})`);
  check(JSON.stringify(valueAfter.output[1]) !== JSON.stringify(valueBefore.output[1]), "bank's output follows");
  check(valueAfter.stepId === 'weighted-sum', 'the finger drag did not scroll or change the step');
  check(phone.errors.length === 0, `phone: no page errors (${phone.errors.join(' | ')})`);
});
