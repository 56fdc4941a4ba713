// Runs the worker pool against the BUILT worker (dist/worker.mjs): `pnpm --filter @scikeras/model-selection build` first.
import { availableParallelism } from 'node:os';
import { threadId } from 'node:worker_threads';
import { catchWarnings, clone } from '@scikeras/estimator-core';
import { Matrix } from '../test-utils/matrix';
import fixture from '../__fixtures__/search.json';
import {
  BusyEstimator,
  FailingClassifier,
  FunctionParamClassifier,
  Ridge1D,
  ThreadIdEstimator,
  ThresholdClassifier,
} from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { KFold } from '../splitters/KFold';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';
import { crossValPredict } from '../validation/crossValPredict';
import { crossValScore } from '../validation/crossValScore';
import { crossValidate } from '../validation/crossValidate';
import { toTravelSpec } from './travel';

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

  it('runs tasks on the calling thread and on nJobs - 1 workers, each task once', async () => {
    const gs = new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 60 }),
      paramGrid: { c: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] },
      cv: 2,
      nJobs: 3,
      refit: false,
    });
    const progress: number[] = [];
    gs.onProgress = (e) => progress.push(e.task.taskIndex);
    await gs.fit(X, yr);
    const threads = [
      ...(gs.cvResults_!.split0TestScore as number[]),
      ...(gs.cvResults_!.split1TestScore as number[]),
    ];
    expect(new Set(threads).has(threadId)).toBe(true); // this thread took tasks too
    expect(new Set(threads).size).toBe(3);
    expect(progress.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps its workers for the next job, until closeIdlePool or a raised error', async () => {
    const workerIds = async () => {
      const gs = await new GridSearchCV({
        estimator: new ThreadIdEstimator({ ms: 60 }),
        paramGrid: { c: [0, 1, 2, 3, 4, 5] },
        cv: 2,
        nJobs: 2,
        refit: false,
      }).fit(X, yr);
      const ids = [
        ...(gs.cvResults_!.split0TestScore as number[]),
        ...(gs.cvResults_!.split1TestScore as number[]),
      ];
      return new Set(ids.filter((id) => id !== threadId));
    };
    await WorkerPoolExecutor.closeIdlePool();
    const first = await workerIds();
    expect(first.size).toBe(1);
    expect(await workerIds()).toEqual(first); // the same worker, already warm
    await WorkerPoolExecutor.closeIdlePool();
    const fresh = await workerIds();
    expect(fresh.size).toBe(1);
    expect([...fresh].some((id) => first.has(id))).toBe(false);
    const raising = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true] },
      cv: 3,
      nJobs: 2,
      errorScore: 'raise',
    });
    await expect(raising.fit(X, yc)).rejects.toThrow('Failing classifier failed as required');
    const after = await workerIds();
    expect([...after].some((id) => fresh.has(id))).toBe(false);
    const throwing = new GridSearchCV({
      estimator: new ThreadIdEstimator({ ms: 20 }),
      paramGrid: { c: [0, 1, 2] },
      cv: 2,
      nJobs: 2,
      onProgress: () => {
        throw new Error('progress callback failed');
      },
    });
    await expect(throwing.fit(X, yr)).rejects.toThrow('progress callback failed');
    const next = await workerIds();
    expect([...next].some((id) => after.has(id))).toBe(false);
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

  it('brings fitted estimators back through toTravelSpec/fromTravelSpec', async () => {
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
      "Cannot send FunctionParamClassifier to a worker thread (nJobs > 1): its param 'transform' is a function (transform), which cannot travel. Give FunctionParamClassifier a static travel = { module, exportName }",
    );
    class Local extends ThresholdClassifier {}
    (Local as unknown as { travel?: unknown }).travel = undefined;
    await expect(toTravelSpec(new Local())).rejects.toThrow(
      'Cannot send Local to a worker thread (nJobs > 1): its class has neither a static travel = { module, exportName } nor toTravelSpec()/fromTravelSpec().',
    );
    await expect(
      crossValScore(new ThresholdClassifier(), X, yc, { cv: 3, nJobs: 2, scoring: () => 1 }),
    ).rejects.toThrow(
      'Cannot send scoring to a worker thread (nJobs > 1): scoring is a function, which cannot travel.',
    );
    await expect(
      crossValidate(new ThresholdClassifier(), X, yc, { cv: 3, nJobs: 2, returnEstimator: true }),
    ).rejects.toThrow(
      'returnEstimator with nJobs > 1 needs the fitted estimators to travel back: ThresholdClassifier has no toTravelSpec(). Use nJobs: 1.',
    );
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
