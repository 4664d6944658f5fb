// text_input.test.mjs: typing a token's name as a person does, in any script. While a lesson
// field is edited, the page's hidden text field holds the focus over it; text typed with the
// real keyboard (é, Ω and μ come as inserted text, as from a layout that has them), composed
// by an IME (Chrome's own composition, driven through the DevTools protocol) or pasted reaches
// the lesson exactly once; Backspace, the arrows, Enter and Escape still act as keys; when
// the edit ends the canvas has the focus again. Screenshots of the result and of an open
// composition are saved as artifacts (characters the fonts lack show as U+FFFD).
import path from 'node:path';
import { runTest, openPage, ready, settle, check, scrollToWidget, artifactsDir, openSection } from './harness.mjs';

const tokensOf = (page) => page.evaluate(() => window.attentionTour.getState().tokens);
const activeId = (page) => page.evaluate(() => (document.activeElement ? document.activeElement.id : ''));

// Scrolls token i's name field into view and double-clicks it; returns its rectangle.
async function openNameField(page, i, { waitForCaret = true } = {}) {
  const w = await scrollToWidget(page, `rename[${i}]`, 250, 500);
  await page.mouse.dblclick(w.x + w.w / 2, w.y + w.h / 2);
  if (!waitForCaret) return w;
  await page.waitForFunction(() => window.attentionTour.stats().textInput, null, { timeout: 20000, polling: 20 })
    .catch(() => { throw new Error(`FAIL: the double-click on rename[${i}] did not open it for typing`); });
  await settle(page);
  return w;
}

async function finish(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

// The hidden field lies over the lesson field, its left edge at the caret, and has the focus.
async function checkFieldPlaced(page, w, what) {
  const placed = await page.evaluate(() => {
    const field = document.getElementById('text-input');
    const r = field.getBoundingClientRect();
    return { focused: document.activeElement === field, x: r.x, y: r.y, w: r.width, h: r.height };
  });
  check(placed.focused, `${what}: the page's text field has the focus while the name is edited`);
  const inside = placed.x >= w.x - 1 && placed.x + placed.w <= w.x + w.w + 1 &&
    placed.y >= w.y - 1 && placed.y + placed.h <= w.y + w.h + 1 && placed.w > 0;
  check(inside, `${what}: it lies over the name field (${JSON.stringify(placed)} in ${JSON.stringify(w)})`);
}

async function checkCanvasFocused(page, what) {
  const state = await page.evaluate(() => ({
    canvas: document.activeElement === document.getElementById('canvas'),
    outline: document.getElementById('canvas').matches(':focus-visible'),
    fieldShown: !document.getElementById('text-input').hidden,
  }));
  check(state.canvas && !state.outline && !state.fieldShown,
        `${what}: the canvas has the focus again, without a focus outline (${JSON.stringify(state)})`);
}

async function keyboardTyping(page) {
  const w = await openNameField(page, 1);
  await checkFieldPlaced(page, w, 'double-click on a name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('café Ωμ');
  await settle(page);
  await page.screenshot({ path: path.join(artifactsDir, 'text-input-typing.png') });
  await finish(page, 'Enter');
  const tokens = await tokensOf(page);
  check(tokens[1] === 'café Ωμ', `"café Ωμ" typed with the keyboard is the token, whole and undoubled ("${tokens[1]}")`);
  await checkCanvasFocused(page, 'after Enter');
  await page.screenshot({ path: path.join(artifactsDir, 'text-input-cafe.png') });
}

// Chrome's own IME composition: the text being composed shows in the field over the lesson
// field and reaches the lesson only when committed, once.
async function imeComposition(page) {
  const cdp = await page.context().newCDPSession(page);
  await openNameField(page, 2);
  await page.keyboard.press('Control+A');
  await cdp.send('Input.imeSetComposition', { text: 'に', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  await settle(page);
  const shown = await page.evaluate(() => {
    const field = document.getElementById('text-input');
    return { value: field.value, opacity: getComputedStyle(field).opacity };
  });
  check(shown.value === 'にほん' && shown.opacity === '1',
        `an open composition shows in the page's field over the name (${JSON.stringify(shown)})`);
  await page.screenshot({ path: path.join(artifactsDir, 'text-input-composing.png') });
  await cdp.send('Input.insertText', { text: '日本' });  // commits the composition
  await settle(page);
  await finish(page, 'Enter');
  let tokens = await tokensOf(page);
  check(tokens[2] === '日本', `a committed composition is typed once, without its drafts ("${tokens[2]}")`);

  // Text inserted with no key at all (an emoji picker, a phone keyboard's suggestion).
  await openNameField(page, 2);
  await page.keyboard.press('End');
  await page.keyboard.insertText('Жж');
  await finish(page, 'Enter');
  tokens = await tokensOf(page);
  check(tokens[2] === '日本Жж', `inserted text lands at the caret ("${tokens[2]}")`);
  await cdp.detach();
}

async function keysStillKeys(page) {
  await openNameField(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('abcd');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('é');
  await finish(page, 'Enter');
  let tokens = await tokensOf(page);
  check(tokens[3] === 'aébc', `Backspace deletes and the arrows move the caret in the field ("${tokens[3]}")`);

  await openNameField(page, 3);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('zzé');
  await finish(page, 'Escape');
  tokens = await tokensOf(page);
  check(tokens[3] === 'aébc', `Escape cancels the edit ("${tokens[3]}")`);
  await checkCanvasFocused(page, 'after Escape');
  const stats = await page.evaluate(() => window.attentionTour.stats());
  check(stats.keysHeld === 0, `no key is left held down (${stats.keysHeld})`);
}

// Typing at once after the double-click: the first keys reach the module through GLFW before
// the page's field takes the focus, the rest through the field; each arrives once, in order.
async function typingDuringTheSwitch(page) {
  await openNameField(page, 4, { waitForCaret: false });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('riverbank');
  await finish(page, 'Enter');
  const tokens = await tokensOf(page);
  check(tokens[4] === 'riverbank', `keys typed while the field opens arrive once each ("${tokens[4]}")`);
}

// Ctrl+V pastes through Dear ImGui; the page's field must not insert the text a second time.
async function pasting(page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('Ωμ!'));
  await openNameField(page, 5);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await finish(page, 'Enter');
  const tokens = await tokensOf(page);
  check(tokens[5] === 'Ωμ!', `Ctrl+V pastes "Ωμ!" once ("${tokens[5]}")`);
}

await runTest('text_input', async ({ browser, url }) => {
  const { page, errors } = await openPage(browser, url);
  await ready(page);
  check(await activeId(page) !== 'text-input', 'the page starts without its text field focused');
  await openSection(page, 'settings');
  await keyboardTyping(page);
  await imeComposition(page);
  await keysStillKeys(page);
  await typingDuringTheSwitch(page);
  await pasting(page);
  const tokens = await tokensOf(page);
  check(tokens.join('|') === 'The|café Ωμ|日本Жж|aébc|riverbank|Ωμ!|steep', `the lesson holds every name (${tokens.join('|')})`);
  await page.screenshot({ path: path.join(artifactsDir, 'text-input-names.png') });
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
