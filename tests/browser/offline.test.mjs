// offline.test.mjs: after one visit the served page opens with the server gone (its
// service worker keeps a copy of every page file), coding challenge included, while online it
// still serves fresh files.
import { serve, runBrowserTest, check, screenshotStats } from './harness.mjs';
import { weightsSolution } from './challenge_solutions.mjs';

// Each download of style.css ends with a new number, so a stale copy would show.
let served = 0;
const { server, url } = await serve(undefined, (pathname, body) =>
  pathname === '/style.css' ? Buffer.concat([body, Buffer.from(`/* download ${++served} */\n`)]) : body);
await runBrowserTest('offline', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.attentionTour && window.attentionTour.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'softmax', tokens: ['one', 'two'],
    Q: [[1, 0], [0, 1]], K: [[1, 0], [0, 1]], V: [[1, 2], [3, 4]], dK: 2, WO: [[1, 0], [0, 1]] }));
  // The worker is installed once it holds every page file.
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || !registration.active) return false;
    const names = await caches.keys();
    for (const name of names) if (await (await caches.open(name)).match('attention-tour.wasm')) return true;
    return false;
  }, null, { timeout: 30000, polling: 200 });
  check(true, 'the offline worker is active and holds the wasm');
  const first = await page.evaluate(() => fetch('style.css').then((r) => r.text()));
  const second = await page.evaluate(() => fetch('style.css').then((r) => r.text()));
  check(first !== second && /download \d+/.test(second), 'online, the worker serves fresh files, not its copy');
  await page.waitForTimeout(600);  // the address bar follows the state after a short debounce
  const link = page.url();

  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const offline = await context.newPage();
  offline.on('pageerror', (e) => errors.push(String(e)));
  await offline.goto(link);
  await offline.waitForFunction(() => window.attentionTour && window.attentionTour.ready, null, { timeout: 60000 });
  await offline.evaluate(() => window.attentionTour.ready);
  const state = await offline.evaluate(() => window.attentionTour.getState());
  check(state.stepId === 'softmax' && state.tokens.join(' ') === 'one two',
        `with the server gone the page opens, shared state and all (${state.stepId}, ${state.tokens.join(' ')})`);
  const shot = await screenshotStats(offline, 'offline.png');
  check(shot.colours > 50, 'the offline page draws the lesson');
  const reply = await offline.evaluate(() => window.attentionTour.compute({ Q: [[1]], K: [[1], [1]], V: [[2], [4]] }));
  check(reply.output && reply.output[0][0] === 3, 'compute() works offline');
  // The challenge's sandbox frame is written by the page itself: no file to fetch.
  const grade = await offline.evaluate((code) => window.attentionTour.gradeChallenge(code), weightsSolution);
  check(grade.passed && grade.passedCases === 6, `the coding challenge runs offline: ${grade.message}`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
server.close();  // closed in the test already; harmless if so
