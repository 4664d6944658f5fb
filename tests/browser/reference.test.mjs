// reference.test.mjs: the glossary and the code listing in the page. The glossary is
// reached with Tab and opened with Space on any step, and its buttons lead to a step; the
// listing holds the learner's numbers and the core's results, follows an edit, and its Copy
// button puts it on the system clipboard.
import { runTest, openPage, ready, settle, widget, clickWidget, scrollToWidget, check, openSection } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const focusedId = async (page) => {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  const f = list.find((w) => w.focused);
  return f ? f.id : null;
};

async function tabTo(page, id, maxPresses = 80) {
  for (let k = 0; k < maxPresses; ++k) {
    if (await focusedId(page) === id) return;
    await page.keyboard.press('Tab');
    await settle(page, 1);
  }
  throw new Error(`Tab never reached ${id} (last: ${await focusedId(page)})`);
}

async function readClipboard(page, notEqualTo) {
  await page.waitForFunction(async (old) => (await navigator.clipboard.readText()) !== old, notEqualTo,
                             { timeout: 15000 });
  return page.evaluate(() => navigator.clipboard.readText());
}

// The rows of numbers under a "... as this page computed it:" comment.
function commentBlock(text, title) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`# ${title}, as this page computed it:`));
  if (start < 0) return null;
  const rows = [];
  for (let k = start + 1; k < lines.length && lines[k].startsWith('#  '); ++k)
    rows.push(lines[k].slice(1).trim().split(/\s+/).map(Number));
  return rows;
}

const close = (a, b) => a.length === b.length &&
  a.every((row, i) => row.length === b[i].length && row.every((v, j) => Math.abs(v - b[i][j]) <= 5e-5));

await runTest('reference', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  // The glossary, from the keyboard, on the last step.
  await page.keyboard.press('End');
  await settle(page);
  check((await get(page)).stepId === 'next', 'End goes to the closing step');
  await tabTo(page, 'glossary');
  await page.keyboard.press('Space');
  await settle(page);
  const drawn = (await page.evaluate(() => window.attentionTour.widgets())).map((w) => w.id);
  check(drawn.includes('glossary-step[0]'), 'Space opens the glossary: its first word\'s step button is drawn');
  // The first entry ("token") leads to the tokens step.
  await tabTo(page, 'glossary-step[0]');
  await page.keyboard.press('Space');
  await settle(page);
  check((await get(page)).stepId === 'tokens', `its first button goes to the tokens step (${(await get(page)).stepId})`);

  // The code listing on the all-at-once step.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'all-at-once' }));
  await settle(page);
  await scrollToWidget(page, 'code-copy', 900, 400);
  await clickWidget(page, 'code-copy');
  const first = await readClipboard(page, '');
  const state = await get(page);
  check(first.includes('import numpy as np') && first.includes('def attention(Q, K, V):'),
        'Copy puts the NumPy program on the clipboard');
  const weights = commentBlock(first, 'weights');
  const output = commentBlock(first, 'output');
  check(weights && close(weights, state.weights), 'the weights in its comments are the core\'s');
  check(output && close(output, state.output), 'the output in its comments is the core\'s');

  // An edit through the page's own control (the mask option) changes the program.
  await openSection(page, 'settings', 200, 500);
  await scrollToWidget(page, 'mask-causal', 200, 500);
  await clickWidget(page, 'mask-causal');
  check((await get(page)).mask === 'causal', 'the causal mask is on');
  await scrollToWidget(page, 'code-copy', 900, 400);
  await clickWidget(page, 'code-copy');
  const second = await readClipboard(page, first);
  const masked = await get(page);
  check(second.includes('np.tril'), 'the program now applies the causal mask');
  check(close(commentBlock(second, 'weights'), masked.weights), 'and its weights follow the core\'s');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
