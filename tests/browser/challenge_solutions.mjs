// challenge_solutions.mjs: a correct level 1 answer to the coding challenge, in JavaScript, as
// a learner would write it (a softmax that subtracts the largest score), for the tests that
// need code that passes.
export const weightsSolution = `function attentionWeights(query, keys) {
  const scores = keys.map(k => k.reduce((s, x, i) => s + x * query[i], 0) / Math.sqrt(query.length));
  const top = Math.max(...scores);
  const exps = scores.map(s => Math.exp(s - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map(e => e / total);
}`;
