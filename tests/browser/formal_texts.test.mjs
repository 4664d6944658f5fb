// formal_texts.test.mjs: the steps' formal explanations (formal.txt) are not part of the page's
// first load: the page fetches them once, the first time a learner asks for one by mouse or
// keyboard, shows each step's after that, and says in the lesson why when they cannot come.
import { runTest, openPage, ready, settle, check, widget } from './harness.mjs';

const stats = (page) => page.evaluate(() => window.attentionTour.stats());
const textRequests = (requests) => requests.filter((r) => r.endsWith('/formal.txt')).length;

await runTest('formal_texts', async ({ browser, url }) => {
  const { context, page, errors, requests } = await openPage(browser, url);
  await ready(page);
  await settle(page);
  check(textRequests(requests) === 0 && (await stats(page)).formalTexts === false,
        'the first load fetches no formal explanations');
  const before = await page.screenshot();
  const formal = await widget(page, 'formal');
  await page.mouse.click(formal.x + formal.w / 2, formal.y + formal.h / 2);
  await page.waitForFunction(() => window.attentionTour.stats().formalTexts, null, { timeout: 30000 });
  await settle(page);
  check(textRequests(requests) === 1, `fetched once: ${textRequests(requests)} requests`);
  check(Buffer.compare(before, await page.screenshot()) !== 0, 'the explanation is drawn under its button');
  // Another step shows its own at once, with no new request.
  await page.keyboard.press('ArrowRight');
  await settle(page);
  check(textRequests(requests) === 1 && (await stats(page)).formalTextsProblem === '', 'and never again');
  // The door takes the text once; a later call changes nothing.
  await page.evaluate(() => Module.ccall('at_formal_texts', null, ['string', 'number'], ['why: short', 0]));
  check((await stats(page)).formalTexts === true && (await stats(page)).formalTextsProblem === '',
        'a second hand-over is ignored');
  check(errors.length === 0, `no errors: ${errors.join('; ')}`);
  await context.close();

  // When the file cannot come, the lesson says so where the explanation would be, and goes on.
  const blocked = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blocked.route('**/formal.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page2 = await blocked.newPage();
  const pageErrors = [];
  page2.on('pageerror', (e) => pageErrors.push(String(e)));
  await page2.goto(url);
  await ready(page2);
  await settle(page2);
  const button = await widget(page2, 'formal');
  await page2.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
  await page2.waitForFunction(() => window.attentionTour.stats().formalTextsProblem !== '', null, { timeout: 30000 });
  const problem = (await stats(page2)).formalTextsProblem;
  check(problem.includes('404'), `the problem names the server's answer: ${problem}`);
  await page2.keyboard.press('ArrowRight');
  await settle(page2);
  check((await page2.evaluate(() => window.attentionTour.getState())).step === 1, 'and the lesson goes on');
  check(pageErrors.length === 0, `no page errors: ${pageErrors}`);
  await blocked.close();

  // A damaged file is refused whole, with the reason.
  const damaged = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await damaged.route('**/formal.txt', (route) => route.fulfill({ status: 200, body: 'why: only one step\n' }));
  const page3 = await damaged.newPage();
  await page3.goto(url);
  await ready(page3);
  const button3 = await widget(page3, 'formal');
  await page3.mouse.click(button3.x + button3.w / 2, button3.y + button3.h / 2);
  await page3.waitForFunction(() => window.attentionTour.stats().formalTextsProblem !== '', null, { timeout: 30000 });
  const refused = await stats(page3);
  check(!refused.formalTexts && refused.formalTextsProblem.includes('miss step'), `refused: ${refused.formalTextsProblem}`);
  await damaged.close();
});
