// The worker-thread entry of WorkerPoolExecutor (dist/worker.mjs): rebuilds a job's context once
// (as soon as it arrives, so the estimator's imports overlap the thread's start), then runs the
// tasks the calling thread sends it, one at a time, posting each result.
import { parentPort } from 'node:worker_threads';
import {
  catchWarnings,
  fromTravelSpec,
  toTravelSpec,
  type EstimatorLike,
  type TravelSpec,
} from '@scikeras/estimator-core';
import { toErrorRecord } from './errorRecord';
import type { TaskContextSpec, TaskResult, TaskSpec } from './FitTask';
import { fromTaskContextSpec, fromTaskSpec } from './jobSpec';
import { unpackContext } from './packedData';
import { runTask, type LiveTaskContext } from './runTask';

/** What the calling thread posts to a worker. */
export type ToWorker =
  | { type: 'context'; jobId: number; context: TaskContextSpec }
  | { type: 'task'; jobId: number; position: number; task: TaskSpec }
  /** The job is over: drop its context (X, y, the estimator) until the next job. */
  | { type: 'release'; jobId: number }
  /** A job is coming: rebuild its estimator now (its modules imported, its backend started), then drop it. */
  | { type: 'preload'; estimator: TravelSpec };

/** What a worker posts back. */
export type FromWorker =
  /** The task's context is ready and its fit starts now (the timeout's clock starts here). */
  | { type: 'started'; jobId: number; position: number }
  | { type: 'result'; jobId: number; position: number; result: TaskResult };

// The context of the job this worker serves (a worker is kept between jobs).
let current: { jobId: number; live: Promise<LiveTaskContext> } | undefined;
// The rebuild of a job's estimator sent ahead of the job (settles, never rejects).
let preloading: Promise<void> = Promise.resolve();

async function runOne(jobId: number, position: number, spec: TaskSpec): Promise<TaskResult> {
  try {
    if (current?.jobId !== jobId) throw new Error(`No context for job ${jobId} in this worker.`);
    const ctx = await current.live;
    const task = await fromTaskSpec(spec);
    parentPort!.postMessage({ type: 'started', jobId, position } satisfies FromWorker);
    const { result, warnings } = await catchWarnings(() => runTask(task, ctx));
    if (result.estimator) {
      const est = result.estimator as EstimatorLike & { dispose?: () => void };
      result.estimator = await toTravelSpec(est);
      est.dispose?.(); // the fitted copy lives on in the spec (e.g. a tfjs model's weights)
    }
    return { ...result, warnings };
  } catch (e) {
    // errorScore: 'raise' (or a context that could not be rebuilt): the calling thread throws it
    return {
      taskIndex: spec.taskIndex,
      candidateIndex: spec.candidateIndex,
      splitIndex: spec.splitIndex,
      testScores: NaN,
      fitTime: 0,
      scoreTime: 0,
      nTestSamples: spec.testIdx.length,
      fitError: null,
      raised: toErrorRecord(e),
    };
  }
}

function onMessage(m: ToWorker): void {
  if (m.type === 'context') {
    const context = unpackContext(m.context);
    // after the preload: two rebuilds at once would both start the estimator's backend
    const live = preloading.then(() => fromTaskContextSpec(context));
    live.catch(() => undefined); // reported by the first task
    current = { jobId: m.jobId, live };
  } else if (m.type === 'preload') {
    // errors are the job's to report, when its context is rebuilt
    preloading = fromTravelSpec<EstimatorLike & { dispose?: () => void }>(m.estimator).then(
      (est) => est.dispose?.(),
      () => undefined,
    );
  } else if (m.type === 'release') {
    if (current?.jobId === m.jobId) current = undefined;
    // with --expose-gc the process manages its garbage: an idle worker collects its own (the
    // calling thread cannot reach this heap), so RSS between jobs shows what is retained
    (globalThis as { gc?: () => void }).gc?.();
  } else {
    void runOne(m.jobId, m.position, m.task).then((result) => post(m.jobId, m.position, result));
  }
}

function post(jobId: number, position: number, result: TaskResult): void {
  try {
    parentPort!.postMessage({ type: 'result', jobId, position, result } satisfies FromWorker);
  } catch (e) {
    // e.g. predictions that structured clone cannot copy: the task fails, not the worker
    const { taskIndex, candidateIndex, splitIndex, nTestSamples } = result;
    const raised = toErrorRecord(e);
    const failed: TaskResult = {
      ...{ taskIndex, candidateIndex, splitIndex, nTestSamples, fitTime: 0, scoreTime: 0 },
      ...{ testScores: NaN, fitError: null, raised },
    };
    parentPort!.postMessage({
      type: 'result',
      jobId,
      position,
      result: failed,
    } satisfies FromWorker);
  }
}

parentPort?.on('message', onMessage);
