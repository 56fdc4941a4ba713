// Port of scikit-learn's sklearn/metrics/_regression.py r2_score (BSD-3-Clause).
import { checkConsistentLength, warn } from '@scikeras/estimator-core';
import { checkFiniteAfter, checkRegTargets, type Multioutput } from './internal/checkRegTargets';
import { average, toWeights, weightSum } from './internal/numeric';

/** Options of {@link r2Score}. */
export interface R2ScoreOptions {
  /** Per-sample weights. @defaultValue undefined (all 1) */
  sampleWeight?: ArrayLike<number> | null;
  /**
   * How outputs are combined: `'uniform_average'`, `'raw_values'` (one score per output),
   * `'variance_weighted'` (weighted by each output's variance) or per-output weights.
   * @defaultValue 'uniform_average'
   */
  multioutput?: Multioutput;
  /**
   * Replace the NaN / -Infinity of constant `yTrue` by 1 (perfect predictions) or 0 (imperfect).
   * @defaultValue true
   */
  forceFinite?: boolean;
}

/**
 * R² (coefficient of determination) regression score: 1 is perfect, 0 is what always predicting
 * the mean achieves, and it can be arbitrarily negative.
 *
 * @param yTrue - ground-truth targets, 1-D or 2-D (several outputs)
 * @param yPred - predicted targets, same shape
 * @param options - `sampleWeight`, `multioutput`, `forceFinite`
 * @returns the score, or one per output with `multioutput: 'raw_values'`; NaN (with an
 *   UndefinedMetricWarning) for fewer than two samples
 * @throws ValueError as {@link meanSquaredError}
 * @example
 * ```ts
 * r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]); // 0.9486081370449679
 * r2Score([1, 1, 1], [1, 1, 1]); // 1 (constant yTrue, perfect predictions)
 * r2Score([1, 1, 1], [1, 2, 1]); // 0 (constant yTrue, imperfect predictions)
 * ```
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.r2_score.html
 */
export function r2Score(
  yTrue: unknown,
  yPred: unknown,
  options: R2ScoreOptions & { multioutput: 'raw_values' },
): number[];
export function r2Score(yTrue: unknown, yPred: unknown, options?: R2ScoreOptions): number;
export function r2Score(
  yTrue: unknown,
  yPred: unknown,
  options: R2ScoreOptions = {},
): number | number[] {
  const targets = checkRegTargets(yTrue, yPred, options.multioutput);
  const { yTrue: t, yPred: p, multioutput } = targets;
  const w = toWeights(options.sampleWeight);
  checkConsistentLength(yTrue, yPred, w);
  if (p.rows < 2) {
    warn('R^2 score is not well-defined with less than two samples.', 'UndefinedMetricWarning');
    return NaN;
  }
  const { rows, cols } = t;
  const numerator = new Array<number>(cols).fill(0);
  const denominator = new Array<number>(cols).fill(0);
  const wsum = w ? weightSum(w) : rows;
  for (let j = 0; j < cols; j++) {
    const [num, den] = sumsOfSquares(t.data, p.data, w, rows, cols, j, wsum);
    numerator[j] = num;
    denominator[j] = den;
  }
  checkFiniteAfter([...numerator, ...denominator], targets);
  return assembleR2(numerator, denominator, multioutput, options.forceFinite ?? true);
}

/**
 * Σ w (t - p)² and Σ w (t - mean(t))² of column `j`, in one pass: the squares are taken about
 * the column's first value and corrected by the mean, which is exact when the column is constant;
 * when that correction cancels most of the sum (values far from the first one relative to their
 * spread), a second pass about the mean keeps the result within 1e-12 of the two-pass formula.
 */
function sumsOfSquares(
  td: ArrayLike<number>,
  pd: ArrayLike<number>,
  w: ArrayLike<number> | undefined,
  rows: number,
  cols: number,
  j: number,
  wsum: number,
): [number, number] {
  const k = td[j]!;
  let num = 0;
  let s1 = 0;
  let s2 = 0;
  if (cols === 1 && !w) {
    for (let i = 0; i < rows; i++) {
      const ti = td[i]!;
      const d = ti - pd[i]!;
      const c = ti - k;
      num += d * d;
      s1 += c;
      s2 += c * c;
    }
  } else {
    for (let i = 0; i < rows; i++) {
      const wi = w ? w[i]! : 1;
      const ti = td[i * cols + j]!;
      const d = ti - pd[i * cols + j]!;
      const c = ti - k;
      num += wi * d * d;
      s1 += wi * c;
      s2 += wi * c * c;
    }
  }
  let den = s2 - (s1 * s1) / wsum;
  if (s2 === 0) den = 0;
  // cancellation, or squares down in the subnormal range (where the one-pass sum keeps values
  // that scikit-learn's squares about the mean round to zero): a second pass about the mean
  else if (!(den > s2 * 1e-4) || s2 < 1e-280) {
    const mean = k + s1 / wsum;
    den = 0;
    for (let i = 0; i < rows; i++) {
      const c = td[i * cols + j]! - mean;
      den += (w ? w[i]! : 1) * c * c;
    }
  }
  return [num, den];
}

/** scikit-learn's `_assemble_r2_explained_variance`. */
function assembleR2(
  numerator: number[],
  denominator: number[],
  multioutput: Multioutput,
  forceFinite: boolean,
): number | number[] {
  const scores = numerator.map((num, j) => {
    const den = denominator[j]!;
    if (!forceFinite) return 1 - num / den;
    if (num === 0) return 1;
    return den !== 0 ? 1 - num / den : 0;
  });
  if (multioutput === 'raw_values') return scores;
  if (multioutput === 'uniform_average') return average(scores);
  if (multioutput === 'variance_weighted') {
    return denominator.some((d) => d !== 0) ? average(scores, denominator) : average(scores);
  }
  return average(scores, multioutput);
}
