// accessibility.test.mjs: the lesson as a screen reader gets it. On every step, Chromium's own
// accessibility tree (CDP Accessibility.getFullAXTree) holds a heading with the step's title and
// Back and Next as buttons, and axe-core (from npm, injected) finds no violation; on the softmax
// step the weights are a table whose rows and columns carry the token names and whose cells
// hold the weights the lesson computes. Then the lesson is used through the semantic mirror
// alone, as a screen reader user would, with focus and keys on its elements and no canvas
// coordinates: the title is read, Next pressed, a Q cell edited (Enter, type, Enter), and the
// new weight found in the tree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTest, openPage, ready, settle, check } from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const axePath = path.join(root, 'node_modules/axe-core/axe.min.js');

const stateOf = (page) => page.evaluate(() => window.attentionTour.getState());
// A number as the mirror says it ("0.351", "almost 0"), and how far from the value it may be:
// two decimals from 1 up, three significant digits below.
const heard = (text) => (text === 'almost 0' ? 0 : Number(text));
const heardClose = (text, value) => Math.abs(heard(text) - value) <= (Math.abs(value) >= 1 ? 0.005 : 0.005 * Math.abs(value) + 5e-7);

// The mirror shows `step` and holds an element for every id given (drawn after a guess, say).
async function mirrorShows(page, step, ids = []) {
  await page.waitForFunction(([s, wanted]) => {
    const m = document.getElementById('mirror');
    return m && m.dataset.step === String(s) && wanted.every((id) => m.querySelector(`[data-id="${CSS.escape(id)}"]`));
  }, [step, ids], { timeout: 30000, polling: 50 }).catch(async () => {
    const have = await page.evaluate(() => [...document.querySelectorAll('#mirror [data-id]')].map((e) => e.dataset.id).slice(0, 60));
    throw new Error(`FAIL: the mirror did not show step ${step + 1} with ${ids.join(', ')}; it has ${have.join(', ')}`);
  });
}

// The whole accessibility tree, as {role, name, children ids} by node id, and its root.
async function axTree(cdp) {
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n) => (n.role && n.role.value) || '';
  const name = (n) => (n.name && n.name.value) || '';
  const kids = (n) => (n.childIds || []).map((id) => byId.get(id)).filter(Boolean);
  const all = nodes.filter((n) => !n.ignored);
  return { all, role, name, kids };
}

// The text a table cell's subtree holds.
function textOf(tree, node) {
  if (tree.role(node) === 'StaticText') return tree.name(node);
  return tree.kids(node).map((k) => textOf(tree, k)).join('');
}

// {columns, rows: [{header, cells}]} of the first table whose column headers are `names`.
function tableWithHeaders(tree, names) {
  for (const table of tree.all.filter((n) => tree.role(n) === 'table')) {
    const rows = [];
    const visit = (n) => {
      if (tree.role(n) === 'row') rows.push(n);
      else tree.kids(n).forEach(visit);
    };
    visit(table);
    const columns = rows.length ? tree.kids(rows[0]).filter((c) => tree.role(c) === 'columnheader').map((c) => textOf(tree, c)) : [];
    if (JSON.stringify(columns) !== JSON.stringify(names)) continue;
    return {
      columns,
      rows: rows.slice(1).map((r) => ({
        header: tree.kids(r).filter((c) => tree.role(c) === 'rowheader').map((c) => textOf(tree, c))[0],
        cells: tree.kids(r).filter((c) => tree.role(c) === 'cell' || tree.role(c) === 'gridcell').map((c) => textOf(tree, c)),
      })),
    };
  }
  return null;
}

// A screen reader's click on the mirror's element (in its browse mode no key reaches the page).
async function pressInMirror(page, id) {
  await page.evaluate((i) => document.querySelector(`#mirror [data-id="${CSS.escape(i)}"]`).click(), id);
  await settle(page, 6);
}

