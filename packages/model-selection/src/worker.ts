// The worker-thread entry of WorkerPoolExecutor: rebuilds the context once, then runs tasks.
import { Piscina } from 'piscina';
import { catchWarnings, type EstimatorLike } from '@scikeras/estimator-core';
import type { FitTask, TaskContextSpec, TaskResult } from './FitTask';
import { resolveScoring } from './internal/scoring';
import { runTask, type LiveTaskContext } from './runTask';
import { decodeTravelValue, fromTravelSpec, toTravelSpec } from './travel';

let live: Promise<LiveTaskContext> | undefined;

async function buildContext(spec: TaskContextSpec): Promise<LiveTaskContext> {
  const estimator = await fromTravelSpec(spec.estimator);
  return {
    estimator,
    X: spec.X,
    y: spec.y,
    fitOptions: (await decodeTravelValue(spec.fitOptions)) as Record<string, unknown>,
    scoring: spec.mode === 'score' ? resolveScoring(estimator, spec.scoring) : null,
    mode: spec.mode,
    returnTrainScore: spec.returnTrainScore,
    returnEstimator: spec.returnEstimator,
    errorScore: spec.errorScore,
  };
}

/** Runs one task in this worker (piscina's entry). */
export default async function runWorkerTask(task: FitTask): Promise<TaskResult> {
  const { context } = Piscina.workerData as { context: TaskContextSpec };
  live ??= buildContext(context);
  try {
    const ctx = await live;
    const params = task.params
      ? ((await decodeTravelValue(task.params)) as Record<string, unknown>)
      : null;
    const { result, warnings } = await catchWarnings(() => runTask({ ...task, params }, ctx));
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
