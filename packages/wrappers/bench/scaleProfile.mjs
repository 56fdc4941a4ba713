// Where the memory goes in one size of the scale benchmark (issue 18 goal 4), phase by phase:
// `node bench/scaleProfile.mjs <rows> [wasm|cpu]`. A worker thread samples the process RSS every
// 2 ms (it runs while the main thread is busy in synchronous code); the main thread notes the
// phase and, at each phase boundary, its own external / arrayBuffers and the wasm heap's size.
// Prints one JSON line: per phase, the peak RSS over the data and the snapshot at its end.
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { KerasClassifier, useBackend } from '../dist/index.mjs';
import { SCALE, scaleData, scaleMlp } from './scaleChild.mjs';

const MB = 2 ** 20;
const shared = new Int32Array(new SharedArrayBuffer(4 * 66)); // [phase, stop, peak KB per phase]
const sampler = new Worker(
  `const { workerData } = require('node:worker_threads');
   const s = workerData;
   const tick = () => {
     const p = Atomics.load(s, 0);
     const kb = Math.round(process.memoryUsage.rss() / 1024);
     if (kb > s[2 + p]) s[2 + p] = kb;
     if (Atomics.load(s, 1) === 0) setTimeout(tick, 2);
   };
   tick();`,
  { eval: true, workerData: shared },
);

const phases = [];
function wasmHeapMB() {
  const b = tf.backend();
  return b.wasm ? b.wasm.HEAPU8.buffer.byteLength / MB : 0;
}
function phase(name) {
  const m = process.memoryUsage();
  const prev = phases.at(-1);
  if (prev) {
    prev.snapshotAtEnd = {
      rssMB: Math.round(m.rss / MB),
      externalMB: Math.round(m.external / MB),
      arrayBuffersMB: Math.round(m.arrayBuffers / MB),
      heapUsedMB: Math.round(m.heapUsed / MB),
      wasmHeapMB: Math.round(wasmHeapMB()),
      numTensors: tf.memory().numTensors,
    };
    prev.ms = Math.round(performance.now() - prev.t0);
  }
  if (name === null) return;
  Atomics.store(shared, 0, phases.length);
  phases.push({ name, t0: performance.now() });
}

async function main() {
  const n = Number(process.argv[2]);
  const backend = process.argv[3] ?? 'wasm';
  tf.enableProdMode();
  await useBackend(backend);
  phase('data');
  const { X, y } = scaleData(n);
  const yLabels = Array.from(y);
  const dataMB = X.data.byteLength / MB;
  let batches = 0;
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
    callbacks: [
      {
        onTrainBegin: () => phase('fit: epoch (batches)'),
        onBatchEnd: () => void batches++,
        onTrainEnd: () => phase('fit: after training'),
      },
    ],
  });
  phase('fit: validate, encode y, build (to onTrainBegin)');
  await clf.fit(X, yLabels);
  phase('predictRaw');
  const raw = await clf.predictRaw(X);
  phase('predictProba (whole call)');
  const proba = await clf.predictProba(X);
  phase(null);
  Atomics.store(shared, 1, 1);
  await new Promise((r) => sampler.once('exit', r));
  const out = phases.map((p, i) => ({
    name: p.name,
    ms: p.ms,
    peakRssMB: Math.round(shared[2 + i] / 1024),
    peakOverDataMB: Math.round(shared[2 + i] / 1024 - dataMB),
    ...p.snapshotAtEnd,
  }));
  console.log(
    JSON.stringify({
      n,
      backend,
      dataMB: Math.round(dataMB),
      batches,
      rawRows: raw.length,
      probaRows: proba.length,
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      phases: out,
    }),
  );
  clf.dispose();
}

await main();
