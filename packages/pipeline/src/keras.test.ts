// Pipelines of the real transformers (@scikeras/preprocessing) and a KerasClassifier
// (@scikeras/wrappers) in model selection: clone, no leakage across folds, breast cancer accuracy.
import { clone } from '@scikeras/estimator-core';
import { loadBreastCancer } from '@scikeras/datasets';
import { KFold, StratifiedKFold, crossValScore, crossValidate } from '@scikeras/model-selection';
import { StandardScaler } from '@scikeras/preprocessing';
import type { KerasClassifier } from '@scikeras/wrappers';
import { makePipeline } from './makePipeline';
import { Pipeline } from './Pipeline';
import { kerasClassifier, numTensors, useWasm } from './test-utils/keras';

const [X, y] = loadBreastCancer({ returnXy: true });

function columnMean(rows: readonly number[][], j: number): number {
  let s = 0;
  for (const r of rows) s += r[j]!;
  return s / rows.length;
}

describe('Pipeline(StandardScaler, KerasClassifier)', () => {
  useWasm();

  it('clone clones every step, keeps the params and drops the fitted state', async () => {
    const before = numTensors();
    const pipe = makePipeline(new StandardScaler({ withMean: false }), kerasClassifier());
    await pipe.fit(X.slice(0, 100), y.slice(0, 100));
    const c = clone(pipe);
    expect(c).toBeInstanceOf(Pipeline);
    expect(c).not.toBe(pipe);
    expect(c.steps).not.toBe(pipe.steps);
    expect(c.steps.map(([n]) => n)).toEqual(['standardscaler', 'kerasclassifier']);
    c.steps.forEach(([, step], i) => {
      expect(step).not.toBe(pipe.steps[i]![1]);
      expect((step as StandardScaler).getParams()).toEqual(
        (pipe.steps[i]![1] as StandardScaler).getParams(),
      );
    });
    expect(String(c)).toBe(String(pipe));
    const scaler = c.get('standardscaler') as StandardScaler;
    expect(scaler.scale_).toBeUndefined();
    expect(scaler.nFeaturesIn_).toBeUndefined();
    expect((c.get('kerasclassifier') as KerasClassifier).model_).toBeUndefined();
    expect(c.isFitted()).toBe(false);
    expect(pipe.isFitted()).toBe(true);
    pipe.dispose();
    expect(numTensors()).toBe(before);
  });

  it('crossValidate fits the real StandardScaler on the training rows of each fold only (no leakage)', async () => {
    const before = numTensors();
    const Xs = X.slice(0, 150);
    const ys = y.slice(0, 150);
    const pipe = makePipeline(new StandardScaler(), kerasClassifier({ epochs: 2 }));
    const cv = new KFold({ nSplits: 3, shuffle: true, randomState: 0 });
    const res = await crossValidate(pipe, Xs, ys, { cv, returnEstimator: true });
    const folds = [...cv.split(Xs, ys)];
    expect(res.estimator).toHaveLength(3);
    res.estimator!.forEach((est, k) => {
      const scaler = (est as Pipeline).get('standardscaler') as StandardScaler;
      const train = folds[k]![0].map((i) => Xs[i]!);
      expect(scaler.nSamplesSeen_).toBe(train.length);
      for (let j = 0; j < Xs[0]!.length; j++)
        expect(scaler.mean_![j]).toBeCloseTo(columnMean(train, j), 9);
      // the whole data's mean differs: the test rows were not seen
      expect(Math.abs(scaler.mean_![0]! - columnMean(Xs, 0))).toBeGreaterThan(1e-6);
      (est as Pipeline).dispose();
    });
    expect((pipe.get('standardscaler') as StandardScaler).mean_).toBeUndefined();
    expect(numTensors()).toBe(before);
  });

  it('scores at least 0.95 mean accuracy in 5-fold cross-validation on breast cancer (seeded)', async () => {
    const before = numTensors();
    const pipe = makePipeline(
      new StandardScaler(),
      kerasClassifier({ model__hidden: 16, epochs: 30, batchSize: 32 }),
    ).setOutput({ transform: 'array2d' });
    const scores = await crossValScore(pipe, X, y, {
      cv: new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 0 }),
    });
    const mean = scores.reduce((s, v) => s + v, 0) / scores.length;
    if (process.env.PIPELINE_FIGURES)
      console.log(
        `breast cancer 5-fold accuracy: ${scores.map((s) => s.toFixed(4)).join(', ')}; mean ${mean.toFixed(4)}`,
      );
    expect(scores).toHaveLength(5);
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(numTensors()).toBe(before);
  });
});
