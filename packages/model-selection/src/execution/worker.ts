// The worker-thread entry of WorkerPoolExecutor: rebuilds a job's context once per worker (a new
// pool's first job as soon as the worker loads), then takes the job's tasks from a shared counter.
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { catchWarnings, toTravelSpec, type EstimatorLike } from '@scikeras/estimator-core';
import type { TaskContextSpec, TaskResult, TaskSpec } from './FitTask';
import { fromTaskContextSpec, fromTaskSpec } from './jobSpec';
import { runTask, type LiveTaskContext } from './runTask';

/** What a pool's workers get when it starts (piscina's `workerData`): its first job's context. */
export interface PoolWorkerData {
  /** The first job's id and context, rebuilt as soon as the worker loads. */
  first: { jobId: number; context: TaskContextSpec } | null;
}

/**
 * The piscina task a worker runs once per job: the job's context, every task of the job
 * (encoded params; split index arrays shared between tasks are cloned once), the counter every
 * thread of the job takes tasks from, and the port the results go to as they finish.
 */
export interface DrainRequest {
  jobId: number;
  context: TaskContextSpec;
  tasks: TaskSpec[];
  /** `next[0]`: the position of the next task to take, shared by every thread of the job. */
  next: Int32Array;
  port: MessagePort;
}

/** What a worker posts on its port: a finished task, then `{ done }` with how many it ran. */
export type DrainMessage = { position: number; result: TaskResult } | { done: number };

// The context of the job this worker serves (workers are kept between jobs, see WorkerPoolExecutor).
let current: { jobId: number; live: Promise<LiveTaskContext> } | undefined;

function contextOf(jobId: number, spec: TaskContextSpec): Promise<LiveTaskContext> {
  if (current?.jobId !== jobId) {
    const live = fromTaskContextSpec(spec);
    live.catch(() => undefined); // reported by the first task
    current = { jobId, live };
  }
  return current.live;
}

// A new pool's first job: importing the estimator's module (e.g. tfjs) and starting its backend
// overlap the pool's start instead of waiting for the first dispatch.
const data = Piscina.workerData as PoolWorkerData | undefined;
if (data?.first) {
  contextOf(data.first.jobId, data.first.context);
  data.first = null; // the pool's workerData should not keep the first job's data alive
}

async function runOne(spec: TaskSpec, live: Promise<LiveTaskContext>): Promise<TaskResult> {
  const task = spec;
  try {
    const ctx = await live;
    const decoded = await fromTaskSpec(spec);
    const { result, warnings } = await catchWarnings(() => runTask(decoded, ctx));
    if (result.estimator) {
      const est = result.estimator as EstimatorLike & { dispose?: () => void };
      result.estimator = await toTravelSpec(est);
      est.dispose?.(); // the fitted copy lives on in the spec (e.g. a tfjs model's weights)
    }
    return { ...result, warnings };
  } catch (e) {
    const err = e as Error;
    return {
      taskIndex: task.taskIndex,
      candidateIndex: task.candidateIndex,
      splitIndex: task.splitIndex,
      testScores: NaN,
      fitTime: 0,
      scoreTime: 0,
      nTestSamples: task.testIdx.length,
      fitError: null,
      raised: { name: err?.name ?? 'Error', message: err?.message ?? String(e), stack: err?.stack },
    };
  }
}

/**
 * Runs tasks of one job in this worker until the job has none left (piscina's entry): each is
 * taken from the counter every thread of the job shares, and its result posted on `port` when
 * it ends. A task that raised stops the job.
 *
 * @param request - the job and the port results go to
 * @returns the number of tasks this worker ran
 */
export default async function drainTasks(request: DrainRequest): Promise<number> {
  const { jobId, context, tasks, next, port } = request;
  const live = contextOf(jobId, context);
  let ran = 0;
  try {
    for (;;) {
      const position = Atomics.add(next, 0, 1);
      if (position >= tasks.length) break;
      const result = await runOne(tasks[position]!, live);
      ran++;
      port.postMessage({ position, result } satisfies DrainMessage);
      if (result.raised) {
        Atomics.store(next, 0, tasks.length);
        break;
      }
    }
  } finally {
    port.postMessage({ done: ran } satisfies DrainMessage);
    port.close();
  }
  return ran;
}
