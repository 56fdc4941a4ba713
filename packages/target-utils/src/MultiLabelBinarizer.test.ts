import fc from 'fast-check';
import { catchWarnings, ValueError } from '@scikeras/estimator-core';
import { describeEstimatorChecks } from '@scikeras/estimator-core/testing';
import { MultiLabelBinarizer } from './MultiLabelBinarizer';
import { decode, loadFixture, outcomeOf, type Outcome } from './test-utils/fixtures';

interface Case {
  y: unknown;
  params: unknown;
  fitTransform: Outcome;
  classes?: unknown[];
  inverse?: Outcome;
  unknown?: unknown;
  unknownTransform?: Outcome;
  unknownWarning?: string;
  badInverse?: Outcome;
  badShape?: Outcome;
}
const fixture = loadFixture<{ cases: Case[] }>('multiLabelBinarizer.json');

describeEstimatorChecks('MultiLabelBinarizer checkEstimator', () => new MultiLabelBinarizer(), {
  // its input is a list of label sets (scikit-learn tags it '2dlabels')
  y: [[1, 2], [3], [2, 3], [1]],
});

describe('MultiLabelBinarizer', () => {
  describe('parity with scikit-learn 1.2.1', () => {
    it.each(
      fixture.cases.map((c) => [`${JSON.stringify(c.y)} ${JSON.stringify(c.params)}`, c] as const),
    )('%s', (_n, c) => {
      const params = decode(c.params) as { classes?: unknown[] };
      const mlb = new MultiLabelBinarizer(
        params.classes ? { classes: params.classes as never } : {},
      );
      const y = decode(c.y);
      expect(outcomeOf(() => mlb.fitTransform(y))).toEqual(c.fitTransform);
      if (!c.classes) return;
      expect(mlb.classes_).toEqual(c.classes);
      expect(outcomeOf(() => mlb.inverseTransform(mlb.transform(y)))).toEqual(c.inverse);
      const { result, warnings } = catchWarnings(() => mlb.transform(decode(c.unknown)));
      expect(result).toEqual(c.unknownTransform!.value);
      expect(warnings.map((w) => w.message)).toEqual([c.unknownWarning]);
      const k = c.classes.length;
      expect(() => mlb.inverseTransform([new Array(k).fill(2)])).toThrow(
        new ValueError(c.badInverse!.message!),
      );
      expect(() => mlb.inverseTransform([new Array(k + 1).fill(0)])).toThrow(
        new ValueError(c.badShape!.message!),
      );
    });
  });

  it('accepts Sets as samples', () => {
    const mlb = new MultiLabelBinarizer();
    expect(mlb.fitTransform([new Set(['b', 'a']), new Set<string>()])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it('rejects samples that are not iterables of labels', () => {
    expect(() => new MultiLabelBinarizer().fit([1, 2])).toThrow(
      'MultiLabelBinarizer expects each sample to be an iterable of labels, but y[0] is 1. Wrap single labels in an array: [[label], ...].',
    );
  });

  it('round-trips label sets (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }), {
          minLength: 1,
        }),
        (y) => {
          const mlb = new MultiLabelBinarizer();
          const back = mlb.inverseTransform(mlb.fitTransform(y));
          expect(back).toEqual(y.map((r) => [...r].sort((a, b) => a - b)));
        },
      ),
    );
  });
});
