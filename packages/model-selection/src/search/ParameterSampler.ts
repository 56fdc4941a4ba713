// Port of scikit-learn's sklearn/model_selection/_search.py ParameterSampler (BSD-3-Clause).
import { pyRepr, typeName, warn } from '@scikeras/estimator-core';
import { ParameterGrid, type ParamGridSpec } from './ParameterGrid';
import { checkRandomState, type RandomStateLike } from '../RandomState';
import { isDistribution, type Distribution } from './distributions';

/** Param name to a distribution (with `rvs`) or an array of values sampled uniformly. */
export type ParamDistributions = Record<
  string,
  Distribution<unknown> | readonly unknown[] | ArrayLike<unknown>
>;

/**
 * Samples `nIter` candidates from distributions (anything with `rvs(rng)`, e.g. `uniform`,
 * `loguniform`, `randint`) and arrays (sampled uniformly). When every value is an array it
 * samples the grid without replacement; a list of dicts picks a dict uniformly first.
 *
 * @example
 * ```ts
 * const s = new ParameterSampler({ a: [1, 2], b: uniform(0, 1) }, 4, { randomState: 0 });
 * [...s]; // 4 candidates, the same every run
 * ```
 * @remarks Seeded by `randomState` and reproducible, but the draws cannot equal numpy's.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.ParameterSampler.html
 */
export class ParameterSampler implements Iterable<Record<string, unknown>> {
  readonly paramDistributions: ParamDistributions[];
  readonly nIter: number;
  readonly randomState: RandomStateLike;

  /**
   * @param paramDistributions - one dict or a list of dicts
   * @param nIter - number of candidates
   * @param options - `randomState`
   * @throws TypeError for a value that is neither an array nor a distribution
   */
  constructor(
    paramDistributions: ParamDistributions | readonly ParamDistributions[],
    nIter: number,
    options: { randomState?: RandomStateLike } = {},
  ) {
    if (typeof paramDistributions !== 'object' || paramDistributions === null) {
      throw new TypeError(
        `Parameter distribution is not a dict or a list, got: ${pyRepr(paramDistributions)} of type ${typeName(paramDistributions)}`,
      );
    }
    const dists = (
      Array.isArray(paramDistributions) ? paramDistributions : [paramDistributions]
    ) as unknown[];
    for (const dist of dists) {
      if (typeof dist !== 'object' || dist === null || Array.isArray(dist))
        throw new TypeError(`Parameter distribution is not a dict (${pyRepr(dist)})`);
      for (const [key, v] of Object.entries(dist)) {
        if (!Array.isArray(v) && !ArrayBuffer.isView(v) && !isDistribution(v)) {
          throw new TypeError(
            `Parameter grid for parameter '${key}' is not iterable or a distribution (value=${pyRepr(v)})`,
          );
        }
      }
    }
    this.paramDistributions = dists as ParamDistributions[];
    this.nIter = nIter;
    this.randomState = options.randomState ?? null;
  }

  #allLists(): boolean {
    return this.paramDistributions.every((d) => Object.values(d).every((v) => !isDistribution(v)));
  }

  /**
   * The `nIter` sampled candidates (every grid point once, shuffled, when all values are lists).
   *
   * @returns an iterator of param objects
   */
  *[Symbol.iterator](): Iterator<Record<string, unknown>> {
    const rng = checkRandomState(this.randomState);
    if (this.#allLists()) {
      const grid = new ParameterGrid(this.paramDistributions as ParamGridSpec[]);
      const size = grid.length;
      let nIter = this.nIter;
      if (size < nIter) {
        warn(
          `The total space of parameters ${size} is smaller than nIter=${this.nIter}. Running ${size} iterations. For exhaustive searches, use GridSearchCV.`,
          'UserWarning',
        );
        nIter = size;
      }
      // partial Fisher-Yates: nIter distinct grid positions
      const pos = Array.from({ length: size }, (_, i) => i);
      for (let i = 0; i < nIter; i++) {
        const j = i + rng.randint(size - i);
        [pos[i], pos[j]] = [pos[j]!, pos[i]!];
        yield grid.at(pos[i]!);
      }
      return;
    }
    for (let it = 0; it < this.nIter; it++) {
      const dist = this.paramDistributions[rng.randint(this.paramDistributions.length)]!;
      const params: Record<string, unknown> = {};
      for (const k of Object.keys(dist).sort()) {
        const v = dist[k]!;
        if (isDistribution(v)) params[k] = v.rvs(rng);
        else {
          const arr = v as ArrayLike<unknown>;
          params[k] = arr[rng.randint(arr.length)];
        }
      }
      yield params;
    }
  }

  /** The number of candidates that will be sampled. */
  get length(): number {
    if (this.#allLists())
      return Math.min(
        this.nIter,
        new ParameterGrid(this.paramDistributions as ParamGridSpec[]).length,
      );
    return this.nIter;
  }
}
