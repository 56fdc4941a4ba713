// Small deterministic estimators for the tests and the bench. Plain CommonJS so that jest
// (main thread) and the worker threads of WorkerPoolExecutor can both load this file.
// ThresholdClassifier and Ridge1D mirror scripts/fixtures/gen_model_selection.py.
const {
  BaseEstimator,
  checkArray,
  checkIsFitted,
  checkNFeatures,
  checkXY,
  clone,
  registerEstimator,
  registerFunction,
  InvalidParameterError,
  NotFittedError,
  ValueError,
} = require('@scikeras/estimator-core');
const { checkClassificationTargets, uniqueLabels } = require('@scikeras/target-utils');

/* global __filename, setTimeout */
/** Names a class and registers it with this file, which worker threads import. */
const register = (Klass, name) => {
  Klass.estimatorName = name;
  registerEstimator(Klass, { module: __filename });
};

function column(X, j) {
  const { data, shape } = checkArray(X);
  const out = new Float64Array(shape[0]);
  for (let i = 0; i < shape[0]; i++) out[i] = data[i * shape[1] + j];
  return { col: out, shape };
}

const mean = (a) => a.reduce((s, v) => s + v, 0) / a.length;

/** Predicts classes_[1] where X[:, feature] > mean(train X[:, feature]) + offset. */
class ThresholdClassifier extends BaseEstimator {
  get estimatorType() {
    return 'classifier';
  }
  fit(X, y) {
    const { col, shape } = column(X, this.feature);
    const labels = Array.from(y);
    if (labels.length !== shape[0])
      throw new ValueError(
        `Found input variables with inconsistent numbers of samples: [${shape[0]}, ${labels.length}]`,
      );
    this.classes_ = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.threshold_ = mean(Array.from(col)) + this.offset;
    this.nFeaturesIn_ = shape[1];
    return this;
  }
  predictProba(X) {
    checkIsFitted(this);
    const { col } = column(X, this.feature);
    return Array.from(col, (v) => {
      const p1 = 1 / (1 + Math.exp(-(v - this.threshold_)));
      return [1 - p1, p1];
    });
  }
  predict(X) {
    checkIsFitted(this);
    const { col } = column(X, this.feature);
    const hi = this.classes_[this.classes_.length > 1 ? 1 : 0];
    return Array.from(col, (v) => (v > this.threshold_ ? hi : this.classes_[0]));
  }
  score(X, y) {
    const p = this.predict(X);
    const t = Array.from(y);
    return p.filter((v, i) => v === t[i]).length / t.length;
  }
}
ThresholdClassifier.defaults = { feature: 0, offset: 0 };
register(ThresholdClassifier, 'ThresholdClassifier');

/** Closed-form ridge on one feature. */
class Ridge1D extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  async fit(X, y) {
    const checked = checkXY(X, y, { estimator: this, yNumeric: true });
    const { col, shape } = column(checked.X, this.feature);
    const x = Array.from(col);
    const t = Array.from(checked.y, Number);
    const xm = mean(x);
    const ym = mean(t);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += (x[i] - xm) * (t[i] - ym);
      sxx += (x[i] - xm) ** 2;
    }
    this.coef_ = sxy / (sxx + this.alpha);
    this.intercept_ = ym - this.coef_ * xm;
    this.nFeaturesIn_ = shape[1];
    return this;
  }
  async predict(X) {
    checkIsFitted(this);
    const { col, shape } = column(X, this.feature);
    checkNFeatures(this, shape[1], false);
    return Array.from(col, (v) => this.intercept_ + this.coef_ * v);
  }
  async score(X, y) {
    const p = await this.predict(X);
    const t = Array.from(y, Number);
    const m = mean(t);
    let ssr = 0;
    let sst = 0;
    for (let i = 0; i < t.length; i++) {
      ssr += (t[i] - p[i]) ** 2;
      sst += (t[i] - m) ** 2;
    }
    return 1 - ssr / sst;
  }
}
Ridge1D.defaults = { alpha: 1, feature: 0 };
register(Ridge1D, 'Ridge1D');

