import { RandomState } from '@scikeras/estimator-core';
import fc from 'fast-check';
import { generateHypercube, sampleWithoutReplacement } from './generateHypercube';

describe('sampleWithoutReplacement', () => {
  it('draws distinct integers of [0, n) for every sampled fraction (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, f, seed) => {
          const k = Math.floor(f * n);
          const s = sampleWithoutReplacement(n, k, new RandomState(seed));
          expect(s).toHaveLength(k);
          expect(new Set(s).size).toBe(k);
          expect(s.every((v) => Number.isInteger(v) && v >= 0 && v < n)).toBe(true);
        },
      ),
    );
  });

  it("keeps the population's order when it takes all of it (reservoir sampling)", () => {
    expect(sampleWithoutReplacement(8, 8, new RandomState(0))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('returns a random order in between (a permutation head)', () => {
    const orders = new Set(
      [0, 1, 2, 3, 4].map((seed) => sampleWithoutReplacement(8, 4, new RandomState(seed)).join()),
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('generateHypercube', () => {
  it('gives distinct 0/1 vertices, most significant bit first', () => {
    expect(generateHypercube(4, 2, new RandomState(0))).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const v = generateHypercube(10, 6, new RandomState(1));
    expect(new Set(v.map((r) => r.join())).size).toBe(10);
    expect(v.flat().every((b) => b === 0 || b === 1)).toBe(true);
  });

  it('prepends random bits above 30 dimensions, the last 30 distinct', () => {
    const v = generateHypercube(5, 34, new RandomState(2));
    expect(v.every((r) => r.length === 34)).toBe(true);
    expect(new Set(v.map((r) => r.slice(4).join())).size).toBe(5);
  });
});
