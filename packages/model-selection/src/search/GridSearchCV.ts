// Port of scikit-learn's sklearn/model_selection/_search.py GridSearchCV (BSD-3-Clause).
import { registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { BaseSearchCV, type BaseSearchCVParams } from './BaseSearchCV';
import { ParameterGrid, type ParamGridSpec } from './ParameterGrid';
import type { ParamGridFor } from './typedParamGrid';
import type { EstimatorLike } from '@scikeras/estimator-core';

/**
 * Params of {@link GridSearchCV}.
 *
 * @typeParam T - the searched estimator's type: `paramGrid`'s keys and values are checked
 *   against its params (see `ParamGridFor`)
 */
export interface GridSearchCVParams<
  T extends EstimatorLike = EstimatorLike,
> extends BaseSearchCVParams<T> {
  /** One grid (param name to values) or a list of grids. @defaultValue {} */
  paramGrid?: NoInfer<ParamGridFor<T>> | NoInfer<ParamGridFor<T>>[];
}

/**
 * Exhaustive search over a grid of param values, each candidate cross-validated; the best is
 * refitted on all the data. Itself an estimator: it can be cloned and nested (e.g. inside
 * crossValScore), and `predict`/`predictProba`/`score` delegate to `bestEstimator_`.
 *
 * @example
 * ```ts
 * const gs = new GridSearchCV({ estimator: new Ridge(), paramGrid: { alpha: [0.1, 1, 10] }, cv: 3 });
 * await gs.fit(X, y);
 * gs.bestParams_; // { alpha: 1 }
 * gs.cvResults_!.meanTestScore; // [0.81, 0.86, 0.7]
 * ```
 * @remarks `cvResults_` keys are scikit-learn's in camelCase (`meanTestScore`,
 * `split0TestScore`, `rankTestScore`, `paramAlpha`, `params`, `meanFitTime` in seconds, ...);
 * a candidate without a param has `undefined` where scikit-learn masks. `preDispatch` does not
 * exist (tasks are queued by the executor). `nJobs > 1` needs estimators that can travel to
 * worker threads (see the README).
 * @typeParam T - the searched estimator's type, inferred from `estimator`: the compiler checks
 *   `paramGrid`'s keys (nested `clf__model__hidden` ones through pipelines included) and value
 *   types against its params, and types `bestParams_` (any key for an estimator whose params it
 *   does not know)
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.GridSearchCV.html
 */
export class GridSearchCV<T extends EstimatorLike = EstimatorLike> extends BaseSearchCV<
  GridSearchCVParams<T>,
  T
> {
  static estimatorName = 'GridSearchCV';

  static override defaults = {
    estimator: null,
    paramGrid: {},
    scoring: null,
    nJobs: null,
    executor: null,
    refit: true,
    cv: null,
    verbose: 0,
    errorScore: NaN,
    returnTrainScore: false,
    onProgress: null,
    timeout: null,
  } satisfies GridSearchCVParams;

  declare paramGrid: ParamGridSpec | ParamGridSpec[];

  protected candidates(): Record<string, unknown>[] {
    return [...new ParameterGrid(this.paramGrid)];
  }
}
registerEstimator(GridSearchCV, { module: MODULE_URL });
