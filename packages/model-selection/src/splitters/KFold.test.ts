import fc from 'fast-check';
import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { KFold } from './KFold';
import { RandomState } from '../RandomState';
import { expectPartition } from '../test-utils/expectPartition';

const X = (n: number) => Array.from({ length: n }, (_, i) => [i]);

describe('KFold', () => {
  describe('split', () => {
    it('gives consecutive folds, the first n % k one larger', () => {
      expect([...new KFold({ nSplits: 3 }).split(X(7))].map(([, te]) => te)).toEqual([
        [0, 1, 2],
        [3, 4],
        [5, 6],
      ]);
    });

    it('folds partition the samples and test folds are disjoint (property)', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 10 }),
          fc.integer({ min: 0, max: 40 }),
          fc.boolean(),
          (k, extra, shuffle) => {
            const n = k + extra;
            const splits = [
              ...new KFold({ nSplits: k, shuffle, randomState: shuffle ? 3 : null }).split(X(n)),
            ];
            expect(splits).toHaveLength(k);
            expectPartition(splits, n);
          },
        ),
      );
    });

    it('shuffles reproducibly with an integer randomState', () => {
      const a = [...new KFold({ nSplits: 3, shuffle: true, randomState: 7 }).split(X(20))];
      const b = [...new KFold({ nSplits: 3, shuffle: true, randomState: 7 }).split(X(20))];
      const c = [...new KFold({ nSplits: 3, shuffle: true, randomState: 8 }).split(X(20))];
      expect(a).toEqual(b);
      expect(a).not.toEqual(c);
      expect(a[0]![1]).not.toEqual([0, 1, 2, 3, 4, 5, 6]);
    });

    it('accepts a RandomState generator', () => {
      const kf = new KFold({ nSplits: 2, shuffle: true, randomState: new RandomState(1) });
      expectPartition([...kf.split(X(6))], 6);
    });

    it('rejects more splits than samples in scikit-learn’s words', () => {
      expect(() => [...new KFold({ nSplits: 5 }).split(X(3))]).toThrow(
        new ValueError(
          'Cannot have number of splits nSplits=5 greater than the number of samples: nSamples=3.',
        ),
      );
    });

    it.each([1, 2.5, '3'])('rejects nSplits=%p', (k) => {
      expect(() => [...new KFold({ nSplits: k as number }).split(X(5))]).toThrow(
        InvalidParameterError,
      );
    });

    it('has the canonical nSplits message', () => {
      expect(() => new KFold({ nSplits: 1 }).getNSplits()).toThrow(
        "The 'nSplits' parameter of KFold must be an int in the range [2, inf). Got 1 instead.",
      );
    });

    it('rejects a randomState without shuffle', () => {
      expect(() => new KFold({ randomState: 1 }).getNSplits()).toThrow(
        'Setting a randomState has no effect since shuffle is false. You should leave randomState to its default (null), or set shuffle=true.',
      );
    });

    it('rejects a non-boolean shuffle', () => {
      expect(() => new KFold({ shuffle: 1 as unknown as boolean }).getNSplits()).toThrow(
        "The 'shuffle' parameter of KFold must be an instance of 'bool'. Got 1 instead.",
      );
    });
  });

  it('getNSplits returns nSplits and toString shows changed params', () => {
    expect(new KFold({ nSplits: 4 }).getNSplits()).toBe(4);
    expect(String(new KFold({ nSplits: 3 }))).toBe('KFold({ nSplits: 3 })');
  });
});
