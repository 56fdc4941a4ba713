import { InvalidParameterError } from '@scikeras/estimator-core';
import { makeRegression } from './makeRegression';
import { expectError } from './test-utils/expectError';
import { singularValues } from './test-utils/linalg';
import { mean, variance } from './test-utils/stats';

const dot = (a: number[], b: number[]) => a.reduce((s, x, j) => s + x * b[j]!, 0);

describe('makeRegression', () => {
  it("has scikit-learn's defaults: 100 x 100, one target, 10 informative features", () => {
    const [X, y, coef] = makeRegression({ coef: true, randomState: 0 });
    expect([X.length, X[0]!.length, y.length, coef.length]).toEqual([100, 100, 100, 100]);
    expect(coef.filter((c) => c !== 0)).toHaveLength(10);
    expect(coef.every((c) => c >= 0 && c < 100)).toBe(true);
  });

  it('gives y = X coef + bias exactly without noise, shuffled or not', () => {
    for (const shuffle of [true, false]) {
      const [X, y, coef] = makeRegression({
        nSamples: 60,
        nFeatures: 7,
        nInformative: 3,
        bias: 2.5,
        shuffle,
        coef: true,
        randomState: 4,
      });
      X.forEach((row, i) => expect(y[i]).toBeCloseTo(dot(row, coef) + 2.5, 10));
      if (!shuffle) expect(coef.slice(3)).toEqual([0, 0, 0, 0]);
    }
  });

  it('adds N(0, noise) to y', () => {
    const [X, y, coef] = makeRegression({
      nSamples: 4000,
      nFeatures: 3,
      noise: 2,
      coef: true,
      randomState: 1,
    });
    const resid = y.map((v, i) => v - dot(X[i]!, coef));
    // 4000 draws: standard error of the mean 0.03, of the std about 0.022
    expect(Math.abs(mean(resid))).toBeLessThan(0.15);
    expect(Math.abs(Math.sqrt(variance(resid)) - 2)).toBeLessThan(0.11);
  });

  it('returns a row of targets per sample and a column of coefficients per target for nTargets > 1', () => {
    const [X, Y, coef] = makeRegression({
      nSamples: 20,
      nFeatures: 5,
      nInformative: 2,
      nTargets: 3,
      coef: true,
      randomState: 2,
    });
    expect([Y.length, Y[0]!.length, coef.length, coef[0]!.length]).toEqual([20, 3, 5, 3]);
    for (let t = 0; t < 3; t++)
      X.forEach((row, i) =>
        expect(Y[i]![t]).toBeCloseTo(
          dot(
            row,
            coef.map((c) => c[t]!),
          ),
          10,
        ),
      );
  });

  it('caps nInformative at nFeatures', () => {
    const [, , coef] = makeRegression({
      nFeatures: 3,
      nInformative: 10,
      coef: true,
      randomState: 0,
    });
    expect(coef.every((c) => c > 0)).toBe(true);
  });

  it('makes X of low effective rank with effectiveRank', () => {
    const [X] = makeRegression({
      nSamples: 40,
      nFeatures: 12,
      effectiveRank: 2,
      tailStrength: 0,
      randomState: 3,
    });
    // tailStrength 0: s_i = exp(-(i / 2)^2), so s = 1, 0.78, 0.37, 0.105, ...
    const s = singularValues(X);
    [1, Math.exp(-0.25), Math.exp(-1), Math.exp(-2.25)].forEach((v, k) =>
      expect(s[k]).toBeCloseTo(v, 9),
    );
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = makeRegression({ nSamples: 10, nFeatures: 4, randomState: 1 });
    expect(makeRegression({ nSamples: 10, nFeatures: 4, randomState: 1 })).toEqual(a);
    expect(makeRegression({ nSamples: 10, nFeatures: 4, randomState: 2 })[1]).not.toEqual(a[1]);
  });

  it.each([
    [
      { nInformative: -1 },
      "The 'nInformative' parameter of makeRegression must be an int in the range [0, inf). Got -1 instead.",
    ],
    [
      { effectiveRank: 0 },
      "The 'effectiveRank' parameter of makeRegression must be an int in the range [1, inf) or null. Got 0 instead.",
    ],
    [
      { tailStrength: 1.5 },
      "The 'tailStrength' parameter of makeRegression must be a float in the range [0.0, 1.0]. Got 1.5 instead.",
    ],
    [
      { noise: -1 },
      "The 'noise' parameter of makeRegression must be a float in the range [0.0, inf). Got -1 instead.",
    ],
    [
      { bias: null },
      "The 'bias' parameter of makeRegression must be a float in the range (-inf, inf). Got null instead.",
    ],
    [
      { coef: 'yes' },
      "The 'coef' parameter of makeRegression must be an instance of 'bool'. Got 'yes' instead.",
    ],
  ])("rejects %p with scikit-learn's message", (params, message) => {
    expectError(() => makeRegression(params as never), InvalidParameterError, message);
  });
});
