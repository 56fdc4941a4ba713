// A scikeras-worker only ever constructs classes and calls functions registered by the modules it
// was told to import: hostile payloads (unregistered classes, module URLs of files that would run
// if imported, unregistered functions, __proto__ keys, a method name as mode) run nothing.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BaseEstimator, registerEstimator, registerFunction } from '@scikeras/estimator-core';
import { GridSearchCV, crossValidate } from '@scikeras/model-selection';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { ProtoProbe, SlowRegressor } from '../../test-utils/models.cjs';
import { X, yr } from '../../test-utils/data.cjs';
import { startRedisServer, type RedisServer } from '../testing/redisServer';
import { startWorkers, stopWorkers, type WorkerProcess } from '../../test-utils/workers';
import { QueueExecutor } from '../client/QueueExecutor';
import { packBlob, unpackBlob } from '../data/dataBlob';
import { searchKeys } from '../redis/keys';
import { claimSearch, storeData } from '../redis/searchStore';
import type { StoredResult } from '../tasks/payload';

const QUEUE = 'hostile';

describe('scikeras-worker with hostile payloads', () => {
  let redis: RedisServer;
  let workers: WorkerProcess[];
  let executor: QueueExecutor;
  let client: Redis;
  let dir: string;
  let marker: string;
  let evilUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scikeras-hostile-'));
    marker = join(dir, 'IMPORTED');
    const evil = join(dir, 'evil.mjs');
    // a module that leaves a marker file if it is ever imported
    writeFileSync(
      evil,
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'imported');\n`,
    );
    evilUrl = pathToFileURL(evil).href;
    redis = await startRedisServer();
    workers = await startWorkers(1, { url: redis.url, queue: QUEUE });
    executor = new QueueExecutor({ connection: redis.url, queue: QUEUE });
    client = new Redis(redis.url, { maxRetriesPerRequest: null });
  });
  afterAll(async () => {
    await executor?.close();
    client?.disconnect();
    await stopWorkers(workers ?? []);
    await redis?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses an estimator class it was not told about, without importing the module the spec names', async () => {
    class Evil extends BaseEstimator {
      static estimatorName = 'Evil';
      override get estimatorType(): 'regressor' {
        return 'regressor';
      }
      fit(): this {
        return this;
      }
      score(): number {
        return 0;
      }
    }
    // the client says: "import evil.mjs to get Evil" (registration records the URL, imports nothing)
    registerEstimator(Evil, { module: evilUrl });
    await expect(crossValidate(new Evil(), X, yr, { cv: 2, executor })).rejects.toThrow(
      /Evil cannot be rebuilt in this thread: the class 'Evil' of it is not registered here\..*A scikeras-worker only rebuilds classes and functions registered by the modules it imports: file:\/\/.*models\.cjs\. Start it with --import <the module that registers it>\./s,
    );
  });

  it('refuses a function it was not told about', async () => {
    const evilFn = registerFunction('hostile-evil-fn', () => 1, { module: evilUrl });
    const gs = new GridSearchCV({
      estimator: new SlowRegressor(),
      paramGrid: { slope: [evilFn] },
      cv: 2,
      executor,
    });
    await expect(gs.fit(X, yr)).rejects.toThrow(
      /refers to the function 'hostile-evil-fn', which is not registered here/,
    );
  });

  it('keeps __proto__ keys as own data, never as prototypes', async () => {
    const meta = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": 1}') as object;
    const fitOptions = { meta };
    const local = await crossValidate(new ProtoProbe(), X, yr, { cv: 2, fitOptions });
    const remote = await crossValidate(new ProtoProbe(), X, yr, { cv: 2, fitOptions, executor });
    expect(local.testScore).toEqual([10, 10]);
    expect(remote.testScore).toEqual([10, 10]);
  });

  describe('raw jobs (someone with access to Redis adds them)', () => {
    let queue: Queue;
    let events: QueueEvents;
    const keys = searchKeys('bull', QUEUE);
    beforeAll(async () => {
      queue = new Queue(QUEUE, { connection: client });
      events = new QueueEvents(QUEUE, {
        connection: new Redis(redis.url, { maxRetriesPerRequest: null }),
      });
      await events.waitUntilReady();
    });
    afterAll(async () => {
      await events?.close();
      (events as unknown as { opts: { connection: Redis } })?.opts.connection.disconnect();
      await queue?.close();
    });

    /** Adds a job and waits for it: resolves with its return value, rejects with its failure. */
    async function runJob(data: unknown): Promise<unknown> {
      const job = await queue.add('fit', data);
      return job.waitUntilFinished(events, 30000);
    }

    /** A search made by hand: its context (what the worker decodes) is hostile. */
    async function handMadeSearch(searchId: string, context: object) {
      const data = packBlob({
        X: [[0], [1], [2], [3]],
        y: [0, 1, 0, 1],
        fitOptions: {
          format: 'scikeras-ts-travel',
          modules: [],
          environment: {},
          value: {},
          buffers: [],
        },
        splits: [
          [
            [0, 1],
            [2, 3],
          ],
        ],
      });
      const dataHash = 'a'.repeat(64);
      const generation = 'b'.repeat(32);
      await storeData(client, keys, dataHash, data, searchId, 600);
      const claim = await claimSearch(
        client,
        keys,
        searchId,
        { fingerprint: searchId, dataHash, context: packBlob(context), tasks: 1 },
        600,
        generation,
      );
      expect(claim.status).toBe('new');
      const job = {
        v: 1,
        searchId,
        generation,
        dataHash,
        task: { taskIndex: 0, candidateIndex: 0, splitIndex: 0, split: 0, params: null },
      };
      await runJob(job);
      const stored = await client.hgetBuffer(keys.results(searchId), '0');
      return (unpackBlob(stored!) as StoredResult).result;
    }

    const context = (estimator: object, mode = 'score') => ({
      estimator,
      scoring: null,
      mode,
      returnTrainScore: false,
      returnEstimator: false,
      errorScore: 'raise',
    });

    it.each([
      ['a string', 'import("/tmp/x")', 'Refused a task: the job data is not an object.'],
      [
        'a __proto__ key',
        JSON.parse('{"__proto__": {"polluted": 1}, "v": 1}'),
        'Refused a task: the job data has an unexpected key "__proto__".',
      ],
      [
        'a bad search id',
        {
          v: 1,
          searchId: '../../x',
          generation: 'b'.repeat(32),
          dataHash: 'a'.repeat(64),
          task: {},
        },
        'Refused a task: the search id is malformed.',
      ],
      [
        'params that are not a TravelSpec',
        {
          v: 1,
          searchId: 's',
          generation: 'b'.repeat(32),
          dataHash: 'a'.repeat(64),
          task: { taskIndex: 0, candidateIndex: 0, splitIndex: 0, split: 0, params: { code: 'x' } },
        },
        'Refused a task: the params is not a TravelSpec.',
      ],
    ])('refuses job data that is %s', async (_what, data, reason) => {
      await expect(runJob(data)).rejects.toThrow(reason);
      await workers[0]!.waitFor(/refused job/);
    });

    it('skips a well-formed task of no running search', async () => {
      const data = {
        v: 1,
        searchId: 'nobody',
        generation: 'c'.repeat(32),
        dataHash: 'a'.repeat(64),
        task: { taskIndex: 0, candidateIndex: 0, splitIndex: 0, split: 0, params: null },
      };
      await expect(runJob(data)).rejects.toThrow("The search 'nobody' ended or was restarted.");
    });

    it('decodes a context naming an unregistered class and a module to import into an error, importing nothing', async () => {
      const result = await handMadeSearch(
        'evil-class',
        context({
          format: 'scikeras-ts-travel',
          modules: [evilUrl, 'data:text/javascript,process.exit(3)'],
          environment: {},
          value: { $scikeras: 'estimator', className: 'Evil2', params: {}, fitted: {} },
          buffers: [],
        }),
      );
      expect(result.raised!.message).toMatch(/the class 'Evil2' of it is not registered here/);
    });

    it("refuses a context whose mode names another method ('dispose')", async () => {
      const result = await handMadeSearch(
        'evil-mode',
        context(
          {
            format: 'scikeras-ts-travel',
            modules: [],
            environment: {},
            value: { $scikeras: 'estimator', className: 'SlowRegressor', params: {}, fitted: {} },
            buffers: [],
          },
          'dispose',
        ),
      );
      expect(result.raised!.message).toBe('Refused a task: the mode "dispose".');
    });

    it('still serves real searches afterwards', async () => {
      const est = new SlowRegressor({ shrink: 0.5 });
      const remote = await crossValidate(est, X, yr, { cv: 3, executor });
      const local = await crossValidate(est, X, yr, { cv: 3 });
      expect(remote.testScore).toEqual(local.testScore);
      expect(workers[0]!.child.exitCode).toBeNull();
    });
  });
});
