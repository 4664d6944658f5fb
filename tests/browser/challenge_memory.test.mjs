// challenge_memory.test.mjs: challenge code that allocates without end ends only its own
// sandbox. The challenge's frame is out of process (a target of its own in Chromium); when the
// code uses up its memory, that process dies, the learner is told the code ran out of memory,
// and the page's own process lives on: the API answers, the canvas draws, and a correct
// solution passes next. Checked on the served page and on the single file opened from disk.
// The browser's JavaScript heap is held to 256 MB here (--js-flags), so the code runs out
// within the 2-second limit on a slow machine too; at the usual 4 GB it takes this machine
// longer than the limit, and the limit ends it first.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, ready, check, screenshotStats } from './harness.mjs';
import { weightsSolution } from './challenge_solutions.mjs';

const hungry = `function attentionWeights(query, keys) {
  const kept = [];
  for (;;) kept.push(new Array(1e6).fill(0.5));
}`;
const endless = 'function attentionWeights() { for (;;) {} }';
const singleFile = path.resolve(process.env.AT_SINGLE_HTML || 'build/site-single/attention-tour.html');

// Playwright reports a crash of any frame's process as a crash of the page, so the page's own
// process is watched through its own DevTools session: only its crash arrives there.
async function watchOwnProcess(page) {
  const session = await page.context().newCDPSession(page);
  const watched = { crashed: false };
  session.on('Inspector.targetCrashed', () => { watched.crashed = true; });
  await session.send('Inspector.enable');
  return watched;
}

function grade(page, code) {
  return page.evaluate(async (c) => {
    const start = performance.now();
    const hung = new Promise((resolve) => setTimeout(() => resolve({ hung: true }), 45000));
    const result = await Promise.race([window.attentionTour.gradeChallenge(c), hung]);
    return { ...result, ms: Math.round(performance.now() - start) };
  }, code);
}

async function checkPage(browser, url, where) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  const own = await watchOwnProcess(page);

  // While code runs, its frame is a target of its own: Chromium gave it another process.
  const browserSession = await browser.newBrowserCDPSession();
  const running = grade(page, endless);
  let frameTargets = [];
  for (let k = 0; k < 100 && frameTargets.length === 0; ++k) {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    frameTargets = targetInfos.filter((t) => t.type === 'iframe' && t.url === 'about:srcdoc');
    if (frameTargets.length === 0) await page.waitForTimeout(50);
  }
  check(frameTargets.length === 1, `${where}: the challenge's frame runs in a process of its own (${frameTargets.length} out-of-process frame)`);
  const stopped = await running;
  check(/longer than 2 seconds/.test(stopped.message), `${where}: an endless loop is still stopped at the limit: ${stopped.message}`);

  const hog = await grade(page, hungry);
  check(!hog.hung && !hog.passed && /ran out of memory/.test(hog.message),
        `${where}: code that allocates without end is told it ran out of memory (${hog.ms} ms): ${hog.message}`);
  check(/ran out of memory/.test((await page.evaluate(() => window.attentionTour.getState())).challengeMessage),
        `${where}: the lesson shows the same message`);
  check(!own.crashed, `${where}: the page's own process did not crash`);

  const before = await page.evaluate(() => window.attentionTour.stats().frames);
  await page.evaluate(() => window.Module.ccall('at_wake', null, [], []));
  await page.waitForFunction((f) => window.attentionTour.stats().frames > f, before, { timeout: 30000 });
  const shot = await screenshotStats(page, `challenge-memory-${where.replace(/\W+/g, '-')}.png`);
  check(shot.colours > 50, `${where}: the canvas still draws the lesson (${shot.colours} colours)`);
  const reply = await page.evaluate(() => window.attentionTour.compute({ Q: [[1]], K: [[1], [1]], V: [[2], [4]] }));
  check(reply.output && reply.output[0][0] === 3, `${where}: the API still answers`);
  const honest = await grade(page, weightsSolution);
  check(honest.passed && honest.passedCases === 6, `${where}: a correct solution passes in a fresh frame: ${honest.message}`);
  check(await page.evaluate(() => document.querySelectorAll('iframe').length) === 0, `${where}: no frame is left behind`);
  check(!own.crashed, `${where}: the page's own process is still alive`);
  check(errors.length === 0, `${where}: no page errors (${errors.join(' | ')})`);
  await page.close();
}

const { server, url } = await serve();
const browser = await launch(['--js-flags=--max-old-space-size=256']);
try {
  await checkPage(browser, url, 'served page');
  check(fs.existsSync(singleFile), `${singleFile} exists (build it with the web-single preset)`);
  await checkPage(browser, 'file://' + singleFile, 'single file');
  console.log('challenge_memory: passed');
} catch (e) {
  console.error(`challenge_memory: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
