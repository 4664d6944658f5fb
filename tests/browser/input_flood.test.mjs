// input_flood.test.mjs: a burst of 2,000 input events (keys typed into the challenge's code
// box, arriving in one go as from a script or a jammed device) drains in a few frames, not
// one frame per event, and loses nothing: every character lands, in order. Keys that need
// a frame each (Tab, Enter) still get one. A wheel flood is coalesced. Counts frames, not
// seconds, so a loaded machine cannot make it flaky. Tab pressed and let go nine times at once
// moves the focus nine times.
import { runTest, openPage, ready, settle, scrollToWidget, check, openSection } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());

await runTest('input_flood', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await openSection(page, 'practice');
  const box = await scrollToWidget(page, 'challenge-code', 250, 500, 120);
  await page.mouse.click(box.x + 40, box.y + 20);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await settle(page);
  check((await page.evaluate(() => window.attentionTour.getState().challengeCode)) === '', 'the code box is empty');

  // 667 keys: key down, character, key up each, all queued within one task of the page.
  const text = Array.from({ length: 667 }, (_, k) => 'abcdefghijklmnopqrstuvwxyz '[(k * 7) % 27]).join('');
  const before = await stats(page);
  const events = await page.evaluate((typed) => {
    let count = 0;
    for (const ch of typed) {
      const code = ch === ' ' ? 32 : ch.toUpperCase().charCodeAt(0);
      const init = { key: ch, keyCode: code, which: code, bubbles: true, cancelable: true };
      window.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keypress', { ...init, charCode: ch.charCodeAt(0), keyCode: ch.charCodeAt(0) }));
      window.dispatchEvent(new KeyboardEvent('keyup', init));
      count += 3;
    }
    return count;
  }, text);
  const queued = await stats(page);
  check(events === 2001 && queued.pendingInput > 1000, `a burst of ${events} events is queued (${queued.pendingInput} waiting)`);
  await page.waitForFunction(() => window.attentionTour.stats().pendingInput === 0, null, { timeout: 120000, polling: 50 });
  const after = await stats(page);
  const frames = after.frames - before.frames;
  // Letters need no frame of their own; each Space (it presses buttons) takes about two.
  const spaces = text.split(' ').length - 1;
  check(frames <= 2 * spaces + 10, `the burst drains in ${frames} frames for ${text.length} keys, ${spaces} of them Space (one per event would be ${events})`);
  const typed = await page.evaluate(() => window.attentionTour.getState().challengeCode);
  check(typed === text, `every character arrives, in order (${typed.length} of ${text.length})`);
  check(after.inputDropped === 0 && after.keysHeld === 0, 'nothing is dropped and no key is left held');

  // A wheel flood is summed into the next frame, not replayed event by event.
  await settle(page);
  const wheelStart = await stats(page);
  await page.evaluate(() => {
    const canvas = document.getElementById('canvas');
    for (let k = 0; k < 1000; ++k)
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: k % 2 ? 40 : -40, clientX: 300, clientY: 400, bubbles: true, cancelable: true }));
  });
  await settle(page);
  const wheelEnd = await stats(page);
  check(wheelEnd.frames - wheelStart.frames < 50, `1,000 wheel events take ${wheelEnd.frames - wheelStart.frames} frames`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});

// Tab pressed and let go at once, nine times in one task (a screen reader's or a script's
// keys): every press moves the focus once, as nine presses one by one do. The lesson hides
// Tab from Dear ImGui once it has moved the focus; the queue used to read that as the key
// already let go, so the next press shared the release's frame and was lost.
await runTest('tab_burst', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ step: 4 }));
  await settle(page);
  await page.waitForFunction(() => document.querySelector('#mirror [data-id="next"]'), null, { timeout: 30000 });
  const ring = () => page.evaluate(() => (window.attentionTour.widgets().find((w) => w.focused) || {}).id);
  const startAtNext = async () => {
    await page.focus('#mirror [data-id="next"]');
    await settle(page);
    await page.waitForFunction(() => (window.attentionTour.widgets().find((w) => w.focused) || {}).id === 'next', null, { timeout: 10000 });
  };
  await startAtNext();
  for (let k = 0; k < 9; ++k) {
    await page.keyboard.press('Tab');
    await settle(page);
  }
  const oneByOne = await ring();
  await startAtNext();
  await page.evaluate(() => {
    const init = { key: 'Tab', code: 'Tab', keyCode: 9, which: 9, bubbles: true, cancelable: true };
    for (let k = 0; k < 9; ++k) {
      window.dispatchEvent(new KeyboardEvent('keydown', init));
      window.dispatchEvent(new KeyboardEvent('keyup', init));
    }
  });
  await page.waitForFunction(() => window.attentionTour.stats().pendingInput === 0, null, { timeout: 30000, polling: 50 });
  await settle(page);
  const burst = await ring();
  check(oneByOne && oneByOne !== 'next' && burst === oneByOne,
    `nine Tabs at once move the focus as far as nine one by one (${burst} vs ${oneByOne})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
