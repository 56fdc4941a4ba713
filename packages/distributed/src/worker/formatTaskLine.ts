// The line a scikeras-worker prints per task.
import type { TaskResult } from '@scikeras/model-selection';

function scoreText(s: TaskResult['testScores']): string {
  if (typeof s === 'number') return `score ${s.toFixed(4)}`;
  return Object.entries(s)
    .map(([k, v]) => `${k} ${v.toFixed(4)}`)
    .join(', ');
}

/**
 * One task's line: worker, thread, search, candidate, fold, seconds and score (or the error).
 *
 * @param worker - the worker's id
 * @param thread - the task thread
 * @param searchId - the search
 * @param r - the result
 * @param kept - whether the result was stored (false: the search had ended)
 * @returns the line
 * @example
 * ```ts
 * formatTaskLine('host:42', 0, 'grid-1', result, true);
 * // 'host:42/0 search grid-1: candidate 3, fold 1: 0.84 s, score 0.9167'
 * ```
 */
export function formatTaskLine(
  worker: string,
  thread: number,
  searchId: string,
  r: TaskResult,
  kept: boolean,
): string {
  const head = `${worker}/${thread} search ${searchId}: candidate ${r.candidateIndex}, fold ${r.splitIndex}`;
  const secs = `${(r.fitTime + r.scoreTime).toFixed(2)} s`;
  let what: string;
  if (r.raised) what = `raised ${r.raised.name}: ${r.raised.message.split('\n')[0]}`;
  else if (r.predictions !== undefined) what = `predicted ${r.nTestSamples} rows`;
  else what = scoreText(r.testScores) + (r.fitError ? ' (fit failed)' : '');
  return `${head}: ${secs}, ${what}${kept ? '' : ' (dropped: the search had ended)'}`;
}
