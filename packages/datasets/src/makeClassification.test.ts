import { InvalidParameterError, RandomState, ValueError } from '@scikeras/estimator-core';
import { makeClassification } from './makeClassification';
import { expectError } from './test-utils/expectError';
import { lstsq } from './test-utils/linalg';
import { column, mean, variance } from './test-utils/stats';

const count = (y: number[], c: number) => y.filter((t) => t === c).length;

describe('makeClassification', () => {
  it("has scikit-learn's defaults: 100 x 20, two balanced classes", () => {
    const [X, y] = makeClassification({ randomState: 0, flipY: 0 });
    expect([X.length, X[0]!.length]).toEqual([100, 20]);
    expect(X.every((r) => r.length === 20 && r.every(Number.isFinite))).toBe(true);
    expect([count(y, 0), count(y, 1)]).toEqual([50, 50]);
    expect(y.every(Number.isInteger)).toBe(true);
  });

  describe('randomState', () => {
    it('gives the same data for the same seed and other data for another', () => {
      const a = makeClassification({ nSamples: 30, randomState: 7 });
      expect(makeClassification({ nSamples: 30, randomState: 7 })).toEqual(a);
      expect(makeClassification({ nSamples: 30, randomState: 8 })[0]).not.toEqual(a[0]);
      expect(makeClassification({ nSamples: 30 })[0]).not.toEqual(a[0]);
    });

    it('draws on from a RandomState passed in, as numpy generators do', () => {
      const rng = new RandomState(3);
      const first = makeClassification({ nSamples: 10, randomState: rng });
      const second = makeClassification({ nSamples: 10, randomState: rng });
      expect(second[0]).not.toEqual(first[0]);
      expect(makeClassification({ nSamples: 10, randomState: new RandomState(3) })).toEqual(first);
    });
  });

  it('shuffles rows then features after every draw: the shuffled data is a permutation', () => {
    const p = { nSamples: 40, nFeatures: 6, nInformative: 3, nRedundant: 1, nRepeated: 1 };
    const [X, y] = makeClassification({ ...p, shuffle: false, randomState: 5 });
    const [Xs, ys] = makeClassification({ ...p, shuffle: true, randomState: 5 });
    const key = (r: number[], t: number) => [...r].sort((a, b) => a - b).join() + '|' + t;
    expect(Xs.map((r, i) => key(r, ys[i]!)).sort()).toEqual(X.map((r, i) => key(r, y[i]!)).sort());
    expect(Xs).not.toEqual(X);
  });

  describe('structure without shuffling', () => {
    const p = {
      nSamples: 300,
      nFeatures: 9,
      nInformative: 3,
      nRedundant: 2,
      nRepeated: 2,
      flipY: 0,
      shuffle: false,
      randomState: 11,
    };
    const [X, y] = makeClassification(p);

    it('makes redundant features exact linear combinations of the informative ones', () => {
      const A = X.map((r) => r.slice(0, 3));
      for (const j of [3, 4]) {
        const W = lstsq(
          A,
          X.map((r) => [r[j]!]),
        );
        const resid = X.map(
          (r) => r[j]! - A[X.indexOf(r)]!.reduce((s, a, k) => s + a * W[k]![0]!, 0),
        );
        expect(Math.max(...resid.map(Math.abs))).toBeLessThan(1e-9);
      }
    });

    it('makes repeated features copies of informative or redundant ones', () => {
      for (const j of [5, 6]) {
        const copies = [0, 1, 2, 3, 4].filter((k) => X.every((r) => r[j] === r[k]));
        expect(copies.length).toBeGreaterThan(0);
      }
    });

    it('fills the useless features with N(0, 1)', () => {
      for (const j of [7, 8]) {
        // 300 draws: standard error of the mean 0.058, of the variance about 0.08
        expect(Math.abs(mean(column(X, j)))).toBeLessThan(0.3);
        expect(Math.abs(variance(column(X, j)) - 1)).toBeLessThan(0.4);
      }
    });

    it('labels cluster k with class k % nClasses, in order', () => {
      // 4 clusters of 75: classes 0, 1, 0, 1
      expect(y.slice(0, 75).every((t) => t === 0)).toBe(true);
      expect(y.slice(75, 150).every((t) => t === 1)).toBe(true);
      expect(y.slice(150, 225).every((t) => t === 0)).toBe(true);
    });
  });

  it('centres each cluster on a hypercube vertex: coordinates +-classSep (hypercube)', () => {
    // one cluster per class; informative features only; a large class_sep puts every cluster
    // mean near a vertex (the random covariance keeps the mean: N(0, I) A has mean 0)
    const [X, y] = makeClassification({
      nSamples: 2000,
      nFeatures: 2,
      nInformative: 2,
      nRedundant: 0,
      nClasses: 4,
      nClustersPerClass: 1,
      classSep: 5,
      flipY: 0,
      shuffle: false,
      randomState: 2,
    });
    const means = [0, 1, 2, 3].map((c) => {
      const P = X.filter((_, i) => y[i] === c);
      return [mean(column(P, 0)), mean(column(P, 1))];
    });
    // 500 samples per cluster, per-coordinate std at most sqrt(2): mean within 0.3 of +-5
    for (const m of means) for (const v of m) expect(Math.abs(Math.abs(v) - 5)).toBeLessThan(0.3);
    // four clusters on the four distinct vertices
    expect(new Set(means.map((m) => m.map(Math.sign).join())).size).toBe(4);
  });

  it('separates the classes linearly with a large classSep', () => {
    const [X, y] = makeClassification({
      nSamples: 400,
      nFeatures: 5,
      nInformative: 2,
      nRedundant: 0,
      nClustersPerClass: 1,
      classSep: 4,
      flipY: 0,
      randomState: 1,
    });
    const A = X.map((r) => [...r, 1]);
    const W = lstsq(
      A,
      y.map((t) => [t === 1 ? 1 : -1]),
    );
    const acc = mean(
      A.map((a, i) => ((a.reduce((s, v, k) => s + v * W[k]![0]!, 0) > 0 ? 1 : 0) === y[i] ? 1 : 0)),
    );
    expect(acc).toBeGreaterThan(0.97);
  });

  it.each([
    [
      [0.1, 0.3, 0.6],
      [100, 300, 600],
    ],
    [
      [0.25, 0.25],
      [250, 250, 500],
    ],
  ])('distributes samples by weights %p (the last inferred)', (weights, expected) => {
    const [, y] = makeClassification({
      nSamples: 1000,
      nClasses: 3,
      weights,
      flipY: 0,
      nInformative: 3,
      randomState: 0,
    });
    expect([count(y, 0), count(y, 1), count(y, 2)]).toEqual(expected);
  });

  it('gives the remainder to the first clusters', () => {
    const [, y] = makeClassification({
      nSamples: 7,
      nClasses: 3,
      nClustersPerClass: 1,
      nInformative: 2,
      flipY: 0,
      shuffle: false,
      randomState: 0,
    });
    expect(y).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('draws a flipY fraction of the labels anew', () => {
    const p = { nSamples: 5000, nClasses: 2, shuffle: false, randomState: 4 };
    const [, clean] = makeClassification({ ...p, flipY: 0 });
    const [, noisy] = makeClassification({ ...p, flipY: 0.4 });
    // 40% redrawn, half of those to the other class: 20% changed, sd sqrt(.2 * .8 / 5000) = 0.006
    const changed = mean(noisy.map((t, i) => (t !== clean[i] ? 1 : 0)));
    expect(Math.abs(changed - 0.2)).toBeLessThan(0.03);
  });

  it('shifts then scales every feature (numbers, arrays, or random with null)', () => {
    const p = {
      nSamples: 20,
      nFeatures: 3,
      nInformative: 2,
      nRedundant: 0,
      shuffle: false,
      randomState: 9,
    };
    const [X] = makeClassification(p);
    const [Xs] = makeClassification({ ...p, shift: [1, 2, 3], scale: 2 });
    Xs.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo((X[i]![j]! + j + 1) * 2, 12)));
    const [Xr] = makeClassification({ ...p, shift: null, scale: null });
    expect(Xr).not.toEqual(X);
    expect(() => makeClassification({ ...p, shift: [1, 2] })).toThrow(
      new ValueError('operands could not be broadcast together with shapes (20,3) (2,) (20,3)'),
    );
  });

  it('puts clusters on a random polytope without hypercube', () => {
    const [X] = makeClassification({ nSamples: 50, hypercube: false, randomState: 3 });
    expect(X.flat().every(Number.isFinite)).toBe(true);
  });

  it('handles more than 30 informative features (random leading bits)', () => {
    const [X, y] = makeClassification({
      nSamples: 64,
      nFeatures: 35,
      nInformative: 33,
      nRedundant: 0,
      nClasses: 4,
      randomState: 0,
    });
    expect([X.length, X[0]!.length]).toEqual([64, 35]);
    expect(new Set(y).size).toBeGreaterThan(1);
  });

  describe("scikit-learn's errors", () => {
    it.each([
      [
        { nSamples: 0 },
        "The 'nSamples' parameter of makeClassification must be an int in the range [1, inf). Got 0 instead.",
      ],
      [
        { nInformative: 1.5 },
        "The 'nInformative' parameter of makeClassification must be an int in the range [1, inf). Got 1.5 instead.",
      ],
      [
        { flipY: 2 },
        "The 'flipY' parameter of makeClassification must be a float in the range [0.0, 1.0]. Got 2 instead.",
      ],
      [
        { classSep: 0 },
        "The 'classSep' parameter of makeClassification must be a float in the range (0.0, inf). Got 0 instead.",
      ],
      [
        { shift: 'a' },
        "The 'shift' parameter of makeClassification must be a float in the range (-inf, inf), an array-like or null. Got 'a' instead.",
      ],
      [
        { weights: 0.5 },
        "The 'weights' parameter of makeClassification must be an array-like or null. Got 0.5 instead.",
      ],
      [
        { hypercube: 1 },
        "The 'hypercube' parameter of makeClassification must be an instance of 'bool'. Got 1 instead.",
      ],
      [
        { randomState: -1 },
        "The 'randomState' parameter of makeClassification must be an int in the range [0, 4294967295], an instance of 'RandomState' or null. Got -1 instead.",
      ],
    ])('%p', (params, message) => {
      expectError(() => makeClassification(params as never), InvalidParameterError, message);
    });

    it.each([
      [
        { nFeatures: 3, nInformative: 2, nRedundant: 2 },
        'Number of informative, redundant and repeated features must sum to less than the number of total features',
      ],
      [
        { nInformative: 1, nRedundant: 0 },
        'nClasses(2) * nClustersPerClass(2) must be smaller or equal 2**nInformative(1)=2',
      ],
      [
        { nClasses: 3, nInformative: 3, weights: [0.5] },
        'Weights specified but incompatible with number of classes.',
      ],
    ])('%p', (params, message) => {
      expectError(() => makeClassification(params), ValueError, message);
    });

    it('rejects unknown parameters, naming the one meant', () => {
      expect(() => makeClassification({ n_samples: 10 } as never)).toThrow(
        new TypeError(
          "makeClassification() got an unexpected keyword argument 'n_samples'. Did you mean 'nSamples'?",
        ),
      );
    });
  });
});
