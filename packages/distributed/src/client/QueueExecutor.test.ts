// QueueExecutor against a real Redis and real scikeras-worker processes: the same results as
// nJobs: 1, errors and warnings as nJobs: 1 gives them, the search's keys gone at the end.
import * as tf from '@tensorflow/tfjs';
import { InvalidParameterError, ValueError, catchWarnings } from '@scikeras/estimator-core';
import {
  GridSearchCV,
  crossValidate,
  crossValPredict,
  type Executor,
} from '@scikeras/model-selection';
import { KerasClassifier } from '@scikeras/wrappers';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SlowRegressor, mlp } from '../../test-utils/models.cjs';
import { startRedisServer, type RedisServer } from '../testing/redisServer';
import { startWorkers, stopWorkers, taskLines, type WorkerProcess } from '../../test-utils/workers';
import { QueueExecutor } from './QueueExecutor';
import type { TaskPlacement } from './SearchRun';

const TIMING = /^(mean|std)(Fit|Score)Time$/;
const QUEUE = 'equality';

async function waitUntil(cond: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function withoutTimes(res: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(res).filter(([k]) => !TIMING.test(k)));
}

/** 3 classes, 4 features, 60 rows; a regression target. */
const X = Array.from({ length: 60 }, (_, i) => [i % 3, (i * 7) % 5, ((i * 3) % 7) / 7, i / 60]);
const yc = X.map((_, i) => ['a', 'b', 'c'][i % 3]!);
const yr = X.map((r, i) => r[0]! * 2 + r[1]! - (i % 4));

