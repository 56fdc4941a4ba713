// Port of scikit-learn's sklearn/preprocessing/_label.py LabelEncoder (BSD-3-Clause)
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  ValueError,
  type EstimatorTags,
  type EstimatorType,
  type Label,
  registerEstimator,
} from '@scikeras/estimator-core';
import { coerceLabels, kindOfClasses, labels1d } from './internal/labels1d';
import { npArrayStr, pyList, pyRepr } from '@scikeras/estimator-core';
import { encodeLabels, sortedLabels, uniqueOf } from './internal/unique';

/**
 * Encodes target labels with values between 0 and nClasses - 1.
 *
 * `classes_` is sorted like numpy's `np.unique` (numbers ascending, strings by code point,
 * `false` before `true`). Transforming a label not seen in `fit` throws scikit-learn's error.
 *
 * @example
 * ```ts
 * const le = new LabelEncoder().fit([1, 2, 2, 6]);
 * le.classes_; // [1, 2, 6]
 * le.transform([1, 1, 2, 6]); // [0, 0, 1, 2]
 * le.inverseTransform([0, 0, 1, 2]); // [1, 1, 2, 6]
 * new LabelEncoder().fit(['paris', 'paris', 'tokyo', 'amsterdam']).classes_; // ['amsterdam', 'paris', 'tokyo']
 * ```
 * @remarks `transform` returns a plain `number[]` (scikit-learn returns an int ndarray). A
 * plain array mixing strings and numbers is read as numpy does, numbers becoming strings.
 * Unseen float labels print as JavaScript has them (`[3]` where numpy may print `[3.0]`).
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.LabelEncoder.html
 */
export class LabelEncoder extends BaseEstimator<Record<string, never>> {
  static estimatorName = 'LabelEncoder';
  static override defaults = {};
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** The sorted unique labels seen in `fit`. */
  declare classes_?: Label[];

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  /**
   * Fits the label encoder: stores the sorted unique labels in `classes_`.
   *
   * @param y - target labels, 1-D (a column vector is flattened with a DataConversionWarning)
   * @returns this encoder
   * @throws ValueError "y should be a 1d array, got an array of shape (2, 2) instead."
   * @throws TypeError "Encoders require their input to be uniformly strings or numbers. Got [...]"
   * @example
   * ```ts
   * new LabelEncoder().fit(['b', 'a', 'b']).classes_; // ['a', 'b']
   * ```
   */
  fit(y: unknown): this {
    this.classes_ = uniqueOf(labels1d(y));
    return this;
  }

  /**
   * Fits the encoder and returns the encoded labels.
   *
   * @param y - target labels, 1-D
   * @returns codes in `0..nClasses-1`
   * @throws ValueError as {@link LabelEncoder.fit}
   * @example
   * ```ts
   * new LabelEncoder().fitTransform(['b', 'a', 'b']); // [1, 0, 1]
   * ```
   */
  fitTransform(y: unknown): number[] {
    const a = labels1d(y);
    const classes = uniqueOf(a);
    this.classes_ = classes;
    return encodeLabels(a, classes).codes;
  }

  /**
   * Transforms labels to their codes.
   *
   * @param y - target labels, 1-D
   * @returns codes in `0..nClasses-1`
   * @throws NotFittedError before `fit`
   * @throws ValueError "y contains previously unseen labels: [7]" (numbers) / "y contains previously unseen labels: 'd'" (strings)
   * @example
   * ```ts
   * new LabelEncoder().fit(['a', 'b']).transform(['b', 'b', 'a']); // [1, 1, 0]
   * ```
   */
  transform(y: unknown): number[] {
    checkIsFitted(this);
    const classes = this.classes_!;
    const a0 = labels1d(y);
    if (a0.data.length === 0) return [];
    const a = classes.length > 0 ? coerceLabels(a0, kindOfClasses(classes)) : a0;
    if (a.kind === 'obj') uniqueOf(a); // throws the "uniformly strings or numbers" TypeError
    const { codes, unseen } = encodeLabels(a, classes);
    if (unseen.length > 0) {
      const numeric = a.kind === 'float' || a.kind === 'int' || a.kind === 'bool';
      throw new ValueError(
        `y contains previously unseen labels: ${numeric ? pyList(sortedLabels(unseen)) : pyRepr(unseen[0])}`,
      );
    }
    return codes;
  }

  /**
   * Transforms codes back to the original labels.
   *
   * @param y - codes in `0..nClasses-1`, 1-D
   * @returns the labels
   * @throws NotFittedError before `fit`
   * @throws ValueError "y contains previously unseen labels: [3 4]" for codes outside `0..nClasses-1`
   * @example
   * ```ts
   * new LabelEncoder().fit(['a', 'b']).inverseTransform([1, 0]); // ['b', 'a']
   * ```
   */
  inverseTransform(y: unknown): Label[] {
    checkIsFitted(this);
    const classes = this.classes_!;
    const a = labels1d(y);
    const n = a.data.length;
    if (n === 0) return [];
    const k = classes.length;
    const out = new Array<Label>(n);
    let bad: Set<unknown> | undefined;
    for (let i = 0; i < n; i++) {
      const v = a.data[i];
      const idx = typeof v === 'boolean' ? Number(v) : v;
      if (typeof idx === 'number' && Number.isInteger(idx) && idx >= 0 && idx < k)
        out[i] = classes[idx]!;
      else (bad ??= new Set()).add(v);
    }
    if (bad) {
      throw new ValueError(
        `y contains previously unseen labels: ${npArrayStr(sortedLabels([...bad] as Label[]))}`,
      );
    }
    return out;
  }
}
registerEstimator(LabelEncoder, { module: MODULE_URL });
