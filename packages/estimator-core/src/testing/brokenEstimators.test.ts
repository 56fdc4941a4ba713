// One deliberately broken estimator per check: each check must catch its defect with a clear message.
import { BaseEstimator, type EstimatorTags, type Params } from '../BaseEstimator';
import { checkArray } from '../checkArray';
import { checkIsFitted } from '../checkIsFitted';
import { checkNFeatures } from '../checkNFeatures';
import { ValueError } from '../errors';
import type { Label } from '../types';
import { runCheck } from './checkEstimator';
import { CHECK_NAMES } from './checkList';
import { BROKEN_WEIGHTED_CASES } from './test-utils/brokenWeighted';
import {
  Centerer,
  LeastSquares,
  NearestCentroid,
  TinyLabelEncoder,
  sortedUnique,
} from './test-utils/toys';

// ---- params protocol -------------------------------------------------------------------------

class NeedsModel extends NearestCentroid {
  constructor(p?: Params) {
    if (!p) throw new TypeError('a model is required');
    super(p);
  }
}

class AttrInInit extends NearestCentroid {
  cache: number[] = [];
}

class GhostParam extends NearestCentroid {
  override getParams(deep = true) {
    return { ...super.getParams(deep), ghost: 1 };
  }
}

class BadRepr extends NearestCentroid {
  override toString() {
    return 'a classifier';
  }
}

class ChangesParam extends NearestCentroid {
  constructor(p?: Params) {
    super(p);
    this.temperature = this.temperature * 2;
  }
}

class CloneKeepsFit extends NearestCentroid {
  sklearnClone() {
    return Object.assign(new CloneKeepsFit(this.getParams(false)), this);
  }
}

interface SharedParams {
  hidden?: number[];
}
interface SharesContainer extends Required<SharedParams> {}
class SharesContainer extends NearestCentroid {
  static override defaults = { hidden: [4] };
  sklearnClone() {
    return new SharesContainer(this.getParams(false));
  }
}

class DeepDiffers extends NearestCentroid {
  override getParams(deep = true) {
    const p = super.getParams(deep);
    if (deep) p.temperature = 99;
    return p;
  }
}

class SetParamsNoThis extends NearestCentroid {
  override setParams(p: Params): this {
    super.setParams(p);
    return undefined as unknown as this;
  }
}

class SetParamsIgnoresNull extends NearestCentroid {
  override setParams(p: Params): this {
    return super.setParams(Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null)));
  }
}

class NoTagKeys extends NearestCentroid {
  override getTags() {
    return { poorScore: false } as EstimatorTags;
  }
}

// ---- fit and fitted state ----------------------------------------------------------------------

class FitReturnsNothing extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    await super.fit(X, y);
    return undefined as unknown as this;
  }
}

interface MutatingParams {
  hidden?: number[];
}
interface MutatesParam extends Required<MutatingParams> {}
class MutatesParam extends NearestCentroid {
  static override defaults = { hidden: [4] };
  override async fit(X: unknown, y: unknown): Promise<this> {
    this.hidden.push(4);
    return super.fit(X, y);
  }
}

class AddsPublicAttr extends NearestCentroid {
  declare nIter?: number;
  override async fit(X: unknown, y: unknown): Promise<this> {
    this.nIter = 3;
    return super.fit(X, y);
  }
}

interface ReplacingParams {
  hidden?: number[];
}
interface ReplacesParam extends Required<ReplacingParams> {}
class ReplacesParam extends NearestCentroid {
  static override defaults = { hidden: [4] };
  override async fit(X: unknown, y: unknown): Promise<this> {
    this.hidden = [...this.hidden];
    return super.fit(X, y);
  }
}

class CachesInPredict extends NearestCentroid {
  declare lastPrediction_?: Label[];
  override async predict(X: unknown): Promise<Label[]> {
    const p = await super.predict(X);
    this.lastPrediction_ = p;
    return p;
  }
}

class AlwaysFitted extends NearestCentroid {
  isFitted() {
    return true;
  }
}