/** Nearest-centroid classifier with scikit-learn-grade input validation (multiclass). */
class CentroidClassifier extends BaseEstimator {
  get estimatorType() {
    return 'classifier';
  }
  fit(X, y) {
    const checked = checkXY(X, y, { estimator: this });
    checkClassificationTargets(checked.y);
    const { data, shape } = checked.X;
    const labels = Array.from(checked.y);
    this.classes_ = uniqueLabels(labels);
    this.centroids_ = this.classes_.map((c) => {
      const rows = labels.flatMap((l, i) => (l === c ? [i] : []));
      return Array.from(
        { length: shape[1] },
        (_, j) => mean(rows.map((i) => data[i * shape[1] + j])) * this.shrink,
      );
    });
    checkNFeatures(this, shape[1], true);
    return this;
  }
  #dist(X) {
    checkIsFitted(this);
    const { data, shape } = checkArray(X, { estimator: this });
    checkNFeatures(this, shape[1], false);
    return Array.from({ length: shape[0] }, (_, i) =>
      this.centroids_.map((c) => c.reduce((s, v, j) => s + (data[i * shape[1] + j] - v) ** 2, 0)),
    );
  }
  predictProba(X) {
    return this.#dist(X).map((d) => {
      const m = Math.min(...d);
      const e = d.map((v) => Math.exp(-(v - m)));
      const z = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / z);
    });
  }
  predict(X) {
    return this.#dist(X).map((d) => this.classes_[d.indexOf(Math.min(...d))]);
  }
  score(X, y) {
    const p = this.predict(X);
    const t = Array.from(y);
    return p.filter((v, i) => v === t[i]).length / t.length;
  }
}
CentroidClassifier.defaults = { shrink: 1 };
register(CentroidClassifier, 'CentroidClassifier');

/** Fits by burning a fixed amount of CPU (`work` iterations); scores a constant. For the bench. */
class BusyEstimator extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  fit(X) {
    let acc = 0;
    for (let i = 0; i < this.work; i++) acc += Math.sqrt(i + this.c);
    this.acc_ = acc;
    this.nFeaturesIn_ = checkArray(X).shape[1];
    return this;
  }
  predict(X) {
    return Array.from({ length: checkArray(X).shape[0] }, () => this.c);
  }
  score() {
    return -Math.abs(this.c - 3);
  }
}
BusyEstimator.defaults = { work: 0, c: 0 };
register(BusyEstimator, 'BusyEstimator');

/** Fails in fit when `fail` is true. */
class FailingClassifier extends ThresholdClassifier {
  fit(X, y) {
    if (this.fail) throw new ValueError('Failing classifier failed as required');
    return super.fit(X, y);
  }
}
FailingClassifier.defaults = { fail: false };
register(FailingClassifier, 'FailingClassifier');

/** Sleeps `ms` in fit; its score is the id of the thread that fitted it (0: the main thread). */
class ThreadIdEstimator extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  fit(X) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.ms);
    this.threadId_ = require('node:worker_threads').threadId;
    this.nFeaturesIn_ = checkArray(X).shape[1];
    return this;
  }
  predict(X) {
    return Array.from({ length: checkArray(X).shape[0] }, () => this.c);
  }
  score() {
    return this.threadId_;
  }
}
ThreadIdEstimator.defaults = { ms: 0, c: 0 };
register(ThreadIdEstimator, 'ThreadIdEstimator');

/** Keeps a function-valued param: cannot travel to a worker thread. */
class FunctionParamClassifier extends ThresholdClassifier {}
FunctionParamClassifier.defaults = { transform: (v) => v };
register(FunctionParamClassifier, 'FunctionParamClassifier');

/** Delegates to `step` (an estimator), or predicts the most frequent class with 'passthrough'. */
class StepClassifier extends BaseEstimator {
  get estimatorType() {
    return 'classifier';
  }
  fit(X, y) {
    const labels = Array.from(y);
    this.classes_ = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (this.step === 'passthrough') {
      const counts = new Map();
      for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
      this.mostFrequent_ = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    } else {
      this.fitted_ = clone(this.step).fit(X, y);
    }
    this.nFeaturesIn_ = checkArray(X).shape[1];
    return this;
  }
  predict(X) {
    checkIsFitted(this);
    if (this.step === 'passthrough')
      return Array.from({ length: checkArray(X).shape[0] }, () => this.mostFrequent_);
    return this.fitted_.predict(X);
  }
  score(X, y) {
    const p = this.predict(X);
    const t = Array.from(y);
    return p.filter((v, i) => v === t[i]).length / t.length;
  }
}
StepClassifier.defaults = { step: 'passthrough' };
register(StepClassifier, 'StepClassifier');

