// training_page.mjs: attentionTour.train() with the default schedules in headless Chromium,
// in the page's own lab worker, over several seeds (a benchmark, not a test). The first run
// includes starting the worker.
import { median, withLessonPage } from '../browser/harness.mjs';

const seeds = Number(process.argv[2] || 5);
await withLessonPage(async (page) => {
  for (const task of ['previous-token', 'induction']) {
    const times = [];
    for (let seed = 1; seed <= seeds; ++seed) {
      const r = await page.evaluate(async ([t, s]) => {
        const start = performance.now();
        const result = await window.attentionTour.train({ task: t, seed: s });
        return { ...result, loss: undefined, ms: performance.now() - start };
      }, [task, seed]);
      if (r.error) throw new Error(r.error);
      times.push(r.ms);
      console.log(`  ${task} seed ${seed}: ${r.ms.toFixed(0)} ms, ${r.steps} steps, metric ${r.metric.toFixed(3)}, ` +
                  `accuracy ${r.accuracy.toFixed(3)}`);
    }
    console.log(`page (Chromium lab worker), ${task}: median ${median(times).toFixed(0)} ms over ${seeds} seeds`);
  }
});
