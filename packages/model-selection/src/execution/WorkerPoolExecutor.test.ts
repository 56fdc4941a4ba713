// Runs the worker pool against the BUILT worker (dist/worker.mjs): `pnpm --filter @scikeras/model-selection build` first.
import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import { catchWarnings, clone, toTravelSpec } from '@scikeras/estimator-core';
import { Matrix } from '../test-utils/matrix';
import fixture from '../__fixtures__/search.json';
import {
  BusyEstimator,
  FailingClassifier,
  CentroidClassifier,
  FunctionParamClassifier,
  Ridge1D,
  StepClassifier,
  TransformClassifier,
  identity,
  negate,
  ThreadIdEstimator,
  ThresholdClassifier,
} from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { KFold } from '../splitters/KFold';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';
import { crossValPredict } from '../validation/crossValPredict';
import { crossValScore } from '../validation/crossValScore';
import { crossValidate } from '../validation/crossValidate';

const { X, yc, yr } = fixture.data;
const strip = (r: Record<string, unknown[]>) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !/(Fit|Score)Time$/.test(k)));

describe('WorkerPoolExecutor (nJobs: 2)', () => {
  it('gives the same cvResults_ as the sequential search', async () => {
    const make = (nJobs: number | null) =>
      new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { feature: [0, 1], offset: [-0.5, 0, 0.5] },
        cv: 3,
        returnTrainScore: true,
        nJobs,
      });
    const seq = await make(null).fit(X, yc);
    const par = await make(2).fit(X, yc);
    expect(strip(par.cvResults_!)).toEqual(strip(seq.cvResults_!));
    expect(par.bestParams_).toEqual(seq.bestParams_);
    expect(par.bestEstimator_).toBeInstanceOf(ThresholdClassifier);
  });

  // Which worker takes which task is a race (and under load one worker may take them all):
  // these tests assert only what holds whatever the race: no task on this thread, every task on
  // one of the job's workers, each task once, and the workers kept (or not) afterwards.
  it('runs every task on the nJobs worker threads, none on the calling thread, each task once', async () => {
    const gs = new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 20 }),
      paramGrid: { c: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
      cv: 2,
      nJobs: 3,
      refit: false,
    });
    const progress: number[] = [];
    gs.onProgress = (e) => progress.push(e.task.taskIndex);
    await WorkerPoolExecutor.closeIdlePool();
    await gs.fit(X, yr);
    const threads = new Set([
      ...(gs.cvResults_!.split0TestScore as number[]),
      ...(gs.cvResults_!.split1TestScore as number[]),
    ]);
    expect(threads.has(threadId)).toBe(false); // the calling thread ran no fit
    const workers = WorkerPoolExecutor.idleThreadIds(); // the job's 3 workers, kept idle
    expect(workers).toHaveLength(3);
    for (const t of threads) expect(workers).toContain(t);
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    await WorkerPoolExecutor.closeIdlePool();
  });

  it('keeps its workers for the next job, until closeIdlePool', async () => {
    const search = async () => {
      const gs = await new GridSearchCV({
        estimator: new ThreadIdEstimator({ ms: 5 }),
        paramGrid: { c: [0, 1, 2, 3, 4, 5] },
        cv: 2,
        nJobs: 2,
        refit: false,
      }).fit(X, yr);
      return new Set([
        ...(gs.cvResults_!.split0TestScore as number[]),
        ...(gs.cvResults_!.split1TestScore as number[]),
      ]);
    };
    await WorkerPoolExecutor.closeIdlePool();
    expect(WorkerPoolExecutor.idleThreadIds()).toEqual([]);
    const first = await search();
    const kept = new Set(WorkerPoolExecutor.idleThreadIds());
    expect(kept.size).toBe(2);
    for (const t of first) expect(kept.has(t)).toBe(true);
    const second = await search(); // the same two workers, already warm: none started
    for (const t of second) expect(kept.has(t)).toBe(true);
    expect(new Set(WorkerPoolExecutor.idleThreadIds())).toEqual(kept);
    await WorkerPoolExecutor.closeIdlePool();
    expect(WorkerPoolExecutor.idleThreadIds()).toEqual([]);
    const fresh = await search();
    for (const t of fresh) expect(kept.has(t)).toBe(false);
    await WorkerPoolExecutor.closeIdlePool();
  });

  it('keeps the idle workers of a failed job and ends the busy ones', async () => {
    await WorkerPoolExecutor.closeIdlePool();
    const raising = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true] },
      cv: 3,
      nJobs: 2,
      errorScore: 'raise',
    });
    await expect(raising.fit(X, yc)).rejects.toThrow('Failing classifier failed as required');
    // one or both workers were idle when the error arrived (which depends on the race): at
    // most the two, and a next job runs on them or on new ones
    const afterRaise = WorkerPoolExecutor.idleThreadIds();
    expect(afterRaise.length).toBeLessThanOrEqual(2);
    const throwing = new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 5 }),
      paramGrid: { c: [0, 1, 2] },
      cv: 2,
      nJobs: 2,
      onProgress: () => {
        throw new Error('progress callback failed');
      },
    });
    await expect(throwing.fit(X, yr)).rejects.toThrow('progress callback failed');
    expect(WorkerPoolExecutor.idleThreadIds().length).toBeLessThanOrEqual(2);
    const ok = await new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 5 }),
      paramGrid: { c: [0, 1] },
      cv: 2,
      nJobs: 2,
      refit: false,
    }).fit(X, yr);
    expect((ok.cvResults_!.split0TestScore as number[]).every((t) => t !== threadId)).toBe(true);
    await WorkerPoolExecutor.closeIdlePool();
  });

  it('runs several metrics and scorer names in workers, with Matrix X', async () => {
    const seq = await crossValidate(new Ridge1D(), new Matrix(X), yr, {
      cv: 4,
      scoring: ['r2', 'neg_mean_absolute_error'],
    });
    const par = await crossValidate(new Ridge1D(), new Matrix(X), yr, {
      cv: 4,
      scoring: ['r2', 'neg_mean_absolute_error'],
      nJobs: 2,
    });
    expect(par.testR2).toEqual(seq.testR2);
    expect(par.testNegMeanAbsoluteError).toEqual(seq.testNegMeanAbsoluteError);
  });

  it('brings fitted estimators back through their TravelSpec', async () => {
    const res = await crossValidate(new Ridge1D(), X, yr, {
      cv: 3,
      returnEstimator: true,
      nJobs: 2,
    });
    expect(res.estimator!.map((e) => (e as Ridge1D).coef_)).toEqual(
      (await crossValidate(new Ridge1D(), X, yr, { cv: 3, returnEstimator: true })).estimator!.map(
        (e) => (e as Ridge1D).coef_,
      ),
    );
  });

  it('runs cross-validated predictions and a nested search in workers', async () => {
    expect(await crossValPredict(new ThresholdClassifier(), X, yc, { cv: 3, nJobs: 2 })).toEqual(
      fixture.data.crossValPredict.predict,
    );
    const inner = new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0, 0.5] },
      cv: new KFold({ nSplits: 2 }),
    });
    expect(await crossValScore(inner, X, yc, { cv: 3, nJobs: 2 })).toEqual(
      await crossValScore(clone(inner), X, yc, { cv: 3 }),
    );
  });

  it('forwards warnings and failures from workers', async () => {
    const gs = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [false, true] },
      cv: 3,
      nJobs: 2,
    });
    const { warnings } = await catchWarnings(() => gs.fit(X, yc));
    expect(warnings.some((w) => w.category === 'FitFailedWarning')).toBe(true);
    const raising = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true] },
      cv: 3,
      nJobs: 2,
      errorScore: 'raise',
    });
    await expect(raising.fit(X, yc)).rejects.toThrow('Failing classifier failed as required');
  });

  it('fails fast, naming the estimator, the param and the fix, when an estimator cannot travel', async () => {
    const gs = new GridSearchCV({
      estimator: new FunctionParamClassifier(),
      paramGrid: { offset: [0] },
      nJobs: 2,
      cv: 3,
    });
    await expect(gs.fit(X, yc)).rejects.toThrow(
      "FunctionParamClassifier cannot be sent to a worker thread: its parameter 'transform' is the function 'transform', which is not registered. " +
        "Functions travel by name: call registerFunction('transform', transform, { module: import.meta.url })",
    );
    class Local extends ThresholdClassifier {}
    await expect(toTravelSpec(new Local())).rejects.toThrow(
      "Local cannot be sent to a worker thread: its class (Local) is not registered, and a class is stored by its registered name (a minifier renames classes). Give it its own static estimatorName = 'Local'",
    );
    const unregistered = (v: number): number => v * 2;
    await expect(
      new GridSearchCV({
        estimator: new TransformClassifier(),
        paramGrid: { transform: [identity, unregistered] },
        cv: 3,
        nJobs: 2,
      }).fit(X, yc),
    ).rejects.toThrow(
      "TransformClassifier cannot be sent to a worker thread: its parameter 'transform' is the function 'unregistered', which is not registered.",
    );
    await expect(
      crossValScore(new ThresholdClassifier(), X, yc, { cv: 3, nJobs: 2, scoring: () => 1 }),
    ).rejects.toThrow(
      'Cannot send scoring to a worker thread (nJobs > 1): scoring is a function, which cannot travel.',
    );
  });

  it('searches a grid of registered functions, of estimators and of passthrough as nJobs: 1 does', async () => {
    const grids = [
      { estimator: new TransformClassifier(), paramGrid: { transform: [identity, negate] } },
      {
        estimator: new StepClassifier(),
        paramGrid: {
          step: [new ThresholdClassifier({ offset: 0.5 }), new CentroidClassifier(), 'passthrough'],
        },
      },
    ];
    for (const { estimator, paramGrid } of grids) {
      const make = (nJobs: number | null) =>
        new GridSearchCV({ estimator: clone(estimator), paramGrid, cv: 3, nJobs } as never);
      const seq = await make(null).fit(X, yc);
      const par = await make(2).fit(X, yc);
      expect(strip(par.cvResults_!)).toEqual(strip(seq.cvResults_!));
      expect(par.bestParams_).toEqual(seq.bestParams_);
    }
  });

  it('brings fitted estimators of any registered class back (returnEstimator)', async () => {
    const par = await crossValidate(new ThresholdClassifier(), X, yc, {
      cv: 3,
      nJobs: 2,
      returnEstimator: true,
    });
    const seq = await crossValidate(new ThresholdClassifier(), X, yc, {
      cv: 3,
      returnEstimator: true,
    });
    expect(par.estimator!.map((e) => (e as ThresholdClassifier).threshold_)).toEqual(
      seq.estimator!.map((e) => (e as ThresholdClassifier).threshold_),
    );
    for (const e of par.estimator!) expect(e).toBeInstanceOf(ThresholdClassifier);
  });

  it('gives the same cvResults_ as the sequential search on data sent packed (>= 1,024 values)', async () => {
    // 400 x 4 numbers and 400 numeric labels travel packed on a shared buffer
    const Xbig = Array.from({ length: 400 }, (_, i) => [
      Math.sin(i) * 3,
      ((i * 7) % 13) / 13,
      i % 2 === 0 ? -0 : 0.1 * i,
      1e-12 * i,
    ]);
    const ybig = Xbig.map((r) => (r[0]! + r[1]! > 0.5 ? 1 : 0));
    const make = (nJobs: number | null) =>
      new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { feature: [0, 1, 2, 3], offset: [-0.25, 0, 0.25] },
        cv: 4,
        returnTrainScore: true,
        nJobs,
      });
    const seq = await make(null).fit(Xbig, ybig);
    const par = await make(2).fit(Xbig, ybig);
    expect(strip(par.cvResults_!)).toEqual(strip(seq.cvResults_!));
    expect(par.bestParams_).toEqual(seq.bestParams_);
    expect((par.bestEstimator_ as ThresholdClassifier).threshold_).toBe(
      (seq.bestEstimator_ as ThresholdClassifier).threshold_,
    );
  });

  it('starts the workers when fit is called, before it checks the data', async () => {
    await WorkerPoolExecutor.closeIdlePool();
    const gs = new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 5 }),
      paramGrid: { c: [0, 1] },
      cv: 2,
      nJobs: 2,
    });
    await expect(gs.fit(X, yr.slice(1))).rejects.toThrow('inconsistent numbers of samples');
    const started = WorkerPoolExecutor.idleThreadIds(); // kept idle for the next search
    expect(started).toHaveLength(2);
    await gs.fit(X, yr); // takes them: no more are started
    expect(new Set(WorkerPoolExecutor.idleThreadIds())).toEqual(new Set(started));
    await WorkerPoolExecutor.closeIdlePool();
    gs.setParams({ nJobs: null });
    await expect(gs.fit(X, yr.slice(1))).rejects.toThrow('inconsistent numbers of samples');
    expect(WorkerPoolExecutor.idleThreadIds()).toEqual([]); // nJobs null starts none
    await WorkerPoolExecutor.prestart(1);
    expect(WorkerPoolExecutor.idleThreadIds()).toEqual([]); // one thread: the calling one
  });

  it('uses every core with nJobs: -1, all but one with -2, and defaults to -1', () => {
    const cores = availableParallelism();
    expect(new WorkerPoolExecutor({ nJobs: -1 }).nJobs).toBe(cores);
    expect(new WorkerPoolExecutor({ nJobs: -2 }).nJobs).toBe(Math.max(1, cores - 1));
    expect(new WorkerPoolExecutor().nJobs).toBe(cores);
    expect(new WorkerPoolExecutor({ nJobs: 3 }).nJobs).toBe(3);
    expect(new BusyEstimator({ work: 2 }).getParams()).toEqual({ work: 2, c: 0 });
  });
});
