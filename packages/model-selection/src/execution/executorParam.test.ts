import { BaseEstimator, InvalidParameterError } from '@scikeras/estimator-core';
import fixture from '../__fixtures__/search.json';
import { ThresholdClassifier } from '../__fixtures__/estimators.cjs';
import { GridSearchCV } from '../search/GridSearchCV';
import { RandomizedSearchCV } from '../search/RandomizedSearchCV';
import { crossValidate } from '../validation/crossValidate';
import { crossValScore } from '../validation/crossValScore';
import { crossValPredict } from '../validation/crossValPredict';
import type { Executor, ExecutorRunOptions, Job } from './Executor';
import type { TaskResult } from './FitTask';
import { SequentialExecutor } from './SequentialExecutor';

const { X, yc, yr } = fixture.data;
const TIMING = /^(mean|std)(Fit|Score)Time$/;

/** An executor that runs tasks in this thread and records what each run was given. */
class RecordingExecutor implements Executor {
  readonly calls: { tasks: number; options: ExecutorRunOptions | undefined }[] = [];
  run(
    job: Job,
    onResult?: (r: TaskResult) => void,
    options?: ExecutorRunOptions,
  ): Promise<TaskResult[]> {
    this.calls.push({ tasks: job.tasks.length, options });
    return new SequentialExecutor().run(job, onResult);
  }
}

/** Records the options each fit got. */
class OptionsRecorder extends BaseEstimator<{ c?: number }> {
  static estimatorName = 'OptionsRecorder';
  static override defaults = { c: 0 };
  static seen: unknown[] = [];
  override get estimatorType(): 'regressor' {
    return 'regressor';
  }
  fit(_X: unknown, _y?: unknown, options?: Record<string, unknown>): this {
    OptionsRecorder.seen.push(options);
    return this;
  }
  score(): number {
    return 0;
  }
}

function withoutTimes(res: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(res).filter(([k]) => !TIMING.test(k)));
}

describe('the executor param', () => {
  it('is a param of GridSearchCV and RandomizedSearchCV, null by default', () => {
    expect(GridSearchCV.defaults.executor).toBeNull();
    expect(RandomizedSearchCV.defaults.executor).toBeNull();
    expect(new GridSearchCV().getParams(false)).toHaveProperty('executor', null);
  });

  it('runs a search on the executor, with the searchId of the fit options, as nJobs: 1 does', async () => {
    const executor = new RecordingExecutor();
    const make = (ex: Executor | null) =>
      new GridSearchCV({
        estimator: new ThresholdClassifier(),
        paramGrid: { offset: [-1, 0, 1] },
        cv: 3,
        executor: ex,
      });
    const seq = await make(null).fit(X, yc);
    const dist = await make(executor).fit(X, yc, { searchId: 'grid-1' });
    expect(executor.calls).toEqual([{ tasks: 9, options: { searchId: 'grid-1' } }]);
    expect(withoutTimes(dist.cvResults_!)).toEqual(withoutTimes(seq.cvResults_!));
    expect(dist.bestParams_).toEqual(seq.bestParams_);
  });

  it('never passes searchId to the estimator’s fit', async () => {
    const executor = new RecordingExecutor();
    OptionsRecorder.seen = [];
    const rs = new RandomizedSearchCV({
      estimator: new OptionsRecorder(),
      paramDistributions: { c: [1, 2] },
      nIter: 2,
      cv: 2,
      randomState: 0,
      executor,
    });
    await rs.fit(X, yr, { searchId: 'r', sampleWeight: yr.map(() => 1) });
    expect(executor.calls[0]!.options).toEqual({ searchId: 'r' });
    const signal = new AbortController().signal;
    await rs.fit(X, yr, { signal, sampleWeight: yr.map(() => 1) });
    expect(executor.calls[1]!.options).toEqual({ signal });
    // (2 candidates x 2 folds, then the refit) twice: sampleWeight only
    expect(OptionsRecorder.seen).toHaveLength(10);
    for (const o of OptionsRecorder.seen)
      expect(Object.keys(o as object)).toEqual(['sampleWeight']);
  });

  it('gives the executor the timeout with the searchId and signal, and refits in this thread', async () => {
    const executor = new RecordingExecutor();
    const signal = new AbortController().signal;
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [-1, 0] },
      cv: 2,
      timeout: 5,
      executor,
    });
    await gs.fit(X, yc, { searchId: 'timed', signal });
    await crossValidate(new ThresholdClassifier(), X, yc, { cv: 2, executor, timeout: 7 });
    // one run each: a RecordingExecutor has no refitTasks, so the search's refit ran here
    expect(executor.calls).toEqual([
      { tasks: 4, options: { searchId: 'timed', signal, timeout: 5 } },
      { tasks: 2, options: { timeout: 7 } },
    ]);
    expect(gs.bestEstimator_).toBeInstanceOf(ThresholdClassifier);
  });

  it.each([2, -1])('rejects executor with nJobs=%p in a search', async (nJobs) => {
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0] },
      nJobs,
      executor: new RecordingExecutor(),
    });
    await expect(gs.fit(X, yc)).rejects.toThrow(
      new InvalidParameterError(
        `The 'executor' and 'nJobs' parameters of GridSearchCV cannot be used together: the executor decides where the fits run. Got nJobs=${nJobs}; set nJobs to null (or 1), or executor to null.`,
      ),
    );
  });

  it('accepts nJobs 1 with an executor', async () => {
    const executor = new RecordingExecutor();
    await new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0] },
      cv: 2,
      nJobs: 1,
      executor,
    }).fit(X, yc);
    expect(executor.calls).toHaveLength(1);
  });

  it('rejects an executor without run', async () => {
    const gs = new GridSearchCV({
      estimator: new ThresholdClassifier(),
      paramGrid: { offset: [0] },
      executor: { go: 1 } as unknown as Executor,
    });
    await expect(gs.fit(X, yc)).rejects.toThrow(
      "The 'executor' parameter of GridSearchCV must be an Executor (an object with a 'run' method) or null. Got {'go': 1} instead.",
    );
  });

  it('is an option of crossValidate, crossValScore and crossValPredict', async () => {
    const executor = new RecordingExecutor();
    const est = new ThresholdClassifier();
    const cvA = await crossValidate(est, X, yc, { cv: 3, executor, searchId: 'cv' });
    const cvB = await crossValidate(est, X, yc, { cv: 3 });
    expect(cvA.testScore).toEqual(cvB.testScore);
    expect(await crossValScore(est, X, yc, { cv: 3, executor })).toEqual(cvB.testScore);
    expect(await crossValPredict(est, X, yc, { cv: 3, executor })).toEqual(
      await crossValPredict(est, X, yc, { cv: 3 }),
    );
    expect(executor.calls.map((c) => c.options)).toEqual([
      { searchId: 'cv' },
      undefined,
      undefined,
    ]);
    await expect(crossValidate(est, X, yc, { executor, nJobs: 2 })).rejects.toThrow(
      "The 'executor' and 'nJobs' parameters of crossValidate cannot be used together",
    );
    await expect(crossValPredict(est, X, yc, { executor, nJobs: 2 })).rejects.toThrow(
      "The 'executor' and 'nJobs' parameters of crossValPredict cannot be used together",
    );
  });
});
