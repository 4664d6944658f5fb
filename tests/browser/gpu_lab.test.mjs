// gpu_lab.test.mjs: the cost lab's GPU half, in Chromium with --enable-unsafe-webgpu (a
// SwiftShader adapter: correct, not fast). benchmark({device: 'gpu'}) agrees with the CPU's
// kernels at several n, d and tiles, n not a multiple of the tile among them; a tile too large
// for the GPU's workgroup memory is refused before anything runs; Run on the GPU, clicked with
// the mouse, fills the lab's GPU plot (up to n = 128 on this software GPU) and the FlashAttention step's sentence without stalling
// the main thread; Cancel ends the GPU work. Then a browser with no WebGPU: the CPU lab and a
// notice, and a browser whose WebGPU has no adapter: the run says so.
import { launch, openPage, ready, settle, clickWidget, check, screenshotStats, serve, watchLabWorkers } from './harness.mjs';

const tolerance = 1e-5;  // float32 against float32, inputs in [-1, 1): rounding differences only
const { server, url } = await serve();
const status = (page) => page.evaluate(() => window.attentionTour.costLabStatus());
try {
  const browser = await launch(['--enable-unsafe-webgpu']);
  try {
    const { page, errors } = await openPage(browser, url);
    await ready(page);
    await watchLabWorkers(page);
    for (const [n, d, tile] of [[1, 1, 1], [33, 5, 7], [64, 64, 64], [100, 48, 16], [257, 24, 32], [300, 256, 8]]) {
      const r = await page.evaluate((size) => window.attentionTour.benchmark({ device: 'gpu', n: size[0], d: size[1], tile: size[2] }), [n, d, tile]);
      check(!r.error && r.device === 'gpu' && r.n === n && r.d === d && r.tile === tile && r.workers === 1, `GPU run at n = ${n}, d = ${d}, tile = ${tile}: ${JSON.stringify(r)}`);
      check(r.cpuMaxAbsDiff <= tolerance && r.maxAbsDiff <= tolerance, `the GPU's outputs agree with the CPU's within ${tolerance}: ${r.cpuMaxAbsDiff}, ${r.maxAbsDiff}`);
      check(/swiftshader/.test(r.adapter) && r.naiveMs > 0 && r.tiledMs > 0 && r.gflops.naive > 0 && r.gflops.tiled > 0, `the adapter and times: ${r.adapter}`);
      check(n === 1 || r.bytesMoved.naive > r.bytesMoved.tiled, `the direct kernels move more bytes: ${JSON.stringify(r.bytesMoved)}`);
    }
    const refused = await page.evaluate(() => Promise.all([
      window.attentionTour.benchmark({ device: 'gpu', n: 256, d: 256, tile: 64 }),
      window.attentionTour.benchmark({ device: 'gpu', n: 64, workers: 2 }),
    ]));
    check(/workgroup memory/.test(refused[0].error) && /largest tile that fits is 16\b/.test(refused[0].error),
          `a tile too large for workgroup memory is refused: ${refused[0].error}`);
    check(/workers are for device 'cpu'/.test(refused[1].error), `workers with the GPU are refused: ${refused[1].error}`);

    // The lab, with the mouse: Run on the GPU up to n = 256, the page's frames keep coming.
    await page.evaluate(() => window.attentionTour.setState({ stepId: 'cost-lab' }));
    await settle(page);
    await clickWidget(page, 'cost-max[512]');
    await page.evaluate(() => {
      window.__gap = { last: performance.now(), longest: 0, running: true };
      const tick = () => {
        const now = performance.now();
        window.__gap.longest = Math.max(window.__gap.longest, now - window.__gap.last);
        window.__gap.last = now;
        if (window.__gap.running) setTimeout(tick, 10);
      };
      setTimeout(tick, 10);
    });
    await clickWidget(page, 'cost-run-gpu');
    let done = false;
    for (let k = 0; k < 600 && !done; ++k) {
      await page.waitForTimeout(100);
      done = (await status(page)).phase !== 'running';
    }
    const gap = await page.evaluate(() => { window.__gap.running = false; return window.__gap.longest; });
    const ran = await status(page);
    check(ran.phase === 'done' && ran.device === 'gpu' && ran.gpuPoints.map((p) => p.n).join() === '64,128' &&
          /swiftshader/.test(ran.adapter) && ran.gpuPoints.every((p) => p.maxAbsDiff <= tolerance && p.naiveTraffic > p.tiledTraffic),
          `Run on the GPU measured the sizes up to 128 on this software GPU: ${JSON.stringify(ran)}`);
    // A GPU emulated on the CPU (SwiftShader here) runs its kernels on the CPU's cores, in the
    // browser's GPU process, and the page's drawing waits behind them: the lab submits the
    // queries in chunks of about 16 ms each (one pass at n = 128 took 95 ms, and gaps of
    // 262-600 ms when the suite ran two tests at once; in chunks, at most 127 ms).
    console.log(`the main thread's longest gap while the GPU ran: ${gap.toFixed(0)} ms`);
    check(gap < 250, `the main thread's longest gap while the GPU ran: ${gap.toFixed(0)} ms (< 250)`);
    await settle(page);
    await screenshotStats(page, 'gpu-lab-1280.png');
    const said = await page.evaluate(() => document.getElementById('mirror').textContent);
    check(/a GPU emulated in software on the CPU: its times are not a real GPU's, and the lab times it only up to n = 128/.test(said),
          'the lab says why an emulated GPU is timed only up to n = 128');
    check(String(said.match(/\d+ of \d+ sizes/g)) === '2 of 2 sizes', `the bar counts the sizes an emulated GPU is timed at, 2 of 2: ${said.match(/\d+ of \d+ sizes/g)}`);
    await page.evaluate(() => window.attentionTour.setState({ stepId: 'flash' }));
    await settle(page);
    const tree = await page.evaluate(() => document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label],[aria-description]')].map((e) => e.getAttribute('aria-label')).join(' '));
    check(/Its GPU run was on google swiftshader, a GPU emulated in software on the CPU: there the tiled method (ran|took)/.test(tree),
          'the FlashAttention step reports the GPU result');

    // Cancel ends the GPU run and its worker.
    await page.evaluate(() => window.attentionTour.setState({ stepId: 'cost-lab' }));
    await settle(page);
    await clickWidget(page, 'cost-max[4096]');
    await clickWidget(page, 'cost-run-gpu');
    await page.waitForTimeout(100);
    await clickWidget(page, 'cost-cancel');
    const cancelled = await status(page);
    await page.waitForTimeout(1500);
    const later = await status(page);
    const watched = await page.evaluate(() => window.__labWorkers);
    check(cancelled.phase === 'cancelled' && later.phase === 'cancelled' && later.gpuPoints.length === cancelled.gpuPoints.length,
          `Cancel stops the GPU run: ${JSON.stringify(later)}`);
    check(watched.length >= 1 && watched.every((w) => w.terminated), `Cancel ended every lab worker: ${JSON.stringify(watched)}`);
    check(errors.length === 0, `no page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
  }

  // No WebGPU at all: the CPU lab and a one-line notice; the API says why.
  const plain = await launch();
  try {
    const context = await plain.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => { delete Navigator.prototype.gpu; });
    const page = await context.newPage();
    await page.goto(url);
    await ready(page);
    await page.evaluate(() => window.attentionTour.setState({ stepId: 'cost-lab' }));
    await settle(page);
    const ids = (await page.evaluate(() => window.attentionTour.widgets())).map((w) => w.id);
    check(ids.includes('cost-run') && !ids.includes('cost-run-gpu'), 'without WebGPU the CPU lab is there and no GPU button');
    const text = await page.evaluate(() => document.body.innerText);
    check(/no WebGPU, so the lab times the CPU only/.test(text), 'a notice says the GPU cannot be timed here');
    const r = await page.evaluate(() => window.attentionTour.benchmark({ device: 'gpu', n: 64 }));
    check(r.error === 'this browser has no WebGPU', `benchmark on the GPU says why not: ${JSON.stringify(r)}`);

    // WebGPU without an adapter (this Chromium without the flag): the run ends with the reason.
    const page2 = await (await plain.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page2.goto(url);
    await ready(page2);
    await page2.evaluate(() => window.attentionTour.setState({ stepId: 'cost-lab' }));
    await settle(page2);
    await clickWidget(page2, 'cost-max[512]');
    await clickWidget(page2, 'cost-run-gpu');
    let failed = null;
    for (let k = 0; k < 100 && !failed; ++k) {
      await page2.waitForTimeout(100);
      const s = await status(page2);
      if (s.phase !== 'running') failed = s;
    }
    check(failed && failed.phase === 'failed' && /no GPU adapter is available here/.test(failed.message), `no adapter: ${JSON.stringify(failed)}`);
  } finally {
    await plain.close();
  }
  console.log('gpu_lab: passed');
} catch (e) {
  console.error(`gpu_lab: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  server.close();
}
