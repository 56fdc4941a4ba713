// Port of scikit-learn's sklearn/preprocessing/_data.py Normalizer and normalize (BSD-3-Clause)
import { ValueError, registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { recordInput, validateNumeric } from './internal/dense';
import { BOOL, strOptions, validateParams } from './internal/params';
import { EPS } from './internal/scaleUtils';
import { Transformer } from './internal/Transformer';

/** Params of {@link Normalizer}. */
export interface NormalizerParams {
  /** The norm each sample is scaled to one in. @defaultValue 'l2' */
  norm?: 'l1' | 'l2' | 'max';
  /** Kept for scikit-learn parity: X is never modified in place here. @defaultValue true */
  copy?: boolean;
}

export interface Normalizer extends Required<NormalizerParams> {}

const SPEC = { norm: [strOptions(['l1', 'l2', 'max'])], copy: [BOOL] };

/**
 * Scales each sample (row) to unit norm (`'l1'`, `'l2'` or `'max'`); rows of zeros stay zeros.
 *
 * Stateless: `fit` only validates the params and records the number of features, and
 * `transform` works before `fit` (scikit-learn's `stateless` tag).
 *
 * @example
 * ```ts
 * new Normalizer().fitTransform([[4, 1, 2, 2], [1, 3, 9, 3]]);
 * // [[0.8, 0.2, 0.4, 0.4], [0.1, 0.3, 0.9, 0.3]]
 * new Normalizer({ norm: 'max' }).transform([[-4, 2]]); // [[-1, 0.5]]
 * ```
 * @remarks `transform` returns `number[][]` and never writes to X (`copy` has no effect).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.Normalizer.html
 */
export class Normalizer extends Transformer<NormalizerParams> {
  static estimatorName = 'Normalizer';
  static override defaults = { norm: 'l2', copy: true } satisfies Required<NormalizerParams>;
  static override tags = { requiresY: false, stateless: true };

  /**
   * Validates the params and records the number of features (nothing is learned).
   *
   * @param X - the data (NaN rejected)
   * @param _y - ignored (accepted for pipelines)
   * @returns this normalizer
   * @throws InvalidParameterError "The 'norm' parameter of Normalizer must be a str among {'l1', 'l2', 'max'}. Got 'l3' instead."
   * @example
   * ```ts
   * new Normalizer({ norm: 'l1' }).fit([[1, 2]]).nFeaturesIn_; // 2
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    recordInput(this, validateNumeric(this, X, { reset: true, allowNan: false }));
    return this;
  }

  /**
   * Scales each row to unit norm.
   *
   * @param X - the rows (as many features as in `fit`, when fitted)
   * @returns the normalized rows
   * @throws ValueError for NaN or infinite values, a different number of features, or "'l3' is not a supported norm"
   * @example
   * ```ts
   * new Normalizer({ norm: 'l1' }).transform([[1, 3], [0, 0]]); // [[0.25, 0.75], [0, 0]]
   * ```
   */
  transform(X: unknown): number[][] {
    if (!['l1', 'l2', 'max'].includes(this.norm))
      throw new ValueError(`'${String(this.norm)}' is not a supported norm`);
    const { data, n, d } = validateNumeric(this, X, { reset: false, allowNan: false });
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let norm = 0;
      if (this.norm === 'l1') for (let j = 0; j < d; j++) norm += Math.abs(data[off + j]!);
      else if (this.norm === 'max')
        for (let j = 0; j < d; j++) norm = Math.max(norm, Math.abs(data[off + j]!));
      else {
        for (let j = 0; j < d; j++) norm += data[off + j]! * data[off + j]!;
        norm = Math.sqrt(norm);
      }
      if (norm < 10 * EPS) norm = 1;
      const row = new Array<number>(d);
      for (let j = 0; j < d; j++) row[j] = data[off + j]! / norm;
      out[i] = row;
    }
    return this.wrapOutput(out);
  }

  /**
   * The output feature names: the input names.
   *
   * @param inputFeatures - names to use instead (checked against `featureNamesIn_`)
   * @returns one name per feature
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new Normalizer().fit([[1, 2]]).getFeatureNamesOut(); // ['x0', 'x1']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    return this.oneToOneNames(inputFeatures);
  }
}
registerEstimator(Normalizer, { module: MODULE_URL });
