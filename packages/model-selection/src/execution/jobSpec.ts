// A job as data, for executors that run its tasks in other threads or processes (the worker pool,
// a distributed executor): the estimator, the task params and the fit options as TravelSpecs
// (estimator-core's codec), X and y in a form structured clone keeps. Universal: no Node built-ins.
import {
  ValueError,
  clone,
  estimatorNameOf,
  fromTravelSpec,
  toTravelSpec,
  typeName,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import type { Job } from './Executor';
import type { FitTask, TaskContextSpec, TaskSpec } from './FitTask';
import type { LiveTaskContext } from './runTask';
import { resolveScoring, scoringForTravel, type Scoring } from './scoring';

/**
 * Data in a form structured clone keeps: a Matrix becomes `{ data, shape }`, a tensor
 * `{ data, shape }` (a 1-D one a typed array); arrays and typed arrays stay as they are.
 *
 * @param v - X or y
 * @param name - its name in messages
 * @returns the transferable data
 * @throws ValueError for a tensor of rank > 2 or anything that is not array-like
 * @example
 * ```ts
 * toTransferable(new Matrix([[1, 2]]), 'X'); // { data: Float64Array [1, 2], shape: [1, 2] }
 * ```
 */
export function toTransferable(v: unknown, name: string): unknown {
  if (v === null || v === undefined || Array.isArray(v) || ArrayBuffer.isView(v)) return v;
  const o = v as {
    data?: unknown;
    shape?: number[];
    rank?: number;
    dataSync?: () => ArrayLike<number>;
    rows?: number;
    columns?: number;
    get?: (i: number, j: number) => number;
  };
  if (ArrayBuffer.isView(o.data) && Array.isArray(o.shape) && o.rank === undefined) return v;
  if (typeof o.dataSync === 'function' && Array.isArray(o.shape)) {
    const raw = o.dataSync();
    const data =
      raw instanceof Float32Array || raw instanceof Int32Array
        ? raw.slice()
        : Float64Array.from(raw);
    if (o.shape.length === 1) return data;
    if (o.shape.length === 2) return { data, shape: [o.shape[0], o.shape[1]] };
    throw new ValueError(
      `Cannot send ${name} to worker threads: a tensor of rank ${o.shape.length} (only rank 1 or 2).`,
    );
  }
  if (typeof o.rows === 'number' && typeof o.columns === 'number' && typeof o.get === 'function') {
    const data = new Float64Array(o.rows * o.columns);
    for (let i = 0; i < o.rows; i++)
      for (let j = 0; j < o.columns; j++) data[i * o.columns + j] = o.get(i, j);
    return { data, shape: [o.rows, o.columns] };
  }
  throw new ValueError(
    `Cannot send ${name} to worker threads: ${typeName(v)} is not an array, typed array, { data, shape }, Matrix or tensor.`,
  );
}

/**
 * The context a job's tasks share, as data: an unfitted clone of the estimator, the fit options
 * and X, y, and the scorer names.
 *
 * @param job - the job
 * @returns the spec
 * @throws ValueError when the estimator, a fit option or `scoring` cannot travel (naming it and
 *   the fix)
 * @example
 * ```ts
 * const spec = await toTaskContextSpec(job); // send it, then fromTaskContextSpec(spec) there
 * ```
 */
export async function toTaskContextSpec(job: Job): Promise<TaskContextSpec> {
  const scoring = scoringForTravel(job.scoringParam) as TaskContextSpec['scoring'];
  // an unfitted copy travels: a fitted estimator's spec would carry its weights for nothing
  const estimator = await toTravelSpec(clone(job.estimator));
  const fitOptions = await toTravelSpec(job.fitOptions, { owner: 'The fit options' });
  return {
    estimator,
    X: toTransferable(job.X, 'X'),
    y: toTransferable(job.y, 'y'),
    fitOptions,
    scoring,
    mode: job.mode,
    returnTrainScore: job.returnTrainScore,
    returnEstimator: job.returnEstimator,
    errorScore: job.errorScore,
  };
}

/**
 * A task as data: its params as a TravelSpec (grid values: estimators, registered functions,
 * strings such as `'passthrough'`).
 *
 * @param task - the task
 * @param estimator - the estimator the params are for (its name is the owner in messages)
 * @returns the spec
 * @throws ValueError when a param value cannot travel
 * @example
 * ```ts
 * const spec = await toTaskSpec(task, job.estimator);
 * ```
 */
export async function toTaskSpec(task: FitTask, estimator: EstimatorLike): Promise<TaskSpec> {
  if (!task.params) return { ...task, params: null };
  return {
    ...task,
    params: await toTravelSpec(task.params, { owner: estimatorNameOf(estimator as object) }),
  };
}

/**
 * The live context of a job in this thread, from {@link toTaskContextSpec}'s spec.
 *
 * @param spec - the spec
 * @returns the context `runTask` takes
 * @example
 * ```ts
 * const ctx = await fromTaskContextSpec(spec);
 * ```
 */
export async function fromTaskContextSpec(spec: TaskContextSpec): Promise<LiveTaskContext> {
  const estimator = await fromTravelSpec<EstimatorLike>(spec.estimator);
  return {
    estimator,
    X: spec.X,
    y: spec.y,
    fitOptions: await fromTravelSpec<Record<string, unknown>>(spec.fitOptions),
    scoring: spec.mode === 'score' ? resolveScoring(estimator, spec.scoring as Scoring) : null,
    mode: spec.mode,
    returnTrainScore: spec.returnTrainScore,
    returnEstimator: spec.returnEstimator,
    errorScore: spec.errorScore,
  };
}

/**
 * A task back from {@link toTaskSpec}'s spec.
 *
 * @param spec - the spec
 * @returns the task
 * @example
 * ```ts
 * const task = await fromTaskSpec(spec);
 * ```
 */
export async function fromTaskSpec(spec: TaskSpec): Promise<FitTask> {
  const params = spec.params ? await fromTravelSpec<Record<string, unknown>>(spec.params) : null;
  return { ...spec, params };
}
