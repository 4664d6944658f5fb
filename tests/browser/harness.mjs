// harness.mjs: shared set-up for the browser tests: a static server for build/site on
// loopback, Debian's Chromium through playwright-core (software WebGL2), and collectors
// for page errors and requests. Each test file is a plain node script run by ctest.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createSiteServer } from '../../scripts/serve.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { chromium } = require(path.join(root, 'node_modules/playwright-core'));

export const siteDir = process.env.AT_SITE_DIR || path.join(root, 'build/site');
export const artifactsDir = process.env.AT_ARTIFACTS || path.join(root, 'build/test-artifacts');
fs.mkdirSync(artifactsDir, { recursive: true });

// The page served on loopback by the project's own server (scripts/serve.mjs). transform
// (pathname, body) may rewrite a file as it is served (tests of freshness).
export function serve(dir = siteDir, transform = null) {
  return new Promise((resolve) => {
    const server = createSiteServer(dir, { transform });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

export const chromiumArgs = ['--headless=new', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs, ...extraArgs] });
}

// Opens the page and records errors and every request URL.
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { context, page, errors, requests };
}

export async function ready(page) {
  await page.waitForFunction(() => window.attentionTour && window.attentionTour.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.attentionTour.ready);
}

export async function widget(page, id) {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  const found = list.find((w) => w.id === id);
  if (!found) throw new Error(`widget ${id} not drawn; have ${list.slice(0, 40).map((w) => w.id).join(', ')}`);
  return found;
}

// Scrolls with the mouse wheel over (x, y) until the widget is drawn, like a person would.
export async function scrollToWidget(page, id, x, y, maxSteps = 40) {
  for (let k = 0; k < maxSteps; ++k) {
    const list = await page.evaluate(() => window.attentionTour.widgets());
    const found = list.find((w) => w.id === id);
    const viewport = page.viewportSize();
    if (found && found.y + found.h < viewport.height && found.y >= 0) return found;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 120);
    await settle(page);
  }
  throw new Error(`could not scroll ${id} into view`);
}

// Opens one of the sections that stay closed until the learner asks ('settings': the sentence
// editor and settings; 'practice': experiments, quiz and challenge) with a click on its header,
// scrolling the column over (x, y) to it first. Call it on a section still closed.
export async function openSection(page, header, x = 250, y = 500) {
  await scrollToWidget(page, header, x, y, 80);
  await clickWidget(page, header);
}

// Predict, then see: on a step that asks for a guess, passes it by with a click on Skip (when
// the question is showing), so the test can use what the step shows after it.
export async function skipGuess(page) {
  const list = await page.evaluate(() => window.attentionTour.widgets());
  if (list.some((w) => w.id === 'predict-skip')) await clickWidget(page, 'predict-skip');
}

export async function clickWidget(page, id, options = {}) {
  const w = await widget(page, id);
  await page.mouse.click(w.x + w.w / 2, w.y + w.h / 2, options);
  await settle(page);
}

// Waits until all queued input is applied and the page is idle again (or, while a text
// caret keeps it drawing, until a few more frames have passed). Input sent by playwright
// has reached the page's handlers when its promise resolves, so "idle" is not stale.
export async function settle(page, frames = 3) {
  const start = await page.evaluate(() => window.attentionTour.stats().frames);
  await page.waitForFunction((s) => {
    const st = window.attentionTour.stats();
    return st.pendingInput === 0 && (st.idle || st.frames >= s);
  }, start + frames, { timeout: 30000, polling: 20 }).catch(async () => {
    // Only a very slow machine gets here; say so, since the next check may then read early.
    const st = await page.evaluate(() => window.attentionTour.stats()).catch(() => null);
    console.warn(`settle: the page did not settle in 30 s (${JSON.stringify(st)})`);
  });
}

// What a screen reader hears for the focused control: the browser's focus follows the lesson's
// into the semantic mirror (mirror.js), whose element is then read (a cell's full description is
// its title); with the focus elsewhere, the page's focus-live region says it.
export function heardFocus(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active && active.closest && active.closest('#mirror')) return active.title || active.getAttribute('aria-label') || '';
    return document.getElementById('focus-live').textContent;
  });
}

// Decodes a PNG in the page and measures it there, so only numbers come back: 'stats' gives
// the share of distinct colours and of dark pixels, 'first' the first pixel's [r, g, b].
function measurePng(page, png, measure) {
  return page.evaluate(async ([b64, what]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    if (what === 'first') return Array.from(d.slice(0, 3));
    const colours = new Set();
    let dark = 0;
    for (let i = 0; i < d.length; i += 16) {
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      if (d[i] + d[i + 1] + d[i + 2] < 240) dark++;
    }
    return { colours: colours.size, darkFraction: dark / (d.length / 16), width: img.width, height: img.height };
  }, [png.toString('base64'), measure]);
}

