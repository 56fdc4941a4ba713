// The pipeline with @scikeras/model-selection (a devDependency: src/ never imports it):
// no leakage across folds, grid search over step params and whole steps, async steps.
import { crossValScore, crossValidate, GridSearchCV, KFold } from '@scikeras/model-selection';
import { makePipeline } from './makePipeline';
import { Pipeline } from './Pipeline';
import { ColumnTransformer } from './ColumnTransformer';
import { threeBlobs } from './test-utils/data';
import {
  AsyncCentroidClassifier,
  CentroidClassifier,
  OneHotEncoder,
  StandardScaler,
} from './test-utils/twins';

const { X, y } = threeBlobs(10, 3);

function mean(rows: number[][], j: number): number {
  return rows.reduce((s, r) => s + r[j]!, 0) / rows.length;
}

describe('Pipeline in model selection', () => {
  it('crossValScore fits the scaler on the training rows of each fold only (no leakage)', async () => {
    const pipe = makePipeline(new StandardScaler(), new CentroidClassifier());
    const cv = new KFold({ nSplits: 3, shuffle: true, randomState: 0 });
    const res = await crossValidate(pipe, X, y, { cv, returnEstimator: true });
    const folds = [...cv.split(X, y)];
    expect(res.estimator).toHaveLength(3);
    res.estimator!.forEach((est, k) => {
      const p = est as Pipeline;
      expect(p).not.toBe(pipe);
      const scaler = p.get('standardscaler') as StandardScaler;
      const train = folds[k]![0].map((i) => X[i]!);
      expect(scaler.nSamplesSeen_).toBe(20);
      scaler.mean_!.forEach((m, j) => expect(m).toBeCloseTo(mean(train, j), 12));
      expect(scaler.mean_![0]).not.toBeCloseTo(mean(X, 0), 12);
      expect((p.get('centroidclassifier') as CentroidClassifier).nSamplesFit_).toBe(20);
    });
    expect((pipe.get('standardscaler') as StandardScaler).mean_).toBeUndefined(); // the given pipeline is left unfitted
    const scores = await crossValScore(pipe, X, y, { cv });
    expect(scores).toEqual(res.testScore);
    expect(scores.every((s) => s > 0.9)).toBe(true);
  });

  it('routes sliced fit options to the step (clf__sampleWeight) and works with an async classifier', async () => {
    const pipe = new Pipeline({
      steps: [
        ['scaler', new StandardScaler()],
        ['clf', new AsyncCentroidClassifier()],
      ],
    });
    const w = X.map((_, i) => 1 + (i % 2));
    const res = await crossValidate(pipe, X, y, {
      cv: 3,
      returnEstimator: true,
      fitOptions: { clf__sampleWeight: w },
    });
    res.estimator!.forEach((est) => {
      const clf = (est as Pipeline).get('clf') as AsyncCentroidClassifier;
      expect((clf.fitOptions_!.sampleWeight as number[]).length).toBe(20);
    });
    expect(res.testScore!.every((s) => s > 0.9)).toBe(true);
  });

  it('GridSearchCV searches step params and whole steps (a step replaced by passthrough)', async () => {
    const pipe = makePipeline(new StandardScaler(), new CentroidClassifier());
    const search = new GridSearchCV({
      estimator: pipe,
      paramGrid: {
        standardscaler: [new StandardScaler(), 'passthrough'],
        centroidclassifier__temperature: [0.5, 2],
      },
      cv: 3,
    });
    await search.fit(X, y);
    expect(search.cvResults_!.params).toHaveLength(4);
    const best = search.bestEstimator_ as Pipeline;
    expect(best).toBeInstanceOf(Pipeline);
    expect(best.steps.map(([n]) => n)).toEqual(['standardscaler', 'centroidclassifier']);
    expect(best.isFitted()).toBe(true);
    // without scaling, the third feature (scale 100s) dominates the distances: scaling wins
    expect(best.get('standardscaler')).toBeInstanceOf(StandardScaler);
    expect(search.bestScore_).toBeGreaterThan(0.9);
  });

  it('crossValScore on arrays of records through a ColumnTransformer', async () => {
    const rows = X.map((r, i) => ({ a: r[0]!, b: r[1]!, c: r[2]!, tag: i % 2 ? 'odd' : 'even' }));
    const pipe = makePipeline(
      new ColumnTransformer({
        transformers: [
          ['num', new StandardScaler(), ['a', 'b', 'c']],
          ['cat', new OneHotEncoder(), ['tag']],
        ],
      }),
      new CentroidClassifier(),
    );
    const scores = await crossValScore(pipe, rows, y, { cv: 3 });
    expect(scores).toHaveLength(3);
    expect(scores.every((s) => s > 0.6)).toBe(true);
  });
});
