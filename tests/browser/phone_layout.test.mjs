// phone_layout.test.mjs: nothing is cut at the right edge and every control fits a finger.
// On every step, before and after its guess, with the reference sections open, for the
// lesson's sentence and for sixteen 24-character names: the columns never scroll sideways
// (stats().cutWidth: what is wider scrolls in a box of its own), at a phone's width by touch and
// by mouse and at a desktop's. On the touch screen every control drawn is at least 44 x 44 CSS
// px, and the steps are a list a finger can pick from. Screenshots of the phone go to the
// artifacts, to be looked at.
import fs from 'node:fs';
import path from 'node:path';
import { runTest, openPage, ready, settle, check, skipGuess, widget, artifactsDir, openSection } from './harness.mjs';

const TOUCH_TARGET = 44;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const LAYOUTS = [['phone-touch', PHONE], ['phone-mouse', { viewport: { width: 390, height: 844 } }],
  ['desktop', { viewport: { width: 1280, height: 800 } }]];

// Sixteen tokens (the lesson's most) with names of 24 characters (its longest), and embeddings.
const LONG = {
  tokens: Array.from({ length: 16 }, (_, k) => `token${String(k).padStart(2, '0')}-${'abcdefghijklmnopq'.slice(0, 16)}`),
  X: Array.from({ length: 16 }, (_, k) => [0, 1, 2, 3].map((d) => Math.round(Math.sin(k * 4 + d) * 100) / 100)),
};

// Every problem found, reported together at the end (one failing step does not hide the rest).
const problems = [];
function expect(condition, message) {
  if (!condition) problems.push(message);
}

const stepId = (page) => page.evaluate(() => window.attentionTour.getState().stepId);

async function checkStep(page, layout, where) {
  const st = await page.evaluate(() => window.attentionTour.stats());
  expect(st.cutWidth <= 0.5, `${layout}, ${where}: content runs ${st.cutWidth.toFixed(1)} px past the edge of ${st.cutWindow}`);
  if (!layout.includes('touch')) return;
  expect(st.touchScreen, `${layout}: the page knows a finger is the pointer`);
  const small = (await page.evaluate(() => window.attentionTour.widgets()))
    .filter((w) => w.w < TOUCH_TARGET - 0.5 || w.h < TOUCH_TARGET - 0.5);
  expect(small.length === 0, `${layout}, ${where}: every control is at least ${TOUCH_TARGET} px each way; not ` +
        small.slice(0, 6).map((w) => `${w.id} ${w.w.toFixed(0)}x${w.h.toFixed(0)}`).join(', '));
}

await runTest('phone_layout', async ({ browser, url }) => {
  for (const [layout, options] of LAYOUTS) {
    const { page, errors, context } = await openPage(browser, url, options);
    await ready(page);
    await settle(page);
    // The reference sections open once and stay open from step to step.
    for (const header of ['glossary', 'settings', 'practice']) await openSection(page, header);
    for (const [sentence, state] of [['the lesson\'s sentence', {}], ['16 long names', LONG]]) {
      const set = await page.evaluate((s) => window.attentionTour.setState({ ...s, step: 0 }), state);
      check(!set || !set.error, `${layout}: ${sentence} is taken (${JSON.stringify(set)})`);
      const count = (await page.evaluate(() => window.attentionTour.getState())).stepCount;
      for (let step = 0; step < count; ++step) {
        await page.evaluate((s) => window.attentionTour.setState({ step: s }), step);
        await settle(page, 5);
        const id = await stepId(page);
        await checkStep(page, layout, `${sentence}, ${id}`);
        await skipGuess(page);
        await settle(page, 5);
        await checkStep(page, layout, `${sentence}, ${id} after the guess`);
        if (layout === 'phone-touch')
          await page.screenshot({ path: path.join(artifactsDir, `phone-${sentence === '16 long names' ? 'long' : 'lesson'}-${id}.png`) });
      }
    }
    if (layout === 'phone-touch') {
      // The steps are a list: the counter opens it, each row a finger's height, a tap goes there.
      check(!(await page.evaluate(() => window.attentionTour.widgets())).some((w) => w.id === 'dot[0]'),
            'no row of small dots on a touch screen');
      const steps = await widget(page, 'steps');
      await page.touchscreen.tap(steps.x + steps.w / 2, steps.y + steps.h / 2);
      await settle(page, 5);
      const rows = (await page.evaluate(() => window.attentionTour.widgets())).filter((w) => /^dot\[\d+\]$/.test(w.id));
      check(rows.length > 10, `the counter opens the list of steps (${rows.length} rows)`);
      check(rows.every((w) => w.h >= TOUCH_TARGET - 0.5 && w.w >= 200), 'each step is a row a finger can pick');
      await page.screenshot({ path: path.join(artifactsDir, 'phone-step-list.png') });
      // The list opens at the current step (the last); a row on screen above it is tapped.
      const current = (await page.evaluate(() => window.attentionTour.getState())).step;
      const row = rows.find((w) => w.y > steps.y + steps.h + 10 && w.y + w.h < 800 && w.id !== `dot[${current}]`);
      const target = Number(/\d+/.exec(row.id)[0]);
      await page.touchscreen.tap(row.x + row.w / 2, row.y + row.h / 2);
      await settle(page, 5);
      check((await page.evaluate(() => window.attentionTour.getState())).step === target,
            `tapping step ${target + 1} in the list goes there`);
    }
    check(errors.length === 0, `${layout}: no page errors: ${errors.join('; ')}`);
    await context.close();
  }
  fs.writeFileSync(path.join(artifactsDir, 'phone-layout-problems.txt'), problems.join('\n') + '\n');
  check(problems.length === 0, `nothing cut, every control finger-sized (${problems.length} problems):\n  ` +
        problems.slice(0, 30).join('\n  '));
});
