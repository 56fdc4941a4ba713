import fc from 'fast-check';
import { catchWarnings } from '@scikeras/estimator-core';
import { expectPartition } from '../test-utils/expectPartition';
import { StratifiedKFold } from './StratifiedKFold';

const X = (n: number) => Array.from({ length: n }, (_, i) => [i]);

describe('StratifiedKFold', () => {
  it('keeps each class’s count per test fold within one of its share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 60 }),
        fc.boolean(),
        (k, y, shuffle) => {
          const counts = new Map<number, number>();
          for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
          if ([...counts.values()].every((c) => c < k) || counts.size < 2) return;
          const { result: splits } = catchWarnings(() => [
            ...new StratifiedKFold({ nSplits: k, shuffle, randomState: shuffle ? 0 : null }).split(
              X(y.length),
              y,
            ),
          ]);
          expectPartition(splits, y.length);
          for (const [, test] of splits) {
            for (const [cls, c] of counts) {
              const inFold = test.filter((i) => y[i] === cls).length;
              expect(Math.abs(inFold - c / k)).toBeLessThan(1);
            }
          }
        },
      ),
    );
  });

  it('warns like scikit-learn when a class has fewer members than nSplits', () => {
    const { warnings } = catchWarnings(() => [
      ...new StratifiedKFold({ nSplits: 3 }).split(X(7), [0, 0, 0, 0, 0, 1, 1]),
    ]);
    expect(warnings).toEqual([
      {
        message: 'The least populated class in y has only 2 members, which is less than nSplits=3.',
        category: 'UserWarning',
      },
    ]);
  });

  it('fails when every class has fewer members than nSplits', () => {
    expect(() => [...new StratifiedKFold({ nSplits: 3 }).split(X(4), [0, 0, 1, 1])]).toThrow(
      'nSplits=3 cannot be greater than the number of members in each class.',
    );
  });

  it('rejects continuous targets', () => {
    expect(() => [
      ...new StratifiedKFold({ nSplits: 2 }).split(X(4), [0.5, 1.5, 2.5, 3.5]),
    ]).toThrow("Supported target types are: ('binary', 'multiclass'). Got 'continuous' instead.");
  });

  it('shuffles reproducibly', () => {
    const y = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
    const a = [
      ...new StratifiedKFold({ nSplits: 2, shuffle: true, randomState: 5 }).split(X(10), y),
    ];
    const b = [
      ...new StratifiedKFold({ nSplits: 2, shuffle: true, randomState: 5 }).split(X(10), y),
    ];
    expect(a).toEqual(b);
  });
});
