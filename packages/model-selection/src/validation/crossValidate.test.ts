import { catchWarnings } from '@scikeras/estimator-core';
import fixture from '../__fixtures__/search.json';
import { FailingClassifier, Ridge1D, ThresholdClassifier } from '../__fixtures__/estimators.cjs';
import { crossValPredict } from './crossValPredict';
import { crossValScore } from './crossValScore';
import { crossValidate } from './crossValidate';
import { KFold } from '../splitters/KFold';

const { X, yc, yr } = fixture.data;
const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));

describe('crossValidate', () => {
  it('gives scikit-learn’s test and train scores (parity)', async () => {
    const f = fixture.data.crossValidate;
    const res = await crossValidate(new Ridge1D(f.params), X, yr, {
      cv: f.cv,
      scoring: f.scoring,
      returnTrainScore: true,
    });
    expect(Object.keys(res)).toEqual(['fitTime', 'scoreTime', 'testScore', 'trainScore']);
    close(res.testScore!, f.test);
    close(res.trainScore!, f.train);
    expect(res.fitTime.every((t) => t >= 0)).toBe(true);
  });

  it('names several metrics test<Name>/train<Name> and returns the fitted estimators', async () => {
    const est = new Ridge1D();
    const res = await crossValidate(est, X, yr, {
      cv: new KFold({ nSplits: 3 }),
      scoring: { r2: 'r2', mse: 'neg_mean_squared_error' },
      returnTrainScore: true,
      returnEstimator: true,
    });
    expect(Object.keys(res)).toEqual([
      'fitTime',
      'scoreTime',
      'estimator',
      'testR2',
      'trainR2',
      'testMse',
      'trainMse',
    ]);
    expect(res.estimator!).toHaveLength(3);
    expect(res.estimator!.every((e) => e !== est && (e as Ridge1D).coef_ !== undefined)).toBe(true);
    expect(est.coef_).toBeUndefined();
    expect(res.testMse!.every((v) => v <= 0)).toBe(true);
  });

  it('reports progress once per fold', async () => {
    const events: [number, number][] = [];
    await crossValidate(new ThresholdClassifier(), X, yc, {
      cv: 3,
      onProgress: (e) => events.push([e.done, e.total]),
    });
    expect(events).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('fails with scikit-learn’s message when every fold failed', async () => {
    const { result, warnings } = await catchWarnings(() =>
      crossValidate(new FailingClassifier({ fail: true }), X, yc, { cv: 3, errorScore: 0 }).catch(
        (e: Error) => e,
      ),
    );
    expect((result as Error).message).toMatch(/^\nAll the 3 fits failed\./);
    expect(warnings).toEqual([]);
  });
});

describe('crossValScore', () => {
  it('gives scikit-learn’s scores (parity)', async () => {
    const f = fixture.data.crossValScore;
    close(
      await crossValScore(new ThresholdClassifier({ offset: 0.25 }), X, yc, { cv: f.cv }),
      f.scores,
    );
    const g = fixture.data.crossValScoreStrings;
    close(
      await crossValScore(new ThresholdClassifier(), X, g.y, { cv: g.cv, scoring: 'accuracy' }),
      g.scores,
    );
  });

  it('rejects several metrics', async () => {
    await expect(
      crossValScore(new ThresholdClassifier(), X, yc, { scoring: ['accuracy', 'f1'] as never }),
    ).rejects.toThrow(
      "For evaluating multiple scores, use crossValidate instead. ['accuracy', 'f1'] was passed.",
    );
  });
});

describe('crossValPredict', () => {
  it('gives scikit-learn’s predictions and probabilities (parity)', async () => {
    const f = fixture.data.crossValPredict;
    expect(await crossValPredict(new ThresholdClassifier(), X, yc, { cv: f.cv })).toEqual(
      f.predict,
    );
    const proba = (await crossValPredict(new ThresholdClassifier(), X, yc, {
      cv: f.cv,
      method: 'predictProba',
    })) as number[][];
    proba.forEach((row, i) => close(row, f.predictProba[i]!));
  });

  it('only works for partitions', async () => {
    const cv = [
      [
        [0, 1, 2],
        [3, 4],
      ],
      [
        [3, 4],
        [0, 1],
      ],
    ] as [number[], number[]][];
    await expect(
      crossValPredict(new ThresholdClassifier(), X.slice(0, 5), yc.slice(0, 5), { cv }),
    ).rejects.toThrow('crossValPredict only works for partitions');
  });
});
