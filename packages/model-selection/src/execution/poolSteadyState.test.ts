// Runs the worker pool against the BUILT worker (dist/worker.mjs): `pnpm --filter @scikeras/model-selection build` first.
// A series of searches must leave the pool as the first one left it (issue 13: RSS flat over 100
// searches): the same idle workers, no listener, holder, job context or timer added per search,
// and no listener left on the search's AbortSignal.
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import fixture from '../__fixtures__/search.json';
import { GcProbeEstimator, ThresholdClassifier } from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { acquireWorkers, releaseWorker } from './WorkerPool';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';

const { X, yc } = fixture.data;

/** What each idle worker holds, by thread id (the workers are taken and given back as they were). */
function idleState() {
  const n = WorkerPoolExecutor.idleThreadIds().length;
  const workers = acquireWorkers(n);
  const state = workers
    .map((w) => ({
      threadId: w.threadId,
      jobId: w.jobId,
      holder: w.holder,
      running: w.running,
      listeners: (['message', 'error', 'exit'] as const).map((e) => w.worker.listenerCount(e)),
    }))
    .sort((a, b) => a.threadId - b.threadId);
  for (const w of [...workers].reverse()) releaseWorker(w);
  return state;
}

describe('the worker pool over a series of searches', () => {
  afterEach(() => WorkerPoolExecutor.closeIdlePool());

  it('is back to its state after the first search after 20 more (same workers, no listener, holder or context kept)', async () => {
    const search = async () => {
      const controller = new AbortController();
      const gs = new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { feature: [0, 1], offset: [-0.5, 0, 0.5] },
        cv: 3,
        nJobs: 2,
      });
      await gs.fit(X, yc, { signal: controller.signal });
      return getEventListeners(controller.signal, 'abort').length;
    };
    expect(await search()).toBe(0);
    const first = idleState();
    expect(first).toHaveLength(2);
    expect(first.every((w) => w.jobId === 0 && w.holder === null && w.running === null)).toBe(true);
    for (let i = 0; i < 20; i++) expect(await search()).toBe(0);
    expect(idleState()).toEqual(first);
  });

  it('with --expose-gc, a worker collects its garbage when its job is over', async () => {
    // V8 flags are process-wide: workers started from now on have `gc` (as under node --expose-gc)
    setFlagsFromString('--expose-gc');
    const search = async () => {
      const gs = new GridSearchCV({
        estimator: new GcProbeEstimator(),
        paramGrid: { c: [0] },
        cv: 2,
        nJobs: new WorkerPoolExecutor({ nJobs: 1 }),
        refit: false,
      });
      await gs.fit(X, yc);
      return gs.cvResults_!.split0TestScore![0];
    };
    expect(await search()).toBe(-1); // a new worker: nothing left behind yet
    // the object the first job's last fit left was collected when that job released the worker
    expect(await search()).toBe(1);
  });
});
