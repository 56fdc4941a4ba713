// The result of a task that did not finish (its fit threw, ran past the timeout, or its worker
// died), and the messages that name it. Universal: any executor uses them.
import { TerminatedWorkerError, TimeoutError, pyStr } from '@scikeras/estimator-core';
import type { FitTask, TaskResult } from './FitTask';
import type { LiveTaskContext } from './runTask';

/**
 * How a message names a task: `candidate 1 (hidden=64, lr=0.01), fold 2`, or `fold 2` in plain
 * cross-validation. Indices count from 0, as in `cvResults_` (`params[1]`, `split2TestScore`).
 * A search's refit is a task with `splitIndex` -1: `candidate 1 (...), the refit on all the data`.
 *
 * @param task - the task
 * @returns the words
 * @example
 * ```ts
 * describeTask({ candidateIndex: 1, splitIndex: 2, params: { alpha: 1 }, ... }); // 'candidate 1 (alpha=1), fold 2'
 * ```
 */
export function describeTask(
  task: Pick<FitTask, 'candidateIndex' | 'splitIndex' | 'params'>,
): string {
  const fold = task.splitIndex < 0 ? 'the refit on all the data' : `fold ${task.splitIndex}`;
  if (!task.params) return fold;
  const params = Object.keys(task.params)
    .sort()
    .map((k) => `${k}=${pyStr(task.params![k])}`)
    .join(', ');
  return `candidate ${task.candidateIndex} (${params}), ${fold}`;
}

/**
 * The error of a task that ran longer than `timeout` seconds.
 *
 * @param task - the task
 * @param timeout - the limit, in seconds
 * @param how - how it was stopped, e.g. `'its worker thread was terminated'`
 * @returns a TimeoutError naming the candidate, the fold and the timeout
 * @example
 * ```ts
 * timeoutFailure(task, 60, 'its worker thread was terminated').message;
 * // 'The fit of candidate 1 (alpha=1), fold 2 ran longer than timeout=60 s and was stopped: its worker thread was terminated.'
 * ```
 */
export function timeoutFailure(task: FitTask, timeout: number, how: string): TimeoutError {
  return new TimeoutError(
    `The fit of ${describeTask(task)} ran longer than timeout=${timeout} s and was stopped: ${how}.`,
  );
}

/**
 * The error of a task whose worker ended under it (loky's TerminatedWorkerError).
 *
 * @param task - the task
 * @param exitCode - the worker's exit code
 * @param cause - the uncaught error that ended it, when there was one
 * @returns a TerminatedWorkerError naming the candidate and the fold
 * @example
 * ```ts
 * workerDiedFailure(task, 3).message;
 * // 'A worker thread exited with code 3 while fitting candidate 1 (alpha=1), fold 2 (...)'
 * ```
 */
export function workerDiedFailure(
  task: FitTask,
  exitCode: number,
  cause?: { name?: string; message?: string; stack?: string; code?: string },
): TerminatedWorkerError {
  const why = cause
    ? `${cause.code ? ` (${cause.code})` : ''}: ${cause.stack ?? `${cause.name ?? 'Error'}: ${cause.message ?? ''}`}`
    : ' (process.exit, a crash or running out of memory ends a worker, never the calling thread)';
  return new TerminatedWorkerError(
    `A worker thread exited with code ${exitCode} while fitting ${describeTask(task)}${why}`,
  );
}

/**
 * The result of a task that failed, scored `errorScore` (one per metric with several), as
 * scikit-learn's `_fit_and_score` returns it for a fit that raised.
 *
 * @param task - the task
 * @param ctx - the job's context (scorer names, errorScore, returnTrainScore)
 * @param fitError - what `FitFailedWarning` shows (the error's stack or message)
 * @param fitTime - seconds until the failure
 * @returns the result
 * @example
 * ```ts
 * failedResult(task, ctx, 'TimeoutError: ...', 60);
 * ```
 */
export function failedResult(
  task: FitTask,
  ctx: Pick<LiveTaskContext, 'scoring' | 'errorScore' | 'returnTrainScore'>,
  fitError: string,
  fitTime: number,
): TaskResult {
  const errorScore = ctx.errorScore === 'raise' ? NaN : ctx.errorScore;
  const names = ctx.scoring?.multimetric ? Object.keys(ctx.scoring.scorers) : null;
  const scores = () => (names ? Object.fromEntries(names.map((k) => [k, errorScore])) : errorScore);
  return {
    taskIndex: task.taskIndex,
    candidateIndex: task.candidateIndex,
    splitIndex: task.splitIndex,
    testScores: scores(),
    ...(ctx.returnTrainScore ? { trainScores: scores() } : {}),
    fitTime,
    scoreTime: 0,
    nTestSamples: task.testIdx.length,
    fitError,
  };
}
