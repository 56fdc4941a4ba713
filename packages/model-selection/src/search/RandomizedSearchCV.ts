// Port of scikit-learn's sklearn/model_selection/_search.py RandomizedSearchCV (BSD-3-Clause).
import { registerEstimator } from '@scikeras/estimator-core';
import { MODULE_URL } from '../internal/moduleUrl';
import { BaseSearchCV, type BaseSearchCVParams } from './BaseSearchCV';
import { ParameterSampler, type ParamDistributions } from './ParameterSampler';
import type { RandomState } from '../RandomState';
import type { ParamDistributionsFor } from './typedParamGrid';
import type { EstimatorLike } from '@scikeras/estimator-core';

/**
 * Params of {@link RandomizedSearchCV}.
 *
 * @typeParam T - the searched estimator's type: `paramDistributions`' keys and value types are
 *   checked against its params (see `ParamDistributionsFor`)
 */
export interface RandomizedSearchCVParams<
  T extends EstimatorLike = EstimatorLike,
> extends BaseSearchCVParams<T> {
  /** Param name to a distribution (`uniform`, `loguniform`, `randint`, anything with `rvs`) or an array; or a list of such. @defaultValue {} */
  paramDistributions?: NoInfer<ParamDistributionsFor<T>> | NoInfer<ParamDistributionsFor<T>>[];
  /** Number of candidates sampled. @defaultValue 10 */
  nIter?: number;
  /** Seed (or generator) of the sampling. @defaultValue null */
  randomState?: number | RandomState | null;
}

/**
 * Randomized search: `nIter` candidates sampled from distributions, each cross-validated; the
 * best is refitted on all the data.
 *
 * @example
 * ```ts
 * const rs = new RandomizedSearchCV({ estimator: new Ridge(), paramDistributions: { alpha: loguniform(1e-3, 10) }, nIter: 20, randomState: 0 });
 * await rs.fit(X, y);
 * ```
 * @remarks Sampling is seeded and reproducible but cannot equal numpy's draws. See GridSearchCV
 * for the cvResults_ vocabulary.
 * @typeParam T - the searched estimator's type, inferred from `estimator` (checks
 *   `paramDistributions` and types `bestParams_`, as in `GridSearchCV`)
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.RandomizedSearchCV.html
 */
export class RandomizedSearchCV<T extends EstimatorLike = EstimatorLike> extends BaseSearchCV<
  RandomizedSearchCVParams<T>,
  T
> {
  static estimatorName = 'RandomizedSearchCV';

  static override defaults = {
    estimator: null,
    paramDistributions: {},
    nIter: 10,
    scoring: null,
    nJobs: null,
    executor: null,
    refit: true,
    cv: null,
    verbose: 0,
    randomState: null,
    errorScore: NaN,
    returnTrainScore: false,
    onProgress: null,
    timeout: null,
  } satisfies RandomizedSearchCVParams;

  declare paramDistributions: ParamDistributions | ParamDistributions[];
  declare nIter: number;
  declare randomState: number | RandomState | null;

  protected candidates(): Record<string, unknown>[] {
    return [
      ...new ParameterSampler(this.paramDistributions, this.nIter, {
        randomState: this.randomState,
      }),
    ];
  }
}
registerEstimator(RandomizedSearchCV, { module: MODULE_URL });
