// fallback.test.mjs: never a blank page. Without WebGL2 (Chromium --disable-3d-apis) the
// page says so and describes the lesson; when the wasm cannot be loaded it says that.
import path from 'node:path';
import { runTest, check, serve, launch, artifactsDir } from './harness.mjs';

await runTest('fallback-no-webgl', async ({ browser, url }) => {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#failure:not([hidden])', { timeout: 20000 });
  const text = await page.evaluate(() => document.getElementById('failure').innerText);
  check(/WebGL2/.test(text), 'the page explains that WebGL2 is missing');
  check(/query/.test(text) && /softmax/.test(text), 'the page still describes the lesson');
  const rejected = await page.evaluate(() => window.attentionTour.ready.then(() => 'resolved', (e) => 'rejected: ' + e.message));
  check(rejected.startsWith('rejected'), 'attentionTour.ready rejects with the reason');
  await page.screenshot({ path: path.join(artifactsDir, 'fallback-no-webgl.png') });
}, { launchArgs: ['--disable-3d-apis'] });

await runTest('fallback-missing-wasm', async ({ browser, url }) => {
  const page = await browser.newPage();
  await page.route('**/attention-tour.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(url);
  await page.waitForSelector('#failure:not([hidden])', { timeout: 20000 });
  const text = await page.evaluate(() => document.getElementById('failure').innerText);
  check(/could not be loaded/.test(text) && /404/.test(text), `a failed download is explained: ${text.split('\n')[0]}`);
});
