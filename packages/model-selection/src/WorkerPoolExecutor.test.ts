// Runs the worker pool against the BUILT worker (dist/worker.mjs): `pnpm --filter @scikeras/model-selection build` first.
import { availableParallelism } from 'node:os';
import { catchWarnings, clone } from '@scikeras/estimator-core';
import { Matrix } from './test-utils/matrix';
import fixture from './__fixtures__/search.json';
import {
  BusyEstimator,
  FailingClassifier,
  FunctionParamClassifier,
  Ridge1D,
  ThresholdClassifier,
} from './__fixtures__/estimators.cjs';
import { GridSearchCV } from './GridSearchCV';
import { KFold } from './KFold';
import { WorkerPoolExecutor } from './WorkerPoolExecutor';
import { crossValPredict } from './crossValPredict';
import { crossValScore } from './crossValScore';
import { crossValidate } from './crossValidate';
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
