// A search's refit of the best candidate on all the data: as one more task on the search's
// executor when it takes refit tasks (a worker pool: its threads are warm, and a refit that
// crashes its thread must not end the caller either), else in this thread.
import { clone, type EstimatorLike } from '@scikeras/estimator-core';
import type { Executor } from '../execution/Executor';
import { raceAbort, throwIfAborted } from '../internal/abort';

type Fittable = EstimatorLike & {
  fit(X: unknown, y?: unknown, options?: Record<string, unknown>): unknown;
};

/** What {@link refitBest} needs. */
export interface RefitOptions {
  executor: Executor;
  /** The search's (unfitted) base estimator. */
  base: EstimatorLike;
  params: Record<string, unknown>;
  /** The best candidate's index (in messages). */
  candidateIndex: number;
  X: unknown;
  /** The target, or undefined. */
  y: unknown;
  fitOptions: Record<string, unknown>;
  signal?: AbortSignal;
}

/**
 * Fits a clone of `base` with `params` on all of X. With an executor that takes refit tasks
 * ({@link Executor.refitTasks}: the worker pool) it is a task of mode `'fit'`
 * (`returnEstimator`, `errorScore: 'raise'`, no timeout: joblib's timeout does not bound
 * scikit-learn's refit either), and the fitted estimator comes back through its TravelSpec.
 * Otherwise (the `SequentialExecutor`, a `QueueExecutor`, ...) it runs in this thread (an
 * abort rejects at once; the fit, which cannot be stopped, finishes in the background and is
 * then disposed).
 *
 * @param o - the executor, the estimator and params, the data, the signal
 * @returns the fitted estimator
 * @throws the refit's error; the signal's reason when it is aborted
 * @example
 * ```ts
 * const best = await refitBest({ executor, base, params: bestParams, X, y, fitOptions: {} });
 * ```
 */
export async function refitBest(o: RefitOptions): Promise<Fittable> {
  throwIfAborted(o.signal);
  if (o.executor.refitTasks === true) {
    const [r] = await o.executor.run(
      {
        estimator: o.base,
        X: o.X,
        y: o.y,
        fitOptions: o.fitOptions,
        scoring: null,
        scoringParam: null,
        mode: 'fit',
        returnTrainScore: false,
        returnEstimator: true,
        errorScore: 'raise',
        tasks: [
          {
            taskIndex: 0,
            candidateIndex: o.candidateIndex,
            splitIndex: -1, // the refit (describeTask)
            params: o.params,
            trainIdx: [],
            testIdx: [],
          },
        ],
      },
      undefined,
      { signal: o.signal },
    );
    return r!.estimator as Fittable;
  }
  const best = clone(clone(o.base).setParams(o.params) as Fittable);
  const fitting = async () => {
    if (Object.keys(o.fitOptions).length > 0) await best.fit(o.X, o.y, o.fitOptions);
    else if (o.y !== undefined) await best.fit(o.X, o.y);
    else await best.fit(o.X);
  };
  const dispose = () => (best as { dispose?: () => void }).dispose?.();
  await raceAbort(fitting(), o.signal, dispose);
  return best;
}
