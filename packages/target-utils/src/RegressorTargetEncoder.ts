// Port of scikeras's scikeras/utils/transformers.py RegressorTargetEncoder (MIT)
import { MODULE_URL } from './internal/moduleUrl';
import {
  BaseEstimator,
  checkIsFitted,
  ValueError,
  type EstimatorTags,
  type EstimatorType,
  registerEstimator,
} from '@scikeras/estimator-core';
import { isArrayLike, toLabelArray, type LabelArray } from './internal/labelArray';
import { toNumericMatrix } from './internal/numericMatrix';
import { pyRepr, pyShape } from '@scikeras/estimator-core';
import { typeOfLabelArray, type TargetType } from './internal/targetType';

/** What the wrapper copies from a fitted {@link RegressorTargetEncoder}. */
export interface RegressorMetadata {
  nOutputs_: number;
  nOutputsExpected_: number;
  targetType_: TargetType;
}

function numericTarget(y: unknown): LabelArray {
  if (!isArrayLike(y)) {
    throw new ValueError(`Expected array-like (array or non-string sequence), got ${pyRepr(y)}`);
  }
  const a = toLabelArray(y);
  if (a.kind === 'str') {
    const s = Array.from(a.data).find((v) => Number.isNaN(Number(v)));
    if (s !== undefined) throw new ValueError(`could not convert string to float: ${pyRepr(s)}`);
    return { ...a, kind: 'float', data: Array.from(a.data, Number) };
  }
  if (a.kind === 'obj') {
    throw new ValueError(
      'y must hold numbers: got values that are not numbers (null, objects or ragged rows).',
    );
  }
  if (a.ndim !== 1 && a.ndim !== 2) {
    throw new ValueError(`y must be 1-D or 2-D, got an array of shape ${pyShape(a.shape)}.`);
  }
  return a;
}

/**
 * The default target encoder of `KerasRegressor` (scikeras's `RegressorTargetEncoder`): records
 * the number of outputs and restores the shape of y on predictions.
 *
 * @example
 * ```ts
 * const enc = new RegressorTargetEncoder().fit([1.5, 2.5, 3]);
 * enc.nOutputs_; // 1
 * enc.transform([1.5, 2.5]); // [[1.5], [2.5]]
 * enc.inverseTransform([[1.1], [2.2]]); // [1.1, 2.2]
 * ```
 * @remarks `transform` returns `number[][]` (n x nOutputs_) so it feeds a model directly;
 * scikeras returns y untouched. `targetType_` and `yShape_` are recorded for the wrapper.
 * @see https://www.adriangb.com/scikeras/stable/generated/scikeras.utils.transformers.RegressorTargetEncoder.html
 */
export class RegressorTargetEncoder extends BaseEstimator<Record<string, never>> {
  static estimatorName = 'RegressorTargetEncoder';
  static override defaults = {};
  static override tags: Partial<EstimatorTags> = { XTypes: ['1dlabels'], requiresY: false };

  /** Number of target columns (1 for 1-D y). */
  declare nOutputs_?: number;
  /** Number of outputs the Keras model must have (always 1). */
  declare nOutputsExpected_?: number;
  /** `typeOfTarget` of the y passed to `fit`. */
  declare targetType_?: TargetType;
  /** Shape of the y passed to `fit`. */
  declare yShape_?: number[];

  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  /**
   * Records the shape and the number of outputs of y.
   *
   * @param y - the regression target, 1-D or 2-D
   * @returns this encoder
   * @throws ValueError "Input y contains NaN." and for non-numeric targets
   * @example
   * ```ts
   * new RegressorTargetEncoder().fit([[1, 2], [3, 4]]).nOutputs_; // 2
   * ```
   */
  fit(y: unknown): this {
    const a = numericTarget(y);
    this.targetType_ = typeOfLabelArray(a, 'y');
    this.yShape_ = [...a.shape];
    this.nOutputs_ = a.ndim === 1 ? 1 : a.shape[1]!;
    this.nOutputsExpected_ = 1;
    return this;
  }

  /**
   * Checks y has as many outputs as in `fit` and returns it as n x nOutputs_ rows.
   *
   * @param y - the regression target
   * @returns `number[][]`
   * @throws NotFittedError before `fit`
   * @throws ValueError "Detected `y` to have 2 outputs with `y.shape = (3, 2)` but this RegressorTargetEncoder has 1 outputs."
   * @example
   * ```ts
   * new RegressorTargetEncoder().fit([1, 2]).transform([3, 4]); // [[3], [4]]
   * ```
   */
  transform(y: unknown): number[][] {
    const { a, nOutputs } = this.#checked(y);
    const n = a.shape[0]!;
    const out: number[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = new Array<number>(nOutputs);
      for (let j = 0; j < nOutputs; j++) row[j] = Number(a.data[i * nOutputs + j]);
      out[i] = row;
    }
    return out;
  }

