// page_budget.mjs: the page's budget, measured (a benchmark, not a test): gzip size of
// everything in build/site, navigation-to-first-frame time in headless Chromium on
// loopback, and CPU time per frame while a person interacts. Medians of several runs.
// With --size-only it measures the size alone and exits 1 over the size budget: that part is
// exact, so ctest runs it on the web build (test page_size_budget).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, siteDir, ready, widget, median } from '../browser/harness.mjs';

// Kilobytes (1024 bytes) of the whole page gzipped at level 9, as a server would send it.
// What fills it, and what each saving was worth, is noted in CMakeLists.txt and
// cmake/dependencies.cmake. This is the project's budget (300 KB; the aim is 250). The test
// held a 20 KB margin below it (280) until the deeper chapter, the coding challenge's second
// level and the cost lab took the page past it; new features must now pay for themselves.
const SIZE_BUDGET_KB = 300;

// The parts the page loads only when asked, each fetched together: not part of the first load,
// so each has the brief's budget of its own, 60 KB a part. (Until session 12 they shared one
// budget of 40 KB; the formal explanations and the labs' page side, moved out of the first
// load, took them past it.) The whole site is printed too.
const LAZY_PARTS = {
  'the labs (cost lab and training)': ['lab-worker.js', 'lab-worker.wasm', 'labs.js'],
  "the cost lab's GPU kernels (WGSL)": ['attention_direct.wgsl', 'attention_tiled.wgsl'],
  "the challenge's worker and sandbox": ['challenge-worker.js', 'sandbox.js'],
  'the formal explanations': ['formal.txt'],
  // Fetched right after the first frame, never before it: the first frame does not wait for it.
  'the semantic mirror for screen readers, after the first frame': ['mirror.js'],
};
const LAZY_PART_BUDGET_KB = 60;
const partOf = (file) => Object.keys(LAZY_PARTS).find((part) => LAZY_PARTS[part].includes(file));

let total = 0;
let lazy = 0;
const partBytes = {};
for (const file of fs.readdirSync(siteDir).sort()) {
  const bytes = fs.readFileSync(path.join(siteDir, file));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  const part = partOf(file);
  if (part) {
    lazy += gz;
    partBytes[part] = (partBytes[part] || 0) + gz;
  } else {
    total += gz;
  }
  console.log(`${file.padEnd(26)} ${String(bytes.length).padStart(8)} B  ${String(gz).padStart(8)} B gzipped` +
              (part ? `  (loaded on demand: ${part})` : ''));
}
const totalKb = total / 1024;
const lazyKb = lazy / 1024;
console.log(`total gzipped: ${totalKb.toFixed(1)} KB (target <= ${SIZE_BUDGET_KB} KB)`);
for (const [part, bytes] of Object.entries(partBytes))
  console.log(`loaded on demand, ${part}: ${(bytes / 1024).toFixed(1)} KB gzipped (target <= ${LAZY_PART_BUDGET_KB} KB)`);
console.log(`the whole site, gzipped: ${(totalKb + lazyKb).toFixed(1)} KB (the page plus what it loads on demand)`);
if (process.argv.includes('--size-only')) {
  if (totalKb > SIZE_BUDGET_KB) {
    console.log(`${siteDir} is ${(totalKb - SIZE_BUDGET_KB).toFixed(1)} KB over the page budget`);
    process.exit(1);
  }
  for (const [part, bytes] of Object.entries(partBytes)) {
    if (bytes / 1024 > LAZY_PART_BUDGET_KB) {
      console.log(`${part}, loaded on demand, is ${(bytes / 1024 - LAZY_PART_BUDGET_KB).toFixed(1)} KB over its budget`);
      process.exit(1);
    }
  }
  process.exit(0);
}

const { server, url } = await serve();
const browser = await launch();
const firstFrame = [];
const frameMs = [];
const uiMs = [];  // of which building the UI; the rest is issuing WebGL calls
for (let run = 0; run < 5; ++run) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const start = Date.now();
  await page.goto(url);
  await ready(page);
  firstFrame.push(Date.now() - start);
  // interact: hover over cells and step through the tour, sampling each frame's CPU time
  const next = await widget(page, 'next');
  for (let k = 0; k < 10; ++k) {
    await page.mouse.click(next.x + next.w / 2, next.y + next.h / 2);
    await page.mouse.move(600 + 20 * k, 300 + 10 * k);
    await page.waitForTimeout(40);
    const stats = await page.evaluate(() => window.attentionTour.stats());
    frameMs.push(stats.lastFrameMs);
    uiMs.push(stats.lastUiMs);
  }
  await page.close();
}
console.log(`first frame: median ${median(firstFrame)} ms over ${firstFrame.length} loads (target <= 1000 ms)`);
console.log(`frame CPU while interacting: median ${median(frameMs).toFixed(2)} ms, max ${Math.max(...frameMs).toFixed(2)} ms (target: median <= 2 ms); building the UI: median ${median(uiMs).toFixed(2)} ms`);
await browser.close();
server.close();