class PrivateStateOnly extends BaseEstimator {
  #mean: number | undefined;
  override get estimatorType() {
    return 'regressor' as const;
  }
  fit(X: unknown, y: unknown) {
    checkArray(X);
    const t = Array.from(y as number[]);
    this.#mean = t.reduce((a, b) => a + b, 0) / t.length;
    return this;
  }
  predict(X: unknown) {
    const Xc = checkArray(X);
    return new Array<number>(Xc.shape[0]).fill(this.#mean ?? 0);
  }
}

class NoNFeaturesIn extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    await super.fit(X, y);
    delete this.nFeaturesIn_;
    return this;
  }
}

class IgnoresFeatureCount extends NearestCentroid {
  protected override distances(X: unknown): number[][] {
    checkIsFitted(this);
    const Xc = checkArray(X, { estimator: this });
    const d = Xc.shape[1];
    return Array.from({ length: Xc.shape[0] }, (_, i) =>
      this.centroids_!.map((c) =>
        c.slice(0, d).reduce((s, v, j) => s + (v - Xc.data[i * d + j]!) ** 2, 0),
      ),
    );
  }
}

class NoNotFittedError extends NearestCentroid {
  protected override distances(X: unknown): number[][] {
    const Xc = checkArray(X, { estimator: this });
    return Array.from({ length: Xc.shape[0] }, () => this.centroids_!.map(() => 0));
  }
}

class WarmFit extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    const before = this.intercept_;
    super.fit(X, y);
    if (before) this.intercept_ = this.intercept_!.map((v, j) => v + before[j]!);
    return this;
  }
}

interface RandomParams {
  randomState?: number | null;
}
interface Nondeterministic extends Required<RandomParams> {}
class Nondeterministic extends LeastSquares {
  static override defaults = { randomState: null };
  override fit(X: unknown, y: unknown): this {
    super.fit(X, y);
    this.intercept_ = this.intercept_!.map((v) => v + Math.random());
    return this;
  }
}

class BatchDependent extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    const p = super.predict(X) as number[];
    const m = p.reduce((a, b) => a + b, 0) / p.length;
    return p.map((v) => v - m);
  }
}

class SortsPredictions extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    return (super.predict(X) as number[]).slice().sort((a, b) => a - b);
  }
}

// ---- input validation -------------------------------------------------------------------------

class ArraysOnly extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    if (!Array.isArray((X as unknown[])[0])) throw new TypeError('X must be number[][]');
    return super.fit(X, y);
  }
}

class FormDependent extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    const p = super.predict(X) as number[];
    return Array.isArray(X) ? p : p.map((v) => v + 1);
  }
}

class AcceptsEmpty extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    const Xc = checkArray(X, { ensureMinSamples: 0, ensureMinFeatures: 0 });
    this.classes_ = sortedUnique(y as Label[]);
    this.centroids_ = this.classes_.map(() => new Array<number>(Xc.shape[1]).fill(0));
    checkNFeatures(this, Xc.shape[1], true);
    return this;
  }
}

class AcceptsNaN extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    const Xc = checkArray(X, { forceAllFinite: false });
    const clean = { data: Xc.data.map((v) => (Number.isFinite(v) ? v : 0)), shape: Xc.shape };
    return super.fit(clean, y);
  }
}

class RejectsOneSample extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    if (checkArray(X).shape[0] === 1) throw new ValueError('bad input');
    return super.fit(X, y);
  }
}

class RejectsOneFeature extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    if (checkArray(X).shape[1] === 1) throw new ValueError('need more columns');
    return super.fit(X, y);
  }
}

function as2D(X: unknown): unknown {
  return Array.isArray(X) && typeof X[0] === 'number' ? [X] : X;
}

class Accepts1dFit extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    return super.fit(Array.isArray(X) && typeof X[0] === 'number' ? X.map((v) => [v]) : X, y);
  }
}

class Accepts1dPredict extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    return super.predict(as2D(X));
  }
}

class BadYNoneMessage extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    if (y === undefined) throw new ValueError('oops');
    return super.fit(X, y);
  }
}

class SilentColumnY extends LeastSquares {
  static override tags: Partial<EstimatorTags> = { multioutput: false };
  override fit(X: unknown, y: unknown): this {
    const flat = Array.isArray((y as unknown[])[0]) ? (y as number[][]).map((r) => r[0]!) : y;
    return super.fit(X, flat);
  }
}

