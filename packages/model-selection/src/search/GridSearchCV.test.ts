import { NotFittedError, ValueError, catchWarnings, clone } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import fixture from '../__fixtures__/search.json';
import {
  CentroidClassifier,
  FailingClassifier,
  Ridge1D,
  ThresholdClassifier,
} from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from './GridSearchCV';
import { KFold } from '../splitters/KFold';
import { crossValScore } from '../validation/crossValScore';
import { camelKey } from '../test-utils/camel';

const { X, yc, yr } = fixture.data;
const TIMING = /^(mean|std)(Fit|Score)Time$/;

function expectResultsLike(
  ours: Record<string, unknown[]>,
  theirs: Record<string, unknown>,
  keys: string[],
) {
  expect(Object.keys(ours)).toEqual(keys.map(camelKey));
  for (const k of keys) {
    const ck = camelKey(k);
    if (TIMING.test(ck)) {
      expect((ours[ck] as number[]).every((t) => t >= 0)).toBe(true);
      continue;
    }
    const expected = theirs[k] as unknown[];
    if (k.startsWith('param_')) {
      // scikit-learn masks a param a candidate does not have; we leave it undefined
      expect((ours[ck] as unknown[]).map((v) => (v === undefined ? null : v))).toEqual(expected);
      continue;
    }
    if (typeof expected[0] === 'number' && !/^rank/.test(ck)) {
      (ours[ck] as number[]).forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
    } else expect(ours[ck]).toEqual(expected);
  }
}

