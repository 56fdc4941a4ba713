import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { makeCircles } from './makeCircles';
import { expectError } from './test-utils/expectError';
import { mean } from './test-utils/stats';

const norm = (p: number[]) => Math.hypot(p[0]!, p[1]!);

describe('makeCircles', () => {
  it('puts the outer circle at radius 1 and the inner at factor, the odd point inside', () => {
    const [X, y] = makeCircles({ nSamples: 9, factor: 0.3, shuffle: false });
    expect(y).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1]);
    X.forEach((p, i) => expect(norm(p)).toBeCloseTo(y[i] === 0 ? 1 : 0.3, 14));
    expect(X[0]).toEqual([1, 0]);
    expect(X[4]).toEqual([0.3, 0]);
  });

  it('spaces the points evenly without repeating the first (endpoint false)', () => {
    const [X] = makeCircles({ nSamples: [4, 0], shuffle: false });
    [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ].forEach((q, i) => q.forEach((v, j) => expect(X[i]![j]).toBeCloseTo(v, 15)));
  });

  it('accepts nSamples 0 and factor 0', () => {
    expect(makeCircles({ nSamples: 0 })).toEqual([[], []]);
    const [X, y] = makeCircles({ nSamples: 4, factor: 0, randomState: 0 });
    X.forEach((p, i) => expect(norm(p)).toBeCloseTo(y[i] === 0 ? 1 : 0, 15));
  });

  it('adds Gaussian noise of the given std', () => {
    const [X, y] = makeCircles({ nSamples: 4000, noise: 0.05, factor: 0.5, randomState: 3 });
    const inner = X.filter((_, i) => y[i] === 1).map(norm);
    expect(Math.abs(mean(inner) - 0.5)).toBeLessThan(0.01);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeCircles({ noise: 0.1, randomState: 1 });
    expect(makeCircles({ noise: 0.1, randomState: 1 })).toEqual(a);
    expect(makeCircles({ noise: 0.1, randomState: 2 })[0]).not.toEqual(a[0]);
  });

  it.each([
    [
      { factor: 1 },
      "The 'factor' parameter of makeCircles must be a float in the range [0.0, 1.0). Got 1 instead.",
    ],
    [
      { nSamples: -1 },
      "The 'nSamples' parameter of makeCircles must be an int in the range [0, inf) or a two-element array. Got -1 instead.",
    ],
    [
      { nSamples: [1, 2, 3] },
      "The 'nSamples' parameter of makeCircles must be an int in the range [0, inf) or a two-element array. Got [1, 2, 3] instead.",
    ],
  ])("rejects %p with scikit-learn's message", (params, message) => {
    expectError(() => makeCircles(params as never), InvalidParameterError, message);
  });

  it('rejects a pair that is not two non-negative ints', () => {
    expectError(
      () => makeCircles({ nSamples: [-1, 2] }),
      ValueError,
      'When an array, nSamples must have exactly two non-negative integer elements.',
    );
  });
});
