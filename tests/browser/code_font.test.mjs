// code_font.test.mjs: the code face (code-font.ttf) is not part of the page's first load: the
// page fetches it the first time code is drawn, draws code in the text face until then, and
// keeps working when it cannot come. at_code_font refuses what is not the code face.
import { runTest, openPage, ready, settle, check } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());
const fontRequests = (requests) => requests.filter((r) => r.endsWith('/code-font.ttf')).length;

await runTest('code_font', async ({ browser, url }) => {
  const { context, page, errors, requests } = await openPage(browser, url);
  await ready(page);
  await settle(page);
  check(fontRequests(requests) === 0 && (await stats(page)).codeFace === false,
        'the first load fetches no code face');
  // The all-at-once step shows the NumPy listing, in the code face once it is there.
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'all-at-once' }));
  await page.waitForFunction(() => window.attentionTour.stats().codeFace, null, { timeout: 30000 });
  await settle(page);
  check(fontRequests(requests) === 1, `the code face is fetched once: ${fontRequests(requests)} requests`);
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'tokens' }));
  await page.evaluate(() => window.attentionTour.setState({ stepId: 'all-at-once' }));
  await settle(page);
  check(fontRequests(requests) === 1, 'and never again');
  // The door refuses what is not the code face, before keeping anything.
  const refused = await page.evaluate(() => {
    const at = Module._malloc(4096);
    Module.HEAPU8.fill(7, at, at + 4096);
    const results = [Module.ccall('at_code_font', 'number', ['number', 'number'], [at, 4096]),
                     Module.ccall('at_code_font', 'number', ['number', 'number'], [at, 10]),
                     Module.ccall('at_code_font', 'number', ['number', 'number'], [0, 4096])];
    Module._free(at);
    return results;
  });
  check(refused.every((r) => r === 0), `at_code_font refuses bytes that are not a font: ${refused}`);
  check(errors.length === 0, `no errors: ${errors.join('; ')}`);
  await context.close();

  // When the face cannot come, code is drawn in the text face and the console says why.
  const blocked = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blocked.route('**/code-font.ttf', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page2 = await blocked.newPage();
  const warnings = [];
  const pageErrors = [];
  page2.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page2.on('pageerror', (e) => pageErrors.push(String(e)));
  await page2.goto(url);
  await ready(page2);
  await page2.evaluate(() => window.attentionTour.setState({ stepId: 'all-at-once' }));
  for (let k = 0; k < 50 && !warnings.some((w) => w.includes('code face')); ++k) await page2.waitForTimeout(100);
  check(warnings.some((w) => w.includes('the code face did not load (HTTP 404)')), `the console says why: ${warnings}`);
  await settle(page2);
  const st = await stats(page2);
  check(st.codeFace === false && st.frames > 0, 'and the lesson goes on in the text face');
  const widgets = await page2.evaluate(() => window.attentionTour.widgets());
  check(widgets.some((w) => w.id === 'code-listing'), 'the listing is still drawn');
  check(pageErrors.length === 0, `no page errors: ${pageErrors}`);
  await blocked.close();
});
