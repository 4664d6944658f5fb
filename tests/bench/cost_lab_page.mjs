// cost_lab_page.mjs: attentionTour.benchmark({n: 4096, d: 64, tile: 64}) in headless Chromium,
// in the page's own cost lab worker: medians of several runs (a benchmark, not a test).
import { median, withLessonPage } from '../browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const n = Number(process.argv[3] || 4096);
await withLessonPage(async (page) => {
  const results = [];
  for (let k = 0; k < runs; ++k) {
    const r = await page.evaluate((size) => window.attentionTour.benchmark({ n: size, d: 64, tile: 64 }), n);
    if (r.error) throw new Error(r.error);
    results.push(r);
  }
  const gflop = (4 * n * n * 64) / 1e9;
  const direct = median(results.map((r) => r.naiveMs));
  const tiled = median(results.map((r) => r.tiledMs));
  console.log(`page (Chromium worker), n = ${n}, d = 64, tile = 64, median of ${runs}: ` +
              `direct ${direct.toFixed(1)} ms (${(gflop / (direct / 1e3)).toFixed(2)} GFLOP/s), ` +
              `tiled ${tiled.toFixed(1)} ms (${(gflop / (tiled / 1e3)).toFixed(2)} GFLOP/s); ` +
              `runs: ${results.map((r) => r.tiledMs.toFixed(0)).join(', ')} ms tiled`);
});
