import fc from 'fast-check';
import { GroupKFold } from './GroupKFold';
import { expectPartition } from '../test-utils/expectPartition';

const X = (n: number) => Array.from({ length: n }, (_, i) => [i]);

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
