// Port of scikit-learn's sklearn/preprocessing/_function_transformer.py FunctionTransformer (BSD-3-Clause)
import {
  checkArray,
  checkFeatureNames,
  checkFeatureNamesIn,
  checkNFeatures,
  getFeatureNames,
  InvalidParameterError,
  isArray2D,
  isMatrix,
  isRecordArray,
  isTensorLike,
  isTypedArray,
  ValueError,
  warn,
  type EstimatorTags,
  registerEstimator,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { recordInput, toRows, validateNumeric } from './internal/dense';
import { BOOL, CALLABLE, DICT, NONE, strOptions, validateParams } from './internal/params';
import { Transformer } from './internal/Transformer';

/** A function of X (and the keyword arguments object, when given). */
export type TransformFunction = (X: any, kwArgs?: Record<string, unknown>) => any;

/** Computes output feature names from the transformer and the input names. */
export type FeatureNamesOutFunction = (
  transformer: FunctionTransformer,
  inputFeatures: string[] | undefined,
) => readonly string[];

/** Params of {@link FunctionTransformer}. */
export interface FunctionTransformerParams {
  /** The transformation (the identity when null). @defaultValue null */
  func?: TransformFunction | null;
  /** The inverse transformation (the identity when null). @defaultValue null */
  inverseFunc?: TransformFunction | null;
  /** Validate X as a numeric 2-D array (given to the functions as `number[][]`). @defaultValue false */
  validate?: boolean;
  /** Must be false: sparse matrices are a non-goal. @defaultValue false */
  acceptSparse?: boolean;
  /** Warn in `fit` when `inverseFunc(func(X))` does not give X back. @defaultValue true */
  checkInverse?: boolean;
  /** `'one-to-one'` or a function giving the output feature names; null: none. @defaultValue null */
  featureNamesOut?: 'one-to-one' | FeatureNamesOutFunction | null;
  /** Passed to `func` as its second argument (scikit-learn's keyword arguments). @defaultValue null */
  kwArgs?: Record<string, unknown> | null;
  /** Passed to `inverseFunc` as its second argument. @defaultValue null */
  invKwArgs?: Record<string, unknown> | null;
}

export interface FunctionTransformer extends Required<FunctionTransformerParams> {}

const SPEC = {
  func: [CALLABLE, NONE],
  inverseFunc: [CALLABLE, NONE],
  validate: [BOOL],
  acceptSparse: [BOOL],
  checkInverse: [BOOL],
  featureNamesOut: [CALLABLE, strOptions(['one-to-one']), NONE],
  kwArgs: [DICT, NONE],
  invKwArgs: [DICT, NONE],
};

/** The number of features of X where it has one (scikit-learn's `_num_features`). */
function numFeatures(X: unknown): number | undefined {
  if (isRecordArray(X)) return getFeatureNames(X)?.length ?? 0;
  if (isArray2D(X)) return X.shape[1];
  if (isMatrix(X)) return X.columns;
  if (isTensorLike(X)) return X.rank === 2 ? X.shape[1] : undefined;
  if (Array.isArray(X) && X.length > 0 && (Array.isArray(X[0]) || isTypedArray(X[0])))
    return (X[0] as ArrayLike<unknown>).length;
  return undefined;
}

function allClose(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!(Math.abs(x - y) <= 1e-9 + 1e-7 * Math.abs(y)) && !(x !== x && y !== y)) return false;
  }
  return true;
}

/**
 * Builds a transformer from any function of X (scikit-learn's FunctionTransformer): `transform`
 * calls `func(X, kwArgs)`, `inverseTransform` calls `inverseFunc(X, invKwArgs)`.
 *
 * Stateless: `fit` only validates (with `validate`) and records the number of features, and
 * `transform` works before `fit`.
 *
 * @example
 * ```ts
 * const log1p = (X: number[][]) => X.map((r) => r.map(Math.log1p));
 * const expm1 = (X: number[][]) => X.map((r) => r.map(Math.expm1));
 * const t = new FunctionTransformer({ func: log1p, inverseFunc: expm1, validate: true });
 * t.fitTransform([[0, 1], [2, 3]]); // [[0, 0.693...], [1.098..., 1.386...]]
 * ```
 * @remarks Keyword arguments travel as one object, the functions' second argument.
 * `getFeatureNamesOut` is undefined unless `featureNamesOut` is set (scikit-learn's
 * `available_if`). `checkInverse` also works on plain arrays (scikit-learn 1.2.1 fails on a
 * list). Functions in params travel to workers by registered name.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.FunctionTransformer.html
 */
export class FunctionTransformer extends Transformer<FunctionTransformerParams, any, any> {
  static estimatorName = 'FunctionTransformer';
  static override defaults = {
    func: null,
    inverseFunc: null,
    validate: false,
    acceptSparse: false,
    checkInverse: true,
    featureNamesOut: null,
    kwArgs: null,
    invKwArgs: null,
  } satisfies Required<FunctionTransformerParams>;

  override getTags(): EstimatorTags {
    // plain rows only: `func` gets X as given, and most functions expect number[][]
    return {
      ...super.getTags(),
      requiresY: false,
      stateless: true,
      noValidation: !this.validate,
      XTypes: ['2darray'],
    };
  }

  /** Always true: a stateless transformer needs no fit (scikit-learn's `__sklearn_is_fitted__`). */
  isFitted(): boolean {
    return true;
  }

