// cost_lab_page.mjs: attentionTour.benchmark({n, d: 64, tile: 64}) in headless Chromium, in the
// page's own cost lab workers: one core, then every core (a worker a core, each a slice of the
// queries), alternated; medians of several runs with GFLOP/s and the share of the wasm SIMD
// limit the same workers measured (a benchmark, not a test).
import { median, withLessonPage } from '../browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const n = Number(process.argv[3] || 4096);
await withLessonPage(async (page) => {
  const cores = await page.evaluate(() => Math.min(16, navigator.hardwareConcurrency || 1));
  const results = { 1: [], [cores]: [] };
  for (let k = 0; k < runs; ++k) {
    for (const workers of new Set([1, cores])) {
      const r = await page.evaluate(([size, w]) => window.attentionTour.benchmark({ n: size, d: 64, tile: 64, workers: w }), [n, workers]);
      if (r.error) throw new Error(r.error);
      results[workers].push(r);
    }
  }
  const line = (workers) => {
    const list = results[workers];
    const direct = median(list.map((r) => r.naiveMs)), tiled = median(list.map((r) => r.tiledMs));
    const peak = median(list.map((r) => r.peakGflops));
    const gflop = (4 * n * n * 64) / 1e9;
    const rate = (ms) => gflop / (ms / 1e3);
    return `${workers} worker${workers > 1 ? 's' : ''}: direct ${direct.toFixed(1)} ms (${rate(direct).toFixed(1)} GFLOP/s, ` +
      `${((100 * rate(direct)) / peak).toFixed(0)}% of the SIMD limit ${peak.toFixed(1)}), tiled ${tiled.toFixed(1)} ms ` +
      `(${rate(tiled).toFixed(1)} GFLOP/s, ${((100 * rate(tiled)) / peak).toFixed(0)}%)`;
  };
  console.log(`page (Chromium workers), n = ${n}, d = 64, tile = 64, median of ${runs}:`);
  console.log('  ' + line(1));
  if (cores > 1) {
    console.log('  ' + line(cores));
    const speedUp = (f) => median(results[1].map((r) => r[f])) / median(results[cores].map((r) => r[f]));
    console.log(`  all ${cores} cores against one: direct ${speedUp('naiveMs').toFixed(2)}x, tiled ${speedUp('tiledMs').toFixed(2)}x`);
  }
});
