// Port of scikit-learn's sklearn/metrics/_scorer.py _BaseScorer / make_scorer (BSD-3-Clause).
import { ValueError, pyList, pyRepr, typeName, type Label } from '@scikeras/estimator-core';
import { typeOfTarget } from '@scikeras/target-utils';
import { labelKey } from './internal/labels';
import { toNum2D } from './internal/numeric';

/** What a scorer needs of an estimator; methods may return values or Promises. */
export interface ScorableEstimator {
  /** Predictions for `X` (what `predict`-based scorers compare with `y`). */
  predict?(X: unknown): unknown;
  /** Class probabilities for `X` (what probability scorers such as `neg_log_loss` use). */
  predictProba?(X: unknown): unknown;
  /** The estimator's own score on `(X, y)` (the scorer when `scoring` is `null`). */
  score?(X: unknown, y: unknown, options?: { sampleWeight?: ArrayLike<number> }): unknown;
  classes_?: unknown;
}

/** A scorer: `await scorer(estimator, X, yTrue)` is a number where greater is better. */
export interface Scorer {
  (
    estimator: ScorableEstimator,
    X: unknown,
    yTrue: unknown,
    options?: { sampleWeight?: ArrayLike<number> },
  ): Promise<number>;
  /** The metric's name, e.g. `'accuracyScore'`. */
  readonly scoreFuncName: string;
  /** -1 for losses (`neg_*` scorers, `greaterIsBetter: false`), else 1. */
  readonly sign: 1 | -1;
  /** The estimator method whose output the metric takes. */
  readonly responseMethod: 'predict' | 'predictProba';
}

/** A metric as {@link makeScorer} takes it: `(yTrue, yPred, options) => number`. */
export type ScoreFunction = (yTrue: any, yPred: any, options?: any) => number | number[];

/** Options of {@link makeScorer}; every other key is passed on to the metric. */
export interface MakeScorerOptions {
  /** `false` for losses: the scorer returns minus the metric. @defaultValue true */
  greaterIsBetter?: boolean;
  /**
   * `'predict'` (labels or values) or `'predictProba'` (probabilities; for binary targets the
   * positive-class column). @defaultValue 'predict'
   */
  responseMethod?: 'predict' | 'predictProba';
  /**
   * Continuous scores for binary / multilabel targets only (scikit-learn's `needs_threshold`):
   * regressors give `predict`, classifiers the positive-class column of `predictProba`. @defaultValue false
   */
  needsThreshold?: boolean;
  [metricOption: string]: unknown;
}

async function call(
  est: ScorableEstimator,
  method: 'predict' | 'predictProba',
  X: unknown,
): Promise<unknown> {
  const fn = (est as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    throw new TypeError(
      `'${typeName(est)}' object has no method '${method}', which this scorer needs.`,
    );
  }
  return await (fn as (X: unknown) => unknown).call(est, X);
}

function classesOf(est: ScorableEstimator): Label[] | null {
  const c = est.classes_;
  if (Array.isArray(c) && c.every((v) => !Array.isArray(v))) return c as Label[];
  if (ArrayBuffer.isView(c)) return Array.from(c as unknown as ArrayLike<number>);
  return null;
}

/** scikit-learn's `_select_proba_binary`: the positive class's column of a two-column predictProba. */
function selectProbaBinary(
  proba: unknown,
  est: ScorableEstimator,
  posLabel: unknown,
  funcName: string,
): Float64Array {
  const m = toNum2D(proba);
  if (m.ndim === 2 && m.cols === 2) {
    const classes = classesOf(est);
    let col = 1;
    if (classes) {
      const pos = posLabel === undefined || posLabel === null ? classes[1] : (posLabel as Label);
      const idx = classes.findIndex((c) => labelKey(c) === labelKey(pos as Label));
      if (idx < 0)
        throw new ValueError(`posLabel=${pyRepr(pos)} is not a valid label: ${pyList(classes)}`);
      col = idx;
    } else if (posLabel === 0) col = 0;
    return Float64Array.from({ length: m.rows }, (_, i) => m.data[i * 2 + col]!);
  }
  const shape = m.ndim === 1 ? `(${m.rows},)` : `(${m.rows}, ${m.cols})`;
  throw new ValueError(
    `Got predictProba of shape ${shape}, but need classifier with two classes for ${funcName} scoring`,
  );
}

function isRegressor(est: unknown): boolean {
  return (est as { estimatorType?: unknown }).estimatorType === 'regressor';
}

