// The distributed benchmark's fast estimator, registered with this module's URL: worker threads
// (nJobs: 2) import it by that URL, scikeras-worker processes by --import.
import { BaseEstimator, registerEstimator } from '@scikeras/estimator-core';

/** Predicts shrink * mean(y): a fit that costs next to nothing, so a task's time is overhead. */
export class MeanRegressor extends BaseEstimator {
  static estimatorName = 'BenchMeanRegressor';
  static defaults = { shrink: 1 };
  get estimatorType() {
    return 'regressor';
  }
  fit(X, y) {
    let s = 0;
    for (const v of y) s += v;
    this.mean_ = (this.shrink * s) / y.length;
    return this;
  }
  predict(X) {
    return Array.from(X, () => this.mean_);
  }
  score(X, y) {
    let s = 0;
    for (const v of y) s += (v - this.mean_) ** 2;
    return -s / y.length;
  }
}
registerEstimator(MeanRegressor, { module: import.meta.url });