/** Feature transforms registered by name (with this file as their module), for function-valued grids. */
const identity = registerFunction('fixture-identity', (v) => v, { module: __filename });
const negate = registerFunction('fixture-negate', (v) => -v, { module: __filename });

/** Applies `transform` to the feature before thresholding. */
class TransformClassifier extends ThresholdClassifier {
  fit(X, y) {
    return super.fit(this.#apply(X), y);
  }
  predict(X) {
    return super.predict(this.#apply(X));
  }
  #apply(X) {
    return Array.from(X, (row) => Array.from(row, (v) => this.transform(v)));
  }
}
TransformClassifier.defaults = { transform: identity };
register(TransformClassifier, 'TransformClassifier');

/** A ValueError of the user's own (thrown again in the calling thread as a ValueError named so). */
class CustomValueError extends ValueError {}

const ERRORS = {
  ValueError,
  NotFittedError,
  InvalidParameterError,
  CustomValueError,
  TypeError,
  RangeError,
  Error,
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Misbehaves in fit as `how` says, for the reliability tests (never with nJobs 1: it may end
 * its thread): 'exit' calls process.exit(code); 'throwLater' throws from a timer while fit
 * waits; 'oom' allocates until its heap is full; 'sleep' blocks `ms`; 'sleepAsync' awaits `ms`
 * (an async fit: it yields to the event loop); an error class name ('ValueError', 'TypeError',
 * ...) throws that error. 'none' fits. It misbehaves only on an X of at least `minRows` rows
 * (the refit's, say). Its score is the id of the thread that fitted it.
 */
class MisbehavingEstimator extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  fit(X) {
    const nRows = checkArray(X).shape[0];
    const how = nRows >= this.minRows ? this.how : 'none';
    if (how === 'exit') process.exit(this.code);
    if (how === 'oom') {
      const keep = [];
      for (;;) keep.push(new Array(1 << 20).fill(keep.length + 0.5));
    }
    if (ERRORS[how]) throw new ERRORS[how](`${how} raised in fit`);
    this.threadId_ = require('node:worker_threads').threadId;
    this.nFeaturesIn_ = checkArray(X).shape[1];
    if (how === 'sleep') sleep(this.ms);
    if (how === 'throwLater') {
      setTimeout(() => {
        throw new Error('thrown from a timer inside fit');
      }, 5);
      return new Promise((resolve) => setTimeout(() => resolve(this), this.ms));
    }
    if (how === 'sleepAsync')
      return new Promise((resolve) => setTimeout(() => resolve(this), this.ms));
    return this;
  }
  predict(X) {
    return Array.from({ length: checkArray(X).shape[0] }, () => 0);
  }
  score() {
    return this.threadId_;
  }
}
MisbehavingEstimator.defaults = { how: 'none', code: 3, ms: 0, minRows: 0 };
register(MisbehavingEstimator, 'MisbehavingEstimator');

/**
 * Scores 1 when the object its thread's previous fit left behind (held only by a WeakRef) has
 * been garbage collected since, 0 when not, -1 on a thread's first fit.
 */
class GcProbeEstimator extends BaseEstimator {
  get estimatorType() {
    return 'regressor';
  }
  fit(X) {
    const probe = globalThis.__scikerasGcProbe;
    this.collected_ = probe ? (probe.deref() === undefined ? 1 : 0) : -1;
    globalThis.__scikerasGcProbe = new WeakRef({ garbage: new Array(1000).fill(0) });
    this.nFeaturesIn_ = checkArray(X).shape[1];
    return this;
  }
  predict(X) {
    return Array.from({ length: checkArray(X).shape[0] }, () => 0);
  }
  score() {
    return this.collected_;
  }
}
GcProbeEstimator.defaults = { c: 0 };
register(GcProbeEstimator, 'GcProbeEstimator');

module.exports = {
  CustomValueError,
  GcProbeEstimator,
  MisbehavingEstimator,
  StepClassifier,
  TransformClassifier,
  identity,
  negate,
  ThresholdClassifier,
  CentroidClassifier,
  Ridge1D,
  BusyEstimator,
  ThreadIdEstimator,
  FailingClassifier,
  FunctionParamClassifier,
};
