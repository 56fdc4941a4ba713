import { accuracyScore } from './accuracyScore';
import { checkScoring } from './checkScoring';
import { makeScorer } from './Scorer';
import { FixedClassifier, FixedRegressor } from './test-utils/estimators';

describe('checkScoring', () => {
  const clf = new FixedClassifier(
    ['a', 'b', 'b'],
    [
      [0.9, 0.1],
      [0.4, 0.6],
      [0.7, 0.3],
    ],
    ['a', 'b'],
  );

  it('turns a name into its scorer', async () => {
    const s = checkScoring(clf, 'accuracy');
    expect(s.scoreFuncName).toBe('accuracyScore');
    expect(await s(clf, [[0], [1], [2]], ['a', 'b', 'a'])).toBeCloseTo(2 / 3, 12);
  });

  it('passes a scorer through', () => {
    const s = makeScorer(accuracyScore);
    expect(checkScoring(clf, s)).toBe(s);
  });

  it('wraps a plain (async) function as a scorer', async () => {
    const fn = async (_est: unknown, _X: unknown, y: unknown) => (y as unknown[]).length;
    const s = checkScoring(clf, fn);
    expect([s.scoreFuncName, s.sign, s.responseMethod]).toEqual(['fn', 1, 'predict']);
    expect(await s(clf, [], [1, 2, 3])).toBe(3);
  });

  it("uses the estimator's score when scoring is undefined, passing sampleWeight only when given", async () => {
    const reg = new FixedRegressor([1, 2]);
    const s = checkScoring(reg);
    expect(s.scoreFuncName).toBe('score');
    expect(await s(reg, [[0], [1]], [1, 2])).toBe(2);
    expect(await s(reg, [[0], [1]], [1, 2], { sampleWeight: [1, 1] })).toBe(-1);
  });

  it('rejects a missing score method in scikit-learn words', () => {
    expect(() => checkScoring(clf)).toThrow(
      new TypeError(
        "If no scoring is specified, the estimator passed should have a 'score' method. The estimator <FixedClassifier object> does not.",
      ),
    );
  });

  it('rejects an object without fit', () => {
    expect(() => checkScoring({ predict: () => [] } as never, 'accuracy')).toThrow(
      "estimator should be an estimator implementing 'fit' method, {'predict': <function predict>} was passed",
    );
  });

  it('rejects a metric function passed as a scorer', () => {
    expect(() => checkScoring(clf, accuracyScore as never)).toThrow(
      'scoring value accuracyScore looks like it is a metric function rather than a scorer. A scorer should require an estimator as its first parameter. Please use `makeScorer` to convert a metric to a scorer.',
    );
  });

  it('accepts a list or a record (multi-metric), returning a record of scorers', async () => {
    const list = checkScoring(clf, ['accuracy', 'neg_log_loss']);
    expect(Object.keys(list)).toEqual(['accuracy', 'neg_log_loss']);
    const rec = checkScoring(clf, { acc: 'accuracy', mine: makeScorer(accuracyScore) });
    expect(await rec['acc']!(clf, [[0], [1], [2]], ['a', 'b', 'b'])).toBe(1);
    expect(rec['mine']!.scoreFuncName).toBe('accuracyScore');
  });
});