  #checkParams(): void {
    validateParams(this, SPEC);
    if (this.acceptSparse) {
      throw new InvalidParameterError(
        'acceptSparse=true is not supported by FunctionTransformer: scikeras-ts has no sparse matrices (a non-goal). Leave acceptSparse false.',
      );
    }
  }

  #input(X: unknown, reset: boolean): unknown {
    if (this.validate) {
      const d = validateNumeric(this, X, { reset, allowNan: false });
      if (reset) recordInput(this, d);
      return toRows(d.data, d.n, d.d);
    }
    if (reset) {
      const n = numFeatures(X);
      if (n !== undefined) checkNFeatures(this, n, true);
      checkFeatureNames(this, getFeatureNames(X), true);
    }
    return X;
  }

  #checkInverse(X: unknown): void {
    const rows = X as ArrayLike<unknown>;
    const step = Math.max(1, Math.floor(rows.length / 100));
    const sample = Array.from({ length: Math.ceil(rows.length / step) }, (_, k) => rows[k * step]);
    let values: ArrayLike<number>;
    try {
      values = checkArray(sample, { forceAllFinite: false }).data;
    } catch {
      throw new ValueError(
        "'checkInverse' is only supported when all the elements in `X` is numerical.",
      );
    }
    const back = this.inverseTransform(this.transform(sample));
    if (!allClose(values, checkArray(back, { forceAllFinite: false }).data)) {
      warn(
        "The provided functions are not strictly inverse of each other. If you are sure you want to proceed regardless, set 'checkInverse=false'.",
      );
    }
  }

  /**
   * Validates X (with `validate`), records the number of features, and checks that
   * `inverseFunc` undoes `func` on a sample (with `checkInverse` and both functions).
   *
   * @param X - the data
   * @param _y - ignored (accepted for pipelines)
   * @returns this transformer
   * @throws InvalidParameterError for invalid params or `acceptSparse: true`
   * @example
   * ```ts
   * new FunctionTransformer({ validate: true }).fit([[1, 2]]).nFeaturesIn_; // 2
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    this.#checkParams();
    const Xv = this.#input(X, true);
    if (this.checkInverse && this.func && this.inverseFunc) this.#checkInverse(Xv);
    return this;
  }

  /**
   * Applies `func(X, kwArgs)` (the identity without `func`).
   *
   * @param X - the data (`number[][]` for `func` with `validate`)
   * @returns what `func` returns
   * @throws ValueError for invalid X with `validate`
   * @example
   * ```ts
   * new FunctionTransformer({ func: (X, kw) => X.map((r: number[]) => r.map((v) => v * (kw!.k as number))), kwArgs: { k: 2 } }).transform([[1]]); // [[2]]
   * ```
   */
  transform(X: unknown): any {
    const Xv = this.#input(X, false);
    const out = this.func ? this.func(Xv, this.kwArgs ?? undefined) : Xv;
    // what func returns is left as it is unless setOutput asked for an Array2D
    return this.wantsArray2D() ? this.wrapOutput(out) : out;
  }

  /**
   * Applies `inverseFunc(X, invKwArgs)` (the identity without `inverseFunc`).
   *
   * @param X - transformed data
   * @returns what `inverseFunc` returns
   * @throws ValueError for invalid X with `validate`
   * @example
   * ```ts
   * new FunctionTransformer({ inverseFunc: (X) => X }).inverseTransform([[1]]); // [[1]]
   * ```
   */
  inverseTransform(X: unknown): any {
    let Xv = X;
    if (this.validate) {
      const a = checkArray(X, { estimator: this });
      Xv = toRows(a.data, a.shape[0], a.shape[1]);
    }
    return this.inverseFunc ? this.inverseFunc(Xv, this.invKwArgs ?? undefined) : Xv;
  }

  /**
   * The output feature names (only when `featureNamesOut` is set; undefined otherwise, as
   * scikit-learn's method is then absent): the input names for `'one-to-one'`, or what the
   * `featureNamesOut` function returns.
   *
   * @example
   * ```ts
   * new FunctionTransformer({ featureNamesOut: 'one-to-one' }).fit([[1, 2]]).getFeatureNamesOut!(); // ['x0', 'x1']
   * new FunctionTransformer().getFeatureNamesOut; // undefined
   * ```
   */
  get getFeatureNamesOut(): ((inputFeatures?: readonly string[] | null) => string[]) | undefined {
    if (this.featureNamesOut === null || this.featureNamesOut === undefined) return undefined;
    return (inputFeatures?: readonly string[] | null) => {
      let names: string[] | undefined = inputFeatures ? [...inputFeatures] : undefined;
      if (this.nFeaturesIn_ !== undefined || names !== undefined)
        names = checkFeatureNamesIn(this, names);
      if (this.featureNamesOut === 'one-to-one') {
        if (names === undefined)
          throw new ValueError('Unable to generate feature names without nFeaturesIn_');
        return names;
      }
      if (typeof this.featureNamesOut === 'function') return [...this.featureNamesOut(this, names)];
      throw new ValueError(
        `featureNamesOut=${String(this.featureNamesOut)} is invalid. It must either be "one-to-one" or a callable with two arguments: the function transformer and an array-like of input feature names. The callable must return an array-like of output feature names.`,
      );
    };
  }
}
registerEstimator(FunctionTransformer, { module: MODULE_URL });
