// Port of scikit-learn's sklearn/metrics/_regression.py _check_reg_targets (BSD-3-Clause).
import { ValueError, checkConsistentLength } from '@scikeras/estimator-core';
import { assertFinite, toNum2D, type Num2D } from './numeric';

/** How a multi-output regression metric combines its outputs. */
export type Multioutput =
  'raw_values' | 'uniform_average' | 'variance_weighted' | ArrayLike<number>;

/** Validated regression targets. */
export interface RegTargets {
  yType: 'continuous' | 'continuous-multioutput';
  yTrue: Num2D;
  yPred: Num2D;
  multioutput: 'raw_values' | 'uniform_average' | 'variance_weighted' | ArrayLike<number>;
}

const ALLOWED = ['raw_values', 'uniform_average', 'variance_weighted'] as const;

/** Checks that yTrue and yPred belong to the same regression task (scikit-learn's `_check_reg_targets`). */
export function checkRegTargets(
  yTrue: unknown,
  yPred: unknown,
  multioutput: Multioutput | undefined,
): RegTargets {
  checkConsistentLength(yTrue, yPred);
  // finiteness is checked by the callers once their sums turn out non-finite (one pass less)
  const t = toNum2D(yTrue, { checkFinite: false });
  const p = toNum2D(yPred, { checkFinite: false });
  if (t.cols !== p.cols) {
    throw new ValueError(
      `y_true and y_pred have different number of output (${t.cols}!=${p.cols})`,
    );
  }
  const mo = multioutput ?? 'uniform_average';
  if (typeof mo === 'string') {
    if (!(ALLOWED as readonly string[]).includes(mo)) {
      throw new ValueError(
        `Allowed 'multioutput' string values are ('raw_values', 'uniform_average', 'variance_weighted'). You provided multioutput='${mo}'`,
      );
    }
  } else {
    const w = toNum2D(mo, { allowEmpty: true });
    if (t.cols === 1) throw new ValueError('Custom weights are useful only in multi-output cases.');
    if (w.data.length !== t.cols) {
      throw new ValueError(
        `There must be equally many custom weights (${w.data.length}) as outputs (${t.cols}).`,
      );
    }
  }
  return {
    yType: t.cols === 1 ? 'continuous' : 'continuous-multioutput',
    yTrue: t,
    yPred: p,
    multioutput: mo,
  };
}

/**
 * Throws scikit-learn's "Input contains NaN." / "... infinity ..." when a result computed without
 * checking came out non-finite because of the input (an overflow alone passes).
 */
export function checkFiniteAfter(values: ArrayLike<number>, targets: RegTargets): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) {
      assertFinite(targets.yTrue.data);
      assertFinite(targets.yPred.data);
      return;
    }
  }
}
