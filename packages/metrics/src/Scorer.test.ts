import { fbetaScore } from './fbetaScore';
import { logLoss } from './logLoss';
import { meanSquaredError } from './meanSquaredError';
import { isScorer, makeScorer } from './Scorer';
import { FixedClassifier, FixedRegressor } from './test-utils/estimators';

describe('makeScorer', () => {
  it('passes metric options and flips the sign of losses', async () => {
    const reg = new FixedRegressor([1, 2, 4]);
    const s = makeScorer(meanSquaredError, { greaterIsBetter: false });
    expect(await s(reg, [], [1, 2, 3])).toBeCloseTo(-1 / 3, 12);
    expect([s.scoreFuncName, s.sign, s.responseMethod]).toEqual([
      'meanSquaredError',
      -1,
      'predict',
    ]);
    const ftwo = makeScorer(fbetaScore, { beta: 2 });
    const clf = new FixedClassifier([1, 0, 1, 1], [], [0, 1]);
    expect(await ftwo(clf, [], [1, 1, 0, 1])).toBeCloseTo(
      fbetaScore([1, 1, 0, 1], [1, 0, 1, 1], { beta: 2 }),
      12,
    );
    expect(String(ftwo)).toBe('makeScorer(fbetaScore, beta: 2)');
  });

  it('gives a probability metric the positive-class column, following classes_', async () => {
    const clf = new FixedClassifier(
      [],
      [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
      ['yes', 'zzz'],
    );
    const s = makeScorer(logLoss, { greaterIsBetter: false, responseMethod: 'predictProba' });
    expect(await s(clf, [], ['yes', 'zzz'])).toBeCloseTo(-logLoss(['yes', 'zzz'], [0.1, 0.8]), 12);
  });

  it('rejects a binary predictProba without two columns', async () => {
    const clf = new FixedClassifier([], [[0.9], [0.2]], [0, 1]);
    const s = makeScorer(logLoss, { responseMethod: 'predictProba', needsThreshold: false });
    await expect(s(clf, [], [0, 1])).rejects.toThrow(
      'Got predictProba of shape (2, 1), but need classifier with two classes for logLoss scoring',
    );
  });

  it('rejects an estimator without the method it needs', async () => {
    const s = makeScorer(logLoss, { responseMethod: 'predictProba' });
    await expect(s(new FixedRegressor([1]) as never, [], [0, 1])).rejects.toThrow(
      "'FixedRegressor' object has no method 'predictProba', which this scorer needs.",
    );
  });

  it('rejects predictProba together with needsThreshold', () => {
    expect(() =>
      makeScorer(logLoss, { responseMethod: 'predictProba', needsThreshold: true }),
    ).toThrow("Set either responseMethod: 'predictProba' or needsThreshold, but not both.");
  });

  it('makes values isScorer recognizes', () => {
    expect(isScorer(makeScorer(logLoss))).toBe(true);
    expect(isScorer(() => 1)).toBe(false);
  });
});