await runTest('accessibility', async ({ browser, url }) => {
  // axe is injected as a script of the test's own: the page's policy would refuse it.
  const { page, errors, context } = await openPage(browser, url, { bypassCSP: true });
  await ready(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { stepCount } = await stateOf(page);
  const violationsSeen = [];
  for (let step = 0; step < stepCount; ++step) {
    await page.evaluate((s) => window.attentionTour.setState({ step: s }), step);
    await settle(page);
    await mirrorShows(page, step);
    if (await page.$('#mirror [data-id="predict-skip"]')) {
      await pressInMirror(page, 'predict-skip');
      await page.waitForFunction(() => !document.querySelector('#mirror [data-id="predict-skip"]'), null, { timeout: 20000 });
    }
    const s = await stateOf(page);
    const tree = await axTree(cdp);
    const headings = tree.all.filter((n) => tree.role(n) === 'heading').map(tree.name);
    const title = (await page.evaluate(() => document.querySelector('#mirror h1') && document.querySelector('#mirror h1').textContent)) || '';
    check(headings.some((h) => h.includes(`Step ${step + 1} of ${stepCount}`) && h === title && title.length > 14),
      `step ${step + 1} (${s.stepId}): a heading with the step's title ("${title}")`);
    const buttons = tree.all.filter((n) => tree.role(n) === 'button').map(tree.name);
    check(buttons.includes('Previous step') && buttons.includes('Next step'),
      `step ${step + 1}: Back and Next are buttons named "Previous step" and "Next step"`);
    if (s.stepId === 'scale') {
      const temperature = await page.$eval('#mirror [data-id="step-temperature"]',
        (e) => [e.getAttribute('aria-valuemin'), e.getAttribute('aria-valuenow'), e.getAttribute('aria-valuemax'),
          e.getAttribute('aria-label')]).catch(() => null);
      check(temperature && Number(temperature[0]) > 0 && Number(temperature[0]) < 1 && Number(temperature[1]) === s.temperature &&
        Number(temperature[2]) > 1 && temperature[3] === 'Temperature',
        `scale: the temperature slider says its range and value, named without them (${temperature})`);
    }
    if (s.stepId === 'softmax') {
      const table = tableWithHeaders(tree, s.tokens);
      check(table !== null, 'softmax: the weights are a table whose column headers are the tokens');
      if (table) {
        check(JSON.stringify(table.rows.map((r) => r.header)) === JSON.stringify(s.tokens),
          `softmax: its row headers are the tokens (${table.rows.map((r) => r.header).join(', ')})`);
        const wrong = table.rows.flatMap((r, i) => r.cells.map((c, j) => [c, s.weights[i][j]])).filter(([c, w]) => !heardClose(c, w) || /e/.test(c));
        check(wrong.length === 0, `softmax: every cell holds the weight the lesson computes, in plain digits (${JSON.stringify(wrong.slice(0, 3))})`);
      }
    }
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations)
      violationsSeen.push(`step ${step + 1} ${v.id}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')})`);
  }
  check(violationsSeen.length === 0, `axe-core finds no violation on any step${violationsSeen.length ? ':\n  ' + violationsSeen.join('\n  ') : ''}`);
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
});

