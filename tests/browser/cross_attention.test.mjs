// cross_attention.test.mjs: the cross-attention step driven with real mouse and keyboard input.
// getState().cross follows: {pair, source, target, weights n_target x n_source, ...}, the
// other pair is picked by a click and by the keyboard, a typed word vector moves the
// alignment, and a share link carries the edited translation into a fresh page.
import { runTest, openPage, ready, settle, clickWidget, widget, scrollToWidget, check } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const strongest = (weights) => weights.map((row) => row.indexOf(Math.max(...row)));

async function focusedId(page) {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  const focused = list.find((w) => w.focused);
  return focused ? focused.id : '';
}

await runTest('cross_attention', async ({ browser, url }) => {
  const { context, page, errors } = await openPage(browser, url);
  await ready(page);
  // Walk there with the arrow keys, as a learner would.
  await page.mouse.click(640, 400);
  for (let k = 0; k < 30 && (await get(page)).stepId !== 'cross-attention'; ++k) {
    await page.keyboard.press('ArrowRight');
    await settle(page);
  }
  let state = await get(page);
  check(state.stepId === 'cross-attention', `arrows reach the cross-attention step (${state.stepId})`);
  let cross = state.cross;
  check(cross.pair === 'le-chat-noir' && cross.target.join(' ') === 'the black cat sat' &&
        cross.source.join(' ') === 'le chat noir est assis', `the French pair first: ${cross.target} / ${cross.source}`);
  check(cross.weights.length === 4 && cross.weights.every((row) => row.length === 5),
        'the weights are n_target x n_source, 4 x 5');
  check(cross.weights.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5), 'each row adds up to 1');
  check(strongest(cross.weights).join() === '0,2,1,4', `the -> le, black -> noir, cat -> chat, sat -> assis (${strongest(cross.weights)})`);
  check(cross.weights[3][3] > 0.4 && cross.weights[3][4] > 0.4, 'sat reads est and assis');

  // The other pair, by a click.
  await clickWidget(page, 'translation-ich-habe');
  cross = (await get(page)).cross;
  check(cross.pair === 'ich-habe' && cross.source.includes('gesehen'), `a click picks the German pair: ${cross.source}`);
  check(strongest(cross.weights).join() === '0,4,2,3', `I -> ich, saw -> gesehen, the -> die, cat -> Katze (${strongest(cross.weights)})`);
  // And back, by the keyboard: Tab to the French pair's button, Space.
  for (let k = 0; k < 200 && await focusedId(page) !== 'translation-le-chat-noir'; ++k) {
    await page.keyboard.press('Tab');
    await settle(page, 1);
  }
  check(await focusedId(page) === 'translation-le-chat-noir', 'Tab reaches the French pair');
  await page.keyboard.press('Space');
  await settle(page);
  check((await get(page)).cross.pair === 'le-chat-noir', 'Space picks it');

  // A written word picked by a click changes the picture, not the lesson.
  const revision = (await page.evaluate(() => window.attentionTour.stats())).revision;
  const before = await page.screenshot();
  await clickWidget(page, 'cross-word[1]');
  await page.mouse.move(5, 795);
  await settle(page);
  check(Buffer.compare(before, await page.screenshot()) !== 0, 'picking "black" redraws its lines');
  check((await page.evaluate(() => window.attentionTour.stats())).revision === revision, 'and changes no lesson state');

  // Typing a word vector: "cat" loses its meaning "cat" and takes "black"; its strongest line moves to noir.
  const cell = await scrollToWidget(page, 'Xtgt[2][1]', 900, 500);
  await page.mouse.dblclick(cell.x + cell.w / 2, cell.y + cell.h / 2);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await settle(page);
  const cell2 = await widget(page, 'Xtgt[2][2]');
  await page.mouse.dblclick(cell2.x + cell2.w / 2, cell2.y + cell2.h / 2);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await settle(page);
  state = await get(page);
  check(state.cross.targetX[2][1] === 0 && state.cross.targetX[2][2] === 1, `the typed values are kept: ${state.cross.targetX[2]}`);
  check(strongest(state.cross.weights)[2] === 2, `"cat" now reads "noir" most (${state.cross.weights[2]})`);
  // Typed text that is no number is refused with a message, and nothing changes.
  const cell3 = await widget(page, 'Xsrc[0][0]');
  await page.mouse.dblclick(cell3.x + cell3.w / 2, cell3.y + cell3.h / 2);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('chat');
  await page.keyboard.press('Enter');
  await settle(page);
  const refused = await get(page);
  check(refused.cross.sourceX[0][0] === 1 && /not a number/.test(refused.notice), `"chat" is refused: ${refused.notice}`);

  // The link carries the edited translation into a fresh page.
  const link = await page.evaluate(() => window.attentionTour.shareUrl());
  const fresh = await context.newPage();
  await fresh.goto(link);
  await ready(fresh);
  const opened = (await get(fresh)).cross;
  check(JSON.stringify(opened.targetX) === JSON.stringify(state.cross.targetX) && opened.pair === 'le-chat-noir',
        'a share link reopens the edited translation');
  check(JSON.stringify(opened.weights) === JSON.stringify(state.cross.weights), 'with the same weights');
  // A hostile setState is refused whole.
  const hostile = await fresh.evaluate(() => window.attentionTour.setState({ cross: { source: ['x'], pair: 'klingon' } }));
  check(hostile.ok === false && /unknown cross.pair/.test(hostile.error), `a bad pair is refused: ${hostile.error}`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
