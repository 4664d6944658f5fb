// page.test.mjs: the page as a web page: idle when idle (frames stay flat and resume on
// input), sharp at devicePixelRatio 2, follows a resize, mirrors the step into an ARIA
// live region, has a Content-Security-Policy (which turns no string into code: no eval, no
// new Function, in the page or in the challenge's frame) and makes no request to another origin.
import { runTest, openPage, ready, settle, screenshotStats, check, evalInPage } from './harness.mjs';

// With a key down (its release not yet sent): once the page has taken the press and is idle,
// the main thread is kept busy 0.6 s, as on a loaded machine, and then one frame is drawn
// while the key is still down.
let longFrames = 0;
async function longFrameWhileHeld(page) {
  await page.waitForFunction(() => {
    const st = window.attentionTour.stats();
    return st.pendingInput === 0 && st.idle;
  }, null, { timeout: 30000, polling: 20 });
  const framesBefore = await page.evaluate(() => {
    const until = performance.now() + 600;
    while (performance.now() < until);
    return window.attentionTour.stats().frames;
  });
  await page.mouse.move(5 + (++longFrames % 2), 795);  // a move wakes one frame
  await page.waitForFunction((n) => window.attentionTour.stats().frames > n, framesBefore, { timeout: 30000 });
}

const stats = (page) => page.evaluate(() => window.attentionTour.stats());

// Opens a matrix cell's text field with a real double-click.
async function editCell(page, id) {
  const cell = (await page.evaluate(() => window.attentionTour.widgets())).find((w) => w.id === id);
  await page.mouse.dblclick(cell.x + cell.w / 2, cell.y + cell.h / 2);
  await settle(page);
}

