// Port of scikit-learn's sklearn/preprocessing/_label.py LabelBinarizer (BSD-3-Clause)
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  InvalidParameterError,
  NotImplementedError,
  ValueError,
  type EstimatorTags,
  type EstimatorType,
  type Label,
  registerEstimator,
} from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray } from './internal/labelArray';
import { argmaxRows, toNumericMatrix, toRows } from './internal/numericMatrix';
import { pyRepr, pyShape } from '@scikeras/estimator-core';
import { typeOfLabelArray, type TargetType } from './internal/targetType';
import { labelBinarize } from './labelBinarize';
import { uniqueLabels } from './uniqueLabels';

/** Params of {@link LabelBinarizer}. */
export interface LabelBinarizerParams {
  /** Value with which negative labels are encoded. @defaultValue 0 */
  negLabel?: number;
  /** Value with which positive labels are encoded. @defaultValue 1 */
  posLabel?: number;
  /** Sparse CSR output: not supported (must stay false). @defaultValue false */
  sparseOutput?: boolean;
}

export interface LabelBinarizer extends Required<LabelBinarizerParams> {}

/**
 * Binarizes labels in a one-vs-all fashion: binary targets become one column, multiclass
 * targets one column per class, and label indicator matrices pass through.
 *
 * @example
 * ```ts
 * const lb = new LabelBinarizer().fit([1, 2, 6, 4, 2]);
 * lb.classes_; // [1, 2, 4, 6]
 * lb.transform([1, 6]); // [[1, 0, 0, 0], [0, 0, 0, 1]]
 * new LabelBinarizer().fitTransform(['yes', 'no', 'no', 'yes']); // [[1], [0], [0], [1]]
 * lb.inverseTransform([[0.1, 0.7, 0.1, 0.1]]); // [2]
 * ```
 * @remarks Dense output only: `sparseOutput: true` throws NotImplementedError (scikeras-ts has
 * no sparse matrices), so `sparseInput_` is always false.
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.LabelBinarizer.html
 */
