// Model-building functions of the wrappers benchmark, registered by name with this module's URL,
// so GridSearchCV's worker threads (nJobs > 1) import this file to find them. This module only
// defines models: a worker runs it on import.
import * as tf from '@tensorflow/tfjs';
import { registerModel } from '../dist/index.mjs';

/** The reference MLP: nFeatures-H-H-nClasses, relu/softmax (uncompiled: the wrapper compiles it). */
export function mlpHH({ nFeaturesIn_, nClasses_, hidden = 64 }) {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: nClasses_, activation: 'softmax' }),
    ],
  });
}

/** Mean and (population) standard deviation of column j of a flat row-major n x d array. */
function meanStd(data, n, d, j) {
  let m = 0;
  for (let i = 0; i < n; i++) m += data[i * d + j];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (data[i * d + j] - m) ** 2;
  const s = Math.sqrt(v / n);
  return [m, s > 0 ? s : 1];
}

/**
 * A fixed (non-trainable) standardization layer fitted on the training rows the wrapper passes
 * to the build function (`ctx.X`, `{ data, shape }`): scikit-learn's StandardScaler inside each
 * fold, as a layer.
 */
function standardizer(X) {
  const [n, d] = X.shape;
  const stats = Array.from({ length: d }, (_, j) => meanStd(X.data, n, d, j));
  const kernel = Array.from({ length: d * d }, (_, i) =>
    i % (d + 1) === 0 ? 1 / stats[i / (d + 1)][1] : 0,
  );
  const bias = stats.map(([m, s]) => -m / s);
  const layer = tf.layers.dense({ units: d, inputShape: [d], trainable: false });
  return {
    layer,
    set: () => tf.tidy(() => layer.setWeights([tf.tensor2d(kernel, [d, d]), tf.tensor1d(bias)])),
  };
}

/** A fixed affine layer y * scale + offset (1 -> 1). */
function affine(scale, offset) {
  const layer = tf.layers.dense({ units: 1, trainable: false });
  return {
    layer,
    set: () =>
      tf.tidy(() => layer.setWeights([tf.tensor2d([scale], [1, 1]), tf.tensor1d([offset])])),
  };
}

/** Standardize X (on the training fold), one relu hidden layer, softmax (or sigmoid for binary). */
export function scaledMlp({ X, nClasses_, hidden = 32 }) {
  const scale = standardizer(X);
  const m = tf.sequential({
    layers: [
      scale.layer,
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: nClasses_, activation: 'softmax' }),
    ],
  });
  scale.set();
  return m;
}

/**
 * Regression: standardize X and y on the training fold (scikit-learn's
 * TransformedTargetRegressor(StandardScaler + MLPRegressor, transformer=StandardScaler())):
 * the net predicts the standardized target, a fixed last layer maps it back.
 */
export function scaledMlpRegressor({ X, y, hidden = 16 }) {
  const yv = Float64Array.from(y, Number);
  const [ym, ysd] = meanStd(yv, yv.length, 1, 0);
  const scale = standardizer(X);
  const unscale = affine(ysd, ym);
  const m = tf.sequential({
    layers: [
      scale.layer,
      tf.layers.dense({ units: hidden, activation: 'relu' }),
      tf.layers.dense({ units: 1 }),
      unscale.layer,
    ],
  });
  scale.set();
  unscale.set();
  return m;
}

const here = import.meta.url;
registerModel('bench-mlpHH', mlpHH, { module: here });
registerModel('bench-scaledMlp', scaledMlp, { module: here });
registerModel('bench-scaledMlpRegressor', scaledMlpRegressor, { module: here });
