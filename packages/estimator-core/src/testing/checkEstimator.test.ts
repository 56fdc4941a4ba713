import { BaseEstimator, type Params } from '../BaseEstimator';
import { ValueError } from '../errors';
import { assertAllPassed, checkEstimator, planChecks, runCheck } from './checkEstimator';
import { CHECK_NAMES, SKLEARN_CHECKS } from './checkList';
import type { CheckReport } from './types';
import { Centerer, LeastSquares, NearestCentroid, TinyLabelEncoder } from './test-utils/toys';
import { LabelwiseCentroid, WeightedCentroid, jsonRoundTrip } from './test-utils/weightedToys';

function byStatus(report: CheckReport, status: string): string[] {
  return report.results.filter((r) => r.status === status).map((r) => r.check);
}

const classifierChecks = [
  'checkClassifiersClasses',
  'checkClassifiersOneLabel',
  'checkClassifiersTrain',
  'checkClassifiersPredictProba',
  'checkClassifiersRegressionTarget',
];
const regressorChecks = ['checkRegressorsTrain', 'checkRegressorsInt', 'checkRegressorMultioutput'];
const multilabelChecks = [
  'checkClassifiersMultilabelOutputFormatPredict',
  'checkClassifiersMultilabelOutputFormatPredictProba',
  'checkClassifiersMultilabelRepresentationInvariance',
];
const sampleWeightChecks = [
  'checkSampleWeightsNotAnArray',
  'checkSampleWeightsList',
  'checkSampleWeightsShape',
  'checkSampleWeightsNotOverwritten',
  'checkSampleWeightsInvariance',
  'checkSampleWeightsInvarianceZeros',
];
/** Skipped without a roundTrip option and without partialFit. */
const persistenceChecks = ['checkEstimatorsPickle', 'checkPartialFitNFeatures'];

/** A classifier holding a resource from fit until dispose(), like a tfjs wrapper's model. */
class HoldingClassifier extends NearestCentroid {
  static live = 0;
  declare holding_?: boolean;
  override async fit(X: unknown, y: unknown): Promise<this> {
    await super.fit(X, y);
    if (!this.holding_) HoldingClassifier.live += 1;
    this.holding_ = true;
    return this;
  }
  dispose(): void {
    if (this.holding_) HoldingClassifier.live -= 1;
    delete this.holding_;
  }
}

