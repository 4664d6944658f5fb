// code_font.test.mjs: the page's faces are the browser's own (src/app/web/browser_faces.cpp):
// code has a face of its own, the browser's monospace, from the first frame, and the page fetches
// no font file at all, neither first nor when code is drawn.
import { runTest, openPage, ready, settle, check } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());
const fontRequests = (requests) => requests.filter((r) => /\.(ttf|otf|woff2?)$/.test(r)).length;

await runTest('code_font', async ({ browser, url }) => {
  const { context, page, errors, requests } = await openPage(browser, url);
  await ready(page);
  await settle(page);
  check((await stats(page)).codeFace === true, 'code has a face of its own from the start');
  // The all-at-once step shows the NumPy listing.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'all-at-once' }));
  await settle(page);
  const widgets = await page.evaluate(() => window.attentionTour.widgets());
  check(widgets.some((w) => w.id === 'code-listing'), 'the listing is drawn');
  check(fontRequests(requests) === 0, `no font file is fetched: ${requests.filter((r) => /\.(ttf|otf|woff2?)$/.test(r))}`);
  check(errors.length === 0, `no errors: ${errors.join('; ')}`);
  await context.close();
});