class UncheckedY extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    const Xc = checkArray(X, { estimator: this });
    const labels = Array.from(y as Label[]);
    this.classes_ = sortedUnique(labels);
    this.centroids_ = this.classes_.map(() => new Array<number>(Xc.shape[1]).fill(0));
    checkNFeatures(this, Xc.shape[1], true);
    return this;
  }
}

// ---- classifiers -------------------------------------------------------------------------------

class UnsortedClasses extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    await super.fit(X, y);
    const firstSeen = [...new Set(Array.from(y as Label[]))];
    const order = firstSeen.map((c) => this.classes_!.indexOf(c));
    this.centroids_ = order.map((i) => this.centroids_![i]!);
    this.classes_ = firstSeen;
    return this;
  }
}

class OneClassUnclear extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    if (new Set(y as Label[]).size < 2) throw new ValueError('need at least 2 labels');
    return super.fit(X, y);
  }
}

class PredictsFirstClass extends NearestCentroid {
  override async predict(X: unknown): Promise<Label[]> {
    return (await super.predict(X)).map(() => this.classes_![0]!);
  }
  override async predictProba(X: unknown): Promise<number[][]> {
    return (await super.predictProba(X)).map((r) => r.map((_, j) => (j === 0 ? 1 : 0)));
  }
}

class TruncatesY extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    const n = Math.min((X as unknown[]).length, (y as unknown[]).length);
    return super.fit((X as unknown[]).slice(0, n), (y as unknown[]).slice(0, n));
  }
}

class UnnormalizedProba extends NearestCentroid {
  override async predictProba(X: unknown): Promise<number[][]> {
    return (await super.predictProba(X)).map((r) => r.map((p) => p * 2));
  }
}

class AcceptsContinuous extends NearestCentroid {
  override async fit(X: unknown, y: unknown): Promise<this> {
    const labels = Array.from(y as number[]).map((v) => (Number.isInteger(v) ? v : Math.round(v)));
    return super.fit(X, labels);
  }
}

// ---- regressors ---------------------------------------------------------------------------------

class MeanRegressor extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    const p = super.predict(X) as number[];
    return p.map(() => this.intercept_![0]!);
  }
  override fit(X: unknown, y: unknown): this {
    super.fit(X, y);
    const t = Array.from(y as number[]);
    this.intercept_ = [t.reduce((a, b) => a + b, 0) / t.length];
    return this;
  }
}

class ColumnPredictions extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    const p = super.predict(X);
    return (p as number[]).map((v) => (Array.isArray(v) ? v : [v])) as number[][];
  }
}

class TypedTargetDiffers extends LeastSquares {
  override fit(X: unknown, y: unknown): this {
    return super.fit(X, y instanceof Int32Array ? Array.from(y, (v) => v * 2) : y);
  }
}

class FirstOutputOnly extends LeastSquares {
  override predict(X: unknown): number[] | number[][] {
    const p = super.predict(X);
    return Array.isArray(p[0]) ? (p as number[][]).map((r) => r[0]!) : p;
  }
}

// ---- transformers ------------------------------------------------------------------------------

class FitTransformDiffers extends Centerer {
  override fitTransform(X: unknown): number[][] {
    return this.fit(X)
      .transform(X)
      .map((r) => r.map((v) => v + 1));
  }
}

class OffByOneInverse extends TinyLabelEncoder {
  override inverseTransform(codes: unknown): Label[] {
    return super.inverseTransform(
      Array.from(codes as number[], (c) => (c + 1) % this.classes_!.length),
    );
  }
}

type Case = [title: string, check: string, factory: () => object, message: string | RegExp];