describe('QueueExecutor', () => {
  let redis: RedisServer;
  let workers: WorkerProcess[];
  let executor: QueueExecutor;
  let client: Redis;
  const placements: TaskPlacement[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    workers = await startWorkers(2, { url: redis.url, queue: QUEUE });
    executor = new QueueExecutor({
      connection: redis.url,
      queue: QUEUE,
      onTask: (p) => placements.push(p),
    });
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await executor?.close();
    client?.disconnect();
    await stopWorkers(workers ?? []);
    if (process.env.SHOW_WORKER_LINES) console.error(workers?.flatMap((w) => w.lines).join('\n'));
    await redis?.remove();
  });

  const searchKeysLeft = () => client.keys(`bull:${QUEUE}:scikeras:*`);

  it('gives a seeded KerasClassifier grid search the cvResults_ and bestParams_ of nJobs: 1', async () => {
    const n0 = tf.memory().numTensors;
    const make = (ex: QueueExecutor | null) =>
      new GridSearchCV({
        estimator: new KerasClassifier({
          model: mlp,
          loss: 'sparse_categorical_crossentropy',
          optimizer: 'adam',
          epochs: 3,
          batchSize: 16,
          verbose: 0,
          randomState: 0,
        }),
        paramGrid: { model__hidden: [2, 5], optimizer__learningRate: [0.01, 0.05] },
        cv: 3,
        refit: false,
        executor: ex,
      });
    const seq = await make(null).fit(X, yc);
    placements.length = 0;
    const dist = await make(executor).fit(X, yc, { searchId: 'keras-grid' });
    expect(withoutTimes(dist.cvResults_!)).toEqual(withoutTimes(seq.cvResults_!));
    expect(dist.bestParams_).toEqual(seq.bestParams_);
    expect(dist.bestIndex_).toBe(seq.bestIndex_);
    // every (candidate, fold) once, run by the workers (not resumed)
    expect(placements).toHaveLength(12);
    const pairs = new Set(placements.map((p) => `${p.candidateIndex},${p.splitIndex}`));
    expect(pairs.size).toBe(12);
    expect(placements.every((p) => !p.resumed && /^w[01]$/.test(p.worker.id))).toBe(true);
    expect(taskLines(workers, 'keras-grid')).toHaveLength(12);
    expect(await searchKeysLeft()).toEqual([]);
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('refits the best candidate here, as nJobs: 1 does', async () => {
    const make = (ex: QueueExecutor | null) =>
      new GridSearchCV({
        estimator: new SlowRegressor(),
        paramGrid: { shrink: [0.5, 1, 1.5], slope: [0, 1] },
        cv: 4,
        returnTrainScore: true,
        executor: ex,
      });
    const seq = await make(null).fit(X, yr);
    const dist = await make(executor).fit(X, yr);
    expect(withoutTimes(dist.cvResults_!)).toEqual(withoutTimes(seq.cvResults_!));
    expect(dist.bestParams_).toEqual(seq.bestParams_);
    expect(await dist.score(X, yr)).toBe(await seq.score(X, yr));
    expect(await searchKeysLeft()).toEqual([]);
  });

  it('runs crossValidate (returnEstimator) and crossValPredict like nJobs: 1', async () => {
    const est = new SlowRegressor({ shrink: 0.9, slope: 0.5 });
    const a = await crossValidate(est, X, yr, {
      cv: 3,
      executor,
      returnEstimator: true,
      returnTrainScore: true,
    });
    const b = await crossValidate(est, X, yr, {
      cv: 3,
      returnEstimator: true,
      returnTrainScore: true,
    });
    expect(a.testScore).toEqual(b.testScore);
    expect(a.trainScore).toEqual(b.trainScore);
    expect(a.estimator!.map((e) => (e as unknown as { mean_: number }).mean_)).toEqual(
      b.estimator!.map((e) => (e as unknown as { mean_: number }).mean_),
    );
    expect(a.estimator![0]).toBeInstanceOf(SlowRegressor);
    expect(await crossValPredict(est, X, yr, { cv: 3, executor })).toEqual(
      await crossValPredict(est, X, yr, { cv: 3 }),
    );
  });

  it.each([0, -1])(
    'gives errorScore %p and the FitFailedWarning of nJobs: 1 for fits that throw',
    async (errorScore) => {
      const make = (ex: QueueExecutor | null) =>
        new GridSearchCV({
          estimator: new SlowRegressor(),
          paramGrid: [{ shrink: [1] }, { shrink: [2], fail: [true] }],
          cv: 3,
          refit: false,
          errorScore,
          executor: ex,
        });
      const seq = await catchWarnings(() => make(null).fit(X, yr));
      const dist = await catchWarnings(() => make(executor).fit(X, yr));
      expect(withoutTimes(dist.result.cvResults_!)).toEqual(withoutTimes(seq.result.cvResults_!));
      const firstLines = (ws: { message: string; category: string }[]) =>
        ws.map((w) => [w.category, w.message.split('\n').slice(0, 6).join('\n')]);
      expect(firstLines(dist.warnings)).toEqual(firstLines(seq.warnings));
      expect(dist.warnings[0]!.message).toContain(
        'Error: SlowRegressor failed on purpose (shrink=2)',
      );
    },
  );

  it("re-throws a fit's error with errorScore 'raise', and removes the search's other tasks", async () => {
    const make = (ex: QueueExecutor | null) =>
      new GridSearchCV({
        estimator: new SlowRegressor({ ms: 200 }),
        paramGrid: [{ shrink: [2], fail: [true] }, { shrink: [1, 3, 4, 5] }],
        cv: 3,
        errorScore: 'raise',
        executor: ex,
      });
    await expect(make(null).fit(X, yr)).rejects.toThrow(
      new ValueError('SlowRegressor failed on purpose (shrink=2)'),
    );
    // the worker's error comes back with its class (estimator-core's errorRecord) and its stack
    const e = await make(executor)
      .fit(X, yr, { searchId: 'raises' })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toEqual(new ValueError('SlowRegressor failed on purpose (shrink=2)'));
    expect((e as Error).stack).toMatch(/\(in a scikeras-worker task thread\)$/);
    expect(await searchKeysLeft()).toEqual([]);
    // the search's queued tasks were removed, its running ones stopped: no job is left
    const queue = new Queue(QUEUE, { connection: client });
    try {
      await waitUntil(async () => {
        const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0);
      });
    } finally {
      await queue.close();
    }
  });

  it('prints verbose lines and calls onProgress per task, as nJobs gives them', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    const events: number[] = [];
    try {
      await new GridSearchCV({
        estimator: new SlowRegressor(),
        paramGrid: { shrink: [1, 2] },
        cv: 2,
        verbose: 3,
        executor,
        onProgress: (e) => events.push(e.done),
      }).fit(X, yr);
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toBe('Fitting 2 folds for each of 2 candidates, totalling 4 fits');
    expect(lines.filter((l) => /^\[CV \d\/2\] END \.+shrink=\d;, score=-?\d/.test(l))).toHaveLength(
      4,
    );
    expect(events).toEqual([1, 2, 3, 4]);
  });

  it('refuses a searchId in use by another search, and bad searchIds', async () => {
    const est = new SlowRegressor({ ms: 300 });
    const first = crossValidate(est, X, yr, { cv: 3, executor, searchId: 'taken' });
    await new Promise((r) => setTimeout(r, 100));
    await expect(
      crossValidate(new SlowRegressor({ shrink: 2 }), X, yr, {
        cv: 3,
        executor,
        searchId: 'taken',
      }),
    ).rejects.toThrow(
      "The searchId 'taken' is in use by another search (other data, estimator, candidates or splits) on queue 'equality'. Use another searchId, or wait for that search to end.",
    );
    await first;
    await expect(crossValidate(est, X, yr, { cv: 2, executor, searchId: 'a b' })).rejects.toThrow(
      `searchId must be 1 to 128 letters, digits, '_', '-' or '.' (not first), got "a b".`,
    );
  });

  it('refuses a timeout (it cannot stop a running fit) before anything reaches Redis', async () => {
    const message =
      "QueueExecutor cannot bound a task's time: its workers do not stop a fit that runs too long. Got timeout=5; set the timeout to null, or use nJobs (worker threads) for a timeout.";
    const gs = new GridSearchCV({
      estimator: new SlowRegressor(),
      paramGrid: { shrink: [0.5, 1] },
      cv: 2,
      timeout: 5,
      executor,
    });
    await expect(gs.fit(X, yr)).rejects.toThrow(new InvalidParameterError(message));
    await expect(
      crossValidate(new SlowRegressor(), X, yr, { cv: 2, executor, timeout: 5 }),
    ).rejects.toThrow(new InvalidParameterError(message));
    expect(await searchKeysLeft()).toEqual([]);
  });

  it("refuses a job of mode 'fit' (refits run in the calling thread) and has no refitTasks", async () => {
    expect((executor as Executor).refitTasks).toBeUndefined();
    const job = {
      estimator: new SlowRegressor(),
      X,
      y: yr,
      fitOptions: {},
      scoring: null,
      scoringParam: null,
      mode: 'fit' as const,
      returnTrainScore: false,
      returnEstimator: true,
      errorScore: 'raise' as const,
      tasks: [
        { taskIndex: 0, candidateIndex: 0, splitIndex: -1, params: {}, trainIdx: [], testIdx: [] },
      ],
    };
    await expect(executor.run(job)).rejects.toThrow(
      new ValueError(
        "QueueExecutor runs fit-and-score and prediction tasks, not jobs of mode 'fit' (a search's refit runs in the calling thread).",
      ),
    );
    expect(await searchKeysLeft()).toEqual([]);
  });

  it('validates its options', () => {
    expect(() => new QueueExecutor({ connection: 'http://x', queue: 'q' })).toThrow(
      `The 'connection' option of QueueExecutor must be a redis:// or rediss:// URL or ioredis options. Got "http://x" instead.`,
    );
    expect(() => new QueueExecutor({ connection: redis.url, queue: 'a:b' })).toThrow(
      `The 'queue' option of QueueExecutor must be a non-empty queue name without ':'. Got "a:b" instead.`,
    );
    expect(() => new QueueExecutor({ connection: redis.url, queue: 'q', ttl: 0 })).toThrow(
      "The 'ttl' option of QueueExecutor must be a positive integer. Got 0 instead.",
    );
    expect(String(new QueueExecutor({ connection: 'redis://u:secret@h:1/0', queue: 'q' }))).toBe(
      "QueueExecutor(queue='q', connection='redis://u:***@h:1/0')",
    );
  });
});
