// Port of scikeras's scikeras/utils/__init__.py loss_name (MIT), for tfjs and JavaScript classes.
import { ValueError } from '@scikeras/estimator-core';
import { KERAS_LOSS_NAMES, kerasNameOf } from './internal/kerasNames';

/**
 * A loss's full Keras name (e.g. `'mean_squared_error'`), whatever form it is given in: a Keras
 * or tfjs name in any spelling (`'mse'`, `'MeanSquaredError'`, `'meanSquaredError'`), a tfjs loss
 * function (`tf.metrics.meanSquaredError`, `tf.losses.meanSquaredError`), a function of your own,
 * a loss object (an instance with a `call(yTrue, yPred)` method, as Keras's `Loss` instances
 * are, and as the wrappers' `loss` param takes), or a class of such objects (instantiated with no
 * arguments first, as scikeras does). The result is always snake_case.
 *
 * @param loss - the loss; `null` / `undefined` give `null`
 * @returns the full name, or `null`
 * @throws TypeError "``loss`` must be a string, a function, ..." for anything else (a plain
 *   object, an array, a class whose instances have no `call` method)
 * @throws ValueError "Unknown loss function: ..." for a name Keras does not know
 * @example
 * ```ts
 * lossName('BinaryCrossentropy'); // 'binary_crossentropy'
 * lossName('mse'); // 'mean_squared_error'
 * lossName(tf.metrics.categoricalCrossentropy); // 'categorical_crossentropy'
 * class CustomLoss { call(yTrue: tf.Tensor, yPred: tf.Tensor) { return tf.metrics.mse(yTrue, yPred); } }
 * lossName(CustomLoss); // 'custom_loss'
 * ```
 * @remarks The names are Keras's, also for losses tfjs lacks (`'huber'`, `'binary_focal_crossentropy'`):
 * this names a loss, it does not check that tfjs can compile it (`tfjsLossName` does). scikeras
 * snake-cases the class of a name like `'KLDivergence'` letter by letter (`'k_l_divergence'`);
 * here a class name Keras knows gives its function's name (`'kl_divergence'`, as `'kld'` does).
 * A function is named after its JavaScript name, snake-cased (`myLoss` -> `'my_loss'`), tfjs's
 * own by identity (a minifier renames functions and classes: name yours with a string).
 * @see https://adriangb.com/scikeras/stable/generated/scikeras.utils.loss_name.html
 */
export function lossName(loss: unknown): string | null {
  return kerasNameOf(loss, {
    names: KERAS_LOSS_NAMES,
    typeMessage:
      '``loss`` must be a string, a function, a loss object (an instance with a' +
      ' ``call(yTrue, yPred)`` method, as ``tf.keras.losses.Loss`` instances are) or a class' +
      ' whose instances are loss objects',
    unknown: (name) =>
      new ValueError(
        `Unknown loss function: ${name}. Please ensure it is a Keras or tfjs loss name (any` +
          " case, with or without '_') or pass the function or class itself.",
      ),
  });
}
