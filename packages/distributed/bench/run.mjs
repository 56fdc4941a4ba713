// The distributed benchmark (`node scripts/bench.mjs distributed`), on one machine:
//  1. overhead: 200 fast tasks (40 candidates x 5 folds, a fit that costs nothing) through
//     QueueExecutor and 2 local scikeras-worker processes, next to nJobs: 2 (worker threads);
//     with Redis's own CPU time per task (INFO commandstats), for how many tasks/s one Redis serves;
//  2. the reference grid search of the wrappers benchmark (6000 x 20, 3 classes; MLP 20-H-H-3;
//     4 candidates x 3 folds + refit) through 2 workers, next to nJobs: 2.
// Needs redis-server (skipped with a note without it) and the built packages.
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { GridSearchCV } from '@scikeras/model-selection';
import { WorkerPoolExecutor } from '@scikeras/model-selection/node';
import { Redis } from 'ioredis';
import { row } from '../../../scripts/benchUtil.mjs';
import { QueueExecutor } from '../dist/index.mjs';
import {
  resolveRedisServer,
  startRedisServer,
  startWorkers,
  stopWorkers,
} from '../dist/testing/index.mjs';
import { MeanRegressor } from './models.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAST_MODELS = join(here, 'models.mjs');
const WRAPPERS_BENCH = join(here, '..', '..', 'wrappers', 'bench');

/** Redis's CPU time (µs) and calls, summed over every command, from INFO commandstats. */
async function redisCpu(client) {
  const info = await client.info('commandstats');
  let usec = 0;
  let calls = 0;
  for (const m of info.matchAll(/calls=(\d+),usec=(\d+)/g)) {
    calls += Number(m[1]);
    usec += Number(m[2]);
  }
  return { usec, calls };
}

async function timed(fn) {
  const t0 = performance.now();
  const out = await fn();
  return { ms: performance.now() - t0, out };
}

async function overheadRows(url) {
  const X = Array.from({ length: 500 }, (_, i) => [i % 7, (i * 3) % 11, i / 500]);
  const y = X.map((r) => r[0] + r[1]);
  const grid = { shrink: Array.from({ length: 40 }, (_, i) => 0.5 + i / 40) };
  const search = (opts) =>
    new GridSearchCV({
      estimator: new MeanRegressor(),
      paramGrid: grid,
      cv: 5,
      refit: false,
      ...opts,
    });
  const workers = await startWorkers(2, { url, queue: 'bench-fast', imports: [FAST_MODELS] });
  const executor = new QueueExecutor({ connection: url, queue: 'bench-fast' });
  const client = new Redis(url);
  try {
    await search({ executor }).fit(X, y); // warm: workers' threads, connections
    await search({ nJobs: 2 }).fit(X, y);
    const before = await redisCpu(client);
    const dist = await timed(() => search({ executor }).fit(X, y));
    const after = await redisCpu(client);
    const pool = await timed(() => search({ nJobs: 2 }).fit(X, y));
    const seq = await timed(() => search({ nJobs: 1 }).fit(X, y));
    const usecPerTask = (after.usec - before.usec) / 200;
    const callsPerTask = (after.calls - before.calls) / 200;
    return [
      row(
        'distributed',
        '200 fast tasks: 2 local scikeras-workers vs nJobs 2 (worker threads)',
        dist.ms,
        pool.ms,
        {
          ref: 'nJobs: 2 (this thread + 1 worker thread)',
          unit: 'ms per search',
          note:
            `${(dist.ms / 200).toFixed(2)} ms/task through Redis vs ${(pool.ms / 200).toFixed(2)} ms/task nJobs 2, ${(seq.ms / 200).toFixed(3)} ms/task nJobs 1; ` +
            `Redis: ${callsPerTask.toFixed(1)} commands and ${usecPerTask.toFixed(0)} µs of its CPU per task ` +
            `(one Redis core: ~${Math.round(1e6 / usecPerTask)} tasks/s); ${cpus().length} cores`,
        },
      ),
    ];
  } finally {
    client.disconnect();
    await executor.close();
    await stopWorkers(workers);
  }
}

async function gridRows(url) {
  const { makeReferenceClassification } = await import(join(WRAPPERS_BENCH, 'data.mjs'));
  const { referenceSearch } = await import(join(WRAPPERS_BENCH, 'referenceSearch.mjs'));
  const { KerasClassifier, useBackend } = await import('@scikeras/wrappers');
  await useBackend('wasm');
  const data = makeReferenceClassification();
  const search = async (opts) => {
    const gs = referenceSearch({ GridSearchCV, KerasClassifier }, opts);
    const t = await timed(() => gs.fit(data.Xtrain, data.ytrain));
    const acc = await gs.score(data.Xtest, data.ytest);
    gs.dispose();
    return { ms: t.ms, acc };
  };
  const workers = await startWorkers(2, {
    url,
    queue: 'bench-grid',
    imports: [join(WRAPPERS_BENCH, 'models.mjs')],
  });
  const executor = new QueueExecutor({ connection: url, queue: 'bench-grid' });
  try {
    const dist = await search({ executor });
    const pool = await search({ nJobs: 2 });
    return [
      row(
        'distributed',
        'reference GridSearchCV 4 x 3 folds + refit: 2 local scikeras-workers vs nJobs 2',
        dist.ms,
        pool.ms,
        {
          ref: 'nJobs: 2 (worker threads), same machine',
          note: `test accuracy ${dist.acc.toFixed(4)} (nJobs 2: ${pool.acc.toFixed(4)}); wasm; the refit runs in the client; ${cpus().length} cores`,
        },
      ),
    ];
  } finally {
    await executor.close();
    await stopWorkers(workers);
    await WorkerPoolExecutor.closeIdlePool();
  }
}

export async function run() {
  try {
    resolveRedisServer({ install: false });
  } catch (e) {
    return [row('distributed', 'skipped', NaN, undefined, { note: e.message.split('\n')[0] })];
  }
  const redis = await startRedisServer();
  try {
    return [...(await overheadRows(redis.url)), ...(await gridRows(redis.url))];
  } finally {
    await redis.remove();
  }
}
