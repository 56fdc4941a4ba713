// The seam between an estimator and the code that trains its tfjs model.
import type * as tf from '@tensorflow/tfjs';

/**
 * What a {@link Trainer}'s `fit` takes: tfjs's `ModelFitArgs`, with per-row loss weights (which
 * tfjs's `model.fit` does not take) and where to send warnings.
 */
export interface TrainerFitArgs extends Omit<tf.ModelFitArgs, 'sampleWeight'> {
  /**
   * One loss weight per training row (Keras's weighted loss `mean(w_i * loss_i)`); validation
   * rows get none, as in Keras. @defaultValue null
   */
  sampleWeight?: readonly number[] | null;
  /**
   * Receives the trainer's warnings (for example that tfjs's internals are not what the fast
   * trainer expects, so it trains through `model.fit`). @defaultValue console.warn
   */
  onWarning?: (message: string) => void;
}

/**
 * Trains a compiled tfjs `LayersModel` as `model.fit` does: the same arguments, the same
 * History. {@link fastTrainer} and {@link modelFitTrainer} are the two of this package; any
 * object of this shape can take their place (an estimator passes it on unchanged).
 *
 * @example
 * ```ts
 * const logged: Trainer = {
 *   name: 'logged',
 *   async fit(model, x, y, args) {
 *     console.log(`fit ${model.name}`);
 *     return modelFitTrainer.fit(model, x, y, args);
 *   },
 * };
 * const history = await logged.fit(model, x, y, { epochs: 3, verbose: 0 });
 * ```
 */
export interface Trainer {
  /** A name for messages and logs. */
  readonly name: string;
  /**
   * Trains `model` on `x`, `y`.
   *
   * @param model - a compiled LayersModel
   * @param x - the inputs, as `model.fit` takes them
   * @param y - the targets, as `model.fit` takes them
   * @param args - `model.fit`'s arguments, `sampleWeight` and `onWarning`
   * @returns the History, as `model.fit` returns it
   */
  fit(
    model: tf.LayersModel,
    x: tf.Tensor | tf.Tensor[],
    y: tf.Tensor | tf.Tensor[],
    args?: TrainerFitArgs,
  ): Promise<tf.History>;
}