describe('GridSearchCV', () => {
  describe('fit (parity with scikit-learn 1.2.1)', () => {
    it('gives scikit-learn’s cvResults_, best* and score for a deterministic classifier', async () => {
      const f = fixture.data.gridClassifier;
      const est = new ThresholdClassifier();
      const gs = new GridSearchCV({
        estimator: est,
        paramGrid: f.paramGrid,
        cv: f.cv,
        returnTrainScore: true,
      });
      await gs.fit(X, yc);
      expectResultsLike(gs.cvResults_!, f.cvResults, f.keys);
      expect(gs.bestParams_).toEqual(f.bestParams);
      expect(gs.bestIndex_).toBe(f.bestIndex);
      expect(gs.bestScore_).toBeCloseTo(f.bestScore, 12);
      expect(await gs.score(X, yc)).toBeCloseTo(f.score, 12);
      expect(gs.bestEstimator_).toBeInstanceOf(ThresholdClassifier);
      expect(gs.bestEstimator_!.getParams()).toEqual({ feature: 0, offset: 0 });
      expect(gs.classes_).toEqual([0, 1]);
      expect(gs.nFeaturesIn_).toBe(2);
      expect(gs.nSplits_).toBe(3);
      expect(gs.refitTime_).toBeGreaterThanOrEqual(0);
      expect('threshold_' in est).toBe(false); // the estimator passed in is never fitted
      expect(
        await gs.predict([
          [10, 0],
          [0, 0],
        ]),
      ).toEqual([1, 0]);
      expect(((await gs.predictProba!([[10, 0]])) as number[][])[0]![1]).toBeGreaterThan(0.5);
    });

    it('gives scikit-learn’s multi-metric cvResults_ with refit on a metric name', async () => {
      const f = fixture.data.gridRegressorMulti;
      const gs = new GridSearchCV({
        estimator: new Ridge1D(),
        paramGrid: f.paramGrid as never,
        cv: new KFold({ nSplits: f.nSplits }),
        scoring: f.scoring,
        refit: f.refit,
        returnTrainScore: true,
      });
      await gs.fit(X, yr);
      expectResultsLike(gs.cvResults_!, f.cvResults, f.keys);
      expect(gs.bestParams_).toEqual(f.bestParams);
      expect(gs.bestIndex_).toBe(f.bestIndex);
      expect(gs.bestScore_).toBeCloseTo(f.bestScore, 12);
      expect(gs.multimetric_).toBe(true);
      expect(gs.cvResults_!.paramAlpha).toEqual([0, 1, 10, undefined]);
    });
  });

  it('requires refit to name a metric with several metrics', async () => {
    const gs = new GridSearchCV({
      estimator: new Ridge1D(),
      paramGrid: { alpha: [1] },
      scoring: ['r2', 'neg_mean_squared_error'],
    });
    await expect(gs.fit(X, yr)).rejects.toThrow(
      'For multi-metric scoring, the parameter refit must be set to a scorer key or a callable to refit an estimator with the best parameter setting on the whole data and make the bestX_ attributes available for that metric. If this is not needed, refit should be set to false explicitly. true was passed.',
    );
  });

  it('with refit: false keeps best* but not the delegating methods', async () => {
    const gs = await new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0, 1] },
      refit: false,
      cv: 3,
    }).fit(X, yc);
    expect(gs.bestParams_).toEqual({ offset: 0 });
    expect(gs.bestEstimator_).toBeUndefined();
    await expect(gs.predict(X)).rejects.toThrow(
      'This GridSearchCV instance was initialized with `refit=false`. predict is available only after refitting on the best parameters. You can refit an estimator manually using the `bestParams_` attribute',
    );
  });

  it('is not fitted before fit', async () => {
    await expect(
      new GridSearchCV({ estimator: new ThresholdClassifier(), paramGrid: {} }).predict(X),
    ).rejects.toThrow(NotFittedError);
  });

  it('offers predictProba only when the estimator has it', () => {
    expect(typeof new GridSearchCV({ estimator: new ThresholdClassifier() }).predictProba).toBe(
      'function',
    );
    expect(new GridSearchCV({ estimator: new Ridge1D() }).predictProba).toBeUndefined();
  });

  it('records errorScore for failing fits and warns (FitFailedWarning)', async () => {
    const gs = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [false, true] },
      cv: 3,
      errorScore: -1,
    });
    const { warnings } = await catchWarnings(() => gs.fit(X, yc));
    expect(gs.cvResults_!.meanTestScore![1]).toBe(-1);
    expect(gs.cvResults_!.rankTestScore).toEqual([1, 2]);
    expect(warnings.map((w) => w.category)).toContain('FitFailedWarning');
    expect(warnings.find((w) => w.category === 'FitFailedWarning')!.message).toMatch(
      /^\n3 fits failed out of a total of 6\.\nThe score on these train-test partitions for these parameters will be set to -1\./,
    );
  });

  it('ranks NaN scores last and warns about non-finite scores', async () => {
    const gs = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true, false] },
      cv: 3,
    });
    const { warnings } = await catchWarnings(() => gs.fit(X, yc));
    expect(gs.cvResults_!.rankTestScore).toEqual([2, 1]);
    expect(
      warnings.some((w) => w.message.startsWith('One or more of the test scores are non-finite')),
    ).toBe(true);
  });

  it('raises the fit error with errorScore: raise', async () => {
    const gs = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true] },
      errorScore: 'raise',
      cv: 3,
    });
    await expect(gs.fit(X, yc)).rejects.toThrow('Failing classifier failed as required');
  });

  it('fails when every fit failed', async () => {
    const gs = new GridSearchCV({
      estimator: new FailingClassifier(),
      paramGrid: { fail: [true] },
      cv: 3,
    });
    await expect(gs.fit(X, yc)).rejects.toThrow(ValueError);
    await expect(gs.fit(X, yc)).rejects.toThrow(/^\nAll the 3 fits failed\./);
  });

  it('rejects an invalid errorScore', async () => {
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: {},
      errorScore: 'rise' as never,
    });
    await expect(gs.fit(X, yc)).rejects.toThrow(
      "errorScore must be the string 'raise' or a numeric value. (Hint: if using 'raise', please make sure that it has been spelled correctly.)",
    );
  });

  it('is an estimator: clones, exposes nested params and nests in crossValScore', async () => {
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier({ feature: 1 }),
      paramGrid: { offset: [-0.5, 0, 0.5] },
      cv: 3,
    });
    expect(gs.getParams().estimator__feature).toBe(1);
    expect(gs.estimatorType).toBe('classifier');
    const c = clone(gs);
    expect(c).not.toBe(gs);
    expect(c.estimator).not.toBe(gs.estimator);
    const scores = await crossValScore(gs, X, yc, { cv: 3 });
    expect(scores).toHaveLength(3);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(gs.cvResults_).toBeUndefined();
  });

  it('uses a refit callable to pick the best index', async () => {
    const gs = await new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0, 1, 2] },
      refit: () => 2,
      cv: 3,
    }).fit(X, yc);
    expect(gs.bestIndex_).toBe(2);
    expect(gs.bestScore_).toBeUndefined();
    expect(gs.bestEstimator_!.getParams().offset).toBe(2);
  });
});

// errorScore defaults to NaN (as in scikit-learn): the checks compare params with Object.is.
export const NAN_PARAM_XFAIL = {
  tags: {
    xfailChecks: {
      ...GridSearchCV.tags.xfailChecks,
    },
  },
};

describeEstimatorChecks(
  'GridSearchCV checkEstimator (classifier inside)',
  () =>
    new GridSearchCV({
      estimator: new CentroidClassifier(),
      paramGrid: { shrink: [1, 0.9] },
      cv: 2,
    }),
  NAN_PARAM_XFAIL,
);
describeEstimatorChecks(
  'GridSearchCV checkEstimator (regressor inside, several metrics)',
  () =>
    new GridSearchCV({
      estimator: new Ridge1D(),
      paramGrid: { alpha: [0.1, 1] },
      cv: 2,
      scoring: ['r2', 'neg_mean_absolute_error'],
      refit: 'r2',
    }),
  // Ridge1D regresses on one feature only: a poor fit of the checks' 3-feature problem
  { tags: { ...NAN_PARAM_XFAIL.tags, poorScore: true } },
);
