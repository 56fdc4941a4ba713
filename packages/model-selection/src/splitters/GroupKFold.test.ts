import fc from 'fast-check';
import { ValueError } from '@scikeras/estimator-core';
import { GroupKFold } from './GroupKFold';
import { expectPartition } from '../test-utils/expectPartition';

const X = (n: number) => Array.from({ length: n }, (_, i) => [i]);
const EXPECTED_STR = [
  [
    [2, 3, 5],
    [0, 1, 4],
  ],
  [
    [0, 1, 4],
    [2, 3, 5],
  ],
];

describe('GroupKFold', () => {
  it('puts each group in exactly one test fold (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 50 }),
        (k, groups) => {
          if (new Set(groups).size < k) return;
          const splits = [...new GroupKFold({ nSplits: k }).split(X(groups.length), null, groups)];
          expectPartition(splits, groups.length);
          for (const [train, test] of splits) {
            const tg = new Set(test.map((i) => groups[i]));
            expect(train.some((i) => tg.has(groups[i]!))).toBe(false);
          }
        },
      ),
    );
  });

  it('rejects NaN and infinite groups with scikit-learn 1.2.1 messages', () => {
    const split = (groups: unknown) => [
      ...new GroupKFold({ nSplits: 2 }).split(X(6), null, groups),
    ];
    expect(() => split([NaN, 1, NaN, 0, 1, 0])).toThrow(
      new ValueError('Input groups contains NaN.'),
    );
    expect(() => split(Float64Array.of(Infinity, 1, 2, 0, 1, 0))).toThrow(
      new ValueError("Input groups contains infinity or a value too large for dtype('float64')."),
    );
  });

  it('orders string groups like numpy (code points), so non-BMP and mixed-case groups split as in scikit-learn', () => {
    // scikit-learn 1.2.1: GroupKFold(2).split(X, groups=['😀', 'b', 'B', '\uffff', 'b', 'B'])
    const groups = ['😀', 'b', 'B', '\uffff', 'b', 'B'];
    expect([...new GroupKFold({ nSplits: 2 }).split(X(6), null, groups)]).toEqual(EXPECTED_STR);
  });

  it('needs groups', () => {
    expect(() => [...new GroupKFold({ nSplits: 2 }).split(X(4))]).toThrow(
      "The 'groups' parameter should not be None.",
    );
  });

  it('rejects more splits than groups', () => {
    expect(() => [...new GroupKFold({ nSplits: 3 }).split(X(4), null, [1, 1, 2, 2])]).toThrow(
      'Cannot have number of splits nSplits=3 greater than the number of groups: 2.',
    );
  });
});
