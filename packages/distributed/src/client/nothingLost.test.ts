// Nothing is lost: a worker killed mid-fit, a client killed mid-search and resumed by searchId,
// Redis restarted (append-only file), a search aborted. Real Redis, real worker processes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { GridSearchCV } from '@scikeras/model-selection';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { SlowRegressor } from '../../test-utils/models.cjs';
import { X, yr } from '../../test-utils/data.cjs';
import { startRedisServer, type RedisServer } from '../testing/redisServer';
import { startWorkers, stopWorkers, taskLines, type WorkerProcess } from '../../test-utils/workers';
import { QueueExecutor } from './QueueExecutor';
import type { TaskPlacement } from './SearchRun';

const TIMING = /^(mean|std)(Fit|Score)Time$/;
const GRID = { shrink: [0.5, 1, 1.5, 2], slope: [0, 1] }; // 8 candidates x 3 folds = 24 tasks

function withoutTimes(res: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(res).filter(([k]) => !TIMING.test(k)));
}

const search = (ms: number, executor: QueueExecutor | null, onProgress?: () => void) =>
  new GridSearchCV({
    estimator: new SlowRegressor({ ms }),
    paramGrid: GRID,
    cv: 3,
    refit: false,
    executor,
    onProgress: onProgress ?? null,
  });

