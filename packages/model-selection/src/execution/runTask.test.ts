import { ThresholdClassifier, Ridge1D } from '../__fixtures__/estimators.cjs';
import { resolveScoring } from './scoring';
import { runTask, sliceFitOptions } from './runTask';

/** A tensor stand-in that counts live instances (what takeRows gathers must be disposed). */
class FakeTensor {
  static live = 0;
  disposed = false;
  readonly rank: number;
  readonly dtype = 'float32';
  constructor(
    readonly values: number[][],
    readonly shape: number[] = [values.length, values[0]?.length ?? 0],
  ) {
    this.rank = shape.length;
    FakeTensor.live++;
  }
  dataSync(): Float32Array {
    return Float32Array.from(this.values.flat());
  }
  gather(idx: ArrayLike<number>): FakeTensor {
    return new FakeTensor(Array.from(idx, (i) => this.values[i]!));
  }
  dispose(): void {
    if (!this.disposed) FakeTensor.live--;
    this.disposed = true;
  }
}

const X = [[0], [1], [2], [3], [4], [5]];
const y = [0, 0, 0, 1, 1, 1];
const task = {
  taskIndex: 0,
  candidateIndex: 0,
  splitIndex: 0,
  params: { offset: 0.1 },
  trainIdx: [0, 1, 3, 4],
  testIdx: [2, 5],
};

describe('runTask', () => {
  it('fits a clone with the task’s params and scores the test rows', async () => {
    const est = new ThresholdClassifier();
    const ctx = {
      estimator: est,
      X,
      y,
      fitOptions: {},
      scoring: resolveScoring(est, undefined),
      mode: 'score' as const,
      returnTrainScore: true,
      returnEstimator: true,
      errorScore: NaN,
    };
    const r = await runTask(task, ctx);
    expect(r.testScores).toBe(1);
    expect(r.trainScores).toBe(1);
    expect(r.nTestSamples).toBe(2);
    expect((r.estimator as ThresholdClassifier).offset).toBe(0.1);
    expect(r.estimator).not.toBe(est);
    expect(est.threshold_).toBeUndefined();
  });

  it('disposes the tensors it gathered, never the caller’s', async () => {
    FakeTensor.live = 0;
    const Xt = new FakeTensor(X);
    const est = new Ridge1D();
    await runTask(
      { ...task, params: null },
      {
        estimator: est,
        X: Xt,
        y,
        fitOptions: {},
        scoring: resolveScoring(est, 'r2'),
        mode: 'score',
        returnTrainScore: false,
        returnEstimator: false,
        errorScore: 'raise',
      },
    );
    expect(FakeTensor.live).toBe(1);
    expect(Xt.disposed).toBe(false);
  });

  it('slices fit options with one entry per sample', () => {
    expect(
      sliceFitOptions({ sampleWeight: [1, 2, 3, 4, 5, 6], epochs: 3, tags: ['a'] }, 6, [1, 3]),
    ).toEqual({
      sampleWeight: [2, 4],
      epochs: 3,
      tags: ['a'],
    });
  });
});