describe('checkEstimator', () => {
  it('disposes every estimator it fitted (no tfjs tensors left behind)', async () => {
    HoldingClassifier.live = 0;
    const report = await checkEstimator(() => new HoldingClassifier());
    expect(report.results.filter((r) => r.status === 'failed')).toEqual([]);
    expect(report.results.filter((r) => r.status === 'passed').length).toBeGreaterThan(20);
    expect(HoldingClassifier.live).toBe(0);
  });

  it('passes every applicable check on a nearest-centroid classifier (async methods)', async () => {
    const report = await checkEstimator(() => new NearestCentroid());
    expect(report.estimator).toBe('NearestCentroid');
    expect(report.results.map((r) => r.check)).toEqual(CHECK_NAMES);
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'skipped')).toEqual([
      ...multilabelChecks,
      ...regressorChecks,
      'checkTransformerGeneral',
      'checkTransformerLabels1d',
      ...sampleWeightChecks,
      ...persistenceChecks,
    ]);
    expect(byStatus(report, 'passed')).toEqual(expect.arrayContaining(classifierChecks));
    expect(() => assertAllPassed(report)).not.toThrow();
  });

  it('passes every applicable check on a least-squares regressor (sync methods)', async () => {
    const report = await checkEstimator(() => new LeastSquares({ alpha: 0.01 }));
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'skipped')).toEqual([
      ...classifierChecks,
      ...multilabelChecks,
      'checkTransformerGeneral',
      'checkTransformerLabels1d',
      ...sampleWeightChecks,
      ...persistenceChecks,
    ]);
    expect(report.results.find((r) => r.check === 'checkRegressorsTrain')?.reason).toBeUndefined();
  });

  it('runs the sample-weight, save/load and partialFit checks on a weighted classifier that supports them', async () => {
    const report = await checkEstimator(() => new WeightedCentroid(), { roundTrip: jsonRoundTrip });
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'passed')).toEqual(
      expect.arrayContaining([...sampleWeightChecks, ...persistenceChecks]),
    );
    expect(report.results.find((r) => r.check === 'checkEstimatorsPickle')?.status).toBe('passed');
  });

  it('runs the multilabel checks on a classifier tagged multilabel', async () => {
    const report = await checkEstimator(() => new LabelwiseCentroid(), { only: multilabelChecks });
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'passed')).toEqual(multilabelChecks);
  });

  it('passes every applicable check on a label transformer and skips the 2-D ones', async () => {
    const report = await checkEstimator(() => new TinyLabelEncoder());
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'passed')).toEqual([
      'checkParametersDefaultConstructible',
      'checkNoAttributesSetInInit',
      'checkEstimatorRepr',
      'checkEstimatorCloneable',
      'checkGetParamsInvariance',
      'checkSetParams',
      'checkEstimatorGetTagsDefaultKeys',
      'checkEstimatorsFitReturnsSelf',
      'checkEstimatorsOverwriteParams',
      'checkDontOverwriteParameters',
      'checkDictUnchanged',
      'checkFitCheckIsFitted',
      'checkEstimatorsUnfitted',
      'checkFitIdempotent',
      'checkCloneRefitReproducible',
      'checkMethodsSubsetInvariance',
      'checkMethodsSampleOrderInvariance',
      'checkTransformerLabels1d',
    ]);
    expect(report.results.find((r) => r.check === 'checkFit1d')).toEqual({
      check: 'checkFit1d',
      status: 'skipped',
      reason: "needs a 2-D X (the XTypes tag has no '2darray')",
      durationMs: 0,
    });
  });

  it('passes every applicable check on a transformer of X', async () => {
    const report = await checkEstimator(() => new Centerer());
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(byStatus(report, 'passed')).toContain('checkTransformerGeneral');
    expect(report.results.find((r) => r.check === 'checkRequiresYNone')?.reason).toBe(
      'the estimator is tagged requiresY: false',
    );
  });

  describe('stateless and noValidation tags (scikit-learn skips the same checks)', () => {
    /** FunctionTransformer's shape: no validation, transform before fit, always "fitted". */
    class PassThrough extends BaseEstimator {
      static override defaults = {};
      declare nFeaturesIn_?: number;
      override get estimatorType() {
        return 'transformer' as const;
      }
      fit(X: unknown): this {
        this.nFeaturesIn_ = ((X as unknown[][])[0] ?? []).length;
        return this;
      }
      transform(X: unknown): unknown {
        return X;
      }
      isFitted(): boolean {
        return true;
      }
    }
    class TaggedPassThrough extends PassThrough {
      static override tags = { requiresY: false, stateless: true, noValidation: true };
    }

    it('passes every check that applies when tagged, skipping the validation ones', async () => {
      const report = await checkEstimator(() => new TaggedPassThrough());
      expect(byStatus(report, 'failed')).toEqual([]);
      const reasons = Object.fromEntries(report.results.map((r) => [r.check, r.reason]));
      expect(reasons.checkEstimatorsUnfitted).toBe('the estimator is tagged stateless: true');
      for (const c of [
        'checkNFeaturesIn',
        'checkNFeaturesInAfterFitting',
        'checkEstimatorsDataNotAnArray',
        'checkEstimatorsEmptyDataMessages',
        'checkEstimatorsNanInf',
        'checkFit1d',
        'checkFit2dPredict1d',
      ])
        expect([c, reasons[c]]).toEqual([c, 'the estimator is tagged noValidation: true']);
      expect(byStatus(report, 'passed')).toEqual(
        expect.arrayContaining(['checkFitCheckIsFitted', 'checkTransformerGeneral']),
      );
    });

    it('fails the same transformer untagged', async () => {
      const report = await checkEstimator(() => new PassThrough(), {
        tags: { requiresY: false },
      });
      expect(byStatus(report, 'failed')).toEqual(
        expect.arrayContaining([
          'checkFitCheckIsFitted',
          'checkEstimatorsUnfitted',
          'checkEstimatorsEmptyDataMessages',
          'checkFit1d',
        ]),
      );
    });
  });

  it('reports every failure of a broken estimator, and assertAllPassed lists them', async () => {
    class Sloppy extends LeastSquares {
      override fit(X: unknown, y: unknown): this {
        super.fit(X, y);
        return undefined as unknown as this;
      }
    }
    const report = await checkEstimator(() => new Sloppy(), {
      only: ['checkEstimatorsFitReturnsSelf', 'checkFit1d'],
    });
    expect(byStatus(report, 'failed')).toEqual(['checkEstimatorsFitReturnsSelf']);
    expect(byStatus(report, 'passed')).toEqual(['checkFit1d']);
    expect(() => assertAllPassed(report)).toThrow(
      new Error(
        '1 estimator check failed for Sloppy:\n- checkEstimatorsFitReturnsSelf: fit of Sloppy should return the estimator itself (this), got undefined.',
      ),
    );
  });

  it('skips checks named in options.skip with the reason', async () => {
    const report = await checkEstimator(() => new LeastSquares(), {
      skip: { checkFitIdempotent: 'refits take an hour' },
      only: ['checkFitIdempotent', 'checkFit1d'],
    });
    expect(report.results.find((r) => r.check === 'checkFitIdempotent')).toEqual({
      check: 'checkFitIdempotent',
      status: 'skipped',
      reason: 'refits take an hour',
      durationMs: 0,
    });
    expect(report.results.find((r) => r.check === 'checkEstimatorRepr')?.reason).toBe(
      'not in options.only',
    );
  });

  it('reports xfail for a tagged check that fails, and xpass for one that passes', async () => {
    class Tagged extends LeastSquares {
      static override tags = {
        multioutput: true,
        xfailChecks: { checkFit1d: 'accepts 1-D X on purpose', checkFit2d1sample: 'known to pass' },
      };
      override fit(X: unknown, y: unknown): this {
        return super.fit(Array.isArray(X) && typeof X[0] === 'number' ? X.map((v) => [v]) : X, y);
      }
    }
    const report = await checkEstimator(() => new Tagged(), {
      only: ['checkFit1d', 'checkFit2d1sample'],
    });
    const r1 = report.results.find((r) => r.check === 'checkFit1d')!;
    expect(r1.status).toBe('xfail');
    expect(r1.reason).toBe('accepts 1-D X on purpose');
    expect(r1.error).toBe(
      'Tagged should raise ValueError when fit gets a 1-D X. Nothing was raised.',
    );
    const r2 = report.results.find((r) => r.check === 'checkFit2d1sample')!;
    expect(r2.status).toBe('xpass');
    expect(() => assertAllPassed(report)).not.toThrow();
  });

  it('lets options.tags override the estimator tags', async () => {
    const plan = planChecks(() => new LeastSquares(), {
      tags: { deterministic: false, multioutput: false },
    });
    expect(plan.find((p) => p.check === 'checkFitIdempotent')).toEqual({
      check: 'checkFitIdempotent',
      action: 'skip',
      reason: 'the estimator is tagged deterministic: false',
    });
    expect(plan.find((p) => p.check === 'checkRegressorMultioutput')?.reason).toBe(
      'the estimator is not tagged multioutput: true',
    );
  });

  it('trains on options.X / options.y', async () => {
    const X = Array.from({ length: 30 }, (_, i) => [
      i % 2 ? 5 + (i % 3) : -5 - (i % 3),
      (i % 5) - 2,
    ]);
    const y = X.map((_, i) => (i % 2 ? 'yes' : 'no'));
    const seen: unknown[] = [];
    class Spy extends NearestCentroid {
      override async fit(Xa: unknown, ya: unknown): Promise<this> {
        seen.push(Xa);
        return super.fit(Xa, ya);
      }
    }
    const report = await checkEstimator(() => new Spy(), {
      X,
      y,
      only: ['checkEstimatorsFitReturnsSelf', 'checkNFeaturesIn', 'checkDictUnchanged'],
    });
    expect(byStatus(report, 'failed')).toEqual([]);
    expect(seen).toEqual([X, X, X]);
  });

  it('trains the classifier checks on options.X / options.y when given (e.g. a binary-only classifier)', async () => {
    class BinaryOnly extends NearestCentroid {
      override async fit(X: unknown, y: unknown): Promise<this> {
        if (new Set(y as unknown[]).size > 2) throw new ValueError('binary only');
        return super.fit(X, y);
      }
    }
    const X = Array.from({ length: 20 }, (_, i) => [i % 2 ? 3 : -3, (i % 7) / 7]);
    const y = X.map((_, i) => (i % 2 ? 'b' : 'a'));
    const only = ['checkClassifiersTrain', 'checkClassifiersPredictProba'];
    const own = await checkEstimator(() => new BinaryOnly(), { X, y, only });
    expect(byStatus(own, 'passed')).toEqual(only);
    const generated = await checkEstimator(() => new BinaryOnly(), { only });
    expect(generated.results.find((r) => r.check === 'checkClassifiersTrain')?.error).toBe(
      'binary only',
    );
  });

  it('rejects unknown check names and factories that do not make estimators', async () => {
    await expect(
      checkEstimator(() => new LeastSquares(), { skip: { checkFoo: 'x' } }),
    ).rejects.toThrow(
      /^Unknown estimator check name\(s\) 'checkFoo' in skip\/only\/xfailChecks\. Known checks: checkParametersDefaultConstructible, /,
    );
    await expect(checkEstimator(() => ({}) as object)).rejects.toThrow(
      'checkEstimator needs a factory that returns a new estimator (an object with getParams, setParams and fit), got [object Object].',
    );
    await expect(runCheck('checkBar', () => new LeastSquares())).rejects.toThrow(
      /^Unknown estimator check 'checkBar'\. Known checks: /,
    );
  });

  it('works on an estimator that does not extend BaseEstimator', async () => {
    class Plain {
      declare mean_?: number;
      declare nFeaturesIn_?: number;
      shift = 0;
      getParams() {
        return { shift: this.shift };
      }
      setParams(p: { shift?: number }) {
        if (p.shift !== undefined) this.shift = p.shift;
        return this;
      }
      fit() {
        return this;
      }
    }
    const report = await checkEstimator(() => new Plain(), {
      only: ['checkSetParams', 'checkEstimatorRepr'],
    });
    expect(report.results.find((r) => r.check === 'checkSetParams')?.status).toBe('passed');
    expect(report.results.find((r) => r.check === 'checkEstimatorRepr')?.error).toBe(
      "String(estimator) of Plain should name the class and its params (scikit-learn's repr), got '[object Object]'.",
    );
    expect(report.results.find((r) => r.check === 'checkEstimatorGetTagsDefaultKeys')?.status).toBe(
      'skipped',
    );
  });

  it('treats a NaN param as unchanged (identity like Python is, not !==)', async () => {
    class NaNDefault extends LeastSquares {
      static override defaults: Readonly<Params> = { errorScore: NaN };
    }
    const report = await checkEstimator(() => new NaNDefault(), {
      only: [
        'checkDontOverwriteParameters',
        'checkDictUnchanged',
        'checkEstimatorsOverwriteParams',
        'checkSetParams',
        'checkEstimatorCloneable',
        'checkParametersDefaultConstructible',
      ],
    });
    expect(byStatus(report, 'passed')).toHaveLength(6);
  });

  it('maps each check to the scikit-learn checks it ports', () => {
    expect(Object.keys(SKLEARN_CHECKS)).toEqual(CHECK_NAMES);
    expect(SKLEARN_CHECKS.checkNoAttributesSetInInit).toEqual(['check_no_attributes_set_in_init']);
    expect(SKLEARN_CHECKS.checkEstimatorsUnfitted).toEqual([
      'check_estimators_unfitted',
      'check_transformers_unfitted',
    ]);
  });

  it('a BaseEstimator subclass with no params passes the params checks', async () => {
    class Empty extends BaseEstimator {
      fit() {
        return this;
      }
    }
    const report = await checkEstimator(() => new Empty(), {
      only: [
        'checkSetParams',
        'checkGetParamsInvariance',
        'checkNoAttributesSetInInit',
        'checkEstimatorRepr',
      ],
    });
    expect(byStatus(report, 'passed')).toHaveLength(4);
  });
});