async function waitUntil(cond: () => Promise<boolean> | boolean, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every (candidate, fold) exactly once among the placements. */
function expectEachTaskOnce(placements: TaskPlacement[], n = 24): void {
  expect(placements).toHaveLength(n);
  expect(new Set(placements.map((p) => `${p.candidateIndex},${p.splitIndex}`)).size).toBe(n);
}

describe('nothing is lost', () => {
  let expected: Record<string, unknown[]>;
  beforeAll(async () => {
    expected = withoutTimes((await search(0, null).fit(X, yr)).cvResults_!);
  });

  describe('with 3 workers', () => {
    let redis: RedisServer;
    let workers: WorkerProcess[];
    let client: Redis;
    let queue: Queue;
    const QUEUE = 'lost';

    beforeAll(async () => {
      redis = await startRedisServer();
      workers = await startWorkers(3, { url: redis.url, queue: QUEUE });
      client = new Redis(redis.url, { maxRetriesPerRequest: null });
      queue = new Queue(QUEUE, { connection: client });
    });
    afterAll(async () => {
      await queue?.close();
      client?.disconnect();
      await stopWorkers(workers ?? []);
      await redis?.remove();
    });

    it('gives the task of a worker killed (SIGKILL) mid-fit to another worker', async () => {
      const placements: TaskPlacement[] = [];
      const executor = new QueueExecutor({
        connection: redis.url,
        queue: QUEUE,
        onTask: (p) => placements.push(p),
      });
      try {
        const running = search(600, executor).fit(X, yr, { searchId: 'sigkill' });
        let victim: { candidateIndex: number; splitIndex: number } | undefined;
        await waitUntil(async () => {
          const active = await queue.getActive();
          const job = active.find((j) => j.processedBy === 'w0');
          victim = job?.data.task;
          return victim !== undefined;
        });
        workers[0]!.child.kill('SIGKILL');
        const dist = await running;
        expect(withoutTimes(dist.cvResults_!)).toEqual(expected);
        expectEachTaskOnce(placements);
        const redone = placements.find(
          (p) => p.candidateIndex === victim!.candidateIndex && p.splitIndex === victim!.splitIndex,
        )!;
        expect(redone.worker.id).not.toBe('w0');
        if (process.env.DIST_TEST_REPORT)
          console.log(
            `sigkill: w0 killed during candidate ${victim!.candidateIndex} fold ${victim!.splitIndex}; redone by ${redone.worker.id}`,
          );
        // the killed fit never printed its line; every other fit ran once
        const lines = taskLines(workers, 'sigkill');
        expect(lines).toHaveLength(24);
        expect(await client.keys(`bull:${QUEUE}:scikeras:*`)).toEqual([]);
      } finally {
        await executor.close();
      }
    });

    it('resumes a search whose client was killed, re-running only fits that never finished', async () => {
      // a client process runs the search; it is killed after 6 results
      const script = join(__dirname, '..', '..', 'test-utils', 'resumeClient.mjs');
      const child = spawn(process.execPath, [script, redis.url, QUEUE, 'resume-1', '500'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let progress = 0;
      child.stdout!.on('data', (b: Buffer) => {
        for (const m of b.toString().matchAll(/progress (\d+)/g)) progress = Number(m[1]);
      });
      await waitUntil(() => progress >= 6, 60000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const ranBeforeResume = taskLines(workers, 'resume-1').length;
      expect(ranBeforeResume).toBeGreaterThanOrEqual(6);

      const placements: TaskPlacement[] = [];
      const executor = new QueueExecutor({
        connection: redis.url,
        queue: QUEUE,
        onTask: (p) => placements.push(p),
      });
      try {
        const dist = await search(500, executor).fit(X, yr, { searchId: 'resume-1' });
        expect(withoutTimes(dist.cvResults_!)).toEqual(expected);
        expectEachTaskOnce(placements);
        expect(placements.filter((p) => p.resumed).length).toBeGreaterThanOrEqual(ranBeforeResume);
        // fits actually run: every task once, at most the fits in flight at the kill (3 workers) again
        const ran = taskLines(workers, 'resume-1').length;
        if (process.env.DIST_TEST_REPORT)
          console.log(
            `resume: ${ranBeforeResume} fits done when the client was killed, ${placements.filter((p) => p.resumed).length} results taken from Redis, ${ran} fits run in all for 24 tasks`,
          );
        expect(ran).toBeGreaterThanOrEqual(24);
        expect(ran).toBeLessThanOrEqual(24 + 3);
        expect(await client.keys(`bull:${QUEUE}:scikeras:*`)).toEqual([]);
      } finally {
        await executor.close();
      }
    });
  });

  it('resumes after Redis restarts with its append-only file', async () => {
    const redis = await startRedisServer({ appendOnly: true });
    const workers = await startWorkers(2, { url: redis.url, queue: 'restart' });
    const placements: TaskPlacement[] = [];
    const executor = new QueueExecutor({
      connection: redis.url,
      queue: 'restart',
      pollInterval: 200,
      onTask: (p) => placements.push(p),
    });
    try {
      let done = 0;
      const running = search(300, executor, () => void done++).fit(X, yr, { searchId: 'aof' });
      await waitUntil(() => done >= 4);
      await redis.stop();
      const doneWhileDown = done;
      await new Promise((r) => setTimeout(r, 1500));
      await redis.restart();
      const dist = await running;
      expect(withoutTimes(dist.cvResults_!)).toEqual(expected);
      expectEachTaskOnce(placements);
      expect(done).toBe(24);
      expect(doneWhileDown).toBeLessThan(24);
      const client = new Redis(redis.url);
      expect(await client.keys('bull:restart:scikeras:*')).toEqual([]);
      client.disconnect();
    } finally {
      await executor.close();
      await stopWorkers(workers);
      await redis.remove();
    }
  });

  it('aborts: queued tasks removed, running ones stopped, an AbortError, the worker still serving', async () => {
    const redis = await startRedisServer();
    const workers = await startWorkers(2, { url: redis.url, queue: 'abort' });
    const executor = new QueueExecutor({ connection: redis.url, queue: 'abort' });
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue('abort', { connection: client });
    try {
      const controller = new AbortController();
      const running = search(20000, executor).fit(X, yr, {
        searchId: 'aborted',
        signal: controller.signal,
      });
      await waitUntil(async () => (await queue.getActive()).length === 2);
      const t0 = Date.now();
      controller.abort();
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - t0).toBeLessThan(5000); // not the 20 s of the running fits
      await Promise.all(workers.map((w) => w.waitFor(/cancelled task \d+ .* of search 'aborted'/)));
      await waitUntil(async () => {
        const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        return Object.values(c).every((n) => n === 0);
      });
      expect(await client.keys('bull:abort:scikeras:*')).toEqual([]);
      expect(taskLines(workers, 'aborted')).toEqual([]);
      // the workers replaced their stopped threads and serve the next search
      const dist = await search(0, executor).fit(X, yr);
      expect(withoutTimes(dist.cvResults_!)).toEqual(expected);
    } finally {
      await queue.close();
      client.disconnect();
      await executor.close();
      await stopWorkers(workers);
      await redis.remove();
    }
  });
});
