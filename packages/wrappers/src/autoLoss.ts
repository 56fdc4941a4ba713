// After scikeras's `loss="auto"` (scikeras/wrappers.py KerasClassifier / KerasRegressor, and
// tests/test_loss_auto.py) (MIT), for tfjs.
import type * as tf from '@tensorflow/tfjs';
import { NotImplementedError, ValueError } from '@scikeras/estimator-core';

/** The `loss` value that asks the wrapper to pick the loss from the target (scikeras's `"auto"`). */
export const AUTO_LOSS = 'auto';

/** Which wrapper picks the loss: a classifier (from the target type) or a regressor. */
export type AutoLossTask = 'classifier' | 'regressor';

// target types with no single loss, and the loss to suggest for each
const UNSUPPORTED_HINTS: Record<string, string> = {
  'multilabel-indicator': 'binary_crossentropy',
  'multiclass-onehot': 'categorical_crossentropy',
};

/** The units of a model's single output (its last dimension), or null when unknown. */
function outputUnits(model: tf.LayersModel): number | null {
  const shape = model.outputs[0]!.shape;
  const units = shape[shape.length - 1];
  return typeof units === 'number' ? units : null;
}

function unsupported(targetType: string): NotImplementedError {
  const hint = UNSUPPORTED_HINTS[targetType];
  return new NotImplementedError(
    `\`loss="auto"\` is not supported for tasks of type ${targetType}.` +
      ' Instead, you must explicitly pass a loss function, or compile the model in the' +
      ' model-building function.' +
      (hint ? `\n\nFor this task, loss="${hint}" might be appropriate.` : ''),
  );
}

/**
 * The loss that `loss: 'auto'` (the default of `KerasClassifier` and `KerasRegressor`) compiles a
 * model with, as scikeras picks it: `mean_squared_error` for a regressor; for a classifier,
 * `binary_crossentropy` for a 'binary' target (the model must have exactly 1 output unit) and
 * `sparse_categorical_crossentropy` for a 'multiclass' one (more than 1 output unit). Only
 * single-output models are supported. Returned as tfjs's loss name.
 *
 * Called with `model: null` (before the model is built, for the build context's
 * `compileKwargs`), it checks nothing and returns the loss the target type picks, or null where
 * none fits.
 *
 * @param task - `'classifier'` or `'regressor'`
 * @param targetType - the fitted `targetType_` (scikit-learn's `type_of_target`, or
 *   `'multiclass-onehot'` for a one-hot y)
 * @param model - the built model, not compiled; null before the build
 * @returns the tfjs loss name, or null (only when `model` is null)
 * @throws ValueError 'Only single-output models are supported with `loss="auto"`...',
 *   'Binary classification expects a model with exactly 1 output unit...', 'Multi-class targets
 *   require the model to have >1 output units...' (scikeras's messages)
 * @throws NotImplementedError '`loss="auto"` is not supported for tasks of type ...' for other
 *   classification targets ('multilabel-indicator', one-hot, 'multiclass-multioutput'), with a
 *   suggested loss where one fits
 * @example
 * ```ts
 * autoLoss('classifier', 'multiclass', model); // 'sparseCategoricalCrossentropy'
 * autoLoss('regressor', 'continuous', null); // 'meanSquaredError'
 * ```
 * @remarks The names are tfjs's (`binaryCrossentropy`, ...), those scikeras's `loss_name` gives
 * in Keras's spelling. `model.loss` keeps the tfjs name.
 * @see https://github.com/adriangb/scikeras/blob/master/tests/test_loss_auto.py
 */
export function autoLoss(
  task: AutoLossTask,
  targetType: string | undefined,
  model: tf.LayersModel | null,
): string | null {
  if (model && model.outputs.length > 1) {
    throw new ValueError(
      'Only single-output models are supported with `loss="auto"`.' +
        ` The model has ${model.outputs.length} outputs: pass a loss for each output, or compile` +
        ' the model in the model-building function.',
    );
  }
  if (task === 'regressor') return 'meanSquaredError';
  const units = model ? outputUnits(model) : null;
  if (targetType === 'binary') {
    if (model && units !== 1) {
      throw new ValueError(
        `Binary classification expects a model with exactly 1 output unit; the model has ${units}.`,
      );
    }
    return 'binaryCrossentropy';
  }
  if (targetType === 'multiclass') {
    if (model && units === 1) {
      throw new ValueError(
        'Multi-class targets require the model to have >1 output units; the model has 1.',
      );
    }
    return 'sparseCategoricalCrossentropy';
  }
  if (!model) return null;
  throw unsupported(String(targetType));
}
