// typed_numbers.test.mjs: a number the learner types into a matrix cell is kept as typed, in
// every kind of editable matrix, in an example given by vectors and in one given by
// embeddings: double-click, type, Enter, and the state holds the typed number exactly (as a
// float), not the two decimals a cell once showed (0.375 became 0.38). A drag afterwards
// still moves it in steps.
import { runTest, openPage, ready, settle, scrollToWidget, check } from './harness.mjs';

// [example, step, cell, typed]: the cells each example lets a learner edit on that step.
const cases = [
  ['three-tokens', 'qkv', 'Q[0][0]', '0.375'],
  ['three-tokens', 'qkv', 'K[1][1]', '-12.125'],
  ['three-tokens', 'qkv', 'V[2][0]', '0.0625'],
  ['bank-river', 'qkv', 'X[1][1]', '0.375'],
  ['bank-river', 'qkv', 'WQ[0][1]', '2.875'],
  ['bank-river', 'tokens', 'X[2][3]', '-0.4375'],
  ['bank-river', 'multi-head', 'WO[0][0]', '1.0625'],
];
const matrixOf = (id) => ({ Q: 'Q', K: 'K', V: 'V', X: 'X', WQ: 'WQ', WO: 'WO' })[id.slice(0, id.indexOf('['))];
const float = (x) => Math.fround(Number(x));

await runTest('typed_numbers', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  for (const [preset, step, id, typed] of cases) {
    const set = await page.evaluate(([p, s]) => window.attentionTour.setState({ preset: p, stepId: s }), [preset, step]);
    check(set.ok, `${preset} opens on the ${step} step`);
    await settle(page);
    const cell = await scrollToWidget(page, id, 900, 500);
    await page.mouse.dblclick(cell.x + cell.w / 2, cell.y + cell.h / 2);
    await settle(page);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await settle(page, 6);
    const [r, c] = id.match(/\d+/g).map(Number);
    const kept = await page.evaluate(([m, i, j]) => window.attentionTour.getState()[m][i][j], [matrixOf(id), r, c]);
    check(kept === float(typed), `${typed} typed into ${id} (${preset}, ${step}) is kept as typed (got ${kept})`);
  }
  // A drag from a typed value moves in steps from it, not from its rounded value.
  const cell = await scrollToWidget(page, 'WO[0][0]', 900, 500);
  await page.mouse.move(cell.x + cell.w / 2, cell.y + cell.h / 2);
  await page.mouse.down();
  await page.mouse.move(cell.x + cell.w / 2 + 12, cell.y + cell.h / 2, { steps: 6 });
  await page.mouse.up();
  await settle(page, 6);
  const dragged = await page.evaluate(() => window.attentionTour.getState().WO[0][0]);
  const steps = (dragged - 1.0625) / 0.01;
  check(dragged > 1.0625 && Math.abs(steps - Math.round(steps)) < 1e-3,
        `a drag moves the typed 1.0625 in steps of 0.01 (got ${dragged})`);
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
});
