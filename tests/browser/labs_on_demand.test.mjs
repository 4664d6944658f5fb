// labs_on_demand.test.mjs: the labs' page side (labs.js) and their worker are not part of the
// page's first load: they come with the first timing run or training, once; when labs.js
// cannot come, the run says why and the next one tries again.
import { runTest, openPage, ready, settle, check } from './harness.mjs';

const fetched = (requests, name) => requests.filter((r) => r.endsWith('/' + name)).length;

await runTest('labs_on_demand', async ({ browser, url }) => {
  const { context, page, errors, requests } = await openPage(browser, url);
  await ready(page);
  await settle(page);
  check(fetched(requests, 'labs.js') === 0 && fetched(requests, 'lab-worker.js') === 0,
        'the first load fetches neither labs.js nor the lab worker');
  const first = await page.evaluate(() => window.attentionTour.benchmark({ n: 64, d: 8 }));
  check(first.n === 64 && first.naiveMs >= 0 && first.maxAbsDiff < 1e-4, `a timing runs: ${JSON.stringify(first)}`);
  const bad = await page.evaluate(() => window.attentionTour.benchmark({ n: 0 }));
  check(/n must be a whole number/.test(bad.error), `a bad request is refused: ${bad.error}`);
  const trained = await page.evaluate(() => window.attentionTour.train({ task: 'previous-token', steps: 2 }));
  check(trained.steps === 2 && trained.loss.length === 2, `training runs: ${JSON.stringify(trained).slice(0, 80)}`);
  check(fetched(requests, 'labs.js') === 1, `labs.js is fetched once: ${fetched(requests, 'labs.js')}`);
  check(errors.length === 0, `no errors: ${errors.join('; ')}`);
  await context.close();

  const blocked = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let refuse = true;
  await blocked.route('**/labs.js', (route) => (refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  const page2 = await blocked.newPage();
  await page2.goto(url);
  await ready(page2);
  const failed = await page2.evaluate(() => window.attentionTour.benchmark({ n: 64, d: 8 }));
  check(/the labs could not be loaded/.test(failed.error || ''), `a missing labs.js is said: ${JSON.stringify(failed)}`);
  refuse = false;
  const again = await page2.evaluate(() => window.attentionTour.benchmark({ n: 64, d: 8 }));
  check(again.n === 64, `the next run tries again: ${JSON.stringify(again)}`);
  await blocked.close();
});
