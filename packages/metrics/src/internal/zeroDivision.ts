// Port of scikit-learn's sklearn/metrics/_classification.py _check_zero_division, _prf_divide, _warn_prf (BSD-3-Clause).
import { ValueError, warn } from '@scikeras/estimator-core';

/** What a ratio with a zero denominator becomes: 0 with a warning, 0, or 1. */
export type ZeroDivision = 'warn' | 0 | 1;

/** The quantities a precision/recall/F warning can name. */
export type PrfMetric = 'precision' | 'recall' | 'f-score';

/** Throws unless `zeroDivision` is 'warn', 0 or 1. */
export function checkZeroDivision(zeroDivision: unknown): asserts zeroDivision is ZeroDivision {
  if (zeroDivision === 'warn' || zeroDivision === 0 || zeroDivision === 1) return;
  throw new ValueError(
    `Got zeroDivision=${typeof zeroDivision === 'string' ? zeroDivision : String(zeroDivision)}. Must be one of ["warn", 0, 1]`,
  );
}

/** Emits scikit-learn's UndefinedMetricWarning for ill-defined precision / recall / F-score. */
export function warnPrf(
  average: string | null,
  modifier: string,
  msgStart: string,
  resultSize: number,
): void {
  let axis0 = 'sample';
  let axis1 = 'label';
  if (average === 'samples') [axis0, axis1] = [axis1, axis0];
  const where = resultSize === 1 ? 'due to' : `in ${axis1}s with`;
  warn(
    `${msgStart} ill-defined and being set to 0.0 ${where} no ${modifier} ${axis0}s. Use \`zeroDivision\` parameter to control this behavior.`,
    'UndefinedMetricWarning',
  );
}

/** numerator / denominator elementwise; zero denominators give `zeroDivision` (and a warning). */
export function prfDivide(
  numerator: Float64Array,
  denominator: Float64Array,
  metric: PrfMetric,
  modifier: string,
  average: string | null,
  warnFor: readonly PrfMetric[],
  zeroDivision: ZeroDivision,
): Float64Array {
  const out = new Float64Array(numerator.length);
  let anyZero = false;
  const fill = zeroDivision === 1 ? 1 : 0;
  for (let i = 0; i < out.length; i++) {
    const d = denominator[i]!;
    if (d === 0) {
      anyZero = true;
      out[i] = fill;
    } else out[i] = numerator[i]! / d;
  }
  if (!anyZero || zeroDivision !== 'warn' || !warnFor.includes(metric)) return out;
  const title = metric === 'f-score' ? 'F-score' : metric[0]!.toUpperCase() + metric.slice(1);
  const msgStart =
    warnFor.includes('f-score') && metric !== 'f-score'
      ? `${title} and F-score are`
      : `${title} is`;
  warnPrf(average, modifier, msgStart, out.length);
  return out;
}
