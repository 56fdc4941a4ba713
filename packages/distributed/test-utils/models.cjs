// The test models module: what users write for their workers (`scikeras-worker --import`).
// Registers a tfjs build function, a slow deterministic regressor, a transformer and Pipeline.
/* global __filename, setTimeout */
const tf = require('@tensorflow/tfjs');
const { BaseEstimator, ValueError, registerEstimator } = require('@scikeras/estimator-core');
const { registerModel } = require('@scikeras/wrappers');
const { Pipeline } = require('@scikeras/pipeline');

tf.enableProdMode();

/** An MLP with one hidden layer of `hidden` units. */
function mlp({ nFeaturesIn_, nClasses_, hidden = 4 }) {
  return tf.sequential({
    layers: [
      tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [nFeaturesIn_] }),
      tf.layers.dense({ units: nClasses_, activation: 'softmax' }),
    ],
  });
}
registerModel('dist-test-mlp', mlp, { module: __filename });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Predicts shrink * mean(y) + slope * X[:, 0]; `ms` of sleep in fit (a stand-in for a long fit),
 * `fail` makes fit throw a ValueError. Deterministic: the same params and rows give the same score anywhere.
 */
class SlowRegressor extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  async fit(X, y) {
    if (this.ms > 0) await sleep(this.ms);
    if (this.fail) throw new ValueError(`SlowRegressor failed on purpose (shrink=${this.shrink})`);
    const rows = Array.from(X);
    this.mean_ = (this.shrink * Array.from(y).reduce((a, b) => a + b, 0)) / rows.length;
    this.nFeaturesIn_ = rows[0].length;
    return this;
  }
  predict(X) {
    return Array.from(X, (r) => this.mean_ + this.slope * r[0]);
  }
  score(X, y) {
    const p = this.predict(X);
    const yy = Array.from(y);
    return -p.reduce((a, v, i) => a + (v - yy[i]) ** 2, 0) / p.length;
  }
}
SlowRegressor.defaults = { ms: 0, shrink: 1, slope: 0, fail: false };
SlowRegressor.estimatorName = 'SlowRegressor';
registerEstimator(SlowRegressor, { module: __filename });

/** Standardizes each column (a transformer for Pipeline tests). */
class Standardize extends BaseEstimator {
  get estimatorType() {
    return 'transformer';
  }
  fit(X) {
    const rows = Array.from(X, (r) => Array.from(r));
    const d = rows[0].length;
    this.mean_ = Array.from(
      { length: d },
      (_, j) => rows.reduce((a, r) => a + r[j], 0) / rows.length,
    );
    this.scale_ = this.mean_.map(
      (m, j) => Math.sqrt(rows.reduce((a, r) => a + (r[j] - m) ** 2, 0) / rows.length) || 1,
    );
    this.nFeaturesIn_ = d;
    return this;
  }
  transform(X) {
    return Array.from(X, (r) => Array.from(r, (v, j) => (v - this.mean_[j]) / this.scale_[j]));
  }
  fitTransform(X) {
    return this.fit(X).transform(X);
  }
}
Standardize.defaults = {};
Standardize.estimatorName = 'Standardize';
registerEstimator(Standardize, { module: __filename });

/** Reports what its fit saw: an own '__proto__' key in options.meta (10), a polluted Object.prototype (1). */
class ProtoProbe extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  fit(X, y, options) {
    const meta = options && options.meta;
    this.sawOwnProto_ = !!meta && Object.prototype.hasOwnProperty.call(meta, '__proto__');
    this.polluted_ = {}.polluted !== undefined;
    return this;
  }
  score() {
    return (this.sawOwnProto_ ? 10 : 0) + (this.polluted_ ? 1 : 0);
  }
}
ProtoProbe.defaults = {};
ProtoProbe.estimatorName = 'ProtoProbe';
registerEstimator(ProtoProbe, { module: __filename });

// Pipeline registers no module of its own (yet): this module does, for the workers
registerEstimator(Pipeline, { module: __filename });

module.exports = { mlp, SlowRegressor, Standardize, ProtoProbe };
