// One process of the RSS benchmark (bench/nJobs.mjs starts it): MS_BENCH_RSS_SEARCHES (default
// 300) small grid searches of a KerasClassifier with nJobs 2 (tfjs in the workers, which the pool
// keeps between searches), sampling this process's memory after each one: RSS (the calling thread
// and both workers), and this thread's heapUsed, external and arrayBuffers. With --expose-gc the
// calling thread is collected before each sample (the workers never are: their heaps are in RSS
// as V8 sizes them). Prints the samples at a few searches, the least-squares slope of RSS and
// heapUsed from search WARMUP (default 50) on, in MB per 100 searches, and the tensors left here.
import { createRequire } from 'node:module';
import { URL } from 'node:url';

const wrappersDist = new URL('../../wrappers/dist/index.mjs', import.meta.url);
const tf = createRequire(wrappersDist)('@tensorflow/tfjs');
const { KerasClassifier, useBackend } = await import(wrappersDist.href);
const { mlpHH } = await import(new URL('../../wrappers/bench/models.mjs', import.meta.url).href);
const { GridSearchCV } = await import(new URL('../dist/index.mjs', import.meta.url).href);

const SEARCHES = Number(process.env.MS_BENCH_RSS_SEARCHES ?? 300);
const WARMUP = Math.min(Number(process.env.MS_BENCH_RSS_WARMUP ?? 50), SEARCHES - 2);
const AT = [1, 10, 50, 100, 200, 300, 500, 1000].filter((s) => s <= SEARCHES);
if (!AT.includes(SEARCHES)) AT.push(SEARCHES);

tf.enableProdMode();
await useBackend('wasm');
const X = Array.from({ length: 300 }, (_, i) =>
  Array.from({ length: 8 }, (_, j) => Math.sin(i * (j + 1))),
);
const y = X.map((r) => (r[0] + r[1] > 0 ? 1 : 0) + (r[2] > 0.5 ? 1 : 0));
const MB = (b) => b / 2 ** 20;
const gc = globalThis.gc;

/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

const samples = [];
const n0 = tf.memory().numTensors;
const t0 = Date.now();
for (let s = 1; s <= SEARCHES; s++) {
  const gs = new GridSearchCV({
    estimator: new KerasClassifier({
      model: mlpHH,
      optimizer: 'adam',
      loss: 'sparse_categorical_crossentropy',
      batchSize: 64,
      epochs: 2,
      verbose: 0,
      randomState: 0,
    }),
    paramGrid: { model__hidden: [4, 8] },
    cv: 2,
    nJobs: 2,
    refit: true,
  });
  await gs.fit(X, y);
  gs.dispose();
  gc?.();
  const m = process.memoryUsage();
  samples.push({
    s,
    rss: MB(m.rss),
    heapUsed: MB(m.heapUsed),
    external: MB(m.external),
    arrayBuffers: MB(m.arrayBuffers),
  });
}
const round = (x) => Math.round(x * 10) / 10;
const at = {};
for (const s of AT) {
  const { rss, heapUsed, external, arrayBuffers } = samples[s - 1];
  at[s] = { rss, heapUsed, external, arrayBuffers };
  for (const k of Object.keys(at[s])) at[s][k] = round(at[s][k]);
}
const tail = samples.slice(WARMUP - 1);
const per100 = (key) =>
  Math.round(
    10000 *
      slope(
        tail.map((p) => p.s),
        tail.map((p) => p[key]),
      ),
  ) / 100;
console.log(
  JSON.stringify({
    searches: SEARCHES,
    warmup: WARMUP,
    gc: typeof gc === 'function',
    seconds: Math.round((Date.now() - t0) / 1000),
    at,
    slopePer100: { rss: per100('rss'), heapUsed: per100('heapUsed') },
    leakedTensors: tf.memory().numTensors - n0,
  }),
);
