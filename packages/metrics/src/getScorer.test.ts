import scorers from './__fixtures__/scorers.json';
import { getScorer, getScorerNames } from './getScorer';
import { FixedClassifier, FixedRegressor } from './test-utils/estimators';
import { ourWords, revive } from './test-utils/fixtures';
import type { Label } from '@scikeras/estimator-core';

interface ScorerCase {
  scoring: string;
  kind: 'classifier' | 'regressor';
  y: Label[];
  estimator: { pred: unknown; proba?: unknown; classes?: Label[] };
  sampleWeight?: number[];
  expected?: number;
  error?: { type: string; message: string };
}

describe('getScorer', () => {
  describe('parity with scikit-learn 1.2.1 get_scorer(name)(estimator, X, y)', () => {
    it.each(
      (scorers.cases as ScorerCase[]).map(
        (c, i) => [`#${i} ${c.scoring} ${c.kind} ${c.sampleWeight ? 'weighted' : ''}`, c] as const,
      ),
    )('%s', async (_l, c) => {
      const est =
        c.kind === 'classifier'
          ? new FixedClassifier(c.estimator.pred, c.estimator.proba, c.estimator.classes!)
          : new FixedRegressor(c.estimator.pred as number[]);
      const scorer = getScorer(c.scoring);
      const run = () =>
        scorer(
          est,
          [[0]],
          revive(c.y),
          c.sampleWeight ? { sampleWeight: c.sampleWeight } : undefined,
        );
      if (c.error) {
        await expect(run()).rejects.toThrow(ourWords(c.error.message));
      } else {
        expect(await run()).toBeCloseTo(c.expected!, 10);
      }
    });
  });

  it('knows scikit-learn names', () => {
    expect(getScorerNames()).toEqual(
      expect.arrayContaining([
        'accuracy',
        'balanced_accuracy',
        'f1',
        'f1_macro',
        'f1_micro',
        'f1_weighted',
        'f1_samples',
        'precision',
        'precision_macro',
        'recall',
        'recall_macro',
        'roc_auc',
        'roc_auc_ovr',
        'neg_log_loss',
        'r2',
        'neg_mean_squared_error',
        'neg_root_mean_squared_error',
        'neg_mean_absolute_error',
      ]),
    );
  });

  it.each([
    ['accuracy', 'accuracyScore', 1, 'predict'],
    ['neg_log_loss', 'logLoss', -1, 'predictProba'],
    ['roc_auc', 'rocAucScore', 1, 'predictProba'],
    ['neg_root_mean_squared_error', 'rootMeanSquaredError', -1, 'predict'],
    ['f1_macro', 'f1Score', 1, 'predict'],
  ])('%s has scoreFuncName %s, sign %d, responseMethod %s', (name, fn, sign, method) => {
    const s = getScorer(name);
    expect([s.scoreFuncName, s.sign, s.responseMethod]).toEqual([fn, sign, method]);
  });

  it('rejects unknown names with scikit-learn message', () => {
    expect(() => getScorer('acc')).toThrow(
      "'acc' is not a valid scoring value. Use getScorerNames() to get valid options.",
    );
  });

  it('returns a scorer passed in', () => {
    const s = getScorer('r2');
    expect(getScorer(s)).toBe(s);
  });

  it('calls predictProba only for probability scorers', async () => {
    const est = new FixedClassifier(
      [0, 1],
      [
        [0.8, 0.2],
        [0.3, 0.7],
      ],
      [0, 1],
    );
    await getScorer('accuracy')(est, [[0], [1]], [0, 1]);
    await getScorer('neg_log_loss')(est, [[0], [1]], [0, 1]);
    expect(est.calls).toEqual(['predict', 'predictProba']);
  });
});
