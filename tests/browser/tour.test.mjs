// tour.test.mjs: a learner's walk through the tour with the real keyboard and mouse:
// ArrowRight through every step (a screenshot of each saved as an artifact), End/Home,
// the Next button and a progress dot, then a double-click on a Q cell, typing a value
// and Enter: the weights change. Typed nonsense is refused with a notice, value kept.
import path from 'node:path';
import { runTest, openPage, ready, widget, clickWidget, scrollToWidget, settle, screenshotStats, check, artifactsDir, openSection, heardFocus } from './harness.mjs';

const stateOf = (page) => page.evaluate(() => window.attentionTour.getState());

async function doubleClickWidget(page, id) {
  const w = await scrollToWidget(page, id, 900, 400);  // the step's pictures come first, its matrices below
  // A real double-click: both clicks arrive at once; the page's input queue hands them to
  // Dear ImGui one per frame with their real timing.
  await page.mouse.dblclick(w.x + w.w / 2, w.y + w.h / 2);
  // Like a person, type only once the caret shows: the field opens a frame or two after the
  // second click. Waiting here also keeps Ctrl+A/Ctrl+C from reaching anything but the field.
  await page.waitForFunction(() => window.attentionTour.stats().textInput, null, { timeout: 20000, polling: 20 })
    .catch(() => { throw new Error(`FAIL: the double-click on ${id} did not open it for typing`); });
  await settle(page);
}

