// scikeras's fit kwargs (scikeras/wrappers.py _fit_kwargs) that tfjs's fit cannot honour: refused, never ignored.
import { ValueError, pyRepr, type Params } from '@scikeras/estimator-core';

/**
 * Refuses the `fit` params tfjs cannot honour instead of ignoring them: `validationFreq` other
 * than 1 (tfjs validates after every epoch) and a `validationBatchSize` other than the
 * `batchSize` (tfjs validates with the training batch size).
 *
 * @param fitArgs - the fit arguments of one call (`x`, `fit__x`, call options, merged)
 * @throws ValueError naming the param and what to do instead
 * @example
 * ```ts
 * checkUnsupportedFitKwargs({ batchSize: 32, validationBatchSize: 32 }); // fine
 * ```
 */
export function checkUnsupportedFitKwargs(fitArgs: Params): void {
  const freq = fitArgs.validationFreq;
  if (freq !== null && freq !== undefined && freq !== 1) {
    throw new ValueError(
      `validationFreq=${pyRepr(freq)} is not supported: TensorFlow.js's fit validates after` +
        ' every epoch. Leave validationFreq null (or 1), or validate in a callback.',
    );
  }
  const vbs = fitArgs.validationBatchSize;
  if (vbs === null || vbs === undefined) return;
  // tfjs's default batch size is 32
  const bs = fitArgs.batchSize ?? 32;
  if (vbs !== bs) {
    throw new ValueError(
      `validationBatchSize=${pyRepr(vbs)} is not supported: TensorFlow.js's fit validates with` +
        ` the training batchSize (${pyRepr(bs)}). Leave validationBatchSize null, or set it to the batchSize.`,
    );
  }
}
