// `pnpm demo:distributed`: a grid search through Redis on two scikeras-worker processes, and where
// each fit ran. Starts a local redis-server (Debian's package) and the two workers, or uses the
// Redis of SCIKERAS_REDIS_URL (then start your own workers:
//   scikeras-worker --redis $SCIKERAS_REDIS_URL --queue demo --import apps/demo/src/distributed/models.mjs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { GridSearchCV } from '@scikeras/model-selection';
import { KerasClassifier } from '@scikeras/wrappers';
import { QueueExecutor } from '@scikeras/distributed';
import {
  INSTALL_LINE,
  resolveRedisServer,
  startRedisServer,
  startWorkers,
  stopWorkers,
} from '@scikeras/distributed/testing';
import { irisMlp } from './models.mjs';

tf.enableProdMode();
const here = dirname(fileURLToPath(import.meta.url));
const MODELS = join(here, 'models.mjs');

/** scikit-learn's iris.csv: a header line, then 4 features and the class code per row. */
function loadIris() {
  const lines = readFileSync(join(here, '..', '..', 'data', 'iris.csv'), 'utf8')
    .trim()
    .split('\n');
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  return { X: rows.map((r) => r.slice(0, 4)), y: rows.map((r) => r[4]) };
}

async function localRedisAndWorkers() {
  try {
    resolveRedisServer({ install: false });
  } catch {
    console.error(
      `redis-server is not installed. Install it (${INSTALL_LINE}) or set SCIKERAS_REDIS_URL to a Redis whose workers run the queue 'demo'.`,
    );
    process.exit(1);
  }
  const redis = await startRedisServer();
  console.log(`redis-server on ${redis.url} (data in ${redis.dir})`);
  const workers = await startWorkers(2, { url: redis.url, queue: 'demo', imports: [MODELS] });
  for (const w of workers) console.log(w.lines[0]);
  return {
    url: redis.url,
    stop: async () => {
      await stopWorkers(workers);
      await redis.remove();
    },
  };
}

const fixed = process.env.SCIKERAS_REDIS_URL;
const local = fixed ? null : await localRedisAndWorkers();
const url = fixed ?? local.url;
const placements = [];
const executor = new QueueExecutor({
  connection: url,
  queue: 'demo',
  onTask: (p) => placements.push(p),
});
try {
  const { X, y } = loadIris();
  const search = new GridSearchCV({
    estimator: new KerasClassifier({
      model: irisMlp,
      loss: 'sparse_categorical_crossentropy',
      optimizer: 'adam',
      epochs: 30,
      batchSize: 16,
      verbose: 0,
      randomState: 0,
    }),
    paramGrid: { model__hidden: [4, 16], optimizer__learningRate: [0.01, 0.05] },
    cv: 3,
    verbose: 1,
    executor,
  });
  const t0 = performance.now();
  await search.fit(X, y, { searchId: 'demo-iris' });
  console.log(
    `\nsearch done in ${((performance.now() - t0) / 1000).toFixed(1)} s; where each fit ran:\n`,
  );
  console.log(
    'candidate  fold  worker            host                 pid      thread  seconds  score',
  );
  placements.sort((a, b) => a.candidateIndex - b.candidateIndex || a.splitIndex - b.splitIndex);
  const scores = search.cvResults_;
  for (const p of placements) {
    const score = scores[`split${p.splitIndex}TestScore`][p.candidateIndex];
    console.log(
      `${String(p.candidateIndex).padEnd(11)}${String(p.splitIndex).padEnd(6)}${p.worker.id.padEnd(18)}` +
        `${p.worker.host.slice(0, 20).padEnd(21)}${String(p.worker.pid).padEnd(9)}${String(p.worker.thread).padEnd(8)}` +
        `${p.seconds.toFixed(2).padEnd(9)}${score.toFixed(4)}`,
    );
  }
  console.log(
    `\nbestParams_ ${JSON.stringify(search.bestParams_)}, bestScore_ ${search.bestScore_.toFixed(4)}`,
  );
  console.log(
    `refitted here; accuracy on the whole of iris: ${(await search.score(X, y)).toFixed(4)}`,
  );
  search.dispose();
} finally {
  await executor.close();
  await local?.stop();
}
