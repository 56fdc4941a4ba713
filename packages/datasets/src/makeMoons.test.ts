import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { makeMoons } from './makeMoons';
import { expectError } from './test-utils/expectError';
import { mean } from './test-utils/stats';

const radius = (p: number[], c: number[]) => Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!);

describe('makeMoons', () => {
  it('puts the outer moon on the upper unit half circle and the inner on the lower one about (1, 0.5)', () => {
    const [X, y] = makeMoons({ nSamples: 101, shuffle: false });
    expect(y.filter((t) => t === 0)).toHaveLength(50);
    X.forEach((p, i) => {
      expect(radius(p, y[i] === 0 ? [0, 0] : [1, 0.5])).toBeCloseTo(1, 12);
      if (y[i] === 0) expect(p[1]).toBeGreaterThanOrEqual(-1e-15);
      else expect(p[1]).toBeLessThanOrEqual(0.5 + 1e-15);
    });
    expect(X[0]).toEqual([1, 0]);
    expect(X[50]).toEqual([0, 0.5]);
  });

  it('takes [outer, inner] counts', () => {
    const [, y] = makeMoons({ nSamples: [2, 6], randomState: 0 });
    expect(y.filter((t) => t === 1)).toHaveLength(6);
    expect(y).toHaveLength(8);
  });

  it('adds Gaussian noise of the given std to both coordinates', () => {
    const [X, y] = makeMoons({ nSamples: 4000, noise: 0.05, randomState: 3 });
    // the radial error of a unit circle + N(0, 0.05^2 I) is about N(0.00125, 0.05^2)
    const r0 = X.filter((_, i) => y[i] === 0).map((p) => radius(p, [0, 0]));
    expect(Math.abs(mean(r0) - 1)).toBeLessThan(0.01);
  });

  it('shuffles with a seed, deterministically', () => {
    const a = makeMoons({ nSamples: 20, randomState: 1 });
    expect(makeMoons({ nSamples: 20, randomState: 1 })).toEqual(a);
    expect(a[1]).not.toEqual(makeMoons({ nSamples: 20, shuffle: false })[1]);
    expect(makeMoons({ nSamples: 20, randomState: 2 })[1]).not.toEqual(a[1]);
  });

  it.each([
    [
      { nSamples: 0 },
      "The 'nSamples' parameter of makeMoons must be an int in the range [1, inf) or a two-element array. Got 0 instead.",
    ],
    [
      { noise: -0.1 },
      "The 'noise' parameter of makeMoons must be a float in the range [0.0, inf) or null. Got -0.1 instead.",
    ],
    [
      { shuffle: null },
      "The 'shuffle' parameter of makeMoons must be an instance of 'bool'. Got null instead.",
    ],
  ])("rejects %p with scikit-learn's message", (params, message) => {
    expectError(() => makeMoons(params as never), InvalidParameterError, message);
  });

  it('rejects a pair that is not two non-negative ints', () => {
    expectError(
      () => makeMoons({ nSamples: [2, 1.5] }),
      ValueError,
      '`nSamples` can be either an int or a two-element array.',
    );
  });
});