/**
 * Makes a scorer from a metric: the scorer predicts with the estimator, applies the metric and
 * multiplies by `sign` so that greater is always better.
 *
 * @param scoreFunc - the metric, `(yTrue, yPred, options) => number`
 * @param options - `greaterIsBetter`, `responseMethod`, `needsThreshold`, and options for the metric
 * @returns the scorer
 * @throws ValueError "Set either responseMethod: 'predictProba' or needsThreshold, but not both."
 * @example
 * ```ts
 * const ftwo = makeScorer(fbetaScore, { beta: 2 });
 * const score = await ftwo(fittedClassifier, XTest, yTest);
 * ```
 * @remarks `responseMethod` replaces scikit-learn 1.2's `needs_proba`; the threshold scorers use
 * `predictProba` (our estimators have no `decisionFunction`).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.make_scorer.html
 */
export function makeScorer(scoreFunc: ScoreFunction, options: MakeScorerOptions = {}): Scorer {
  const {
    greaterIsBetter = true,
    responseMethod = 'predict',
    needsThreshold = false,
    ...kwargs
  } = options;
  if (responseMethod !== 'predict' && responseMethod !== 'predictProba') {
    throw new ValueError(
      `responseMethod must be 'predict' or 'predictProba', got ${pyRepr(responseMethod)}.`,
    );
  }
  if (responseMethod === 'predictProba' && needsThreshold) {
    throw new ValueError(
      "Set either responseMethod: 'predictProba' or needsThreshold, but not both.",
    );
  }
  const sign: 1 | -1 = greaterIsBetter ? 1 : -1;
  const name = scoreFunc.name || 'scoreFunc';
  const fn = scoreFunc as (
    yTrue: unknown,
    yPred: unknown,
    options?: Record<string, unknown>,
  ) => number;
  const score = (yTrue: unknown, yPred: unknown, sampleWeight: ArrayLike<number> | undefined) =>
    sign *
    fn(yTrue, yPred, sampleWeight !== undefined ? { ...kwargs, sampleWeight } : { ...kwargs });
  let scorer: (
    est: ScorableEstimator,
    X: unknown,
    y: unknown,
    o?: { sampleWeight?: ArrayLike<number> },
  ) => Promise<number>;
  if (needsThreshold) {
    scorer = async (est, X, y, o = {}) => {
      const yType = typeOfTarget(y, { inputName: 'y' });
      if (yType !== 'binary' && yType !== 'multilabel-indicator') {
        throw new ValueError(`${yType} format is not supported`);
      }
      let yPred: unknown;
      if (isRegressor(est)) yPred = await call(est, 'predict', X);
      else {
        yPred = await call(est, 'predictProba', X);
        if (yType === 'binary') yPred = selectProbaBinary(yPred, est, kwargs['posLabel'], name);
      }
      return score(y, yPred, o.sampleWeight);
    };
  } else if (responseMethod === 'predictProba') {
    scorer = async (est, X, y, o = {}) => {
      const yType = typeOfTarget(y, { inputName: 'y' });
      let yPred = await call(est, 'predictProba', X);
      if (yType === 'binary') {
        const m = toNum2D(yPred);
        if (m.ndim === 2 && m.cols <= 2)
          yPred = selectProbaBinary(yPred, est, kwargs['posLabel'], name);
      }
      return score(y, yPred, o.sampleWeight);
    };
  } else {
    scorer = async (est, X, y, o = {}) => score(y, await call(est, 'predict', X), o.sampleWeight);
  }
  const kwText = Object.entries(kwargs)
    .map(([k, v]) => `, ${k}: ${typeof v === 'string' ? `'${v}'` : String(v)}`)
    .join('');
  const repr = `makeScorer(${name}${sign > 0 ? '' : ', greaterIsBetter: false'}${
    responseMethod === 'predictProba' ? ", responseMethod: 'predictProba'" : ''
  }${needsThreshold ? ', needsThreshold: true' : ''}${kwText})`;
  return Object.defineProperties(scorer, {
    scoreFuncName: { value: name, enumerable: true },
    sign: { value: sign, enumerable: true },
    responseMethod: { value: needsThreshold ? 'predictProba' : responseMethod, enumerable: true },
    kwargs: { value: Object.freeze({ ...kwargs }) },
    toString: { value: () => repr },
  }) as unknown as Scorer;
}

/**
 * Whether `v` is a {@link Scorer}: a function carrying `scoreFuncName`, `sign` and `responseMethod`.
 *
 * @param v - any value
 * @returns true for scorers made by {@link makeScorer}, `getScorer` or `checkScoring`
 * @example
 * ```ts
 * isScorer(getScorer('accuracy')); // true
 * isScorer(accuracyScore); // false: a metric, not a scorer
 * ```
 */
export function isScorer(v: unknown): v is Scorer {
  return (
    typeof v === 'function' &&
    typeof (v as Partial<Scorer>).scoreFuncName === 'string' &&
    ((v as Partial<Scorer>).sign === 1 || (v as Partial<Scorer>).sign === -1) &&
    typeof (v as Partial<Scorer>).responseMethod === 'string'
  );
}