// The colour [r, g, b] the screen shows at one point (CSS pixels).
export async function pixelColour(page, x, y) {
  return measurePng(page, await page.screenshot({ clip: { x, y, width: 1, height: 1 } }), 'first');
}

// Fraction of distinct colours and of non-background pixels in a screenshot.
export async function screenshotStats(page, file) {
  return measurePng(page, await page.screenshot({ path: path.join(artifactsDir, file) }), 'stats');
}

// A one-finger drag through the DevTools protocol, as a phone's touch screen sends it.
// With `started`, the finger is already down at `from` (a touchStart sent before, to rest there).
// The events carry their own times, 30 ms apart (a quick swipe), however long a busy page takes
// to take each one: the page judges a rest by the events' times, as a phone's would be.
export async function touchDrag(cdp, from, to, steps = 8, started = false) {
  const t0 = Date.now() / 1000;
  const at = (k) => (started ? Date.now() / 1000 : t0 + 0.03 * k);
  if (!started) await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }], timestamp: at(0) });
  for (let k = 1; k <= steps; ++k) {
    const x = from.x + (to.x - from.x) * k / steps, y = from.y + (to.y - from.y) * k / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }], timestamp: at(k) });
    await new Promise((r) => setTimeout(r, 30));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [], timestamp: at(steps + 1) });
}

// The page's own Content-Security-Policy (its meta tag), and what happens when a task of the
// page's own turns a string into code (eval, new Function). The tries run from a timer, not in
// page.evaluate itself, whose code DevTools lets eval whatever the policy says. Also the
// policy violations the page was told of meanwhile ('script-src eval' when refused).
export async function evalInPage(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    const violations = [];
    const seen = (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI);
    addEventListener('securitypolicyviolation', seen);
    setTimeout(() => {
      const tried = {};
      for (const [name, run] of [['eval', () => (0, eval)('1 + 1')], ['Function', () => new Function('return 1 + 1')()]]) {
        try {
          tried[name] = run() === 2 ? 'ran' : 'ran wrong';
        } catch (e) {
          tried[name] = e.name;
        }
      }
      setTimeout(() => {
        removeEventListener('securitypolicyviolation', seen);
        resolve({ policy: policy ? policy.content : '', tried, violations });
      }, 100);
    }, 0);
  }));
}

export function check(condition, message) {
  if (!condition) throw new Error('FAIL: ' + message);
  console.log('ok - ' + message);
}

// Runs a test body with a browser; any thrown failure marks the test failed.
export async function runBrowserTest(name, body, { launchArgs = [] } = {}) {
  const browser = await launch(launchArgs);
  try {
    await body({ browser });
    console.log(`${name}: passed`);
  } catch (e) {
    console.error(`${name}: ${e.stack || e}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

// Runs a test body with a server for build/site and a browser.
export async function runTest(name, body, options = {}) {
  const { server, url } = await serve(siteDir);
  try {
    await runBrowserTest(name, ({ browser }) => body({ browser, url }), options);
  } finally {
    server.close();
  }
}

// Watches every lab worker the page starts from now on (window.__labWorkers: {url, terminated}),
// so a test can check that Cancel stopped them all.
export function watchLabWorkers(page) {
  return page.evaluate(() => {
    const Original = window.Worker;
    window.__labWorkers = [];
    window.Worker = function (workerUrl, options) {
      const worker = new Original(workerUrl, options);
      const record = { url: String(workerUrl), terminated: false };
      if (/lab-worker/.test(record.url)) window.__labWorkers.push(record);
      const terminate = worker.terminate.bind(worker);
      worker.terminate = () => { record.terminated = true; terminate(); };
      return worker;
    };
  });
}

// For the page benchmarks (tests/bench): the median of a list, and the served lesson opened at
// 1280x800 and ready, handed to `body`; the browser and server close whatever happens.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// `launchOptions` replaces the browser's launch (the GPU benchmark's own flags).
export async function withLessonPage(body, launchOptions = null) {
  const { server, url } = await serve();
  const browser = launchOptions
    ? await chromium.launch({ executablePath: '/usr/bin/chromium', ...launchOptions })
    : await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await ready(page);
    await body(page);
  } finally {
    await browser.close();
    server.close();
  }
}
