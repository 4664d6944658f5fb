// play.test.mjs: the Play button animates the step for the selected query, and when the
// animation ends the page is idle again: no frames rendered, the main loop paused. With
// reduced motion, Play shows the end state at once and nothing animates.
import { runTest, openPage, ready, settle, widget, check, skipGuess } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());

// A real click on Play; not followed by settle(), which waits for the very idleness Play ends.
async function pressPlay(page) {
  const w = await widget(page, 'play');
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
  for (let k = 0; k < 30 && (await stats(page)).pendingInput > 0; ++k) await page.waitForTimeout(50);
  await page.waitForTimeout(100);
}

async function untilStill(page, timeoutMs) {
  const start = Date.now();
  while ((await stats(page)).animating) {
    if (Date.now() - start > timeoutMs) return false;
    await page.waitForTimeout(200);
  }
  return true;
}

await runTest('play', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  for (const stepId of ['scores', 'softmax', 'weighted-sum']) {
    await page.evaluate((id) => window.attentionTour.setState({ stepId: id }), stepId);
    await settle(page);
    await skipGuess(page);
    await pressPlay(page);
    const playing = await stats(page);
    check(playing.animating, `Play starts the ${stepId} animation`);
    // Frames keep coming while it plays (however slowly a loaded machine draws them).
    const framesBefore = playing.frames;
    let framesNow = framesBefore;
    for (let k = 0; k < 30 && framesNow <= framesBefore + 5; ++k) {
      await page.waitForTimeout(100);
      framesNow = (await stats(page)).frames;
    }
    check(framesNow > framesBefore + 5, `${stepId}: frames are drawn while it plays (${framesBefore} -> ${framesNow})`);
    check(await untilStill(page, 20000), `${stepId}: the animation ends`);
    await settle(page);
    await page.waitForTimeout(300);
    const idleStart = await stats(page);
    await page.waitForTimeout(1500);
    const idleEnd = await stats(page);
    check(idleEnd.frames === idleStart.frames && idleEnd.loopTicks === idleStart.loopTicks,
          `${stepId}: idle after the animation (${idleStart.frames} -> ${idleEnd.frames} frames)`);
  }
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);

  const calm = await openPage(browser, url, { reducedMotion: 'reduce' });
  await ready(calm.page);
  await calm.page.evaluate(() => window.attentionTour.setState({ stepId: 'scores' }));
  await settle(calm.page);
  await skipGuess(calm.page);
  await pressPlay(calm.page);
  check(!(await stats(calm.page)).animating, 'with reduced motion Play animates nothing');
  check(calm.errors.length === 0, `reduced motion: no page errors (${calm.errors.join(' | ')})`);
});
