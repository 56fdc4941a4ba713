// The predict benchmark (`WRAPPERS_BENCH_PARTS=predict node scripts/bench.mjs wrappers`):
// KerasClassifier.predictProba per row for 100k and 1M rows on wasm and cpu (it predicts batch
// by batch from host memory: linear in the rows), next to tfjs's model.predict on one tensor
// (which slices every batch out of the whole tensor: on wasm each slice copies from the whole
// source, so it grows quadratically) at sizes where that finishes, with both outputs compared.
// Set WRAPPERS_BENCH_PREDICT_ROWS=100000,1000000 to pick the sizes.
import { performance } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { row } from '../../../scripts/benchUtil.mjs';
import { KerasClassifier, useBackend } from '../dist/index.mjs';
import { mlpHH } from './models.mjs';

const D = 20;
const SIZES = (process.env.WRAPPERS_BENCH_PREDICT_ROWS ?? '100000,1000000').split(',').map(Number);
// raw tfjs on one tensor, per backend: the sizes it finishes in seconds
const RAW_SIZES = { wasm: [10_000, 25_000], cpu: [100_000] };

function rows(n, seed) {
  const data = new Float64Array(n * D);
  let s = seed >>> 0;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    data[i] = (s / 4294967296) * 4 - 2;
  }
  return { data, shape: [n, D] };
}

async function fitted() {
  const train = rows(2000, 1);
  const y = Array.from({ length: 2000 }, (_, i) => i % 3);
  const clf = new KerasClassifier({
    model: mlpHH,
    model__hidden: 64,
    loss: 'sparse_categorical_crossentropy',
    optimizer: 'adam',
    epochs: 1,
    verbose: 0,
    randomState: 0,
  });
  return clf.fit(train, y);
}

async function wall(fn) {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

function rawPredict(model, X) {
  const x = tf.tensor2d(Float32Array.from(X.data), X.shape);
  const out = model.predict(x, { batchSize: 32 });
  const values = out.arraySync();
  tf.dispose([x, out]);
  return values;
}

async function backendRows(backend) {
  await useBackend(backend);
  const clf = await fitted();
  const out = [];
  await clf.predictProba(rows(1000, 7)); // warm-up
  for (const n of RAW_SIZES[backend] ?? []) {
    const X = rows(n, 3);
    const [oursMs, ours] = await wall(() => clf.predictProba(X));
    const [rawMs, raw] = await wall(() => rawPredict(clf.model_, X));
    const same = JSON.stringify(ours) === JSON.stringify(raw);
    out.push(
      row(
        'predict',
        `predictProba ${n / 1000}k rows vs tfjs model.predict on one tensor (${backend})`,
        oursMs,
        rawMs,
        {
          ref: 'raw tfjs 4.22.0, batchSize 32',
          note: `${((oursMs * 1000) / n).toFixed(2)} us/row (raw ${((rawMs * 1000) / n).toFixed(2)}); outputs ${same ? 'identical' : 'DIFFER'}; MLP 20-64-64-3`,
        },
      ),
    );
  }
  for (const n of SIZES) {
    const X = rows(n, 5);
    const [ms] = await wall(() => clf.predictProba(X));
    out.push(
      row(
        'predict',
        `predictProba ${n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`} rows (${backend})`,
        ms,
        undefined,
        {
          note: `${((ms * 1000) / n).toFixed(2)} us/row; MLP 20-64-64-3, batchSize 32`,
        },
      ),
    );
  }
  clf.dispose();
  return out.map((r) => ({ ...r, backend }));
}

/** The predict rows: both backends, our sizes and the raw tfjs references. */
export async function run() {
  const out = [];
  for (const backend of ['wasm', 'cpu']) out.push(...(await backendRows(backend)));
  await useBackend('wasm');
  return out;
}
