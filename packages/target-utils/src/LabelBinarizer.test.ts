import fc from 'fast-check';
import { InvalidParameterError, NotImplementedError, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { LabelBinarizer } from './LabelBinarizer';
import { decode, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

interface Case {
  y: unknown;
  params: { neg_label?: number; pos_label?: number };
  fitTransform: Outcome;
  classes?: unknown[];
  yType?: string;
  inverse?: Outcome;
  probe?: unknown;
  probeTransform?: Outcome;
  scores?: number[][];
  inverseScores?: Outcome;
  inverseScoresThreshold0?: Outcome;
}
const fixture = loadFixture<{ cases: Case[]; notMultilabel: Outcome }>('labelBinarizer.json');

describeEstimatorChecks('LabelBinarizer checkEstimator', () => new LabelBinarizer());
describeEstimatorChecks(
  'LabelBinarizer (negLabel -1, posLabel 2) checkEstimator',
  () => new LabelBinarizer({ negLabel: -1, posLabel: 2 }),
);

describe('LabelBinarizer', () => {
  describe('parity with scikit-learn 1.2.1', () => {
    it.each(
      fixture.cases.map((c) => [`${JSON.stringify(c.y)} ${JSON.stringify(c.params)}`, c] as const),
    )('%s', (_n, c) => {
      const lb = new LabelBinarizer({
        ...(c.params.neg_label !== undefined ? { negLabel: c.params.neg_label } : {}),
        ...(c.params.pos_label !== undefined ? { posLabel: c.params.pos_label } : {}),
      });
      const y = decode(c.y);
      const got = outcomeOf(() => lb.fitTransform(y));
      if (c.fitTransform.error) {
        expect(got.error).toBe(c.fitTransform.error);
        expect(got.message).toBe(c.fitTransform.message);
        return;
      }
      expect(got).toEqual(c.fitTransform);
      expect(lb.classes_).toEqual(c.classes);
      expect(lb.yType_).toBe(c.yType);
      expect(outcomeOf(() => lb.inverseTransform(lb.transform(y)))).toEqual(c.inverse);
      expect(outcomeOf(() => lb.transform(decode(c.probe)))).toEqual(c.probeTransform);
      expect(outcomeOf(() => lb.inverseTransform(c.scores))).toEqual(c.inverseScores);
      expect(outcomeOf(() => lb.inverseTransform(c.scores, 0))).toEqual(c.inverseScoresThreshold0);
    });
    it('refuses multilabel input when fitted on multiclass', () => {
      const lb = new LabelBinarizer().fit([1, 2, 3]);
      expect(() =>
        lb.transform([
          [0, 1],
          [1, 0],
        ]),
      ).toThrow(new ValueError(fixture.notMultilabel.message!));
    });
  });

  it('validates params like scikit-learn', () => {
    expect(() => new LabelBinarizer({ negLabel: 0.5 }).fit([0, 1])).toThrow(
      new InvalidParameterError(
        "The 'negLabel' parameter of LabelBinarizer must be an instance of 'int'. Got 0.5 instead.",
      ),
    );
    expect(() => new LabelBinarizer({ sparseOutput: true }).fit([0, 1])).toThrow(
      NotImplementedError,
    );
  });

  it('ignores labels not seen in fit (all-negative rows)', () => {
    expect(new LabelBinarizer().fit([1, 2, 3]).transform([4])).toEqual([[0, 0, 0]]);
  });

  it('round-trips multiclass labels (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 30 }),
        (y) => {
          const lb = new LabelBinarizer();
          expect(lb.inverseTransform(lb.fitTransform(y))).toEqual(y);
        },
      ),
    );
  });
});
