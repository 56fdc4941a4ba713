import { catchWarnings } from '@scikeras/estimator-core';
import fixture from '../__fixtures__/splits.json';
import { GroupKFold } from './GroupKFold';
import { KFold } from './KFold';
import { LeaveOneOut } from './LeaveOneOut';
import { PredefinedSplit } from './PredefinedSplit';
import { RepeatedKFold } from './RepeatedKFold';
import { ShuffleSplit } from './ShuffleSplit';
import { StratifiedKFold } from './StratifiedKFold';
import { StratifiedShuffleSplit } from './StratifiedShuffleSplit';
import { trainTestSplit } from './trainTestSplit';
import { validateShuffleSplit } from './validateShuffleSplit';

type Case = (typeof fixture.data.cases)[number] & {
  y?: unknown[];
  groups?: unknown[];
  warnings?: string[];
};

function make(c: Case) {
  const p = c.params as Record<string, unknown>;
  switch (c.splitter) {
    case 'KFold':
      return new KFold(p);
    case 'StratifiedKFold':
      return new StratifiedKFold(p);
    case 'GroupKFold':
      return new GroupKFold(p);
    case 'LeaveOneOut':
      return new LeaveOneOut();
    case 'PredefinedSplit':
      return new PredefinedSplit(p as { testFold: number[] });
    default:
      throw new Error(c.splitter);
  }
}

describe('splitters (parity with scikit-learn 1.2.1)', () => {
  const cases = (fixture.data.cases as Case[]).map(
    (c, i) => [`${c.splitter} #${i} (n=${c.n})`, c] as const,
  );
  it.each(cases)('%s gives scikit-learn’s indices', (_name, c) => {
    const X = Array.from({ length: c.n }, (_, i) => [i]);
    const { result, warnings } = catchWarnings(() => [...make(c).split(X, c.y, c.groups)]);
    expect(result).toEqual(c.splits);
    if (c.splitter === 'StratifiedKFold') {
      expect(warnings.map((w) => w.message)).toEqual(
        (c.warnings ?? []).map((m) => m.replace('n_splits', 'nSplits')),
      );
    }
  });

  it.each(fixture.data.sizes.map((s) => [s] as const))(
    'validateShuffleSplit(%j) gives scikit-learn’s sizes or fails',
    (s) => {
      const run = () => validateShuffleSplit(s.n, s.testSize, s.trainSize, 0.1);
      if ('error' in s)
        expect(run).toThrow(
          (s.error as string)
            .replace(/test_size/g, 'testSize')
            .replace(/train_size/g, 'trainSize')
            .replace(/n_samples/g, 'nSamples'),
        );
      else expect(run()).toEqual([s.nTrain, s.nTest]);
    },
  );

  it.each(fixture.data.trainTestSplit.map((s) => [s] as const))(
    'trainTestSplit without shuffling equals scikit-learn (%j)',
    (s) => {
      const a = Array.from({ length: s.n }, (_, i) => i);
      expect(
        trainTestSplit(a, { testSize: s.testSize, trainSize: s.trainSize, shuffle: false }),
      ).toEqual([s.train, s.test]);
    },
  );

  it('ShuffleSplit sizes equal scikit-learn’s', () => {
    for (const s of fixture.data.shuffleSplitSizes) {
      const [tr, te] = new ShuffleSplit({
        nSplits: 1,
        testSize: s.testSize,
        trainSize: s.trainSize,
        randomState: 0,
      })
        .split(Array.from({ length: s.n }, () => [0]))
        .next().value!;
      expect([tr.length, te.length]).toEqual([s.nTrain, s.nTest]);
    }
  });

  it('StratifiedShuffleSplit class counts equal scikit-learn’s', () => {
    for (const s of fixture.data.stratifiedShuffleSplit) {
      const ys = s.y as unknown[];
      const classes = [...new Set(ys)].sort();
      for (const [tr, te] of new StratifiedShuffleSplit({
        nSplits: 3,
        testSize: s.testSize,
        randomState: 1,
      }).split(
        ys.map(() => [0]),
        ys,
      )) {
        const counts = [tr, te].map((idx) =>
          classes.map((c) => idx.filter((i) => ys[i] === c).length),
        );
        expect(counts).toEqual(s.counts);
      }
    }
  });

  it('RepeatedKFold has scikit-learn’s structure', () => {
    const r = fixture.data.repeatedKFold;
    const rkf = new RepeatedKFold({ nSplits: r.nSplits, nRepeats: r.nRepeats, randomState: 0 });
    expect(rkf.getNSplits()).toBe(r.getNSplits);
    expect([...rkf.split(Array.from({ length: r.n }, () => [0]))]).toHaveLength(r.count);
  });
});
