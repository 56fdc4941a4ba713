// One size of the scale benchmark (bench/scale.mjs), in its own process so that its peak RSS is
// its own: `node bench/scaleChild.mjs <rows> <backend> [cv]`. Prints one JSON line.
// X is one Float32Array with a shape ({ data, shape: [rows, 100] }); y 3 classes.
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, useBackend } from '../dist/index.mjs';

export const D = 100;
export const SCALE = { hidden: 64, epochs: 1, batchSize: 128, predictBatchSize: 1024 };

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

async function main() {
  const n = Number(process.argv[2]);
  const backend = process.argv[3] ?? 'wasm';
  tf.enableProdMode();
  await useBackend(backend);
  const { X, y } = scaleData(n);
  const yLabels = Array.from(y);
  const baseline = rssMB(); // node + tfjs + the data
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssMB())), 5);
  const clf = new KerasClassifier({
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
  let t0 = performance.now();
  await clf.fit(X, yLabels);
  const fitMs = performance.now() - t0;
  const fitPeakMB = Math.max(peak, rssMB());
  t0 = performance.now();
  const proba = await clf.predictProba(X);
  const predictMs = performance.now() - t0;
  peak = Math.max(peak, rssMB());
  clearInterval(timer);
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const dataMB = X.data.byteLength / 2 ** 20;
  clf.dispose();
  console.log(
    JSON.stringify({
      n,
      backend,
      fitMs,
      fitPeakMB,
      predictMs,
      rows: proba.length,
      dataMB,
      baselineMB: baseline,
      peakSampledMB: peak,
      maxRssMB,
      overDataMB: maxRssMB - dataMB,
    }),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) await main();
