// scikeras's scikeras/wrappers.py _predict_raw (MIT): validated, batched, with predict callbacks.
import type * as tf from '@tensorflow/tfjs';
import { NotFittedError, estimatorNameOf, type Params } from '@scikeras/estimator-core';
import { routeParams } from '../routeParams';
import { PREDICT_KWARGS } from '../RoutedParams';
import { validatePredictParams } from '../wrapperConstraints';
import type { PredictOptions } from '../WrapperParams';
import { checkPredictX } from './checkFitInputs';
import { defaultPredictBatchSize } from './defaultPredictBatchSize';
import { predictMatrices, type OutputMatrices } from './predictInBatches';
import type { BoundHooks } from './BoundHooks';

interface PredictingWrapper {
  getParams(deep?: boolean): Params;
  initialized_?: boolean;
  model_?: tf.LayersModel;
  XShape_?: number[];
}

type PredictCallback = {
  onPredictBegin?: (logs?: unknown) => unknown;
  onPredictEnd?: (logs?: unknown) => unknown;
};

/**
 * The raw model output for X: checks that the wrapper is fitted, its predict params and the
 * call's options, and X (features, float32 range); pre-processes X; runs the `predict`
 * callbacks around a batched prediction (`predict__batchSize` > `batchSize`, -1 = all rows;
 * a call option wins; by default tfjs's 32, or 1024 for a Dense chain on cpu/wasm, which gives
 * the same output: see {@link defaultPredictBatchSize}).
 *
 * @param est - the wrapper
 * @param X - samples
 * @param options - the call's options
 * @param hooks - the wrapper's constraints, `preProcessX` and predict callbacks
 * @returns one n x k float32 matrix, or one per model output
 * @throws NotFittedError before `fit`; InvalidParameterError for an invalid batch size
 * @example
 * ```ts
 * const raw = await predictOutput(est, X, {}, hooks);
 * ```
 */
export async function predictOutput(
  est: PredictingWrapper,
  X: unknown,
  options: PredictOptions,
  hooks: Pick<BoundHooks, 'constraints' | 'preProcessX'> & {
    createCallbacks(params: Params): unknown[];
  },
): Promise<OutputMatrices> {
  const owner = estimatorNameOf(est);
  if (!est.initialized_ || !est.model_) {
    // scikeras's message (its _predict_raw), for predict and predictProba alike
    throw new NotFittedError('Estimator needs to be fit before `predict` can be called');
  }
  const params = est.getParams(false);
  validatePredictParams(hooks.constraints, params, options, owner);
  const args = routeParams(params, 'predict', PREDICT_KWARGS);
  const Xc = checkPredictX(est, X, est.XShape_);
  const [xk] = hooks.preProcessX(Xc);
  const given = (options.batchSize ?? args.batchSize) as number | null | undefined;
  const batchSize = given === -1 ? Xc.shape[0] : (given ?? defaultPredictBatchSize(est.model_));
  const callbacks = hooks.createCallbacks(params) as PredictCallback[];
  for (const cb of callbacks) await cb.onPredictBegin?.({});
  const out = predictMatrices(est.model_, xk, batchSize);
  for (const cb of callbacks) await cb.onPredictEnd?.({});
  return out;
}
