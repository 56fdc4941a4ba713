// A model-selection job as what goes to Redis: the context (meta hash), the data (one blob by
// content hash), one small payload per task, and the fingerprint that tells a resumed search
// from another one under the same id.
import { createHash } from 'node:crypto';
import { ValueError, type TravelSpec } from '@scikeras/estimator-core';
import { toTaskContextSpec, toTaskSpec, type Job } from '@scikeras/model-selection';
import { packBlob } from '../data/dataBlob';
import type { SearchContext, SearchData, TaskRef } from '../tasks/payload';

/** A job ready for Redis. */
export interface PreparedSearch {
  context: SearchContext;
  /** The packed context (stored in the meta hash). */
  contextBytes: Uint8Array;
  /** The packed data. */
  blob: Uint8Array;
  /** sha256 of the blob, hex. */
  dataHash: string;
  tasks: TaskRef[];
  /** sha256 of what defines the results (data, estimator, params, splits, scoring), hex. */
  fingerprint: string;
}

/** A TravelSpec without what only the sending process needs: workers never import modules. */
function bare(spec: TravelSpec): TravelSpec {
  return { ...spec, modules: [], environment: {} };
}

/** The distinct splits of the tasks (searches share one split between candidates). */
function distinctSplits(job: Job): { splits: [number[], number[]][]; splitOf: number[] } {
  const splits: [number[], number[]][] = [];
  const seen = new Map<number[], number>();
  const splitOf = job.tasks.map((t) => {
    const known = seen.get(t.trainIdx);
    if (known !== undefined && splits[known]![1] === t.testIdx) return known;
    splits.push([t.trainIdx, t.testIdx]);
    seen.set(t.trainIdx, splits.length - 1);
    return splits.length - 1;
  });
  return { splits, splitOf };
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/**
 * Encodes a job for Redis: the estimator, params and fit options through estimator-core's codec
 * (classes and functions by registered name), X, y and the splits as one binary blob.
 *
 * @param job - the job a search or cross-validation made
 * @returns the context, blob, hashes and task payloads
 * @throws ValueError when the estimator, a param, a fit option or scoring cannot travel; for a
 *   job of mode `'fit'` (the workers run fit-and-score and prediction tasks; QueueExecutor has
 *   no `refitTasks`, so a search refits in the calling thread)
 * @example
 * ```ts
 * const { dataHash, tasks } = await prepareSearch(job);
 * ```
 */
export async function prepareSearch(job: Job): Promise<PreparedSearch> {
  const mode = job.mode;
  if (mode === 'fit')
    throw new ValueError(
      "QueueExecutor runs fit-and-score and prediction tasks, not jobs of mode 'fit' (a search's refit runs in the calling thread).",
    );
  const spec = await toTaskContextSpec(job);
  const context: SearchContext = {
    estimator: spec.estimator,
    scoring: spec.scoring,
    mode,
    returnTrainScore: spec.returnTrainScore,
    returnEstimator: spec.returnEstimator,
    errorScore: spec.errorScore,
  };
  const { splits, splitOf } = distinctSplits(job);
  const data: SearchData = { X: spec.X, y: spec.y, fitOptions: bare(spec.fitOptions), splits };
  const blob = packBlob(data);
  const dataHash = sha256(blob);
  const tasks: TaskRef[] = await Promise.all(
    job.tasks.map(async (t, i) => {
      const s = await toTaskSpec(t, job.estimator);
      return {
        taskIndex: t.taskIndex,
        candidateIndex: t.candidateIndex,
        splitIndex: t.splitIndex,
        split: splitOf[i]!,
        params: s.params ? bare(s.params) : null,
      };
    }),
  );
  const fingerprint = sha256(
    JSON.stringify([
      dataHash,
      [context.estimator.value, context.estimator.buffers],
      context.scoring,
      context.mode,
      context.returnTrainScore,
      context.returnEstimator,
      String(context.errorScore),
      tasks.map((t) => [
        t.taskIndex,
        t.candidateIndex,
        t.splitIndex,
        t.split,
        t.params && [t.params.value, t.params.buffers],
      ]),
    ]),
  );
  return { context, contextBytes: packBlob(context), blob, dataHash, tasks, fingerprint };
}
