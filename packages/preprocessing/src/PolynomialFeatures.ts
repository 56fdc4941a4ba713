// Port of scikit-learn's sklearn/preprocessing/_polynomial.py PolynomialFeatures (BSD-3-Clause), dense input.
import {
  checkFeatureNamesIn,
  checkIsFitted,
  ValueError,
  registerEstimator,
  pyTuple,
} from '@scikeras/estimator-core';
import { MODULE_URL } from './internal/moduleUrl';
import { recordInput, validateNumeric } from './internal/dense';
import { ARRAY, BOOL, intInterval, strOptions, validateParams } from './internal/params';
import { Transformer } from './internal/Transformer';

/** Params of {@link PolynomialFeatures}. */
export interface PolynomialFeaturesParams {
  /** The maximal degree, or `[minDegree, maxDegree]`. @defaultValue 2 */
  degree?: number | [number, number];
  /** Only products of distinct features (no `x0^2`). @defaultValue false */
  interactionOnly?: boolean;
  /** Include the bias column of ones. @defaultValue true */
  includeBias?: boolean;
  /** numpy's memory order of the output; kept for parity (rows are `number[][]`). @defaultValue 'C' */
  order?: 'C' | 'F';
}

export interface PolynomialFeatures extends Required<PolynomialFeaturesParams> {}

const SPEC = {
  degree: [intInterval(0), ARRAY],
  interactionOnly: [BOOL],
  includeBias: [BOOL],
  order: [strOptions(['C', 'F'])],
};

/** itertools' combinations (`withReplacement`: combinations_with_replacement) of `0..n-1`, size k. */
function* combinations(n: number, k: number, withReplacement: boolean): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  const idx = withReplacement
    ? new Array<number>(k).fill(0)
    : Array.from({ length: k }, (_, i) => i);
  if (!withReplacement && k > n) return;
  if (n === 0) return;
  for (;;) {
    yield [...idx];
    let i = k - 1;
    const top = (p: number) => (withReplacement ? n - 1 : n - k + p);
    while (i >= 0 && idx[i] === top(i)) i--;
    if (i < 0) return;
    idx[i]! += 1;
    for (let j = i + 1; j < k; j++) idx[j] = withReplacement ? idx[i]! : idx[j - 1]! + 1;
  }
}

/**
 * Generates polynomial and interaction features: every product of the input features of
 * degree `minDegree..maxDegree` (and a bias column), in scikit-learn's column order.
 *
 * @example
 * ```ts
 * const poly = new PolynomialFeatures({ degree: 2 }).fit([[0, 1], [2, 3]]);
 * poly.transform([[2, 3]]); // [[1, 2, 3, 4, 6, 9]]
 * poly.getFeatureNamesOut(); // ['1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2']
 * ```
 * @remarks Dense input only (sparse matrices are a non-goal); `order` has no effect on
 * `number[][]` rows. `powers_` is a fitted attribute (a property in scikit-learn).
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.PolynomialFeatures.html
 */
export class PolynomialFeatures extends Transformer<PolynomialFeaturesParams> {
  static estimatorName = 'PolynomialFeatures';
  static override defaults = {
    degree: 2,
    interactionOnly: false,
    includeBias: true,
    order: 'C',
  } satisfies Required<PolynomialFeaturesParams>;

  /** The exponent of each input feature in each output feature. */
  declare powers_?: number[][];
  /** The number of output features. */
  declare nOutputFeatures_?: number;

