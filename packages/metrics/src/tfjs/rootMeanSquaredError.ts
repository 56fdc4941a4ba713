// A Keras-compatible RMSE loss with the semantics of scikit-learn's mean_squared_error(squared=False) (BSD-3-Clause).
import * as tf from '@tensorflow/tfjs';

/** sqrt with a finite gradient at 0 (where the MSE's own gradient is 0 anyway). */
const safeSqrt = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  const save = args[1] as tf.GradSaveFunc;
  const value = tf.sqrt(x);
  save([value]);
  return {
    value,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => [
      tf.div(dy as tf.Tensor, tf.mul(tf.maximum(saved[0]!, 1e-12), 2)),
    ],
  };
}) as (x: tf.Tensor) => tf.Tensor;

/**
 * Root mean squared error as a TensorFlow.js / Keras loss: the RMSE of each output over the
 * batch, averaged over outputs, exactly as the plain `rootMeanSquaredError` of
 * `@scikeras/metrics` computes it.
 *
 * @param yTrue - targets, `[batch]` or `[batch, outputs]`
 * @param yPred - predictions, same shape
 * @returns a scalar tensor (the caller owns it)
 * @throws Error from tfjs when the shapes cannot be broadcast
 * @example
 * ```ts
 * import { rootMeanSquaredError } from '@scikeras/metrics/tfjs';
 * model.compile({ optimizer: 'adam', loss: rootMeanSquaredError });
 * ```
 * @remarks The square root's gradient is computed with the RMSE clamped at 1e-12, so a perfect
 * batch gives a zero (not NaN) gradient; the loss value itself is exact.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.mean_squared_error.html
 */
export function rootMeanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const t = yTrue.rank <= 1 ? tf.reshape(yTrue, [-1, 1]) : yTrue;
    const p = yPred.rank <= 1 ? tf.reshape(yPred, [-1, 1]) : yPred;
    const mse = tf.mean(tf.squaredDifference(tf.cast(t, p.dtype), p), 0);
    return tf.mean(safeSqrt(mse));
  });
}