const cases: Case[] = [
  [
    'a constructor that needs arguments',
    'checkParametersDefaultConstructible',
    () => new NeedsModel({}),
    'Estimator NeedsModel should be constructible with no arguments (every param has a default); new NeedsModel() threw: a model is required',
  ],
  [
    'a constructor that sets an attribute',
    'checkNoAttributesSetInInit',
    () => new AttrInInit(),
    "Estimator AttrInInit should not set any attribute apart from parameters during init. Found attributes ['cache'].",
  ],
  [
    'a param that is not stored',
    'checkNoAttributesSetInInit',
    () => new GhostParam(),
    "Estimator GhostParam should store all parameters as an attribute during init. Did not find attributes ['ghost'].",
  ],
  [
    'a repr without the class name',
    'checkEstimatorRepr',
    () => new BadRepr(),
    "String(estimator) of BadRepr should name the class and its params (scikit-learn's repr), got 'a classifier'.",
  ],
  [
    'a constructor that changes a param',
    'checkEstimatorCloneable',
    () => new ChangesParam(),
    "Cloning ChangesParam failed with error: Cannot clone object ChangesParam({ temperature: 2 }), as the constructor either does not set or modifies parameter 'temperature'",
  ],
  [
    'a clone that keeps fitted state',
    'checkEstimatorCloneable',
    () => new CloneKeepsFit(),
    "clone of a fitted CloneKeepsFit keeps fitted attributes ['centroids_', 'classes_', 'nFeaturesIn_']; a clone must be unfitted.",
  ],
  [
    'a clone that shares a container param',
    'checkEstimatorCloneable',
    () => new SharesContainer(),
    "clone(SharesContainer) shares the container of parameter 'hidden' with the original; clone should deep-copy arrays and plain objects.",
  ],
  [
    'deep params that disagree with shallow ones',
    'checkGetParamsInvariance',
    () => new DeepDiffers(),
    "getParams(false) of DeepDiffers should be a subset of getParams(true): 'temperature' is 1 in the shallow params but 99 in the deep ones.",
  ],
  [
    'setParams that does not return this',
    'checkSetParams',
    () => new SetParamsNoThis(),
    'setParams of SetParamsNoThis should return the estimator itself (this).',
  ],
  [
    'setParams that drops values',
    'checkSetParams',
    () => new SetParamsIgnoresNull(),
    "getParams result does not match what was passed to setParams ('temperature' = null): 'temperature' was set to null but getParams gives Infinity.",
  ],
  [
    'getTags without the default keys',
    'checkEstimatorGetTagsDefaultKeys',
    () => new NoTagKeys(),
    "getTags() of NoTagKeys misses the default tag keys ['requiresY', 'deterministic', 'allowNan', 'XTypes', 'multioutput', 'multilabel', 'sampleWeight', 'stateless', 'noValidation', 'xfailChecks'].",
  ],
  [
    'fit that returns undefined',
    'checkEstimatorsFitReturnsSelf',
    () => new FitReturnsNothing(),
    'fit of FitReturnsNothing should return the estimator itself (this), got undefined.',
  ],
  [
    'fit that mutates a param in place',
    'checkEstimatorsOverwriteParams',
    () => new MutatesParam(),
    'Estimator MutatesParam should not change or mutate the parameter hidden from [4] to [4, 4] during fit.',
  ],
  [
    'fit that adds a public attribute',
    'checkDontOverwriteParameters',
    () => new AddsPublicAttr(),
    'Estimator adds public attribute(s) during the fit method. Estimators are only allowed to add private attributes either started with _ or ended with _ but nIter added',
  ],
  [
    'fit that replaces a param',
    'checkDontOverwriteParameters',
    () => new ReplacesParam(),
    'Estimator changes public attribute(s) during the fit method. Estimators are only allowed to change attributes started or ended with _, but hidden changed',
  ],
  [
    'predict that caches state',
    'checkDictUnchanged',
    () => new CachesInPredict(),
    "Estimator changes __dict__ during predict: ['lastPrediction_'] (own properties of CachesInPredict).",
  ],
  [
    'an estimator that claims to be fitted before fit',
    'checkFitCheckIsFitted',
    () => new AlwaysFitted(),
    'AlwaysFitted passes checkIsFitted before being fit!',
  ],
  [
    'fitted state kept in private fields only',
    'checkFitCheckIsFitted',
    () => new PrivateStateOnly(),
    "Estimator fails to pass `checkIsFitted` even though it has been fit: This PrivateStateOnly instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
  ],
  [
    'fit that does not set nFeaturesIn_',
    'checkNFeaturesIn',
    () => new NoNFeaturesIn(),
    'NoNFeaturesIn should set nFeaturesIn_ to the number of columns of X in fit: expected 3, got undefined.',
  ],
  [
    'predict that ignores the feature count',
    'checkNFeaturesInAfterFitting',
    () => new IgnoresFeatureCount(),
    'IgnoresFeatureCount.predict should check the number of features against nFeaturesIn_ (called with 1 feature after fitting on 3). Nothing was raised.',
  ],
  [
    'predict without NotFittedError',
    'checkEstimatorsUnfitted',
    () => new NoNotFittedError(),
    /^The unfitted estimator NoNotFittedError does not raise NotFittedError when predict is called\. Perhaps use checkIsFitted in predict\. It raised TypeError: Cannot read properties of undefined \(reading 'map'\), but one of \['NotFittedError'\] was expected\.$/,
  ],
  [
    'fit that warm-starts from the previous fit',
    'checkFitIdempotent',
    () => new WarmFit(),
    /^Idempotency check failed for method predict: element 0 differs: /,
  ],
  [
    'randomness not seeded by randomState',
    'checkCloneRefitReproducible',
    () => new Nondeterministic(),
    /^predict of Nondeterministic differs between an estimator and its clone refit on the same data with the same randomState \(element 0 differs: .*\)\. A deterministic estimator must seed all its randomness from randomState; tag it deterministic: false otherwise\.$/,
  ],
  [
    'predictions that depend on the batch',
    'checkMethodsSubsetInvariance',
    () => new BatchDependent(),
    /^predict of BatchDependent is not invariant when applied to a subset \(element 0 differs: /,
  ],
  [
    'predictions that depend on the sample order',
    'checkMethodsSampleOrderInvariance',
    () => new SortsPredictions(),
    /^predict of SortsPredictions is not invariant when applied to a dataset with different sample order \(element \d+ differs: /,
  ],
  [
    'fit that only takes number[][]',
    'checkEstimatorsDtypes',
    () => new ArraysOnly(),
    'ArraysOnly fails on X given as Float32Array rows: X must be number[][]',
  ],
  [
    'predictions that depend on the input form',
    'checkEstimatorsDataNotAnArray',
    () => new FormDependent(),
    /^FormDependent\.predict gives other results when the data is given as \{ data, shape \} instead of number\[\]\[\] \(element 0 differs: /,
  ],
  [
    'fit that accepts empty data',
    'checkEstimatorsEmptyDataMessages',
    () => new AcceptsEmpty(),
    'The estimator AcceptsEmpty does not raise a ValueError when an empty data is used to train. Perhaps use checkArray in train. Nothing was raised.',
  ],
  [
    'fit that accepts NaN',
    'checkEstimatorsNanInf',
    () => new AcceptsNaN(),
    "Estimator AcceptsNaN doesn't check for NaN and inf in fit. Nothing was raised.",
  ],
  [
    'an unclear error on one sample',
    'checkFit2d1sample',
    () => new RejectsOneSample(),
    "RejectsOneSample fails on a single sample without saying so. The error message should match '1 sample' or 'n_samples = 1' or 'n_samples=1' or 'nSamples = 1' or 'nSamples=1' or 'one sample' or '1 class' or 'one class', got: 'bad input'.",
  ],
  [
    'an unclear error on one feature',
    'checkFit2d1feature',
    () => new RejectsOneFeature(),
    "RejectsOneFeature fails on a single feature without saying so. The error message should match /1 feature\\(s\\)/ or 'n_features = 1' or 'n_features=1' or 'nFeatures = 1' or 'nFeatures=1', got: 'need more columns'.",
  ],
  [
    'fit that accepts a 1-D X',
    'checkFit1d',
    () => new Accepts1dFit(),
    'Accepts1dFit should raise ValueError when fit gets a 1-D X. Nothing was raised.',
  ],
  [
    'predict that accepts a 1-D X',
    'checkFit2dPredict1d',
    () => new Accepts1dPredict(),
    'Accepts1dPredict.predict should raise ValueError with "Reshape your data" for a 1-D X. Nothing was raised.',
  ],
  [
    'an unclear error for a missing y',
    'checkRequiresYNone',
    () => new BadYNoneMessage(),
    "BadYNoneMessage.fit(X, undefined) should fail gracefully. The error message should match 'requires y to be passed, but the target y is None' or 'Expected array-like (array or non-string sequence), got undefined' or 'y should be a 1d array', got: 'oops'.",
  ],
  [
    'a column y flattened without a warning',
    'checkSupervisedY2d',
    () => new SilentColumnY(),
    "expected 1 DataConversionWarning ('A column-vector y was passed when a 1d array was expected...') when SilentColumnY is fit with a column y, got: []",
  ],
  [
    'a y with NaN accepted',
    'checkSupervisedYNoNan',
    () => new UncheckedY(),
    'Estimator UncheckedY should have raised error on fitting array y with NaN value. Nothing was raised.',
  ],
  [
    'classes_ in first-seen order',
    'checkClassifiersClasses',
    () => new UnsortedClasses(),
    "Unexpected classes_ attribute for UnsortedClasses(): expected ['one', 'three', 'two'], got ['one', 'two', 'three']",
  ],
  [
    'an unclear error for a single class',
    'checkClassifiersOneLabel',
    () => new OneClassUnclear(),
    "Classifier can't train when only one class is present. The error message should match 'class', got: 'need at least 2 labels'.",
  ],
  [
    'a classifier that does not learn',
    'checkClassifiersTrain',
    () => new PredictsFirstClass(),
    'PredictsFirstClass reaches a training accuracy of 0.500 on 2 well separated blobs; expected > 0.83 (tag poorScore: true if that is expected).',
  ],
  [
    'fit that truncates X and y to the same length',
    'checkClassifiersTrain',
    () => new TruncatesY(),
    'The classifier TruncatesY does not raise an error when incorrect/malformed input data for fit is passed. The number of training examples is not the same as the number of labels. Perhaps use checkXY in fit. Nothing was raised.',
  ],
  [
    'probabilities that do not sum to 1',
    'checkClassifiersPredictProba',
    () => new UnnormalizedProba(),
    /^The rows of UnnormalizedProba\.predictProba must be probabilities summing to 1: row 0 is \[.*\] \(sum 2\)\.$/,
  ],
  [
    'a classifier that takes a continuous target',
    'checkClassifiersRegressionTarget',
    () => new AcceptsContinuous(),
    'AcceptsContinuous should reject a continuous (regression) target. Nothing was raised.',
  ],
  [
    'a regressor that does not learn',
    'checkRegressorsTrain',
    () => new MeanRegressor(),
    /^MeanRegressor reaches a training R\^2 of -?0\.000 on a linear problem; expected > 0\.5 \(tag poorScore: true if that is expected\)\.$/,
  ],
  [
    'a regressor that predicts a column',
    'checkRegressorsTrain',
    () => new ColumnPredictions(),
    'ColumnPredictions.predict should return the shape of y (40,), got (40, 1).',
  ],
  [
    'a regressor that treats an Int32Array target differently',
    'checkRegressorsInt',
    () => new TypedTargetDiffers(),
    /^TypedTargetDiffers predicts differently for an Int32Array target and the same values as numbers \(element 0 differs: /,
  ],
  [
    'a multioutput regressor that predicts one output',
    'checkRegressorMultioutput',
    () => new FirstOutputOnly(),
    'The shape of the prediction for multioutput data is incorrect. Expected (40, 2), got (40,).',
  ],
  [
    'fitTransform that differs from fit().transform()',
    'checkTransformerGeneral',
    () => new FitTransformDiffers(),
    /^fitTransform and fit\(\)\.transform\(\) of FitTransformDiffers are not equal \(element 0 differs: /,
  ],
  [
    'an inverseTransform that does not round-trip',
    'checkTransformerLabels1d',
    () => new OffByOneInverse(),
    "inverseTransform(transform(y)) of OffByOneInverse does not give y back (element 0 differs: 'c' vs 'b').",
  ],
];

describe('checkEstimator on broken estimators', () => {
  it.each(cases)('%s fails %s', async (_title, check, factory, message) => {
    const r = await runCheck(check, factory);
    expect(r.status).toBe('failed');
    if (typeof message === 'string') expect(r.error).toBe(message);
    else expect(r.error).toMatch(message);
  });

  it('has a broken estimator for every check', () => {
    // the sample-weight, multilabel, save/load and partialFit ones run in checksWeighted.test.ts
    const covered = new Set([...cases, ...BROKEN_WEIGHTED_CASES].map((c) => c[1]));
    expect(CHECK_NAMES.filter((n) => !covered.has(n))).toEqual([]);
  });
});