export class LabelBinarizer extends BaseEstimator<LabelBinarizerParams> {
  static estimatorName = 'LabelBinarizer';
  static override defaults = {
    negLabel: 0,
    posLabel: 1,
    sparseOutput: false,
  } satisfies Required<LabelBinarizerParams>;
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** The label of each output column. */
  declare classes_?: Label[];
  /** `typeOfTarget` of the y passed to `fit`. */
  declare yType_?: TargetType;
  /** Whether `fit` got a sparse matrix (always false here). */
  declare sparseInput_?: boolean;

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  #validateParams(): void {
    for (const name of ['negLabel', 'posLabel'] as const) {
      const v = this[name];
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        throw new InvalidParameterError(
          `The '${name}' parameter of LabelBinarizer must be an instance of 'int'. Got ${pyRepr(v)} instead.`,
        );
      }
    }
    if (typeof this.sparseOutput !== 'boolean') {
      throw new InvalidParameterError(
        `The 'sparseOutput' parameter of LabelBinarizer must be an instance of 'bool'. Got ${pyRepr(this.sparseOutput)} instead.`,
      );
    }
  }

  /**
   * Learns the classes and the target type.
   *
   * @param y - labels (1-D or a column) or a label indicator matrix
   * @returns this binarizer
   * @throws InvalidParameterError for a non-integer `negLabel`/`posLabel`
   * @throws ValueError "neg_label=1 must be strictly less than pos_label=1." / "Multioutput target data is not supported with label binarization" / "y has 0 samples: []"
   * @throws NotImplementedError for `sparseOutput: true`
   * @example
   * ```ts
   * new LabelBinarizer().fit([[0, 1, 1], [1, 0, 0]]).classes_; // [0, 1, 2]
   * ```
   */
  fit(y: unknown): this {
    this.#validateParams();
    if (this.negLabel >= this.posLabel) {
      throw new ValueError(
        `neg_label=${this.negLabel} must be strictly less than pos_label=${this.posLabel}.`,
      );
    }
    if (this.sparseOutput) {
      throw new NotImplementedError(
        'sparseOutput=true is not supported: scikeras-ts has no sparse matrices. Use sparseOutput=false (dense number[][]).',
      );
    }
    if (!isArrayLike(y)) {
      throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
    }
    const a = toLabelArray(y);
    const yType = typeOfLabelArray(a, 'y');
    if (yType.includes('multioutput')) {
      throw new ValueError('Multioutput target data is not supported with label binarization');
    }
    if ((a.shape[0] ?? 0) === 0) throw new ValueError(`y has 0 samples: ${pyRepr(y)}`);
    const classes = uniqueLabels(y);
    this.yType_ = yType;
    this.sparseInput_ = false;
    this.classes_ = classes;
    return this;
  }

  /**
   * Binarizes labels with the fitted classes.
   *
   * @param y - labels or a label indicator matrix
   * @returns n rows: one column for binary, one per class otherwise
   * @throws NotFittedError before `fit`
   * @throws ValueError "The object was not fitted with multilabel input."
   * @example
   * ```ts
   * new LabelBinarizer().fit(['a', 'b', 'c']).transform(['c']); // [[0, 0, 1]]
   * ```
   */
  transform(y: unknown): number[][] {
    checkIsFitted(this);
    if (!isArrayLike(y)) {
      throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
    }
    const yIsMultilabel = typeOfLabelArray(toLabelArray(y)).startsWith('multilabel');
    if (yIsMultilabel && !this.yType_!.startsWith('multilabel')) {
      throw new ValueError('The object was not fitted with multilabel input.');
    }
    return labelBinarize(y, {
      classes: this.classes_!,
      negLabel: this.negLabel,
      posLabel: this.posLabel,
    });
  }

  /**
   * Fits and binarizes.
   *
   * @param y - labels or a label indicator matrix
   * @returns the binarized rows
   * @throws ValueError as {@link LabelBinarizer.fit}
   * @example
   * ```ts
   * new LabelBinarizer().fitTransform([0, 1, 1]); // [[0], [1], [1]]
   * ```
   */
  fitTransform(y: unknown): number[][] {
    return this.fit(y).transform(y);
  }

  /**
   * Converts binary rows (or scores) back to labels: argmax for multiclass, a threshold for
   * binary and multilabel targets.
   *
   * @param Y - n rows of scores, probabilities or binary values
   * @param threshold - for binary/multilabel: values above it are positive; default halfway
   *   between `negLabel` and `posLabel` (use 0 for decision functions, 0.5 for probabilities)
   * @returns labels (`Label[]`), or the 0/1 indicator rows for multilabel targets
   * @throws NotFittedError before `fit`
   * @throws ValueError "The number of class is not equal to the number of dimension of y."
   * @example
   * ```ts
   * new LabelBinarizer().fit(['no', 'yes']).inverseTransform([[0.2], [0.9]], 0.5); // ['no', 'yes']
   * ```
   */
  inverseTransform(Y: unknown, threshold?: number | null): Label[] | number[][] {
    checkIsFitted(this);
    const t = threshold ?? (this.posLabel + this.negLabel) / 2;
    const classes = this.classes_!;
    const m = toNumericMatrix(Y, 'Y');
    if (this.yType_ === 'multiclass') {
      const idx = argmaxRows(m);
      return Array.from(idx, (i) => classes[Math.min(i, classes.length - 1)]!);
    }
    const type = this.yType_!;
    if (type === 'binary' && m.ndim === 2 && m.cols > 2) {
      throw new ValueError(`output_type='binary', but y.shape = ${pyShape([m.rows, m.cols])}`);
    }
    if (type !== 'binary' && m.cols !== classes.length) {
      throw new ValueError('The number of class is not equal to the number of dimension of y.');
    }
    const bin = Array.from(m.data, (v) => (v > t ? 1 : 0));
    if (type === 'binary') {
      if (m.ndim === 2 && m.cols === 2)
        return Array.from({ length: m.rows }, (_, i) => classes[bin[2 * i + 1]!]!);
      if (classes.length === 1) return Array.from({ length: bin.length }, () => classes[0]!);
      return bin.map((b) => classes[b]!);
    }
    if (type === 'multilabel-indicator') return toRows({ ...m, data: bin });
    throw new ValueError(`${type} format is not supported`);
  }
}
registerEstimator(LabelBinarizer, { module: MODULE_URL });
