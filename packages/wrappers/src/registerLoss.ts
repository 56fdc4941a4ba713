// Registering loss and metric classes by name (Keras's register_keras_serializable), so that
// estimators whose `loss` or `metrics` hold their instances are saved and sent to worker threads.
import {
  registerFunction,
  type RegisteredFunction,
  type RegisterFunctionOptions,
} from '@scikeras/estimator-core';
import type { LossObject } from './compileKwargs';

/** A loss or metric class: its instances have `call(yTrue, yPred)`; its constructor takes one config argument. */
export type LossClass<L extends LossObject = LossObject> = new (config?: any) => L;

/**
 * Registers a loss or metric class under a name (Keras's `register_keras_serializable`): an
 * instance in the `loss` or `metrics` params is then saved ({@link saveEstimator}) and sent to
 * worker threads as the name plus its `getConfig()`, and rebuilt with `new Klass(config)`. The
 * class itself (`loss: Klass`, built by the wrapper with `loss__*` params) saves too.
 *
 * @param name - a non-empty name, unique in this thread (shared with registerModel's names)
 * @param Klass - the class
 * @param options - `module`: the module that makes this registration (`import.meta.url`), for
 *   worker threads
 * @returns `Klass`
 * @throws InvalidParameterError for an empty name; ValueError when the name is taken by another
 *   function or class
 * @example
 * ```ts
 * export class Huber {
 *   constructor(readonly config = { delta: 1 }) {}
 *   getConfig() { return this.config; }
 *   call(yTrue: tf.Tensor, yPred: tf.Tensor) { return tf.losses.huberLoss(yTrue, yPred, undefined, this.config.delta); }
 * }
 * registerLoss('Huber', Huber, { module: import.meta.url });
 * await saveEstimator(new KerasRegressor({ model, loss: new Huber({ delta: 0.5 }) }), dir);
 * ```
 * @remarks Keras pickles a loss object with its whole state; here an instance is rebuilt from
 * its constructor's argument (`getConfig()`), and one with own fields but no `getConfig()` is
 * refused rather than saved without them.
 * @see https://keras.io/api/models/model_saving_apis/serialization_utils/#registerkerasserializable-function
 */
export function registerLoss<C extends LossClass>(
  name: string,
  Klass: C,
  options: RegisterFunctionOptions = {},
): C {
  registerFunction(name, Klass as unknown as RegisteredFunction, options);
  return Klass;
}
