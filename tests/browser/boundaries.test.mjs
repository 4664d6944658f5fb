// boundaries.test.mjs: what a link, a stored record, a paste or an API call can do to the
// page. Inputs larger than the lesson holds are refused with a message and the page goes on
// (the wasm never dies); stored records that are huge, corrupt or from another version never
// stop the page, are kept aside and explained; a full storage still gives back its progress;
// a refused link keeps the learner's own lesson; two tabs merge their progress; a link pasted
// into the address bar of an open tab is opened; names are checked by characters.
import { runTest, openPage, ready, settle, check, widget } from './harness.mjs';

const get = (page) => page.evaluate(() => window.attentionTour.getState());
const STATE = 'attention-tour/state';
const PROGRESS = 'attention-tour/progress';

function toBase64Url(text) {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// The page is alive: the wasm has not aborted, a state change is drawn, no page errors.
async function checkAlive(page, errors, what) {
  const failed = await page.evaluate(() => !document.getElementById('failure').hidden);
  const before = (await page.evaluate(() => window.attentionTour.stats())).frames;
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'qkv' }));
  await settle(page);
  const after = await page.evaluate(() => window.attentionTour.stats());
  check(!failed && after.frames > before && (await get(page)).step === 2 && errors.length === 0,
        `${what}: the page goes on working (${errors.join(' | ')})`);
}

// Opens a fresh context whose storage holds `records` before the page starts.
async function openWithStorage(browser, url, records, initScript = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript((r) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    for (const [key, value] of Object.entries(r)) localStorage.setItem(key, value);
  }, records);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  return { context, page, errors };
}

async function sizes(browser, url) {
  const { context, page, errors } = await openPage(browser, url);
  await ready(page);
  const square = (n, d, v) => Array.from({ length: n }, () => new Array(d).fill(v));
  const big = square(4096, 64, 0.25);
  let reply = await page.evaluate((m) => window.attentionTour.compute({ Q: m, K: m, V: m }), big);
  check(/larger than the 1 MB/.test(reply.error || ''), `compute() at n = 4096 is refused: ${reply.error}`);
  reply = await page.evaluate((m) => window.attentionTour.compute({ Q: m, K: m, V: m, heads: 64 }), square(512, 64, 1));
  check(/per head\); compute\(\) answers at most/.test(reply.error || ''), `64 heads are refused: ${reply.error}`);
  reply = await page.evaluate(() => window.attentionTour.compute({ Q: [new Array(1e6).fill(1.5)], K: [[1]], V: [[1]] }));
  check(/larger than the 1 MB/.test(reply.error || ''), `a row of a million numbers is refused: ${reply.error}`);
  reply = await page.evaluate(() => window.attentionTour.setState({ tokens: new Array(1e6).fill('tok') }));
  check(reply.ok === false && /larger than the 256 KB/.test(reply.error), `setState with a million tokens is refused: ${reply.error}`);
  reply = await page.evaluate(() => window.attentionTour.compute({ Q: [[1, 0]], K: [[1, 0]], V: [[2]] }));
  check(Array.isArray(reply.weights) && reply.weights[0][0] === 1, 'compute() still answers a small request');
  await checkAlive(page, errors, 'after oversized API calls');

  // Pasting two million characters: refused with a notice, nothing pasted.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => navigator.clipboard.writeText('7'.repeat(2000000)));
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'tokens' }));
  await settle(page);
  const cell = await widget(page, 'X[0][0]');
  const before = (await get(page)).X;
  await page.mouse.dblclick(cell.x + cell.w / 2, cell.y + cell.h / 2);
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  await settle(page);
  await page.keyboard.press('Escape');
  await settle(page);
  const pasted = await get(page);
  check(/The pasted text is larger than the 64 KB this lesson accepts, so it was not pasted/.test(pasted.notice),
        `a 2,000,000-character paste is refused: ${pasted.notice}`);
  check(JSON.stringify(pasted.X) === JSON.stringify(before), 'the lesson is unchanged by the refused paste');
  await checkAlive(page, errors, 'after a huge paste');
  await context.close();
}

