// Port of scikit-learn's sklearn/model_selection/_validation.py _fit_and_score / _fit_and_predict / _score (BSD-3-Clause).
import {
  ValueError,
  clone,
  estimatorNameOf,
  numSamples,
  takeRows,
  warn,
  type EstimatorLike,
} from '@scikeras/estimator-core';
import type { FitTask, TaskResult } from './FitTask';
import type { ResolvedScoring } from './scoring';
import { failedResult } from './taskFailures';
import { toPlain } from './toPlain';

/** Everything a task needs, live (in the thread that runs it). */
export interface LiveTaskContext {
  estimator: EstimatorLike;
  X: unknown;
  y: unknown;
  fitOptions: Record<string, unknown>;
  /** Resolved scorers (unused in the other modes). */
  scoring: ResolvedScoring | null;
  /**
   * `'score'`: fit on the task's training rows and score; `'predict'`/`'predictProba'`:
   * predict the test rows; `'fit'`: a search's refit, on every row (the task's index arrays are
   * ignored), returning the fitted estimator.
   */
  mode: 'score' | 'predict' | 'predictProba' | 'fit';
  returnTrainScore: boolean;
  returnEstimator: boolean;
  errorScore: 'raise' | number;
}

type Fittable = EstimatorLike & {
  fit(X: unknown, y?: unknown, options?: Record<string, unknown>): unknown;
  [method: string]: unknown;
};

const now = () => performance.now() / 1000;

/** Slices every fit option with one entry per sample to `rows` (scikit-learn's `_check_fit_params`). */
export function sliceFitOptions(
  fitOptions: Record<string, unknown>,
  nSamples: number,
  rows: number[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fitOptions)) {
    const arrayLike = Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
    out[k] = arrayLike && (v as ArrayLike<unknown>).length === nSamples ? takeRows(v, rows) : v;
  }
  return out;
}

function disposeAll(made: unknown[], keep: unknown[]): void {
  for (const m of made) {
    if (m && !keep.includes(m) && typeof (m as { dispose?: unknown }).dispose === 'function')
      (m as { dispose(): void }).dispose();
  }
}

async function scoreOne(
  scorer: (est: any, X: unknown, y: unknown) => unknown,
  est: unknown,
  X: unknown,
  y: unknown,
  errorScore: 'raise' | number,
  name: string,
): Promise<number> {
  let s: unknown;
  try {
    s = await scorer(est, X, y);
  } catch (e) {
    if (errorScore === 'raise') throw e;
    warn(
      `Scoring failed. The score on this train-test partition for these parameters will be set to ${errorScore}. Details: \n${(e as Error)?.stack ?? String(e)}`,
      'UserWarning',
    );
    return errorScore;
  }
  if (typeof s !== 'number') {
    throw new ValueError(
      `scoring must return a number, got ${String(s)} (${typeof s}) instead. (scorer=${name})`,
    );
  }
  return s;
}

/** Scores a fitted estimator with one scorer or several. */
export async function scoreWith(
  scoring: ResolvedScoring,
  est: unknown,
  X: unknown,
  y: unknown,
  errorScore: 'raise' | number,
): Promise<number | Record<string, number>> {
  if (!scoring.multimetric) {
    const sc = scoring.scorer;
    return scoreOne(sc, est, X, y, errorScore, sc.scoreFuncName ?? 'score');
  }
  const out: Record<string, number> = {};
  for (const [name, sc] of Object.entries(scoring.scorers))
    out[name] = await scoreOne(sc, est, X, y, errorScore, name);
  return out;
}

/**
 * Runs one task: fits a clone of the context's estimator (with the task's params) on the
 * training rows, then scores it (or predicts the test rows). Tensors made by `takeRows` are
 * disposed when the task ends.
 *
 * @param task - the task
 * @param ctx - the shared context
 * @returns the task's result
 * @throws the fit's or scorer's error when `errorScore` is `'raise'`
 * @example
 * ```ts
 * const r = await runTask({ taskIndex: 0, candidateIndex: 0, splitIndex: 0, params: null, trainIdx: [0, 1], testIdx: [2] }, ctx);
 * ```
 */
export async function runTask(task: FitTask, ctx: LiveTaskContext): Promise<TaskResult> {
  const est = clone(ctx.estimator) as Fittable;
  if (task.params) {
    const cloned: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(task.params)) cloned[k] = clone(v, { safe: false });
    est.setParams(cloned);
  }
  const n = numSamples(ctx.X);
  const hasY = ctx.y !== undefined && ctx.y !== null;
  const refit = ctx.mode === 'fit';
  const Xtr = refit ? ctx.X : takeRows(ctx.X, task.trainIdx);
  const Xte = refit ? undefined : takeRows(ctx.X, task.testIdx);
  const ytr = hasY ? (refit ? ctx.y : takeRows(ctx.y, task.trainIdx)) : undefined;
  const yte = hasY && !refit ? takeRows(ctx.y, task.testIdx) : undefined;
  const made = [Xtr, Xte, ytr, yte];
  const fitOpts = refit ? ctx.fitOptions : sliceFitOptions(ctx.fitOptions, n, task.trainIdx);
  const base = {
    taskIndex: task.taskIndex,
    candidateIndex: task.candidateIndex,
    splitIndex: task.splitIndex,
    nTestSamples: task.testIdx.length,
  };
  try {
    const start = now();
    try {
      if (Object.keys(fitOpts).length > 0) await est.fit(Xtr, ytr, fitOpts);
      else if (hasY) await est.fit(Xtr, ytr);
      else await est.fit(Xtr);
    } catch (e) {
      const fitTime = now() - start;
      if (ctx.errorScore === 'raise') throw e;
      const failed = failedResult(task, ctx, (e as Error)?.stack ?? String(e), fitTime);
      return ctx.returnEstimator ? { ...failed, estimator: est } : failed;
    }
    const fitTime = now() - start;
    if (refit)
      return { ...base, testScores: NaN, fitTime, scoreTime: 0, fitError: null, estimator: est };
    if (ctx.mode !== 'score') {
      const method = est[ctx.mode];
      if (typeof method !== 'function') {
        throw new ValueError(`${estimatorNameOf(est)} has no method '${ctx.mode}'.`);
      }
      const raw = await (method as (X: unknown) => unknown).call(est, Xte);
      const predictions = toPlain(raw);
      disposeAll([raw], made);
      return {
        ...base,
        testScores: NaN,
        fitTime,
        scoreTime: now() - start - fitTime,
        fitError: null,
        predictions,
        classes: est.classes_ === undefined ? undefined : toPlain(est.classes_),
      };
    }
    const scoring = ctx.scoring!;
    const testScores = await scoreWith(scoring, est, Xte, yte, ctx.errorScore);
    const scoreTime = now() - start - fitTime;
    const result: TaskResult = { ...base, testScores, fitTime, scoreTime, fitError: null };
    if (ctx.returnTrainScore)
      result.trainScores = await scoreWith(scoring, est, Xtr, ytr, ctx.errorScore);
    if (ctx.returnEstimator) result.estimator = est;
    return result;
  } finally {
    disposeAll(made, [ctx.X, ctx.y]);
    // the fold's model is not needed after scoring (tfjs wrappers hold tensors until disposed)
    if (!ctx.returnEstimator) disposeAll([est], []);
  }
}