  /** y as a numeric array with as many outputs as in `fit` (transform's checks). */
  #checked(y: unknown): { a: ReturnType<typeof numericTarget>; nOutputs: number } {
    checkIsFitted(this);
    const a = numericTarget(y);
    const nOutputs = a.ndim === 1 ? 1 : a.shape[1]!;
    if (nOutputs !== this.nOutputs_) {
      throw new ValueError(
        `Detected \`y\` to have ${nOutputs} outputs with \`y.shape = ${pyShape(a.shape)}\`` +
          ` but this RegressorTargetEncoder has ${this.nOutputs_} outputs.`,
      );
    }
    return { a, nOutputs };
  }

  /**
   * {@link RegressorTargetEncoder.transform}'s values as one float32 matrix, row-major, without
   * making a row array per sample (what a model trains on).
   *
   * @param y - the regression target
   * @returns `{ data, shape: [n, nOutputs_] }`: the values `transform(y)` gives, as float32
   * @throws NotFittedError before `fit`
   * @throws ValueError as {@link RegressorTargetEncoder.transform}
   * @example
   * ```ts
   * new RegressorTargetEncoder().fit([1, 2]).transformMatrix([3, 4]); // { data: Float32Array [3, 4], shape: [2, 1] }
   * ```
   */
  transformMatrix(y: unknown): { data: Float32Array; shape: [number, number] } {
    const { a, nOutputs } = this.#checked(y);
    const n = a.shape[0]!;
    const data = new Float32Array(n * nOutputs);
    for (let i = 0; i < n * nOutputs; i++) data[i] = Number(a.data[i]);
    return { data, shape: [n, nOutputs] };
  }

  /**
   * Fits the encoder and transforms y (scikit-learn's `fit_transform`).
   *
   * @param y - the target
   * @returns the encoded target, as {@link RegressorTargetEncoder.transform}
   * @throws ValueError as {@link RegressorTargetEncoder.fit}
   * @example
   * ```ts
   * new RegressorTargetEncoder().fitTransform([0.5, 1]); // [[0.5], [1]]
   * ```
   */
  fitTransform(y: unknown): number[][] {
    return this.fit(y).transform(y);
  }

  /**
   * Reshapes model predictions to the shape of y (scikeras's `y.reshape(-1, *y_shape[1:])`).
   *
   * @param yPred - predictions, n x nOutputs_ (or 1-D)
   * @returns `number[]` when y was 1-D, else `number[][]` rows of nOutputs_ values
   * @throws NotFittedError before `fit`
   * @throws ValueError when the number of values is not a multiple of nOutputs_
   * @example
   * ```ts
   * new RegressorTargetEncoder().fit([1, 2]).inverseTransform([[0.5], [1.5]]); // [0.5, 1.5]
   * ```
   */
  inverseTransform(yPred: unknown): number[] | number[][] {
    checkIsFitted(this);
    const m = toNumericMatrix(yPred, 'yPred');
    const flat = Array.from(m.data, Number);
    if (this.yShape_!.length === 1) return flat;
    const k = this.yShape_![1]!;
    if (flat.length % k !== 0) {
      throw new ValueError(`cannot reshape array of size ${flat.length} into shape (${k})`);
    }
    const out: number[][] = [];
    for (let i = 0; i < flat.length; i += k) out.push(flat.slice(i, i + k));
    return out;
  }

  /**
   * The metadata the wrapper copies onto itself after fitting (scikeras's `get_metadata`).
   *
   * @returns `nOutputs_`, `nOutputsExpected_`, `targetType_`
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new RegressorTargetEncoder().fit([0.5, 1]).getMetadata(); // { nOutputs_: 1, nOutputsExpected_: 1, targetType_: 'continuous' }
   * ```
   */
  getMetadata(): RegressorMetadata {
    checkIsFitted(this);
    return {
      nOutputs_: this.nOutputs_!,
      nOutputsExpected_: this.nOutputsExpected_!,
      targetType_: this.targetType_!,
    };
  }
}
registerEstimator(RegressorTargetEncoder, { module: MODULE_URL });
