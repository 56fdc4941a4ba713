import fc from 'fast-check';
import { RandomState, checkRandomState } from './RandomState';
import { ValueError } from './errors';

function draws(rng: RandomState, n: number, f: (r: RandomState) => number): number[] {
  return Array.from({ length: n }, () => f(rng));
}

function meanStd(xs: number[]): [number, number] {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
  return [m, Math.sqrt(v)];
}

describe('RandomState', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const a = draws(new RandomState(7), 5, (r) => r.random());
    expect(draws(new RandomState(7), 5, (r) => r.random())).toEqual(a);
    expect(draws(new RandomState(8), 5, (r) => r.random())).not.toEqual(a);
  });

  it('draws unseeded streams that differ', () => {
    expect(new RandomState(null).random()).not.toBe(new RandomState(null).random());
  });

  describe('random and uniform', () => {
    it('stay in their half-open ranges', () => {
      const rng = new RandomState(1);
      const a = draws(rng, 2000, (r) => r.random());
      expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...a)).toBeLessThan(1);
      const b = draws(rng, 2000, (r) => r.uniform(-10, 10));
      expect(Math.min(...b)).toBeGreaterThanOrEqual(-10);
      expect(Math.max(...b)).toBeLessThan(10);
    });

    it('has the mean and spread of U(low, high)', () => {
      // 20000 draws of U(-2, 6): mean 2, std 8/sqrt(12) = 2.309; the standard error of the mean
      // is 2.309/sqrt(20000) = 0.016, so 0.08 is five standard errors.
      const [m, s] = meanStd(draws(new RandomState(2), 20000, (r) => r.uniform(-2, 6)));
      expect(Math.abs(m - 2)).toBeLessThan(0.08);
      expect(Math.abs(s - 8 / Math.sqrt(12))).toBeLessThan(0.05);
    });
  });

  describe('standardNormal and normal', () => {
    it('have the first moments of N(loc, scale^2)', () => {
      // 20000 deviates: the standard error of the mean is scale/141 and of the std about
      // scale/200, so five standard errors bound both.
      const [m0, s0] = meanStd(draws(new RandomState(3), 20000, (r) => r.standardNormal()));
      expect(Math.abs(m0)).toBeLessThan(0.036);
      expect(Math.abs(s0 - 1)).toBeLessThan(0.025);
      const [m1, s1] = meanStd(draws(new RandomState(4), 20000, (r) => r.normal(5, 2)));
      expect(Math.abs(m1 - 5)).toBeLessThan(0.071);
      expect(Math.abs(s1 - 2)).toBeLessThan(0.05);
    });

    it('puts 68.3% of standard normal draws within one std and 95.4% within two', () => {
      const xs = draws(new RandomState(5), 20000, (r) => r.standardNormal());
      const within = (k: number) => xs.filter((x) => Math.abs(x) < k).length / xs.length;
      expect(Math.abs(within(1) - 0.6827)).toBeLessThan(0.017); // 5 * sqrt(.68 * .32 / 20000)
      expect(Math.abs(within(2) - 0.9545)).toBeLessThan(0.008);
    });
  });

  describe('randint', () => {
    it('draws in [0, n) and in [low, high), hitting every value', () => {
      const rng = new RandomState(6);
      const a = draws(rng, 500, (r) => r.randint(4));
      expect(new Set(a)).toEqual(new Set([0, 1, 2, 3]));
      const b = draws(rng, 500, (r) => r.randint(-2, 1));
      expect(new Set(b)).toEqual(new Set([-2, -1, 0]));
    });

    it('throws numpy ValueError on an empty range', () => {
      expect(() => new RandomState(0).randint(3, 3)).toThrow(
        new ValueError('low >= high (low=3, high=3)'),
      );
    });
  });

  describe('shuffle and permutation', () => {
    it('permute without losing or adding elements (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 60 }), fc.integer(), (n, seed) => {
          const p = new RandomState(seed).permutation(n);
          expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        }),
      );
    });

    it('permutes a copy of an array and shuffles typed arrays in place', () => {
      const src = ['a', 'b', 'c', 'd'];
      const p = new RandomState(1).permutation(src);
      expect(src).toEqual(['a', 'b', 'c', 'd']);
      expect([...p].sort()).toEqual(src);
      const t = Float64Array.from([1, 2, 3, 4, 5]);
      expect(new RandomState(1).shuffle(t)).toBe(t);
      expect([...t].sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });
});

describe('checkRandomState', () => {
  it('seeds a new generator from an integer and returns a generator as is', () => {
    expect(checkRandomState(3).random()).toBe(new RandomState(3).random());
    const rng = new RandomState(0);
    expect(checkRandomState(rng)).toBe(rng);
    expect(checkRandomState(null)).toBeInstanceOf(RandomState);
    expect(checkRandomState(undefined)).toBeInstanceOf(RandomState);
  });

  it.each([[1.5], ['0'], [{}]])('rejects %p with check_random_state message', (bad) => {
    expect(() => checkRandomState(bad as never)).toThrow(ValueError);
    expect(() => checkRandomState(bad as never)).toThrow(
      'cannot be used to seed a RandomState instance',
    );
  });
});

describe('RandomState.copy', () => {
  it('continues the same stream independently (copy.deepcopy of a numpy RandomState)', () => {
    const a = new RandomState(7);
    a.random();
    a.standardNormal(); // leaves the second polar value pending
    const b = a.copy();
    const fromA = [a.standardNormal(), a.random(), a.randint(100)];
    const fromB = [b.standardNormal(), b.random(), b.randint(100)];
    expect(fromB).toEqual(fromA);
    b.random();
    expect(a.random()).not.toBe(b.random());
  });

  it('copies an entropy-seeded generator too', () => {
    const a = new RandomState();
    const b = a.copy();
    expect(b.permutation(20)).toEqual(a.permutation(20));
  });
});