// Types into a matrix cell like a person: double-click, select all, type, Enter.
async function typeIntoCell(page, id, text) {
  await doubleClickWidget(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

await runTest('tour', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  const ids = [];
  const { stepCount } = await stateOf(page);
  for (let step = 0; step < stepCount; ++step) {
    const s = await stateOf(page);
    check(s.step === step, `arrow walk reached step ${step + 1} (${s.stepId})`);
    ids.push(s.stepId);
    const shot = await screenshotStats(page, `tour-step-${String(step + 1).padStart(2, '0')}-${s.stepId}.png`);
    check(shot.colours > 50, `step ${s.stepId} is drawn (${shot.colours} colours)`);
    await page.keyboard.press('ArrowRight');
    await settle(page);
  }
  check(ids.slice(0, 11).join(',') === 'why,tokens,qkv,scores,scale,mask,softmax,weighted-sum,output,all-at-once,multi-head' &&
        new Set(ids).size === stepCount, `steps come in the documented order: ${ids.join(',')}`);
  check((await stateOf(page)).step === stepCount - 1, 'ArrowRight on the last step stays there');
  await page.keyboard.press('Home');
  await settle(page);
  check((await stateOf(page)).step === 0, 'Home goes to the first step');
  await page.keyboard.press('End');
  await settle(page);
  check((await stateOf(page)).step === stepCount - 1, 'End goes to the last step');
  await clickWidget(page, 'dot[2]');
  check((await stateOf(page)).stepId === 'qkv', 'clicking the third progress dot opens step 3');
  await clickWidget(page, 'back');
  await clickWidget(page, 'next');
  check((await stateOf(page)).stepId === 'qkv', 'Back then Next returns to the same step');

  // Edit Q[0][1] like a person: double-click, type, Enter.
  const before = await stateOf(page);
  await doubleClickWidget(page, 'Q[0][1]');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2.5');
  await page.keyboard.press('ArrowRight');  // moves the text caret, must not change step
  await page.keyboard.press('Enter');
  await settle(page);
  const after = await stateOf(page);
  check(after.stepId === 'qkv', 'arrow keys inside a text field do not change the step');
  check(after.Q[0][1] === 2.5, `typed value landed in Q[0][1] (${after.Q[0][1]})`);
  check(JSON.stringify(after.weights[0]) !== JSON.stringify(before.weights[0]), 'row 0 of the weights changed');
  check(after.source === 'direct', 'editing Q switches to directly given vectors');
  await page.screenshot({ path: path.join(artifactsDir, 'tour-after-edit.png') });

  // Typed nonsense is refused and the old value stays.
  for (const text of ['abc', 'inf', 'nan', '1e39']) {
    await typeIntoCell(page, 'Q[0][1]', text);
    const s = await stateOf(page);
    check(s.Q[0][1] === 2.5, `typing "${text}" keeps the previous value`);
    const why = text === '1e39' ? 'values must be between -1000 and 1000' : `"${text}" is not a number`;
    check(s.notice.startsWith(why), `typing "${text}" shows why: ${s.notice}`);
  }
  await page.screenshot({ path: path.join(artifactsDir, 'tour-refused-input.png') });

  // Escape cancels an edit.
  await doubleClickWidget(page, 'Q[0][1]');
  await page.keyboard.type('7');
  await page.keyboard.press('Escape');
  await settle(page);
  check((await stateOf(page)).Q[0][1] === 2.5, 'Escape cancels the edit');

  // Ctrl+C in one field and Ctrl+V in another go through the system clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await doubleClickWidget(page, 'Q[0][1]');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Escape');
  await settle(page);
  // The page writes the system clipboard asynchronously (navigator.clipboard), so wait for it.
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '', null, { timeout: 10000 })
    .catch(() => {});
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(Number(copied) === 2.5, `Ctrl+C copies the field's text to the system clipboard ("${copied}")`);
  await doubleClickWidget(page, 'Q[1][0]');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Enter');
  await settle(page);
  check((await stateOf(page)).Q[1][0] === 2.5, 'Ctrl+V pastes it into another cell');
  await page.evaluate(() => navigator.clipboard.writeText('twelve'));
  await doubleClickWidget(page, 'Q[1][0]');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await page.keyboard.press('Enter');
  await settle(page);
  const afterPaste = await stateOf(page);
  check(afterPaste.Q[1][0] === 2.5 && afterPaste.notice.startsWith('"twelve" is not a number'),
        `pasted text that is not a number is refused and explained: ${afterPaste.notice}`);

  // Tab walks the controls with a visible focus; Space presses the focused button.
  await page.keyboard.press('Home');
  await settle(page);
  const focusedIds = [], heard = [];
  const focusLive = () => heardFocus(page);
  for (let k = 0; k < 3; ++k) {
    await page.keyboard.press('Tab');
    await settle(page);
    const f = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
    focusedIds.push(f ? f.id : null);
    heard.push(await focusLive());
  }
  check(focusedIds.every((id) => id) && new Set(focusedIds).size === 3, `Tab moves focus: ${focusedIds.join(' -> ')}`);
  check(heard[0] === 'Next step' && heard.every((h) => h.length > 0),
        `a screen reader hears each focused control: ${heard.join(' | ')}`);
  check(focusedIds.slice(1).every((id) => !id.startsWith('dot[')),
        `after Back and Next, Tab goes to the step's content, not through the step dots: ${focusedIds.join(' -> ')}`);
  // The dots come last: Shift+Tab from Next (Back is off on step 1) wraps round to them.
  for (let k = 0; k < 30; ++k) {
    const f = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
    if (f && f.id === 'next') break;
    await page.keyboard.press('Shift+Tab');
    await settle(page);
  }
  await page.keyboard.press('Shift+Tab');
  await settle(page);
  const lastStop = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
  const lastHeard = await focusLive();
  check(lastStop && lastStop.id === 'dot[0]' && lastHeard.startsWith(`Step 1 of ${stepCount}, `),
        `the step dots are the last Tab stop, entered at the current step's dot: ${lastStop && lastStop.id}, "${lastHeard}"`);
  // One stop: the arrows walk the dots (without changing the step), Shift+Tab leaves them all.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const walked = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
  check(walked && walked.id === 'dot[1]' && (await stateOf(page)).step === 0,
        `ArrowRight on a dot moves to the next dot, the step stays (${walked && walked.id})`);
  await page.keyboard.press('Shift+Tab');
  await settle(page);
  const beforeDots = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
  check(beforeDots && !beforeDots.id.startsWith('dot['), `Shift+Tab leaves the row of dots at once (${beforeDots && beforeDots.id})`);
  for (let k = 0; k < 30; ++k) {
    const f = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
    if (f && f.id === 'next') break;
    await page.keyboard.press('Shift+Tab');
    await settle(page);
  }
  await page.keyboard.press('Space');
  await settle(page);
  check((await stateOf(page)).step === 1, 'Space on the focused Next button goes forward');
  // Tab reaches the step's matrices right after its text (the earlier Q edit left no X; bring it back).
  await page.evaluate(() => window.attentionTour.setState({ preset: 'bank-river', stepId: 'tokens' }));
  await settle(page);
  // Counted from the step text's last stop (the formal explanation button), so a tour with
  // more steps (more progress dots in the header) does not change the count.
  let cellFocus = null, tabs = 0, pastText = false;
  for (let k = 0; k < 120 && !cellFocus; ++k) {
    await page.keyboard.press('Tab');
    await settle(page);
    if (pastText) ++tabs;
    const f = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.focused);
    if (f && f.id === 'formal') pastText = true;
    if (f && /^X\[\d+\]\[\d+\]$/.test(f.id)) cellFocus = f.id;
  }
  const [, fr, fc] = cellFocus ? cellFocus.match(/\[(\d+)\]\[(\d+)\]/).map(Number) : [0, -1, -1];
  const cellState = await stateOf(page);
  const said = await focusLive();
  const spokenValue = Number((said.match(/: (-?[\d.e+-]+)\. Enter types a new value\.$/) || [])[1]);
  check(cellFocus && said.startsWith(`X, row ${fr + 1} "${cellState.tokens[fr]}", column ${fc + 1}`) &&
        Math.abs(spokenValue - cellState.X[fr][fc]) < 1e-5,
        `a focused matrix cell is read with its row, column and value: ${said}`);
  // The step's picture comes first (the tokens plane: two axis pickers and a point per token),
  // then its matrices.
  const pictureStops = 2 + cellState.tokens.length;
  check(pastText && tabs <= 12 + pictureStops,
        `the matrices come soon after the step text and its picture in Tab order (${tabs} presses)`);
  await page.screenshot({ path: path.join(artifactsDir, 'tour-keyboard-focus.png') });

  // Clicking a token selects it as the query row.
  await clickWidget(page, 'token[4]');
  check((await stateOf(page)).selected === 4, 'clicking a token selects its row');
  // Practice: an experiment completes from the learner's own move, never from a state handed
  // in whole; a quiz answer gets immediate feedback.
  await page.evaluate(() => window.attentionTour.setState({ scale: false }));
  await settle(page);
  check(!(await stateOf(page)).experimentsDone.includes('no-scale'), 'a state handed in with the scale off earns nothing');
  await page.evaluate(() => window.attentionTour.setState({ scale: true }));
  await openSection(page, 'settings');
  await scrollToWidget(page, 'scale', 250, 500, 80);
  await clickWidget(page, 'scale');
  check((await stateOf(page)).experimentsDone.includes('no-scale'), 'switching the scale off completes that experiment');
  await openSection(page, 'practice');
  await scrollToWidget(page, 'quiz-rows[1]', 250, 500, 80);
  await clickWidget(page, 'quiz-rows[0]');
  check(!(await stateOf(page)).quizCorrect.includes('rows'), 'a wrong quiz answer is not counted');
  await clickWidget(page, 'quiz-rows[1]');
  check((await stateOf(page)).quizCorrect.includes('rows'), 'the right quiz answer is counted');
  await page.screenshot({ path: path.join(artifactsDir, 'tour-practice.png') });

  // The multi-head step shows W_O: typing into it changes the mixed output, not the attention output.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'multi-head' }));
  await settle(page);
  const unmixed = await stateOf(page);
  check(JSON.stringify(unmixed.mixedOutput) === JSON.stringify(unmixed.output), 'W_O starts as the identity');
  await scrollToWidget(page, 'WO[0][1]', 900, 500);
  await typeIntoCell(page, 'WO[0][1]', '1');
  const mixed = await stateOf(page);
  check(mixed.WO[0][1] === 1, 'typing into W_O sets it');
  check(JSON.stringify(mixed.output) === JSON.stringify(unmixed.output), 'editing W_O leaves the attention output alone');
  const row = mixed.selected;
  check(Math.abs(mixed.mixedOutput[row][1] - (mixed.output[row][1] + mixed.output[row][0])) < 1e-5,
        `mixed output column 2 now adds output column 1 (${mixed.mixedOutput[row][1]})`);
  await page.screenshot({ path: path.join(artifactsDir, 'tour-output-mixing.png') });

  // The heads control's + button steps through counts that divide d_k = 4: 1 -> 2 -> 4.
  const plus = async () => {
    await page.mouse.move(900, 500);
    await page.mouse.wheel(0, -20000);  // the heads lead the step's views, above W_O edited earlier
    await settle(page);
    await scrollToWidget(page, 'heads-step-plus', 900, 500);
    await clickWidget(page, 'heads-step-plus');
    return (await stateOf(page)).heads;
  };
  // A typed d_k out of range is refused with a message and changes nothing; a good one applies on Enter.
  const typeIntoField = async (id, text) => {
    await page.mouse.move(250, 500);
    await page.mouse.wheel(0, -20000);  // the lesson column was scrolled down to the quiz
    await settle(page);
    await scrollToWidget(page, id, 250, 500, 80);
    await clickWidget(page, id);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await settle(page);
    return stateOf(page);
  };
  const refusedWidth = await typeIntoField('dK', '99');
  check(refusedWidth.dK === 4 && refusedWidth.notice.startsWith('d_k must be between 1 and 16'),
        `typing d_k = 99 is refused and explained, d_k stays 4: ${refusedWidth.notice}`);
  check((await typeIntoField('dK', '8')).dK === 8 && (await typeIntoField('dK', '4')).dK === 4,
        'typing d_k = 8 then 4 applies each on Enter');
  const refusedSeed = await typeIntoField('seed', '-5');
  check(refusedSeed.notice.startsWith('the seed must be a whole number from 1'),
        `a seed below 1 is refused and explained: ${refusedSeed.notice}`);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'multi-head' }));
  await settle(page);
  check(await plus() === 2, 'the heads + button makes two heads');
  check(await plus() === 4, 'the next + skips 3, which does not divide d_k = 4');
  check((await stateOf(page)).headWeights.length === 4, 'four heads give four weight matrices');
  const plusAtFour = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.id === 'heads-step-plus');
  await page.mouse.click(plusAtFour.x + plusAtFour.w / 2, plusAtFour.y + plusAtFour.h / 2);
  await settle(page);
  check((await stateOf(page)).heads === 4, 'at d_k heads the + button is greyed out and does nothing');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
