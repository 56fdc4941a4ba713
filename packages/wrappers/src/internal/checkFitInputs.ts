// scikeras's scikeras/wrappers.py _validate_data (MIT), checking before anything is recorded.
import {
  ValueError,
  checkArray,
  checkXY,
  columnOr1d,
  estimatorNameOf,
  pyShape,
  type ArrayND,
  type CheckedY,
  type Label,
} from '@scikeras/estimator-core';
import { ALL_ZERO_WEIGHTS, checkSampleWeight } from './sampleWeights';
import { canCast, dtypeOfY } from './yDtype';
import { canCastDtype, dtypeOfX } from './xDtype';

/** The attributes `fit` records about its X and y. */
export interface InputMetadata {
  XDtype_: string;
  XShape_: number[];
  nFeaturesIn_: number;
  yDtype_: string;
  yNdim_: number;
}

/** Validated fit data and what it will record (nothing is recorded here). */
export interface FitInputs {
  X: ArrayND;
  y: CheckedY;
  meta: InputMetadata;
}

/** Options of {@link checkFitInputs}. */
export interface CheckFitInputsOptions {
  /** y must be numeric (regressors). */
  yNumeric: boolean;
  /** y values go to the model as float32 (not encoded labels): check their range. */
  yFloat32: boolean;
  /** y may be absent (`initialize(X)`). */
  yOptional?: boolean;
  /** The fitted attributes to check X and y against (`partialFit`, warm start), if any. */
  fitted?: Partial<InputMetadata>;
}

/**
 * Throws when a value does not fit in float32 (the dtype of every tensor the wrappers feed a
 * model): NaN and Infinity are caught by `checkArray` before, this catches |x| > 3.4e38.
 *
 * @param data - the values
 * @param inputName - `'X'` or `'y'`
 * @throws ValueError "Input X contains infinity or a value too large for dtype('float32')."
 * @example
 * ```ts
 * assertFloat32Range([1e39], 'X'); // throws
 * ```
 */
export function assertFloat32Range(data: ArrayLike<unknown>, inputName: string): void {
  if (data instanceof Float32Array) return; // float32 already
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v === 'number' && !Number.isFinite(Math.fround(v)) && Number.isFinite(v)) {
      throw new ValueError(
        `Input ${inputName} contains infinity or a value too large for dtype('float32').`,
      );
    }
  }
}

