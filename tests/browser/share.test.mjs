// share.test.mjs: share links and resuming. A link reopens exactly its state; broken,
// truncated, oversized, unknown-version and hostile links open the default lesson with a
// notice and never inject anything; progress and the last state survive a reload; with
// storage blocked the lesson still works and says progress will not be kept.
import { runTest, openPage, ready, settle, clickWidget, scrollToWidget, check, openSection } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const comparable = (s) => JSON.stringify({ tokens: s.tokens, step: s.step, selected: s.selected, scale: s.scale,
  temperature: s.temperature, mask: s.mask, X: s.X, WQ: s.WQ, Q: s.Q, K: s.K, V: s.V, weights: s.weights, WO: s.WO, mixedOutput: s.mixedOutput });

function toBase64Url(text) {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

await runTest('share', async ({ browser, url }) => {
  // 1. round trip through shareUrl()
  const first = await openPage(browser, url);
  await ready(first.page);
  const set = await first.page.evaluate(() => window.attentionTour.setState(
    { preset: 'cat-mat', step: 6, selected: 3, scale: false, temperature: 0.7, mask: 'causal' }));
  check(set.ok === true, 'setState accepts a partial state');
  await settle(first.page);
  const edited = await first.page.evaluate(() => window.attentionTour.setState({ X: [[0, 0, 0, 1], [1, 0.1, 0.2, 0],
    [0.2, 0, 1, 0.1], [0, 0.3, 0.2, 0.8], [0, 0, 0, 1], [0.5, 0.5, 0.5, 0.5]],
    WO: [[1, 0.25, 0, 0], [0, 1, 0, 0], [0, 0, 0.5, 0], [0.1, 0, 0, 1]] }));
  check(edited.ok === true, 'setState accepts a new X');
  await settle(first.page);
  const shared = await first.page.evaluate(() => window.attentionTour.shareUrl());
  check(/#s=1\./.test(shared), `shareUrl() has a versioned fragment (${shared.length} characters)`);
  const original = await get(first.page);
  await first.page.waitForTimeout(400);
  check(first.page.url().includes('#s=1.'), 'the address bar follows the state');
  await first.context.close();

  const second = await openPage(browser, shared);
  await ready(second.page);
  const restored = await get(second.page);
  check(comparable(restored) === comparable(original), 'opening the link restores exactly the same state');
  check(restored.notice === '', 'a good link leaves no notice');
  await second.context.close();

  // 2. broken and hostile links
  const bad = {
    'not a state': '#hello',
    truncated: shared.slice(shared.indexOf('#'), shared.indexOf('#') + 40),
    'bad characters': '#s=1.%%%<script>',
    'unknown version': '#s=7.' + toBase64Url('{"step":1}'),
    oversized: '#s=1.' + 'A'.repeat(40000),
    'wrong types': '#s=1.' + toBase64Url('{"step":"three","tokens":5}'),
  };
  for (const [name, fragment] of Object.entries(bad)) {
    const { context, page, errors } = await openPage(browser, url + fragment);
    await ready(page);
    const s = await get(page);
    check(s.notice.length > 10 && /link/.test(s.notice), `${name} link: notice "${s.notice.slice(0, 90)}"`);
    check(s.stepId === 'why' && s.tokens.join(' ') === 'The bank by the river was steep', `${name} link: default lesson`);
    check(errors.length === 0, `${name} link: no page errors`);
    await context.close();
  }
  const hostileState = { tokens: ['<img src=x onerror=f()>'], X: [[1, 2, 3, 4]] };
  const hostile = { context: await browser.newContext() };
  await hostile.context.addInitScript(() => { window.f = () => { window.pwned = true; }; });
  hostile.page = await hostile.context.newPage();
  await hostile.page.goto(url + '#s=1.' + toBase64Url(JSON.stringify(hostileState)));
  await ready(hostile.page);
  await hostile.page.waitForTimeout(400);
  const injected = await hostile.page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, pwned: !!window.pwned,
    live: window.attentionTour.narration(), liveElements: document.getElementById('live').childElementCount }));
  check(injected.imgs === 0 && !injected.pwned, 'a link with HTML in it injects nothing into the page');
  const hs = await get(hostile.page);
  check(hs.tokens[0] === '<img src=x onerror=f()>' && injected.live.includes('<img src=x') && injected.liveElements === 0,
        'the hostile token is kept as plain text, also in what the page reads out');
  await hostile.context.close();

  // 3. reload restores progress and state; start over clears them
  const resume = await openPage(browser, url);
  await ready(resume.page);
  for (let k = 0; k < 4; ++k) { await resume.page.keyboard.press('ArrowRight'); await settle(resume.page); }
  await resume.page.evaluate(() => window.attentionTour.setState({ selected: 5 }));
  await settle(resume.page);
  await resume.page.waitForTimeout(400);  // the debounced save
  await resume.page.goto(url);  // same origin, no fragment: storage is what brings it back
  await ready(resume.page);
  const back = await get(resume.page);
  check(back.step === 4 && back.selected === 5, `reload restores the step and selection (step ${back.step})`);
  check(back.stepsSeen >= 5, `reload restores the steps seen (${back.stepsSeen})`);
  await openSection(resume.page, 'settings');
  await scrollToWidget(resume.page, 'reset-progress', 250, 500);
  await clickWidget(resume.page, 'reset-progress');
  const fresh = await get(resume.page);
  check(fresh.step === 0 && fresh.stepsSeen === 1, 'start over clears progress');
  await resume.context.close();

  // 4. storage blocked
  const blockedContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blockedContext.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const blocked = await blockedContext.newPage();
  const blockedErrors = [];
  blocked.on('pageerror', (e) => blockedErrors.push(String(e)));
  await blocked.goto(url);
  await ready(blocked);
  const bs = await get(blocked);
  check(bs.storageAvailable === false && /progress will not be kept/.test(bs.notice), 'blocked storage is explained');
  await blocked.keyboard.press('ArrowRight');
  await settle(blocked);
  check((await get(blocked)).step === 1, 'the lesson still works without storage');
  check(blockedErrors.length === 0, `no page errors without storage (${blockedErrors.join(' | ')})`);
  await blockedContext.close();
});
