import { InvalidParameterError, ValueError } from '@scikeras/estimator-core';
import { makeBlobs } from './makeBlobs';
import { expectError } from './test-utils/expectError';
import { column, mean, variance } from './test-utils/stats';

const count = (y: number[], c: number) => y.filter((t) => t === c).length;

describe('makeBlobs', () => {
  it("has scikit-learn's defaults: 100 points in 2-D, 3 centres in [-10, 10)", () => {
    const [X, y, centers] = makeBlobs({ randomState: 0, returnCenters: true });
    expect([X.length, X[0]!.length]).toEqual([100, 2]);
    expect([count(y, 0), count(y, 1), count(y, 2)]).toEqual([34, 33, 33]);
    expect(centers).toHaveLength(3);
    expect(centers.flat().every((c) => c >= -10 && c < 10)).toBe(true);
  });

  it('spreads each blob about its centre with its clusterStd', () => {
    const centers = [
      [0, 0, 0],
      [10, -5, 3],
    ];
    const [X, y, back] = makeBlobs({
      nSamples: 4000,
      centers,
      clusterStd: [0.5, 2],
      returnCenters: true,
      randomState: 1,
    });
    expect(back).toEqual(centers);
    expect(X[0]).toHaveLength(3);
    centers.forEach((c, k) => {
      const P = X.filter((_, i) => y[i] === k);
      expect(P).toHaveLength(2000);
      c.forEach((v, j) => {
        const std = [0.5, 2][k]!;
        // 2000 draws: standard error of the mean std/45, of the std about std/63
        expect(Math.abs(mean(column(P, j)) - v)).toBeLessThan((5 * std) / 45);
        expect(Math.abs(Math.sqrt(variance(column(P, j))) - std)).toBeLessThan((5 * std) / 63);
      });
    });
  });

  it('takes the number of each blob from an array nSamples, drawing centres in centerBox', () => {
    const [X, y, centers] = makeBlobs({
      nSamples: [3, 0, 5],
      nFeatures: 4,
      centerBox: [2, 3],
      returnCenters: true,
      randomState: 2,
    });
    expect([count(y, 0), count(y, 1), count(y, 2)]).toEqual([3, 0, 5]);
    expect(X.every((r) => r.length === 4)).toBe(true);
    expect(centers.flat().every((c) => c >= 2 && c < 3)).toBe(true);
  });

  it('keeps the blobs in order without shuffling', () => {
    const [, y] = makeBlobs({ nSamples: 7, centers: 3, shuffle: false, randomState: 0 });
    expect(y).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeBlobs({ randomState: 5 });
    expect(makeBlobs({ randomState: 5 })).toEqual(a);
    expect(makeBlobs({ randomState: 6 })[0]).not.toEqual(a[0]);
  });

  describe("scikit-learn's errors", () => {
    it.each([
      [
        { nSamples: 0 },
        "The 'nSamples' parameter of makeBlobs must be an int in the range [1, inf) or an array-like. Got 0 instead.",
      ],
      [
        { centers: 'x' },
        "The 'centers' parameter of makeBlobs must be an int in the range [1, inf), an array-like or null. Got 'x' instead.",
      ],
      [
        { clusterStd: -1 },
        "The 'clusterStd' parameter of makeBlobs must be a float in the range [0.0, inf) or an array-like. Got -1 instead.",
      ],
      [
        { centerBox: [1] },
        "The 'centerBox' parameter of makeBlobs must be a two-element array. Got [1] instead.",
      ],
      [
        { returnCenters: 0 },
        "The 'returnCenters' parameter of makeBlobs must be an instance of 'bool'. Got 0 instead.",
      ],
    ])('%p', (params, message) => {
      expectError(() => makeBlobs(params as never), InvalidParameterError, message);
    });

    it.each([
      [{ nSamples: [2, 2], centers: 2 }, 'Parameter `centers` must be array-like. Got 2 instead'],
      [
        { nSamples: [2, 2], centers: [[0, 0]] },
        'Length of `nSamples` not consistent with number of centers. Got nSamples = [2, 2] and centers = [[0, 0]]',
      ],
      [
        { centers: [[0], [1]], clusterStd: [1, 2, 3] },
        'Length of `clusterStd` not consistent with number of centers. Got centers = [[0], [1]] and clusterStd = [1, 2, 3]',
      ],
      [
        { centers: [[0], [NaN]] },
        "Input contains NaN, infinity or a value too large for dtype('float64').",
      ],
      [
        { centers: [[0], [1, 2]] },
        'centers must be a 2-D array of shape (nCenters, nFeatures). Got [[0], [1, 2]] instead.',
      ],
      [{ nSamples: [2, -1] }, 'nSamples must hold non-negative integers. Got [2, -1] instead.'],
      [{ clusterStd: [1, -1, 1] }, 'scale < 0'],
    ])('%p', (params, message) => {
      expectError(() => makeBlobs(params as never), ValueError, message);
    });
  });
});
