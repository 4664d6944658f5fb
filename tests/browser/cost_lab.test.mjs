// cost_lab.test.mjs: the cost lab. Run, clicked with the mouse at the smallest largest-n,
// fills the plot and the tables from the workers, one core and then every core;
// benchmark() answers in the documented shape, on one worker or a worker a core, without
// blocking the page (the main thread's longest gap is measured while n = 2048 runs on every
// core); Cancel stops a run and every worker; bad arguments give a clear error and change
// nothing.
import { runTest, openPage, ready, settle, widget, clickWidget, check, screenshotStats, watchLabWorkers } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());

await runTest('cost_lab', async ({ browser, url }) => {
  const { page, errors, requests } = await openPage(browser, url);
  await ready(page);
  check(!requests.some((r) => r.includes('lab-worker')), 'the first load does not fetch the lab worker');
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'cost-lab' }));
  await settle(page);
  const before = await page.evaluate(() => JSON.stringify(window.attentionTour.getState()));

  // Every lab worker the page starts from here on is watched: Cancel must stop them all.
  await watchLabWorkers(page);

  // Bad arguments: a clear error, nothing measured, the lesson unchanged.
  const bad = await page.evaluate(async () => Promise.all([
    window.attentionTour.benchmark({ n: 0, d: 64, tile: 1 }),
    window.attentionTour.benchmark({ n: 64.5 }),
    window.attentionTour.benchmark({ n: 64, d: 300 }),
    window.attentionTour.benchmark({ n: 64, tile: 65 }),
    window.attentionTour.benchmark({ n: 64, size: 3 }),
    window.attentionTour.benchmark('64'),
    window.attentionTour.benchmark({ n: 64, workers: 1000 }),
    window.attentionTour.benchmark({ n: 64, workers: 0 }),
    window.attentionTour.benchmark({ n: 64, device: 'tpu' }),
  ]));
  const cores = await page.evaluate(() => Math.min(16, navigator.hardwareConcurrency || 1));
  check(bad[0].error === 'n must be a whole number from 1 to 8192', `n = 0 is refused: ${bad[0].error}`);
  check(bad[1].error === 'n must be a whole number from 1 to 8192', 'n = 64.5 is refused');
  check(bad[2].error === 'd must be a whole number from 1 to 256', 'd = 300 is refused');
  check(bad[3].error === 'tile must be a whole number from 1 to n (64)', 'tile = 65 > n is refused');
  check(/does not know size/.test(bad[4].error), 'an unknown field is refused');
  check(/expects an object/.test(bad[5].error), 'a string is refused');
  check(bad[6].error === `workers must be a whole number from 1 to ${cores} (the cores here)`, `too many workers are refused: ${bad[6].error}`);
  check(bad[7].error === bad[6].error, 'no workers is refused');
  check(/^device must be/.test(bad[8].error), `an unknown device is refused: ${bad[8].error}`);
  check((await page.evaluate(() => JSON.stringify(window.attentionTour.getState()))) === before, 'refusals leave the lesson as it was');

  // A direct call: the documented fields, and the two methods agree.
  const small = await page.evaluate(() => window.attentionTour.benchmark({ n: 256, d: 64, tile: 64 }));
  check(small.n === 256 && small.d === 64 && small.naiveMs > 0 && small.tiledMs > 0 && small.maxAbsDiff < 1e-5 &&
        small.naiveBytes === 4 * (4 * 256 * 64 + 64 * 256 + 256 * 256) && small.tiledBytes === 4 * (4 * 256 * 64 + 64 * 64 + 4 * 64 + 2 * 256),
        `benchmark() answers ${JSON.stringify(small)}`);

  check(small.device === 'cpu' && small.workers === 1 && small.gflops.naive > 0 && small.gflops.tiled > 0 &&
        small.peakGflops > 0 && small.bytesMoved.naive > small.bytesMoved.tiled &&
        small.bytesMoved.tiled === 4 * (2 * 256 * 64 + 2 * 64 * 256 * 64),
        `benchmark() gives GFLOP/s, the SIMD limit and the bytes moved: ${JSON.stringify(small)}`);
  // Every core: each worker a slice of the queries, the same answer (the slices' outputs agree).
  const wide = await page.evaluate((w) => window.attentionTour.benchmark({ n: 257, d: 24, tile: 16, workers: w }), cores);
  check(wide.workers === cores && wide.n === 257 && wide.maxAbsDiff < 1e-5 && wide.tiledMs > 0 && wide.peakGflops > small.peakGflops * 0.2 * cores,
        `benchmark() on ${cores} workers: ${JSON.stringify(wide)}`);

  // The page keeps drawing its frames while n = 2048 runs in the workers.
  const gap = await page.evaluate(async () => {
    let last = performance.now();
    let longest = 0;
    let running = true;
    const tick = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (running) setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
    const result = await window.attentionTour.benchmark({ n: 2048, d: 64, tile: 64, workers: Math.min(16, navigator.hardwareConcurrency || 1) });
    running = false;
    return { longest, result };
  });
  check(gap.result.n === 2048 && gap.result.tiledMs > 0 && gap.result.maxAbsDiff < 1e-5, `n = 2048 measured: ${JSON.stringify(gap.result)}`);
  check(gap.longest < 250, `the main thread's longest gap while it ran was ${gap.longest.toFixed(0)} ms (< 250)`);

  // Run, with the real mouse, up to n = 512: every size arrives, then the page idles.
  await clickWidget(page, 'cost-max[512]');
  await clickWidget(page, 'cost-run');
  let finished = false;
  for (let k = 0; k < 300 && !finished; ++k) {
    await page.waitForTimeout(100);
    finished = await page.evaluate(() => window.attentionTour.costLabStatus().phase === 'done');
  }
  const status = await page.evaluate(() => window.attentionTour.costLabStatus());
  check(finished && status.points.length === 4 && status.points.map((p) => p.n).join() === '64,128,256,512',
        `Run measured n = 64..512: ${JSON.stringify(status)}`);
  check(status.points.every((p) => p.workers === cores && p.naiveAllMs > 0 && p.tiledAllMs > 0 && p.peakGflops > 0),
        `each size was measured on one core and on all ${cores}: ${JSON.stringify(status.points)}`);
  await settle(page);
  const idleFrames = (await stats(page)).frames;
  await page.waitForTimeout(500);
  check((await stats(page)).frames === idleFrames, 'the page idles (no frames) once the run is over');
  await screenshotStats(page, 'cost-lab-1280.png');

  // Cancel: a run up to 4096 is stopped at once; the lab can run again afterwards.
  await clickWidget(page, 'cost-max[4096]');
  await clickWidget(page, 'cost-run');
  await page.waitForTimeout(300);
  await clickWidget(page, 'cost-cancel');
  const cancelled = await page.evaluate(() => window.attentionTour.costLabStatus());
  check(cancelled.phase === 'cancelled', `Cancel stops the run: ${cancelled.phase}, ${cancelled.message}`);
  await page.waitForTimeout(1500);
  const later = await page.evaluate(() => window.attentionTour.costLabStatus());
  check(later.phase === 'cancelled' && later.points.length === cancelled.points.length, 'nothing arrives after Cancel');
  const watched = await page.evaluate(() => window.__labWorkers);
  check(watched.length >= cores && watched.every((w) => w.terminated),
        `Cancel stopped every timing worker: ${JSON.stringify(watched)}`);
  const again = await page.evaluate(() => window.attentionTour.benchmark({ n: 64 }));
  check(again.n === 64 && again.tiledMs > 0, 'benchmark() works again after Cancel (a new worker)');
  check((await page.evaluate(() => window.attentionTour.getState().stepId)) === 'cost-lab', 'the lesson stayed on its step');

  // On a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await settle(page);
  await screenshotStats(page, 'cost-lab-390.png');
  check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
});
