import { checkMultimetricScoring } from './checkMultimetricScoring';
import { FixedClassifier } from './test-utils/estimators';

describe('checkMultimetricScoring', () => {
  const clf = new FixedClassifier(
    [0, 1],
    [
      [0.9, 0.1],
      [0.2, 0.8],
    ],
    [0, 1],
  );

  it('maps each name to its scorer', async () => {
    const scorers = checkMultimetricScoring(clf, ['accuracy', 'roc_auc', 'neg_log_loss']);
    expect(Object.keys(scorers)).toEqual(['accuracy', 'roc_auc', 'neg_log_loss']);
    expect(await scorers['roc_auc']!(clf, [[0], [1]], [0, 1])).toBe(1);
    expect(scorers['neg_log_loss']!.sign).toBe(-1);
  });

  it('validates like scikit-learn', () => {
    const head = 'The list/tuple elements must be unique strings of predefined scorers. ';
    expect(() => checkMultimetricScoring(clf, ['accuracy', 'accuracy'])).toThrow(
      `${head} Duplicate elements were found in the given list. ['accuracy', 'accuracy']`,
    );
    expect(() => checkMultimetricScoring(clf, [])).toThrow(`${head} Empty list was given. []`);
    expect(() => checkMultimetricScoring(clf, [1 as never])).toThrow(
      `${head} Non-string types were found in the given list. Got [1]`,
    );
    function myScorer() {
      return 1;
    }
    expect(() => checkMultimetricScoring(clf, [myScorer as never])).toThrow(
      `${head} One or more of the elements were callables. Use a dict of score name mapped to the scorer callable. Got [<function myScorer>]`,
    );
    expect(() => checkMultimetricScoring(clf, {})).toThrow('An empty dict was passed. {}');
    expect(() => checkMultimetricScoring(clf, 'accuracy' as never)).toThrow(
      "scoring is invalid (got 'accuracy'). Refer to the scoring glossary for details: https://scikit-learn.org/stable/glossary.html#term-scoring",
    );
  });
});
