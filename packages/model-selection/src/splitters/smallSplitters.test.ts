import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { expectPartition } from '../test-utils/expectPartition';
import { LeaveOneOut } from './LeaveOneOut';
import { PredefinedSplit } from './PredefinedSplit';
import { RepeatedKFold } from './RepeatedKFold';
import { RepeatedStratifiedKFold } from './RepeatedStratifiedKFold';
import { ShuffleSplit } from './ShuffleSplit';
import { StratifiedShuffleSplit } from './StratifiedShuffleSplit';

const X = (n: number) => Array.from({ length: n }, (_, i) => [i]);

describe('LeaveOneOut', () => {
  it('leaves each sample out once', () => {
    expect([...new LeaveOneOut().split(X(3))]).toEqual([
      [[1, 2], [0]],
      [[0, 2], [1]],
      [[0, 1], [2]],
    ]);
    expect(new LeaveOneOut().getNSplits(X(3))).toBe(3);
  });
  it('fails with one sample and without X', () => {
    expect(() => [...new LeaveOneOut().split(X(1))]).toThrow(
      'Cannot perform LeaveOneOut with nSamples=1.',
    );
    expect(() => new LeaveOneOut().getNSplits()).toThrow("The 'X' parameter should not be None.");
  });
});

describe('PredefinedSplit', () => {
  it('has one split per fold other than -1', () => {
    const ps = new PredefinedSplit({ testFold: [0, 1, -1, 1] });
    expect(ps.getNSplits()).toBe(2);
    expect([...ps.split()]).toEqual([
      [[1, 2, 3], [0]],
      [
        [0, 2],
        [1, 3],
      ],
    ]);
  });
});

describe('RepeatedKFold', () => {
  it('each repeat is a partition and repeats differ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 8, max: 30 }),
        (k, r, n) => {
          const splits = [
            ...new RepeatedKFold({ nSplits: k, nRepeats: r, randomState: 0 }).split(X(n)),
          ];
          expect(splits).toHaveLength(k * r);
          for (let i = 0; i < r; i++) expectPartition(splits.slice(i * k, (i + 1) * k), n);
        },
      ),
    );
    const a = [...new RepeatedKFold({ nSplits: 2, nRepeats: 2, randomState: 1 }).split(X(20))];
    expect(a[0]).not.toEqual(a[2]);
  });
  it('rejects nRepeats < 1', () => {
    expect(() => new RepeatedKFold({ nRepeats: 0 }).getNSplits()).toThrow(
      "The 'nRepeats' parameter of RepeatedKFold must be an int in the range [1, inf). Got 0 instead.",
    );
  });
});

describe('RepeatedStratifiedKFold', () => {
  it('repeats stratified partitions', () => {
    const y = [0, 0, 0, 0, 1, 1, 1, 1];
    const splits = [
      ...new RepeatedStratifiedKFold({ nSplits: 2, nRepeats: 3, randomState: 2 }).split(X(8), y),
    ];
    expect(splits).toHaveLength(6);
    for (let i = 0; i < 3; i++) expectPartition(splits.slice(i * 2, i * 2 + 2), 8);
    for (const [, te] of splits) expect(te.filter((i) => y[i] === 1)).toHaveLength(2);
  });
});

describe('ShuffleSplit', () => {
  it('gives disjoint train/test of the requested sizes, reproducibly', () => {
    const ss = new ShuffleSplit({ nSplits: 4, testSize: 0.3, randomState: 0 });
    const a = [...ss.split(X(10))];
    expect(a).toEqual([...ss.split(X(10))]);
    for (const [tr, te] of a) {
      expect([tr.length, te.length]).toEqual([7, 3]);
      expect(tr.filter((i) => te.includes(i))).toEqual([]);
    }
  });
});

describe('StratifiedShuffleSplit', () => {
  it('rejects NaN in y (1-D and 2-D) with scikit-learn 1.2.1 message', () => {
    const split = (y: unknown) => [...new StratifiedShuffleSplit({ nSplits: 2 }).split(X(6), y)];
    expect(() => split([NaN, 1, NaN, 0, 1, 0])).toThrow(new ValueError('Input y contains NaN.'));
    expect(() =>
      split([
        [NaN, 1],
        [1, 1],
        [0, 1],
        [0, 1],
        [1, 1],
        [0, 1],
      ]),
    ).toThrow(new ValueError('Input y contains NaN.'));
  });

  it('reads mixed string and number labels as numpy strings: one class per label', () => {
    const splits = [
      ...new StratifiedShuffleSplit({ nSplits: 3, testSize: 2, randomState: 0 }).split(X(6), [
        'b',
        1,
        'b',
        1,
        'b',
        1,
      ]),
    ];
    for (const [, test] of splits) expect(test.map((i) => i % 2).sort()).toEqual([0, 1]);
  });

  it('fails for a class with one member', () => {
    expect(() => [
      ...new StratifiedShuffleSplit({ testSize: 0.5 }).split(X(5), [0, 0, 0, 0, 1]),
    ]).toThrow(
      'The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.',
    );
  });
});