async function storage(browser, url) {
  // A saved state of 1.5 MB: the page starts, explains, and keeps the record aside.
  const huge = JSON.stringify({ tokens: new Array(150000).fill('token') });
  let opened = await openWithStorage(browser, url, { [STATE]: huge });
  let s = await get(opened.page);
  check(/Your saved lesson could not be read \(the state is larger than the 256 KB/.test(s.notice) &&
        /kept aside/.test(s.notice), `a 1.5 MB stored state is explained: ${s.notice}`);
  check(s.tokens.join(' ') === 'The bank by the river was steep', 'and the default lesson starts');
  const aside = await opened.page.evaluate((k) => [localStorage.getItem(k + '/unreadable'), localStorage.getItem(k)], STATE);
  check(aside[0] === huge, 'the unreadable record is kept aside, byte for byte');
  await opened.page.reload();
  await ready(opened.page);
  s = await get(opened.page);
  check(s.notice === '', 'the next start is clean: the bad record no longer blocks anything');
  await checkAlive(opened.page, opened.errors, 'after a huge stored state');
  await opened.context.close();

  // Corrupt records (invalid JSON, wrong types, another version) are explained and kept aside.
  const corrupt = {
    'invalid JSON': { [STATE]: '{"step": 3,' },
    'wrong types': { [STATE]: '{"step": "three", "tokens": 5}' },
    'another version': { [STATE]: '{"version": 9, "step": 1}' },
    'broken progress': { [PROGRESS]: '[1, 2' },
  };
  for (const [name, records] of Object.entries(corrupt)) {
    opened = await openWithStorage(browser, url, records);
    s = await get(opened.page);
    check(/could not be read/.test(s.notice) && /kept aside/.test(s.notice), `${name}: explained (${s.notice})`);
    const key = Object.keys(records)[0];
    const kept = await opened.page.evaluate((k) => localStorage.getItem(k + '/unreadable'), key);
    check(kept === records[key], `${name}: the record is kept aside`);
    await opened.context.close();
  }

  // A progress record of 2 MB (100,000 ids this lesson does not know among its own): what the
  // lesson knows of it is kept, the whole record is set aside, and the next save is small.
  const unknown = Array.from({ length: 100000 }, (_, k) => 'from-the-future-' + k);
  const bloated = JSON.stringify({ stepsSeen: ['why', 'tokens', 'qkv', 'scores'],
    experimentsDone: ['twins', ...unknown, 'zero-key'], quizCorrect: ['rows', 'mask'], challengeDone: true });
  opened = await openWithStorage(browser, url, { [PROGRESS]: bloated });
  s = await get(opened.page);
  check(/Your saved progress could not be read whole \(the progress record is larger than the 64 KB/.test(s.notice) &&
        /found in it are kept/.test(s.notice) && /kept aside/.test(s.notice), `a 2 MB progress record is explained: ${s.notice}`);
  check(s.stepsSeen >= 4 && s.experimentsDone.join() === 'twins,zero-key' && s.quizCorrect.join() === 'mask,rows' && s.challengeDone,
        `the steps, experiments, quiz answers and challenge it holds are kept: ${JSON.stringify([s.stepsSeen,
          s.experimentsDone, s.quizCorrect, s.challengeDone])}`);
  const setAside = await opened.page.evaluate((k) => localStorage.getItem(k + '/unreadable'), PROGRESS);
  check(setAside === bloated, 'the whole record is set aside, byte for byte');
  await opened.page.keyboard.press('ArrowRight');  // a change, saved after the page's short pause
  await opened.page.waitForFunction((k) => (localStorage.getItem(k) || '').length > 0, PROGRESS, { timeout: 10000 });
  const resaved = await opened.page.evaluate((k) => localStorage.getItem(k) || '', PROGRESS);
  check(resaved.length < 4096 && resaved.includes('zero-key'), `the progress saved next is the kept part (${resaved.length} bytes)`);
  await checkAlive(opened.page, opened.errors, 'after a 2 MB progress record');
  await opened.context.close();

  // Storage full: every write fails, yet the progress already stored is read, and the
  // learner is told that changes are not being saved.
  const progress = JSON.stringify({ stepsSeen: ['why', 'tokens', 'qkv', 'scores', 'scale', 'mask'] });
  opened = await openWithStorage(browser, url, { [PROGRESS]: progress }, () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (String(key).startsWith('attention-tour/')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  s = await get(opened.page);
  check(s.stepsSeen >= 6, `a full storage still gives back the stored progress (${s.stepsSeen} steps seen)`);
  await opened.page.keyboard.press('ArrowRight');
  await settle(opened.page);
  await opened.page.waitForTimeout(500);
  s = await get(opened.page);
  check(/storage for the page is full/.test(s.notice), `failed writes are explained: ${s.notice}`);
  await opened.context.close();
}

async function lostWork(browser, url, shareFragment) {
  // A refused link keeps (and keeps saving) the learner's own edited lesson.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'mask', selected: 4, temperature: 0.5 }));
  await settle(page);
  await page.waitForTimeout(500);
  const mine = await get(page);
  const refused = [['#s=1.' + 'A'.repeat(1500000), 'too long'], ['#s=1.' + toBase64Url('{"step":"three"}'), 'whole number'],
    ['#s=7.abc', 'format version 7']];
  for (const [bad, reason] of refused) {
    await page.goto(url + bad);  // as if pasted into the address bar of this open tab
    await page.waitForFunction((r) => window.attentionTour.getState().notice.includes(r), reason, { timeout: 20000 });
    const s = await get(page);
    check(/^Link not opened: .*Your own lesson is kept as it was\.$/.test(s.notice) && s.step === 5 &&
          s.selected === 4 && s.temperature === 0.5, `refused link (${reason}): own lesson kept (${s.notice.slice(0, 90)})`);
  }
  await page.waitForTimeout(500);
  await page.goto(url);
  await ready(page);
  const reloaded = await get(page);
  check(reloaded.step === mine.step && reloaded.temperature === 0.5, 'and it is still the saved lesson after a reload');

  // A link pasted into the address bar of this open tab is opened.
  await page.goto(url + shareFragment);
  await page.waitForFunction(() => window.attentionTour.getState().preset === 'cat-mat', null, { timeout: 20000 });
  check((await get(page)).step === 6, 'a link pasted into the address bar of an open tab is opened');

  // Two tabs: the later writer does not erase the other's progress.
  const tabA = page;
  await tabA.evaluate(() => window.attentionTour.resetProgress());
  await settle(tabA);
  const tabB = await context.newPage();
  await tabB.goto(url);
  await ready(tabB);
  check((await get(tabB)).stepsSeen <= 2, 'the second tab starts with little progress');
  await tabA.bringToFront();
  for (let k = 0; k < 6; ++k) { await tabA.keyboard.press('ArrowRight'); await settle(tabA); }
  await tabA.waitForTimeout(600);
  await tabB.bringToFront();
  await tabB.evaluate(() => window.attentionTour.setState({ selected: 1 }));
  await settle(tabB);
  await tabB.waitForTimeout(600);
  await tabA.waitForTimeout(600);
  const seenA = (await get(tabA)).stepsSeen;
  await tabB.waitForFunction((n) => window.attentionTour.getState().stepsSeen >= n, seenA, { timeout: 20000 });
  check((await get(tabB)).stepsSeen >= seenA, `the other tab learns this tab's progress (${seenA} steps)`);
  await tabB.reload();
  await ready(tabB);
  check((await get(tabB)).stepsSeen >= seenA, 'and the stored record keeps the progress of both');

  // Start over in one tab is not undone by the other tab's older progress.
  await tabA.evaluate(() => window.attentionTour.resetProgress());
  await tabB.waitForFunction(() => window.attentionTour.getState().stepsSeen <= 2, null, { timeout: 20000 });
  await tabB.keyboard.press('ArrowRight');
  await settle(tabB);
  await tabB.waitForTimeout(600);
  const storedSeen = await tabB.evaluate((k) => JSON.parse(localStorage.getItem(k)).stepsSeen.length, PROGRESS);
  check(storedSeen <= 3, `start over in one tab reaches the other (${storedSeen} steps stored)`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
  await context.close();
}

async function names(browser, url) {
  const { context, page, errors } = await openPage(browser, url);
  await ready(page);
  const tokens = (await get(page)).tokens;
  for (const [name, bad] of [['NUL', 'a\u0000b'], ['LF', 'line\nbreak'], ['TAB', 'tab\there']]) {
    const reply = await page.evaluate((t) => window.attentionTour.setState({ tokens: t }), [bad, ...tokens.slice(1)]);
    check(reply.ok === false && /control characters/.test(reply.error), `a token with ${name} is refused: ${reply.error}`);
  }
  const cyrillic = 'ж'.repeat(21);
  const reply = await page.evaluate((t) => window.attentionTour.setState({ tokens: t }), [cyrillic, ...tokens.slice(1)]);
  check(reply.ok === true, 'a 21-letter Cyrillic token is accepted (the limit counts characters)');
  // The largest state the page can hold reopens from its own link.
  const wide = '😀'.repeat(24);
  const r = await page.evaluate((w) => {
    const t = window.attentionTour;
    const sixteen = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => -1.00000012e-10));
    return t.setState({ preset: 'bank-river', tokens: new Array(16).fill(w), dimensionLabels: new Array(16).fill(w),
      dModel: 16, dK: 16, X: sixteen, WQ: sixteen, WK: sixteen, WV: sixteen, WO: sixteen });
  }, wide);
  check(r.ok === true, `the largest state is accepted (${r.error || ''})`);
  const link = await page.evaluate(() => window.attentionTour.shareUrl());
  const largest = await get(page);
  await context.close();
  const second = await openPage(browser, link);
  await ready(second.page);
  const back = await get(second.page);
  check(back.notice === '' && JSON.stringify(back.X) === JSON.stringify(largest.X) && back.tokens[0] === wide,
        `the largest state reopens from its own ${link.length}-character link`);
  check(errors.length === 0 && second.errors.length === 0, 'no page errors');
  await second.context.close();
}

await runTest('boundaries', async ({ browser, url }) => {
  const { context, page } = await openPage(browser, url);
  await ready(page);
  await page.evaluate(() => window.attentionTour.setState({ preset: 'cat-mat', stepId: 'softmax' }));
  const link = await page.evaluate(() => window.attentionTour.shareUrl());
  await context.close();
  await sizes(browser, url);
  await storage(browser, url);
  await lostWork(browser, url, link.slice(link.indexOf('#')));
  await names(browser, url);
});