  #degrees(): [number, number] {
    const deg = this.degree;
    if (typeof deg === 'number') {
      if (deg === 0 && !this.includeBias)
        throw new ValueError(
          'Setting degree to zero and includeBias to false would result in an empty output array.',
        );
      return [0, deg];
    }
    const pair = Array.from(deg as ArrayLike<number>);
    if (pair.length !== 2)
      throw new ValueError(
        `degree must be a non-negative int or tuple (min_degree, max_degree), got ${pyTuple(pair)}.`,
      );
    const [lo, hi] = pair as [number, number];
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo <= hi))
      throw new ValueError(
        `degree=(min_degree, max_degree) must be non-negative integers that fulfil min_degree <= max_degree, got ${pyTuple(pair)}.`,
      );
    if (hi === 0 && !this.includeBias)
      throw new ValueError(
        'Setting both min_degree and max_degree to zero and includeBias to false would result in an empty output array.',
      );
    return [lo, hi];
  }

  /**
   * Computes the output features (their powers) for the number of input features.
   *
   * @param X - the data (its number of features)
   * @param _y - ignored (accepted for pipelines)
   * @returns this transformer
   * @throws ValueError "degree=(min_degree, max_degree) must be non-negative integers that fulfil min_degree <= max_degree, got (3, 2)."
   * @example
   * ```ts
   * new PolynomialFeatures({ interactionOnly: true }).fit([[1, 2, 3]]).nOutputFeatures_; // 7
   * ```
   */
  fit(X: unknown, _y?: unknown): this {
    validateParams(this, SPEC);
    const Xd = validateNumeric(this, X, { reset: true, allowNan: false });
    const [lo, hi] = this.#degrees();
    const powers: number[][] = [];
    if (this.includeBias) powers.push(new Array<number>(Xd.d).fill(0));
    for (let k = Math.max(1, lo); k <= hi; k++) {
      for (const c of combinations(Xd.d, k, !this.interactionOnly)) {
        const p = new Array<number>(Xd.d).fill(0);
        for (const j of c) p[j]! += 1;
        powers.push(p);
      }
    }
    recordInput(this, Xd);
    this.powers_ = powers;
    this.nOutputFeatures_ = powers.length;
    return this;
  }

  /**
   * The polynomial features of X: one column per row of `powers_`.
   *
   * @param X - data with as many features as in `fit`
   * @returns the rows of products
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new PolynomialFeatures({ degree: [2, 2], includeBias: false }).fit([[1, 2]]).transform([[3, 4]]); // [[9, 12, 16]]
   * ```
   */
  transform(X: unknown): number[][] {
    checkIsFitted(this);
    const { data, n, d } = validateNumeric(this, X, { reset: false, allowNan: false });
    // each column as its factors, multiplied from the highest feature down as scikit-learn does
    const factors = this.powers_!.map((p) => p.flatMap((e, j) => new Array<number>(e).fill(j)));
    const out: number[][] = [];
    for (let i = 0; i < n; i++) {
      const off = i * d;
      const row = new Array<number>(factors.length);
      for (let k = 0; k < factors.length; k++) {
        const f = factors[k]!;
        if (f.length === 0) {
          row[k] = 1;
          continue;
        }
        let v = data[off + f[f.length - 1]!]!;
        for (let t = f.length - 2; t >= 0; t--) v *= data[off + f[t]!]!;
        row[k] = v;
      }
      out[i] = row;
    }
    return this.wrapOutput(out);
  }

  /**
   * The output feature names: `1` for the bias, `x0`, `x0^2`, `x0 x1`, ... (with the input
   * names when given or seen in `fit`).
   *
   * @param inputFeatures - names to use instead of `featureNamesIn_` / `x0, x1, ...`
   * @returns one name per output column
   * @throws NotFittedError before `fit`
   * @example
   * ```ts
   * new PolynomialFeatures().fit([{ a: 1, b: 2 }]).getFeatureNamesOut(); // ['1', 'a', 'b', 'a^2', 'a b', 'b^2']
   * ```
   */
  getFeatureNamesOut(inputFeatures?: readonly string[] | null): string[] {
    checkIsFitted(this);
    const names = checkFeatureNamesIn(this, inputFeatures)!;
    return this.powers_!.map((p) => {
      const parts = p.flatMap((e, j) =>
        e === 0 ? [] : [e === 1 ? names[j]! : `${names[j]}^${e}`],
      );
      return parts.length > 0 ? parts.join(' ') : '1';
    });
  }
}
registerEstimator(PolynomialFeatures, { module: MODULE_URL });