await runTest('page', async ({ browser, url }) => {
  const { context, page, errors, requests } = await openPage(browser, url);
  await ready(page);
  await page.mouse.move(5, 795);  // park the pointer on nothing interactive
  await settle(page);
  await page.waitForTimeout(300);
  const idleStart = await stats(page);
  await page.waitForTimeout(1500);
  const idleEnd = await stats(page);
  check(idleEnd.frames === idleStart.frames, `idle: no frames rendered in 1.5 s (${idleStart.frames} -> ${idleEnd.frames})`);
  check(idleEnd.loopTicks === idleStart.loopTicks, `idle: the main loop is paused, no animation frames requested (${idleEnd.loopTicks} ticks)`);
  await page.mouse.move(640, 300);
  await page.waitForTimeout(200);
  check((await stats(page)).frames > idleEnd.frames, 'input wakes rendering');
  await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.waitForTimeout(400);
  const live = await page.evaluate(() => document.getElementById('live').textContent);
  const { stepCount } = await page.evaluate(() => window.attentionTour.getState());
  check(live.startsWith(`Step 2 of ${stepCount}: Tokens become vectors.`) && live.length < 400,
    `live region says the new step in a line: "${live.slice(0, 60)}..." (${live.length} characters)`);
  await page.evaluate(() => window.attentionTour.setState({ selected: 2 }));
  const picked = await page.waitForFunction(() => /^Selected token: "by"\. Its attention weights: The \d\.\d\d/.test(document.getElementById('live').textContent),
    null, { timeout: 10000, polling: 50 }).then(() => true, () => false);
  check(picked, 'picking a token, the live region reads its weights');
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  check(csp.includes("default-src 'self'"), 'a Content-Security-Policy meta tag limits the page to its origin');
  const strings = await evalInPage(page);
  check(strings.policy === csp && !csp.includes("'unsafe-eval'") &&
        /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*';/.test(csp),
        `the policy allows the page's files, wasm and the challenge frame's script by its hash, no 'unsafe-eval': ${csp}`);
  check(strings.tried.eval === 'EvalError' && strings.tried.Function === 'EvalError' &&
        strings.violations.filter((v) => v === 'script-src eval').length === 2,
        `eval and new Function in the page are refused by the policy: ${JSON.stringify(strings)}`);

  await page.setViewportSize({ width: 900, height: 700 });
  await page.waitForTimeout(300);
  await settle(page);
  const resized = await stats(page);
  check(resized.canvasWidth === 900 && resized.canvasHeight === 700, `resize: canvas follows (${resized.canvasWidth}x${resized.canvasHeight})`);
  const narrow = await screenshotStats(page, 'page-900x700.png');
  check(narrow.colours > 50, 'resize: still drawn');
  const origin = new URL(url).origin;
  check(requests.every((r) => r.startsWith(origin) || r.startsWith('data:')), 'no request to another origin');
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
  await context.close();

  const hidpi = await openPage(browser, url, { deviceScaleFactor: 2 });
  await ready(hidpi.page);
  await settle(hidpi.page);
  const s2 = await stats(hidpi.page);
  check(s2.pixelRatio === 2 && s2.canvasWidth === 2560 && s2.canvasHeight === 1600,
        `DPR 2: canvas is 2560x1600 device pixels (${s2.canvasWidth}x${s2.canvasHeight})`);
  check(s2.uiScale === 2, 'DPR 2: the interface is built at twice the size');
  const next = (await hidpi.page.evaluate(() => window.attentionTour.widgets())).find((w) => w.id === 'next');
  check(next.x < 1280 && next.w > 30 && next.w < 200, `DPR 2: widgets() reports CSS pixels (next at ${Math.round(next.x)}, ${Math.round(next.w)} wide)`);
  await hidpi.page.mouse.click(next.x + next.w / 2, next.y + next.h / 2);
  await settle(hidpi.page);
  check((await hidpi.page.evaluate(() => window.attentionTour.getState())).step === 1, 'DPR 2: clicking Next at its CSS position works');
  const shot = await screenshotStats(hidpi.page, 'page-dpr2.png');
  check(shot.width === 2560, 'DPR 2 screenshot is full resolution');
  check(hidpi.errors.length === 0, 'DPR 2: no page errors');
  await hidpi.context.close();

  // prefers-reduced-motion: the caret stops blinking, so even a focused text field is idle.
  const calm = await openPage(browser, url, { reducedMotion: 'reduce' });
  await ready(calm.page);
  check((await calm.page.evaluate(() => window.attentionTour.getState())).reducedMotion === true,
        'prefers-reduced-motion is picked up');
  await calm.page.evaluate(() => window.attentionTour.setState({ stepId: 'tokens' }));
  await settle(calm.page);
  await editCell(calm.page, 'X[0][0]');
  const wentIdle = await calm.page.waitForFunction(() => window.attentionTour.stats().idle, null, { timeout: 10000 })
    .then(() => true, () => false);
  check(wentIdle, 'reduced motion: with a text field open the page still goes idle');
  const a = await calm.page.evaluate(() => window.attentionTour.stats().frames);
  await calm.page.waitForTimeout(1200);
  const b = await calm.page.evaluate(() => window.attentionTour.stats().frames);
  check(a === b, `reduced motion: no caret animation while typing (${a} -> ${b} frames)`);
  await calm.page.keyboard.press('Control+A');
  await calm.page.keyboard.type('0.5');
  await calm.page.keyboard.press('Enter');
  await settle(calm.page);
  check((await calm.page.evaluate(() => window.attentionTour.getState())).X[0][0] === 0.5,
        'reduced motion: the text field was active all along and takes the typed value');

  // A shortcut acts once per press: a frame that comes long after Ctrl+V went down, its
  // release still on the way (a busy machine), does not make it a held key that pastes again.
  // Reduced motion keeps the page idle while the key is down, so one frame falls in the wait.
  // The copy also goes to the system clipboard, whose text comes back with Ctrl+V's paste
  // event. On a busy machine that write can still be under way at the paste (here it takes
  // 3 s): the text copied in the page is pasted, not the system's older text.
  await calm.page.bringToFront();
  await calm.page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => new Promise((done) => setTimeout(done, 3000)).then(() => write(text));
  });
  await editCell(calm.page, 'X[0][0]');
  await calm.page.keyboard.press('Control+A');
  await calm.page.keyboard.press('Control+C');
  await calm.page.keyboard.press('Escape');
  await editCell(calm.page, 'X[0][1]');
  await calm.page.keyboard.press('Control+A');
  await calm.page.keyboard.down('Control');
  await calm.page.keyboard.down('KeyV');
  await longFrameWhileHeld(calm.page);
  await calm.page.keyboard.up('KeyV');
  await calm.page.keyboard.up('Control');
  await calm.page.keyboard.press('Enter');
  await settle(calm.page);
  const pasted = (await calm.page.evaluate(() => window.attentionTour.getState())).X[0][1];
  check(pasted === 0.5, `a long frame while Ctrl+V is down pastes once, no repeat (X[0][1] = ${pasted}, want 0.5)`);

  // Any key, likewise: a Backspace whose release is late (a long frame while it is down)
  // deletes once; a key really held repeats as the platform repeats it (a second keydown with
  // repeat set), one deletion each.
  await editCell(calm.page, 'X[0][2]');
  await calm.page.keyboard.press('Control+A');
  await calm.page.keyboard.type('1234');
  await calm.page.keyboard.down('Backspace');
  await longFrameWhileHeld(calm.page);
  await calm.page.keyboard.up('Backspace');
  await calm.page.keyboard.down('Backspace');
  await calm.page.keyboard.down('Backspace');  // the platform's repeat
  await calm.page.keyboard.up('Backspace');
  await calm.page.keyboard.press('Enter');
  await settle(calm.page);
  const kept = (await calm.page.evaluate(() => window.attentionTour.getState())).X[0][2];
  check(kept === 1, `a late release deletes once, and each platform repeat once more (X[0][2] = ${kept}, want 1 from 1234)`);
  await calm.context.close();

  // On a Mac the field shortcuts use Cmd; and Cmd's release lets go of keys whose key-up
  // macOS browsers swallow while Cmd is held.
  const mac = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await mac.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  const macPage = await mac.newPage();
  const macErrors = [];
  macPage.on('pageerror', (e) => macErrors.push(String(e)));
  await macPage.goto(url);
  await ready(macPage);
  await macPage.evaluate(() => window.attentionTour.setState({ stepId: 'tokens' }));
  await settle(macPage);
  const X = (await macPage.evaluate(() => window.attentionTour.getState())).X;
  const source = X[0].findIndex((x) => x !== 0);
  const target = X[0].findIndex((x) => x !== X[0][source]);
  await editCell(macPage, `X[0][${source}]`);
  await macPage.keyboard.press('Meta+A');
  await macPage.keyboard.press('Meta+C');
  await macPage.keyboard.press('Escape');
  await editCell(macPage, `X[0][${target}]`);
  await macPage.keyboard.press('Meta+A');
  await macPage.keyboard.press('Meta+V');
  await macPage.keyboard.press('Enter');
  await settle(macPage);
  const macX = (await macPage.evaluate(() => window.attentionTour.getState())).X;
  check(source >= 0 && target >= 0 && macX[0][target] === X[0][source],
        `Mac: Cmd+A, Cmd+C and Cmd+V copy X[0][${source}] into X[0][${target}] (${X[0][target]} -> ${macX[0][target]})`);
  await macPage.keyboard.down('Meta');
  await macPage.keyboard.down('KeyV');
  await macPage.keyboard.up('Meta');  // macOS would not report KeyV's release before this
  await settle(macPage);
  const keysHeld = (await macPage.evaluate(() => window.attentionTour.stats())).keysHeld;
  await macPage.keyboard.up('KeyV');
  check(keysHeld === 0, `Mac: releasing Cmd releases the keys pressed with it (${keysHeld} still held)`);
  check(macErrors.length === 0, `Mac: no page errors (${macErrors.join(' | ')})`);
  await mac.close();

  // Resizing, zooming or switching tabs while the wasm is still downloading must not throw:
  // hold the download, fire those events, then let it finish.
  const early = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const earlyPage = await early.newPage();
  const earlyErrors = [];
  earlyPage.on('pageerror', (e) => earlyErrors.push(String(e)));
  let release;
  const held = new Promise((r) => { release = r; });
  await earlyPage.route('**/attention-tour.wasm', async (route) => { await held; await route.continue(); });
  await earlyPage.goto(url, { waitUntil: 'domcontentloaded' });
  await earlyPage.setViewportSize({ width: 800, height: 600 });
  await earlyPage.evaluate(() => {
    window.dispatchEvent(new Event('resize'));
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await earlyPage.waitForTimeout(200);
  check(earlyErrors.length === 0, `resize and visibility events during loading raise no error (${earlyErrors.join(' | ')})`);
  release();
  await ready(earlyPage);
  await settle(earlyPage);
  const earlyStats = await stats(earlyPage);
  check(earlyStats.canvasWidth === 800 && earlyStats.canvasHeight === 600,
        `the size set during loading is used once running (${earlyStats.canvasWidth}x${earlyStats.canvasHeight})`);
  check(earlyErrors.length === 0, 'no page errors after a resize during loading');
  await early.close();
});