await runTest('screen_reader', async ({ browser, url }) => {
  const { page, errors, context } = await openPage(browser, url);
  await ready(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await mirrorShows(page, 0, ['next']);
  // The title, read from the tree.
  let tree = await axTree(cdp);
  const first = tree.all.find((n) => tree.role(n) === 'heading');
  check(first && /^Step 1 of \d+: /.test(tree.name(first)), `the first heading is the step's title ("${first && tree.name(first)}")`);
  // From the page itself, Tab puts the browser's focus in the mirror, with the lesson's ring.
  await page.keyboard.press('Tab');
  await settle(page);
  const firstTab = await page.evaluate(() => ({ dom: document.activeElement && document.activeElement.dataset.id,
    ring: (window.attentionTour.widgets().find((w) => w.focused) || {}).id }));
  check(firstTab.dom && firstTab.dom === firstTab.ring, `Tab from the page lands on the mirror's element of the focused control (${JSON.stringify(firstTab)})`);
  const backOff = await page.$eval('#mirror [data-id="back"]', (e) => e.getAttribute('aria-disabled'));
  check(backOff === 'true', `Back on the first step is disabled (aria-disabled ${backOff})`);
  // Show and hide, by the keyboard, twice: the disclosure keeps the focus and says its state.
  await page.focus('#mirror [data-id="formal"]');
  await settle(page);
  const expanded = [];
  for (let k = 0; k < 2; ++k) {
    await page.keyboard.press('Enter');
    await settle(page, 6);
    await page.waitForTimeout(300);
    expanded.push(await page.evaluate(() => {
      const e = document.querySelector('#mirror [data-id="formal"]');
      return (e && e.getAttribute('aria-expanded')) + '/' + (document.activeElement && document.activeElement.dataset.id);
    }));
  }
  check(expanded.join(' ') === 'true/formal false/formal', `Enter opens and closes the formal explanation, focus kept (${expanded.join(' ')})`);
  // The quiz's explanations wait for an answer: drawn invisible until then, not read out either.
  await page.evaluate(() => document.querySelector('#mirror [data-id="practice"]').click());
  await settle(page, 6);
  await page.waitForFunction(() => document.querySelector('#mirror [data-id^="quiz-"]'), null, { timeout: 10000 });
  const spoiled = await page.evaluate(() => [...document.querySelectorAll('#mirror p')].map((p) => p.textContent)
    .filter((t) => /^(Right|Not quite)\. /.test(t)));
  check(spoiled.length === 0, `no quiz explanation is read before its answer (${spoiled.length})`);
  // An answer, pressed in the mirror: its verdict is said in the live region.
  const answerId = await page.evaluate(() => document.querySelector('#mirror [data-id^="quiz-"]').dataset.id);
  await pressInMirror(page, answerId);
  const verdict = await page.waitForFunction(() => /^(Right|Not quite)\. \S/.test(document.getElementById('live').textContent),
    null, { timeout: 10000, polling: 50 }).then(() => true, () => false);
  check(verdict, `a quiz answer's verdict is said ("${(await page.$eval('#live', (e) => e.textContent)).slice(0, 80)}")`);
  await page.evaluate(() => document.querySelector('#mirror [data-id="practice"]').click());
  await settle(page, 6);
  // To the step with Q: the Next element takes the browser's focus and Enter presses it.
  for (let k = 0; k < 5 && (await stateOf(page)).stepId !== 'qkv'; ++k) {
    await page.focus('#mirror [data-id="next"]');
    await settle(page);
    await page.keyboard.press('Enter');
    await settle(page, 6);
    await mirrorShows(page, k + 1, ['next']);
  }
  const s = await stateOf(page);
  check(s.stepId === 'qkv', `Enter on the Next element walked the tour to the Q, K, V step (${s.stepId})`);
  const focusedIsNext = await page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
  check(focusedIsNext === 'next', `the browser's focus stays on the element pressed (${focusedIsNext})`);
  // A weight cell on the next step is reached by focus alone and its ring follows.
  await mirrorShows(page, s.step, ['Q[1][0]']);
  await page.focus('#mirror [data-id="Q[1][0]"]');
  await settle(page);
  const ring = await page.evaluate(() => window.attentionTour.widgets().find((w) => w.focused));
  check(ring && ring.id === 'Q[1][0]', `focusing the mirror's Q cell moved the lesson's focus ring there (${ring && ring.id})`);
  // The arrows on a cell move to the next cell, not to the next step.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const moved = await page.evaluate(() => ({ dom: document.activeElement.dataset.id, step: window.attentionTour.getState().stepId }));
  check(moved.dom === 'Q[1][1]' && moved.step === 'qkv', `ArrowRight on a cell moves to the cell beside it (${JSON.stringify(moved)})`);
  await page.focus('#mirror [data-id="Q[1][0]"]');
  await settle(page);
  // Tab on the element moves the ring, and the browser's focus follows it into the mirror.
  await page.keyboard.press('Tab');
  await settle(page);
  const after = await page.evaluate(() => ({ ring: (window.attentionTour.widgets().find((w) => w.focused) || {}).id,
    dom: document.activeElement && document.activeElement.dataset.id }));
  check(after.ring && after.ring === after.dom && after.ring !== 'Q[1][0]', `Tab moved one focus: the ring and the element (${JSON.stringify(after)})`);
  // Edit Q[1][0]: Enter, type, Enter, as on the canvas.
  await page.focus('#mirror [data-id="Q[1][0]"]');
  await settle(page);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.attentionTour.stats().textInput, null, { timeout: 20000, polling: 20 })
    .catch(() => { throw new Error('FAIL: Enter on the mirror\'s Q cell did not open it for typing'); });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await settle(page, 6);
  const edited = await stateOf(page);
  check(Math.abs(edited.Q[1][0] - 3) < 1e-6, `typing 3 in the mirror's Q cell set Q[1][0] (${edited.Q[1][0]})`);
  const back = await page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
  check(back === 'Q[1][0]', `after the edit the browser's focus is back on the cell's element (${back})`);
  // The edit is heard by its effect: the weights it moved, with what they were.
  const heardEdit = await page.waitForFunction(() => /^The weights of "bank" that changed: "\S+" \d\.\d\d \(was \d\.\d\d\)/.test(document.getElementById('live').textContent),
    null, { timeout: 10000, polling: 50 }).then(() => true, () => false);
  check(heardEdit, `the live region says the weights the edit moved ("${(await page.$eval('#live', (e) => e.textContent)).slice(0, 100)}")`);
  // The new weights, found in the tree on the softmax step.
  const target = await page.evaluate(() => {
    const tour = window.attentionTour;
    for (let k = 0; k < tour.getState().stepCount; ++k) {
      tour.setState({ step: k });
      if (tour.getState().stepId === 'softmax') break;
    }
    return tour.getState();
  });
  // The guess, from the keyboard on the mirror: Enter on Check. The focus goes on to the button
  // that takes its place (not to the page's top), and the live region says the result.
  await mirrorShows(page, target.step, ['predict-check']);
  await page.focus('#mirror [data-id="predict-check"]');
  await settle(page);
  await page.keyboard.press('Enter');
  await settle(page, 6);
  await mirrorShows(page, target.step, ['predict-again', 'heatmap[1][0]']);
  await page.waitForTimeout(600);  // the live region follows the state a little later
  const afterGuess = await page.evaluate(() => ({ focus: document.activeElement && document.activeElement.dataset.id,
    ring: (window.attentionTour.widgets().find((w) => w.focused) || {}).id, live: document.getElementById('live').textContent }));
  check(afterGuess.focus === 'predict-again' && afterGuess.ring === 'predict-again',
    `after the guess the focus is on "Guess again", ring and element (${afterGuess.focus}, ${afterGuess.ring})`);
  check(afterGuess.live.length > 0 && !afterGuess.live.startsWith('Step ') && /\d\.\d\d/.test(afterGuess.live),
    `the live region says the guess's result ("${afterGuess.live.slice(0, 120)}")`);
  tree = await axTree(cdp);
  const table = tableWithHeaders(tree, edited.tokens);
  const weights = (await stateOf(page)).weights;
  check(table && heardClose(table.rows[1].cells[0], weights[1][0]),
    `the tree shows the new weight of "${edited.tokens[1]}" on "${edited.tokens[0]}" (${table && table.rows[1].cells[0]} vs ${weights[1][0]})`);
  // A view's own state, which changes nothing in the lesson: the element follows it too.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'flash' }));
  await mirrorShows(page, (await stateOf(page)).step, ['flash-all']);
  await pressInMirror(page, 'flash-all');
  const afterClick = await page.evaluate(() => document.activeElement && document.activeElement.dataset.id);
  check(afterClick === 'flash-all', `a screen reader's click leaves the browser's focus on the control (${afterClick})`);
  await page.waitForFunction(() => {
    const all = document.querySelector('#mirror [data-id="flash-all"]');
    const one = document.querySelector('#mirror [data-id="flash-one"]');
    return all && one && all.getAttribute('aria-pressed') === 'true' && one.getAttribute('aria-pressed') === 'false';
  }, null, { timeout: 10000 }).then(() => check(true, 'a view\'s own option, pressed in the mirror, shows as pressed there'),
    () => check(false, 'a view\'s own option, pressed in the mirror, shows as pressed there'));
  check(errors.length === 0, `no page errors (${errors.join('; ')})`);
});
