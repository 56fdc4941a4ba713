// Port of scikit-learn's sklearn/utils/validation.py check_X_y (BSD-3-Clause).
import { checkArray, estimatorName, assertAllFinite, type CheckArrayOptions } from './checkArray';
import { columnOr1d } from './columnOr1d';
import { ValueError } from './errors';
import { isArray2D, isMatrix, isTensorLike, isTypedArray } from './internal/guards';
import { numSamples } from './numSamples';
import type { Array2D, ArrayND, Label, TypedArray } from './types';

/** Options of {@link checkXY}: those of `checkArray` for X, plus what y may be. */
export interface CheckXYOptions extends CheckArrayOptions {
  /** Allow a 2-D y (several outputs). @defaultValue false */
  multiOutput?: boolean;
  /** Require numeric, finite y (regressors). @defaultValue false */
  yNumeric?: boolean;
}

/** A validated target: 1-D labels (typed arrays stay typed) or rows of labels. */
export type CheckedY = Label[] | TypedArray | Label[][];

/**
 * Throws unless all arrays have the same number of samples.
 *
 * @param arrays - arrays (undefined entries are ignored)
 * @throws ValueError "Found input variables with inconsistent numbers of samples: [3, 4]"
 * @example
 * ```ts
 * checkConsistentLength([[1], [2]], [0, 1]); // ok
 * ```
 */
export function checkConsistentLength(...arrays: unknown[]): void {
  const lengths = arrays.filter((a) => a !== undefined && a !== null).map(numSamples);
  if (new Set(lengths).size > 1) {
    throw new ValueError(
      `Found input variables with inconsistent numbers of samples: [${lengths.join(', ')}]`,
    );
  }
}

function to2DLabels(y: unknown): Label[][] {
  if (isArray2D(y)) {
    const [r, c] = y.shape;
    return Array.from({ length: r }, (_, i) => Array.from(y.data.subarray(i * c, (i + 1) * c)));
  }
  if (isMatrix(y)) return y.to2DArray();
  if (isTensorLike(y)) {
    const d = y.dataSync();
    const [r, c] = [y.shape[0]!, y.shape[1] ?? 1];
    return Array.from({ length: r }, (_, i) => Array.from(d).slice(i * c, (i + 1) * c));
  }
  const rows = y as ArrayLike<ArrayLike<Label>>;
  const c = rows[0]?.length ?? 0;
  const out: Label[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!(Array.isArray(r) || isTypedArray(r)) || r.length !== c) {
      throw new ValueError(
        `setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions: y[0] has ${c} values but y[${i}] has ${
          (r as ArrayLike<Label>)?.length ?? 'none'
        }.`,
      );
    }
    out.push(Array.from(r));
  }
  return out;
}

function is2D(y: unknown): boolean {
  if (isArray2D(y) || isMatrix(y)) return true;
  if (isTensorLike(y)) return y.rank === 2;
  return Array.isArray(y) && y.length > 0 && (Array.isArray(y[0]) || isTypedArray(y[0]));
}

/**
 * Validates X and y together: X as `checkArray` does, y as 1-D (or 2-D with
 * `multiOutput`), numeric and finite with `yNumeric`, and both the same length.
 *
 * @param X - the feature matrix
 * @param y - the target
 * @param options - `checkArray` options (`allowNd` for X of more than 2 dimensions) plus `multiOutput` and `yNumeric`
 * @returns `{ X, y }`: X in `{ data, shape }` form, y as labels
 * @throws ValueError in scikit-learn's words ("KerasClassifier requires y to be passed, but the target y is None", "Found input variables with inconsistent numbers of samples: [3, 4]", ...)
 * @example
 * ```ts
 * const { X, y } = checkXY([[0], [1]], ['a', 'b']);
 * ```
 * @see https://scikit-learn.org/stable/modules/generated/sklearn.utils.check_X_y.html
 */
export function checkXY(
  X: unknown,
  y: unknown,
  options: CheckXYOptions & { allowNd: true },
): { X: ArrayND; y: CheckedY };
export function checkXY(
  X: unknown,
  y: unknown,
  options?: CheckXYOptions,
): { X: Array2D; y: CheckedY };
export function checkXY(
  X: unknown,
  y: unknown,
  options: CheckXYOptions = {},
): { X: Array2D | ArrayND; y: CheckedY } {
  if (y === undefined || y === null) {
    const est = estimatorName(options.estimator) ?? 'estimator';
    throw new ValueError(`${est} requires y to be passed, but the target y is None`);
  }
  const Xc: ArrayND = options.allowNd
    ? checkArray(X, { ...options, allowNd: true })
    : checkArray(X, options);
  let yc: CheckedY;
  if (options.multiOutput && is2D(y)) {
    yc = to2DLabels(y);
    if (options.yNumeric) yc = yc.map((r, i) => r.map((v, j) => numericLabel(v, `y[${i}][${j}]`)));
    // scikit-learn's _check_y always rejects NaN/inf in y, whatever forceAllFinite says
    for (const r of yc) assertAllFinite(numbersOf(r), { inputName: 'y' });
  } else {
    yc = columnOr1d(y, { warn: true });
    if (options.yNumeric && !isTypedArray(yc))
      yc = (yc as Label[]).map((v, i) => numericLabel(v, `y[${i}]`));
    assertAllFinite(isTypedArray(yc) ? yc : numbersOf(yc as Label[]), { inputName: 'y' });
  }
  checkConsistentLength(Xc, yc);
  return { X: Xc, y: yc };
}

/** The numeric entries of a row of labels (strings and booleans are always finite). */
function numbersOf(labels: readonly Label[]): number[] {
  return labels.filter((v): v is number => typeof v === 'number');
}

function numericLabel(v: Label, where: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new ValueError(
    `could not convert string to float: '${String(v)}' (${where}). A regressor needs a numeric target.`,
  );
}
