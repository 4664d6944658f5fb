// page_budget.mjs: the page's budget, measured (a benchmark, not a test): gzip size of
// everything in build/site, navigation-to-first-frame time in headless Chromium on
// loopback, and CPU time per frame while a person interacts. Medians of several runs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, siteDir, ready, widget } from '../browser/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let total = 0;
for (const file of fs.readdirSync(siteDir)) {
  const bytes = fs.readFileSync(path.join(siteDir, file));
  const gz = zlib.gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${file.padEnd(26)} ${String(bytes.length).padStart(8)} B  ${String(gz).padStart(8)} B gzipped`);
}
console.log(`total gzipped: ${(total / 1024).toFixed(1)} KB (target <= 350 KB)`);

const { server, url } = await serve();
const browser = await launch();
const firstFrame = [];
const frameMs = [];
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
    frameMs.push(await page.evaluate(() => window.attentionTour.stats().lastFrameMs));
  }
  await page.close();
}
console.log(`first frame: median ${median(firstFrame)} ms over ${firstFrame.length} loads (target <= 1000 ms)`);
console.log(`frame CPU while interacting: median ${median(frameMs).toFixed(2)} ms, max ${Math.max(...frameMs).toFixed(2)} ms (target <= 4 ms)`);
await browser.close();
server.close();