function flatY(y: CheckedY): ArrayLike<unknown> {
  if (ArrayBuffer.isView(y)) return y as ArrayLike<number>;
  return (y as unknown[]).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/**
 * scikeras's checks of X against the fitted `XShape_`: the same number of dimensions, then the
 * same shape after the first axis. 2-D X of another width gets scikit-learn's feature-count
 * message (what scikit-learn's `check_n_features_in_after_fitting` asserts).
 */
function checkXShape(est: object, shape: readonly number[], fitted: readonly number[]): void {
  const name = estimatorNameOf(est);
  if (shape.length !== fitted.length) {
    throw new ValueError(
      `X has ${shape.length} dimensions, but this ${name} is expecting ${fitted.length} dimensions in X.`,
    );
  }
  if (shape.length === 2 && shape[1] !== fitted[1]) {
    throw new ValueError(
      `X has ${shape[1]} features, but ${name} is expecting ${fitted[1]} features as input.`,
    );
  }
  if (shape.some((d, i) => i > 0 && d !== fitted[i])) {
    throw new ValueError(
      `X has shape ${pyShape(shape.slice(1))}, but this ${name} is expecting X of shape ${pyShape(fitted.slice(1))}`,
    );
  }
}

/** scikeras's check of X's dtype against the fitted `X_dtype_` (numpy's safe casting). */
function checkXDtype(est: object, dtype: string, fitted: string | undefined): void {
  if (fitted === undefined || canCastDtype(dtype, fitted)) return;
  throw new ValueError(
    `Got X with dtype ${dtype}, but this ${estimatorNameOf(est)} expected ${fitted} and casting from ${dtype} to ${fitted} is not safe!`,
  );
}

function checkAgainst(est: object, meta: InputMetadata, fitted: Partial<InputMetadata>): void {
  const name = estimatorNameOf(est);
  checkXDtype(est, meta.XDtype_, fitted.XDtype_);
  if (fitted.XShape_) checkXShape(est, meta.XShape_, fitted.XShape_);
  if (fitted.yDtype_ !== undefined && !canCast(meta.yDtype_, fitted.yDtype_)) {
    throw new ValueError(
      `Got y with dtype ${meta.yDtype_}, but this ${name} expected ${fitted.yDtype_} and casting from ${meta.yDtype_} to ${fitted.yDtype_} is not safe!`,
    );
  }
  if (fitted.yNdim_ !== undefined && meta.yNdim_ !== fitted.yNdim_) {
    throw new ValueError(
      `y has ${meta.yNdim_} dimensions, but this ${name} is expecting ${fitted.yNdim_} dimensions in y.`,
    );
  }
}

/**
 * Validates fit data (scikeras's `_validate_data`): X (of any number of dimensions, scikeras's
 * `allow_nd=True`) and y through `checkXY`, values within float32, and, for `partialFit` and
 * warm starts, an X dtype that casts safely to the fitted `XDtype_` (numpy's rules, see
 * `dtypeOfX`), the same dimensions and shape after the first axis, a y dtype that casts
 * safely and the same y dimensions as the fitted ones. Records nothing: the caller commits
 * `meta` once the whole fit succeeded.
 *
 * @param est - the estimator (named in messages)
 * @param X - samples
 * @param y - targets
 * @param options - see {@link CheckFitInputsOptions}
 * @returns the validated data and its metadata
 * @throws ValueError with scikit-learn's and scikeras's messages
 * @example
 * ```ts
 * const { X, y, meta } = checkFitInputs(est, [[1, 2]], [0], { yNumeric: false, yFloat32: false });
 * meta.nFeaturesIn_; // 2
 * ```
 */
export function checkFitInputs(
  est: object,
  X: unknown,
  y: unknown,
  options: CheckFitInputsOptions,
): FitInputs {
  let Xc: ArrayND;
  let yc: CheckedY;
  let yDtype: string;
  if (options.yOptional && (y === undefined || y === null)) {
    Xc = checkArray(X, { estimator: est, allowNd: true });
    yc = [];
    yDtype = dtypeOfY(yc);
  } else {
    const checked = checkXY(X, y, {
      estimator: est,
      multiOutput: true,
      yNumeric: options.yNumeric,
      allowNd: true,
    });
    Xc = checked.X;
    // The dtype of a typed array y is its own (a Float64Array of whole numbers is float, as
    // numpy's float64 is), so it is read before the values are copied out.
    yDtype = dtypeOfY(checked.y);
    yc = ArrayBuffer.isView(checked.y) ? Array.from(checked.y as ArrayLike<number>) : checked.y;
  }
  assertFloat32Range(Xc.data, 'X');
  if (options.yFloat32) assertFloat32Range(flatY(yc), 'y');
  const meta: InputMetadata = {
    XDtype_: dtypeOfX(X),
    XShape_: [...Xc.shape],
    nFeaturesIn_: Xc.shape[1]!,
    yDtype_: yDtype,
    yNdim_: !ArrayBuffer.isView(yc) && Array.isArray((yc as Label[][])[0]) ? 2 : 1,
  };
  if (options.fitted) checkAgainst(est, meta, options.fitted);
  return { X: Xc, y: yc, meta };
}

/**
 * Validates X for `predict` / `predictProba` / `score`: `checkArray` (any number of
 * dimensions), values within float32, and the fitted dimensions and shape after the first axis.
 * Unlike scikeras, not X's dtype: a model fitted on a tfjs tensor (float32) predicts on plain
 * arrays (float64), and the model computes in float32 either way.
 *
 * @param est - the fitted estimator
 * @param X - samples
 * @param XShape - the fitted `XShape_`
 * @returns the validated X
 * @throws ValueError "X has 3 features, but KerasClassifier is expecting 4 features as input.",
 *   "X has 3 dimensions, but this KerasClassifier is expecting 4 dimensions in X.", "X has shape
 *   (8, 8, 3), but this KerasClassifier is expecting X of shape (8, 8, 1)"
 * @example
 * ```ts
 * checkPredictX(est, [[1, 2]], est.XShape_);
 * ```
 */
export function checkPredictX(est: object, X: unknown, XShape: number[] | undefined): ArrayND {
  const Xc = checkArray(X, { estimator: est, allowNd: true });
  assertFloat32Range(Xc.data, 'X');
  if (XShape) checkXShape(est, Xc.shape, XShape);
  return Xc;
}

/**
 * The true targets and weights of `score`: y as the scorer takes it (rows for multi-output,
 * a flat array otherwise) and the checked sample weights (scikeras's `_validate_sample_weight`).
 *
 * @param y - true targets
 * @param sampleWeight - per-sample weights or one number for all, if any
 * @returns `yTrue` and `sampleWeight` (undefined when none)
 * @throws ValueError for a column vector of the wrong shape, weights of the wrong length, or
 *   weights that are all zero (scikeras's "No training samples had any weight; ...")
 * @example
 * ```ts
 * checkScoreInputs([[1], [0]], null); // { yTrue: [1, 0], sampleWeight: undefined }
 * ```
 */
export function checkScoreInputs(
  y: unknown,
  sampleWeight: ArrayLike<number> | number | null | undefined,
): { yTrue: unknown; sampleWeight: number[] | undefined } {
  const yc =
    !ArrayBuffer.isView(y) && Array.isArray(y) && Array.isArray(y[0])
      ? (y as Label[][])
      : columnOr1d(y);
  const n = (yc as ArrayLike<unknown>).length;
  const sw =
    sampleWeight === undefined || sampleWeight === null
      ? undefined
      : checkSampleWeight(sampleWeight, n);
  if (sw?.every((w) => w === 0)) throw new ValueError(ALL_ZERO_WEIGHTS);
  return {
    yTrue: ArrayBuffer.isView(yc) ? Array.from(yc as ArrayLike<number>) : yc,
    sampleWeight: sw,
  };
}
