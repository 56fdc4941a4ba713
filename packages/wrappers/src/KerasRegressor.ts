// Port of scikeras's scikeras/wrappers.py KerasRegressor (MIT), for TensorFlow.js.
import { registerEstimator, type Params } from '@scikeras/estimator-core';
import { r2Score } from '@scikeras/metrics';
import { rootMeanSquaredError } from '@scikeras/metrics/tfjs';
import { RegressorTargetEncoder } from '@scikeras/target-utils';
import type * as tf from '@tensorflow/tfjs';
import { AUTO_LOSS, autoLoss } from './autoLoss';
import { BaseWrapper, type BaseWrapperParams } from './BaseWrapper';
import type { LossSpec } from './compileKwargs';
import type { NoParams } from './BuildContext';
import type { Transformer } from './IdentityTransformer';
import { MODULE_URL } from './internal/moduleUrl';

/** Params of {@link KerasRegressor}: those of {@link BaseWrapper}, with `loss` defaulting to `'auto'`. */
export interface KerasRegressorParams extends BaseWrapperParams {
  /**
   * As `BaseWrapper`'s; `'auto'` compiles an uncompiled single-output model with
   * `mean_squared_error` (see `autoLoss`). @defaultValue 'auto'
   */
  loss?: LossSpec;
}

/**
 * What {@link KerasRegressor.predict} resolves to: one value per sample (`number[]`) for a 1-D y,
 * one row per sample (`number[][]`) for a 2-D y (`RegressorTargetEncoder.inverseTransform`).
 *
 * @example
 * ```ts
 * const yPred = (await reg.predict(X)) as number[]; // a 1-D y was fitted
 * ```
 */
export type RegressorPrediction = number[] | number[][];

/* eslint-disable @typescript-eslint/no-unused-vars */
export interface KerasRegressor<
  E extends object = NoParams,
> extends Required<KerasRegressorParams> {}
/* eslint-enable @typescript-eslint/no-unused-vars */

/**
 * scikit-learn regressor over a tfjs model (scikeras's `KerasRegressor`): 1-D or multi-output
 * numeric targets through `RegressorTargetEncoder`, R^2 as the default score.
 *
 * @remarks Async `fit`/`predict`/`score`. Keras has no R^2 loss; `KerasRegressor.rootMeanSquaredError`
 * is an RMSE loss usable in `compile`, as the scikeras README documents.
 *
 * @example
 * ```ts
 * const reg = new KerasRegressor({ model: build, loss: 'mse', epochs: 5, verbose: 0 });
 * await reg.fit(X, y);
 * await reg.score(X, y); // R^2
 * ```
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.wrappers.KerasRegressor.html
 */

export class KerasRegressor<E extends object = NoParams> extends BaseWrapper<
  E,
  KerasRegressorParams,
  RegressorPrediction
> {
  static override estimatorName = 'KerasRegressor';
  static override defaults: Readonly<Params> = { loss: AUTO_LOSS };
  static override tags = {
    poorScore: true,
    multioutput: true,
    sampleWeight: true,
    xfailChecks: {} as Record<string, string>,
  };

  /** The RMSE loss `(yTrue, yPred) => tf.Scalar` from `@scikeras/metrics/tfjs`. */
  static rootMeanSquaredError = rootMeanSquaredError;

  override get estimatorType(): 'regressor' {
    return 'regressor';
  }

  protected override get yNumeric(): boolean {
    return true;
  }

  /**
   * R^2 (scikit-learn's `r2_score`), honouring `sampleWeight`.
   *
   * @param yTrue - true values
   * @param yPred - predictions
   * @param options - `sampleWeight`, `multioutput`
   * @returns R^2
   */
  static override scorer(yTrue: unknown, yPred: unknown, options: Params = {}): number {
    return r2Score(yTrue as any, yPred as any, options as any) as unknown as number;
  }

  /**
   * `loss: 'auto'`: `mean_squared_error` (tfjs's `meanSquaredError`), for single-output models.
   *
   * @param model - the built model; null before the build
   * @param meta - the fitted attributes
   * @returns `'meanSquaredError'`
   * @throws ValueError 'Only single-output models are supported with `loss="auto"`...'
   */
  protected override autoLoss(model: tf.LayersModel | null, meta: Params): string | null {
    return autoLoss('regressor', meta.targetType_ as string | undefined, model);
  }

  /** A fresh `RegressorTargetEncoder`. */
  override get targetEncoder(): Transformer {
    return new RegressorTargetEncoder() as unknown as Transformer;
  }
}
registerEstimator(KerasRegressor, { module: MODULE_URL });
