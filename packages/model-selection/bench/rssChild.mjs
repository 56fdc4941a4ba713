// One process of the RSS benchmark (bench/nJobs.mjs starts it): 100 small grid searches of a
// KerasClassifier with nJobs 2 (tfjs in the workers), printing the process's RSS after searches
// 1, 50 and 100, and the tensors left in this thread.
import { createRequire } from 'node:module';
import { URL } from 'node:url';

const wrappersDist = new URL('../../wrappers/dist/index.mjs', import.meta.url);
const tf = createRequire(wrappersDist)('@tensorflow/tfjs');
const { KerasClassifier, useBackend } = await import(wrappersDist.href);
const { mlpHH } = await import(new URL('../../wrappers/bench/models.mjs', import.meta.url).href);
const { GridSearchCV } = await import(new URL('../dist/index.mjs', import.meta.url).href);

tf.enableProdMode();
await useBackend('wasm');
const X = Array.from({ length: 300 }, (_, i) =>
  Array.from({ length: 8 }, (_, j) => Math.sin(i * (j + 1))),
);
const y = X.map((r) => (r[0] + r[1] > 0 ? 1 : 0) + (r[2] > 0.5 ? 1 : 0));
const rss = {};
const n0 = tf.memory().numTensors;
for (let s = 1; s <= 100; s++) {
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
  if (s === 1 || s === 10 || s === 50 || s === 100)
    rss[s] = Math.round(process.memoryUsage().rss / 2 ** 20);
}
console.log(JSON.stringify({ rss, leakedTensors: tf.memory().numTensors - n0 }));
