// single_file.test.mjs: the web-single build is one self-contained HTML file that works
// when opened from disk (file://) in a browser started without special flags, coding
// challenge included, with no other file and no network; the challenge's sandbox holds here too.
import fs from 'node:fs';
import path from 'node:path';
import { runBrowserTest, check, screenshotStats, evalInPage } from './harness.mjs';
import { otherOrigin } from './other_origin.mjs';

const file = path.resolve(process.env.AT_SINGLE_HTML || 'build/site-single/attention-tour.html');
const outside = await otherOrigin();
// No special browser flags: as a person opening the file.
await runBrowserTest('single_file', async ({ browser }) => {
  check(fs.existsSync(file), `${file} exists (build it with the web-single preset)`);
  check(fs.readdirSync(path.dirname(file)).length === 1, 'the single-file build is one file');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  // A load the policy refuses is reported as a request that failed before it left the browser.
  const refused = new Set();
  page.on('requestfailed', (r) => { if (r.failure().errorText === 'csp') refused.add(r.url()); });
  await page.goto('file://' + file);
  await page.waitForFunction(() => window.attentionTour && window.attentionTour.ready, null, { timeout: 60000 });
  await page.evaluate(() => window.attentionTour.ready);
  // Its policy allows its inline scripts and wasm, and no string turned into code.
  const strings = await evalInPage(page);
  check(/script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';/.test(strings.policy) && !strings.policy.includes("'unsafe-eval'") &&
        strings.tried.eval === 'EvalError' && strings.tried.Function === 'EvalError' &&
        strings.violations.filter((v) => v === 'script-src eval').length === 2,
        `the single file's policy refuses eval and new Function: ${JSON.stringify(strings)}`);
  check((await page.evaluate(() => window.attentionTour.stats())).codeFace === true, 'the single file carries the code face');
  const stats = await screenshotStats(page, 'single-file.png');
  check(stats.colours > 50, 'the single file draws the lesson');
  const reply = await page.evaluate(() => window.attentionTour.compute({ Q: [[1, 0]], K: [[1, 0], [0, 1]], V: [[1], [3]] }));
  check(Math.abs(reply.output[0][0] - (1 * Math.exp(0) + 3 * Math.exp(-1 / Math.SQRT2)) /
                 (Math.exp(0) + Math.exp(-1 / Math.SQRT2))) < 1e-5, 'compute() works from disk');
  const grade = await page.evaluate(() => window.attentionTour.gradeChallenge(`function attentionWeights(q, keys) {
    const s = keys.map((k) => k.reduce((a, x, i) => a + x * q[i], 0) / Math.sqrt(q.length));
    const top = Math.max(...s);
    const e = s.map((x) => Math.exp(x - top));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / total);
  }`));
  check(grade.passed, `the coding challenge runs and is graded from disk too: ${grade.message}`);
  const hostile = await page.evaluate(() => window.attentionTour.gradeChallenge('document.title = "x"; function attentionWeights() { return [1]; }'));
  check(!hostile.passed && /document is not defined/.test(hostile.message), `code still runs away from the page: ${hostile.message}`);
  // The worker starts from a blob here and inherits the page's policy; it still shuts its own doors.
  const reach = await page.evaluate((out) => window.attentionTour.gradeChallenge(`const x = new XMLHttpRequest();
    x.open('GET', ${JSON.stringify(out)} + 'single-file', false); x.send(); function attentionWeights() { return [1]; }`), outside.url);
  check(!reach.passed && /XMLHttpRequest is not available/.test(reach.message), `another origin cannot be reached: ${reach.message}`);
  // The sandbox's frame has a policy of its own here too: import() loads nothing, and says so.
  const load = await page.evaluate((out) => window.attentionTour.gradeChallenge(`import(${JSON.stringify(out)} + 'single-file.js');
    function attentionWeights() { return [1]; }`), outside.url);
  check(!load.passed && /tried to load http:/.test(load.message), `import() loads nothing from disk either: ${load.message}`);
  const others = requests.filter((r) => !r.startsWith('file://') && !r.startsWith('data:') && !r.startsWith('blob:') &&  // blob: is memory
    !refused.has(r));
  check(others.length === 0, `no network requests (${[...others, `${refused.size} refused by the policy`].join(', ')})`);
  check(outside.heard.length === 0 && outside.connections() === 0, `the other origin heard nothing (${outside.heard.join(', ')})`);
  check(errors.length === 0, `no page errors (${errors.join(' | ')})`);
});
outside.close();
