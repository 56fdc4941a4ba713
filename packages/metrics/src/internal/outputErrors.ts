// Shared kernel of scikit-learn's mean_squared_error / mean_absolute_error (BSD-3-Clause).
import { ValueError, checkConsistentLength } from '@scikeras/estimator-core';
import { checkFiniteAfter, checkRegTargets, type Multioutput } from './checkRegTargets';
import { average, toWeights, weightSum } from './numeric';

/** Per-output weighted mean of `loss(yTrue - yPred)`, then the multioutput reduction. */
export function regressionLoss(
  yTrue: unknown,
  yPred: unknown,
  sampleWeight: ArrayLike<number> | undefined | null,
  multioutput: Multioutput | undefined,
  kind: 'squared' | 'absolute',
  root: boolean,
): number | number[] {
  const targets = checkRegTargets(yTrue, yPred, multioutput);
  const { yTrue: t, yPred: p, multioutput: mo } = targets;
  const w = toWeights(sampleWeight);
  checkConsistentLength(yTrue, yPred, w);
  const { rows, cols } = t;
  const td = t.data;
  const pd = p.data;
  const errors = new Array<number>(cols).fill(0);
  if (cols === 1) {
    let s = 0;
    if (w) {
      if (kind === 'squared') {
        for (let i = 0; i < rows; i++) {
          const d = td[i]! - pd[i]!;
          s += w[i]! * d * d;
        }
      } else {
        for (let i = 0; i < rows; i++) s += w[i]! * Math.abs(td[i]! - pd[i]!);
      }
      errors[0] = s / weightSum(w);
    } else {
      if (kind === 'squared') {
        for (let i = 0; i < rows; i++) {
          const d = td[i]! - pd[i]!;
          s += d * d;
        }
      } else {
        for (let i = 0; i < rows; i++) s += Math.abs(td[i]! - pd[i]!);
      }
      errors[0] = s / rows;
    }
  } else {
    const denom = w ? weightSum(w) : rows;
    for (let i = 0; i < rows; i++) {
      const wi = w ? w[i]! : 1;
      for (let j = 0; j < cols; j++) {
        const d = td[i * cols + j]! - pd[i * cols + j]!;
        errors[j]! += wi * (kind === 'squared' ? d * d : Math.abs(d));
      }
    }
    for (let j = 0; j < cols; j++) errors[j] = errors[j]! / denom;
  }
  checkFiniteAfter(errors, targets);
  if (root) for (let j = 0; j < cols; j++) errors[j] = Math.sqrt(errors[j]!);
  if (mo === 'raw_values') return errors;
  if (mo === 'uniform_average' || mo === 'variance_weighted') return average(errors);
  if (typeof mo === 'string') throw new ValueError(`Unknown multioutput ${String(mo)}`);
  return average(errors, mo);
}
