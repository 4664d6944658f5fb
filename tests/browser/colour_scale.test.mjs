// colour_scale.test.mjs: one colour scale per kind of quantity. Raw and scaled scores share
// the raw scores' scale, so switching the division by the square root of d_k (or moving the
// temperature) changes the scaled scores' colours; double-clicking the temperature slider
// sets it back to 1.
import { runTest, openPage, ready, settle, widget, scrollToWidget, check, pixelColour } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());

// The colour of a cell's corner (clear of its printed value), as [r, g, b].
async function cellColour(page, id) {
  const w = await widget(page, id);
  return pixelColour(page, w.x + 3, w.y + 3);
}
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

await runTest('colour_scale', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ preset: 'bank-river', stepId: 'scale', selected: 1, scale: false }));
  await settle(page);
  // The matrices are under the step's pictures: the wheel brings them into view, as a person would.
  await scrollToWidget(page, 'scaled[1][4]', 900, 500);
  const raw = await cellColour(page, 'scores[1][4]');
  const unscaled = await cellColour(page, 'scaled[1][4]');
  check(distance(raw, unscaled) < 8, `without the division a scaled score has its raw score's colour (${raw} vs ${unscaled})`);
  await page.evaluate(() => window.attentionTour.setState({ scale: true }));
  await settle(page);
  const divided = await cellColour(page, 'scaled[1][4]');
  check(distance(divided, unscaled) > 40, `dividing by the square root of d_k changes the colour (${unscaled} -> ${divided})`);
  check(distance(await cellColour(page, 'scores[1][4]'), raw) < 8, 'the raw score keeps its colour');
  await page.evaluate(() => window.attentionTour.setState({ temperature: 4 }));
  await settle(page);
  // The step's sentence about the temperature makes its text longer: the cell may move down.
  await scrollToWidget(page, 'scaled[1][4]', 900, 500);
  const warm = await cellColour(page, 'scaled[1][4]');
  check(distance(warm, divided) > 40, `a higher temperature changes it again (${divided} -> ${warm})`);

  // Double-click the slider (the wheel brings it back into view): back to 1.
  let slider = null;
  for (let k = 0; k < 40 && !slider; ++k) {
    slider = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.id === 'step-temperature' && w.y >= 0);
    if (!slider) {
      await page.mouse.move(900, 400);
      await page.mouse.wheel(0, -120);
      await settle(page);
    }
  }
  check(slider !== null, 'the temperature slider comes back into view');
  await page.mouse.dblclick(slider.x + slider.w * 0.8, slider.y + slider.h / 2);
  await settle(page);
  check((await get(page)).temperature === 1, `double-clicking the temperature sets it to 1 (${(await get(page)).temperature})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
