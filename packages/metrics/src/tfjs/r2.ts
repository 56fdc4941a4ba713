// A Keras-compatible R² metric with the semantics of scikit-learn's r2_score (BSD-3-Clause).
import * as tf from '@tensorflow/tfjs';

/**
 * R² as a TensorFlow.js / Keras metric: per output over the batch, then the uniform average,
 * with scikit-learn's handling of constant targets (1 for a perfect fit, 0 otherwise).
 *
 * @param yTrue - targets, `[batch]` or `[batch, outputs]`
 * @param yPred - predictions, same shape
 * @returns a scalar tensor (the caller owns it)
 * @throws Error from tfjs when the shapes cannot be broadcast
 * @example
 * ```ts
 * import { r2 } from '@scikeras/metrics/tfjs';
 * model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: [r2] });
 * // history.history.r2 holds the epoch means of the batch R²
 * ```
 * @remarks Keras reports the mean of the per-batch values over an epoch, which is not the R²
 * of the whole epoch's predictions; use `r2Score` from `@scikeras/metrics` on the full
 * predictions for that.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.r2_score.html
 */
export function r2(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p0 = yPred.rank <= 1 ? tf.reshape(yPred, [-1, 1]) : yPred;
    const t = tf.cast(yTrue.rank <= 1 ? tf.reshape(yTrue, [-1, 1]) : yTrue, p0.dtype);
    const ssRes = tf.sum(tf.squaredDifference(t, p0), 0);
    const ssTot = tf.sum(tf.squaredDifference(t, tf.mean(t, 0, true)), 0);
    const zeroRes = tf.equal(ssRes, 0);
    const zeroTot = tf.equal(ssTot, 0);
    const safeTot = tf.where(zeroTot, tf.onesLike(ssTot), ssTot);
    const raw = tf.sub(1, tf.div(ssRes, safeTot));
    const scores = tf.where(zeroRes, tf.onesLike(raw), tf.where(zeroTot, tf.zerosLike(raw), raw));
    return tf.mean(scores);
  });
}
