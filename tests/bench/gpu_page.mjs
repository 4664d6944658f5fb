// gpu_page.mjs [RUNS] [MAX_N] [--real-gpu]: attentionTour.benchmark({device: 'gpu'}) in
// Chromium, d = 64, tile = 64, n = 256 doubling to MAX_N: the direct and tiled WebGPU kernels'
// median times, the bytes each moves, and the tiled / direct ratio, with the adapter that ran
// them (a benchmark, not a test).
// Without --real-gpu: headless, with --enable-unsafe-webgpu, which here gives SwiftShader (a
// GPU in software on the CPU: right results, no GPU speed). With --real-gpu, on a machine with
// a GPU and a display: Chromium with its GPU on (not headless, no SwiftShader), e.g.
//   node tests/bench/gpu_page.mjs 5 8192 --real-gpu
// (scripts/bench.sh gpu runs that after building the page).
import { median, withLessonPage } from '../browser/harness.mjs';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const realGpu = process.argv.includes('--real-gpu');
const runs = Number(args[0] || 3);
const maxN = Number(args[1] || 1024);
const launchOptions = realGpu
  ? { headless: false, args: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist', '--no-first-run'] }
  : { args: ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run'] };
await withLessonPage(async (page) => {
  for (let n = 256; n <= maxN; n *= 2) {
    const results = [];
    for (let k = 0; k < runs; ++k) {
      const r = await page.evaluate((size) => window.attentionTour.benchmark({ device: 'gpu', n: size, d: 64, tile: 64 }), n);
      if (r.error) throw new Error(`n = ${n}: ${r.error}`);
      results.push(r);
    }
    const direct = median(results.map((r) => r.naiveMs)), tiled = median(results.map((r) => r.tiledMs));
    const r = results[0];
    const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1) + ' MB';
    console.log(`GPU (${r.adapter}), n = ${n}, d = 64, tile = 64, median of ${runs}: direct ${direct.toFixed(1)} ms ` +
      `(moves ${mb(r.bytesMoved.naive)}), tiled ${tiled.toFixed(1)} ms (moves ${mb(r.bytesMoved.tiled)}); ` +
      `tiled / direct time ${(tiled / direct).toFixed(3)}; largest difference from the CPU ${r.cpuMaxAbsDiff.toExponential(1)}`);
  }
}, launchOptions);
