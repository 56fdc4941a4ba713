// One size of the scale benchmark (bench/scale.mjs), in its own process so that its peak RSS is
// its own: `node bench/scaleChild.mjs <rows> <backend> [cv]`. Prints one JSON line: fit and
// predictProba (peak RSS through the first predict), or with `cv` a 3-fold crossValScore.
// X is one Float32Array with a shape ({ data, shape: [rows, 100] }); y 3 classes.
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, useBackend } from '../dist/index.mjs';

export const D = 100;
export const SCALE = { hidden: 64, epochs: 1, batchSize: 128, predictBatchSize: 1024 };
/** predictProba runs this many times; its time is the fastest (the machine is shared). */
const PREDICT_REPS = Number(process.env.WRAPPERS_BENCH_SCALE_REPS ?? 3);
const CV_FOLDS = 3;

/** Seeded uniform features in [-2, 2) and a label that depends on them (3 classes). */
export function scaleData(n, seed = 1) {
  const data = new Float32Array(n * D);
  const y = new Int32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < D; j++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      const v = (s / 4294967296) * 4 - 2;
      data[i * D + j] = v;
      if (j < 10) sum += v;
    }
    y[i] = sum < -1 ? 0 : sum < 1 ? 1 : 2;
  }
  return { X: { data, shape: [n, D] }, y };
}

export function scaleMlp({ nFeaturesIn_, nClasses_, hidden }) {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }));
  m.add(tf.layers.dense({ units: hidden, activation: 'relu' }));
  m.add(tf.layers.dense({ units: nClasses_, activation: 'softmax' }));
  return m;
}

function rssMB() {
  return process.memoryUsage().rss / 2 ** 20;
}

function classifier() {
  return new KerasClassifier({
    model: scaleMlp,
    model__hidden: SCALE.hidden,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    epochs: SCALE.epochs,
    batchSize: SCALE.batchSize,
    predict__batchSize: SCALE.predictBatchSize,
    verbose: 0,
    randomState: 0,
  });
}

/**
 * fit, then predictProba (timed PREDICT_REPS times, the peak RSS read after the first), then
 * predict (labels; PREDICT_REPS times).
 */
async function fitPredict(n, backend, X, yLabels) {
  const baseline = rssMB(); // node + tfjs + the data
  const clf = classifier();
  let t0 = performance.now();
  await clf.fit(X, yLabels);
  const fitMs = performance.now() - t0;
  const fitMaxRssMB = process.resourceUsage().maxRSS / 1024;
  const predictTimes = [];
  let rows = 0;
  let maxRssMB = 0;
  for (let rep = 0; rep < PREDICT_REPS; rep++) {
    t0 = performance.now();
    const proba = await clf.predictProba(X);
    predictTimes.push(performance.now() - t0);
    rows = proba.length;
    if (rep === 0) maxRssMB = process.resourceUsage().maxRSS / 1024;
  }
  const labelTimes = [];
  for (let rep = 0; rep < PREDICT_REPS; rep++) {
    t0 = performance.now();
    await clf.predict(X);
    labelTimes.push(performance.now() - t0);
  }
  const dataMB = X.data.byteLength / 2 ** 20;
  clf.dispose();
  return {
    predictLabelsMs: Math.min(...labelTimes),
    n,
    backend,
    fitMs,
    fitPeakMB: fitMaxRssMB,
    predictMs: Math.min(...predictTimes),
    predictTimes,
    rows,
    dataMB,
    baselineMB: baseline,
    maxRssMB,
    overDataMB: maxRssMB - dataMB,
  };
}

/** crossValScore with CV_FOLDS folds: each fold copies its own rows (takeRows), nothing more. */
async function crossValidate(n, backend, X, yLabels) {
  const { crossValScore } = await import('@scikeras/model-selection');
  const baseline = rssMB();
  const t0 = performance.now();
  const scores = await crossValScore(classifier(), X, yLabels, { cv: CV_FOLDS });
  const cvMs = performance.now() - t0;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const dataMB = X.data.byteLength / 2 ** 20;
  return { n, backend, cv: CV_FOLDS, cvMs, scores, dataMB, baselineMB: baseline, maxRssMB };
}

async function main() {
  const n = Number(process.argv[2]);
  const backend = process.argv[3] ?? 'wasm';
  tf.enableProdMode();
  await useBackend(backend);
  const { X, y } = scaleData(n);
  const yLabels = Array.from(y);
  const run = process.argv[4] === 'cv' ? crossValidate : fitPredict;
  console.log(JSON.stringify(await run(n, backend, X, yLabels)));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) await main();
