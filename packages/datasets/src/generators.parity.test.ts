// The generators against scikit-learn 1.2.1 (scripts/fixtures/gen_datasets.py): the same
// distributions (statistics over 100 seeds each side), and the same numbers where no randomness
// is involved.
import fixture from './__fixtures__/generators.json';
import { makeLowRankMatrix } from './internal/makeLowRankMatrix';
import { makeBlobs, type MakeBlobsParams } from './makeBlobs';
import { makeCircles } from './makeCircles';
import { makeClassification, type MakeClassificationParams } from './makeClassification';
import { makeMoons } from './makeMoons';
import { makeRegression, type MakeRegressionParams } from './makeRegression';
import { lstsq, singularValues } from './test-utils/linalg';
import {
  column,
  expectSameMean,
  mean,
  meanColumnVariance,
  meanStd,
  variance,
} from './test-utils/stats';
import { RandomState } from '@scikeras/estimator-core';

const N_SEEDS = fixture.nSeeds;

const camel = (o: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]),
  );

/** Our statistic over seeds 0..N_SEEDS-1, compared with scikit-learn's for every key. */
function compare(
  theirs: Record<string, number[] | undefined>,
  statsOf: (seed: number) => Record<string, number>,
): void {
  const rows = Array.from({ length: N_SEEDS }, (_, seed) => statsOf(seed));
  expect(Object.keys(rows[0]!).sort()).toEqual(Object.keys(theirs).sort());
  for (const key of Object.keys(theirs)) {
    const ours = meanStd(rows.map((r) => r[key]!));
    expectSameMean(key, ours, theirs[key] as [number, number], N_SEEDS);
  }
}

function classificationStats(p: MakeClassificationParams) {
  const nInf = p.nInformative!;
  const nRed = p.nRedundant ?? 0;
  const nRep = p.nRepeated ?? 0;
  const nClasses = p.nClasses ?? 2;
  return (seed: number) => {
    const [X, y] = makeClassification({ ...p, shuffle: false, randomState: seed });
    const [, unflipped] = makeClassification({ ...p, flipY: 0, shuffle: false, randomState: seed });
    const d = X[0]!.length;
    const A = X.map((r) => [...r.slice(0, nInf), 1]);
    const T = unflipped.map((t) => Array.from({ length: nClasses }, (_, c) => (t === c ? 1 : -1)));
    const W = lstsq(A, T);
    const pred = A.map((a) => {
      const scores = W[0]!.map((_, c) => a.reduce((s, x, k) => s + x * W[k]![c]!, 0));
      return scores.indexOf(Math.max(...scores));
    });
    const s: Record<string, number> = {
      changedFraction: mean(y.map((t, i) => (t !== unflipped[i] ? 1 : 0))),
      informativeVar: meanColumnVariance(X, 0, nInf),
      informativeAbsMean: mean(
        Array.from({ length: nInf }, (_, j) => Math.abs(mean(column(X, j)))),
      ),
      linearAccuracy: mean(pred.map((c, i) => (c === unflipped[i] ? 1 : 0))),
    };
    for (let c = 0; c < nClasses; c++)
      s[`classFraction${c}`] = mean(y.map((t) => (t === c ? 1 : 0)));
    if (nRed) s.redundantVar = meanColumnVariance(X, nInf, nInf + nRed);
    const first = nInf + nRed + nRep;
    if (first < d) {
      s.uselessMean = mean(X.flatMap((r) => r.slice(first)));
      s.uselessVar = meanColumnVariance(X, first, d);
    }
    return s;
  };
}

function regressionStats(p: MakeRegressionParams) {
  return (seed: number) => {
    const [X, y, coef] = makeRegression({ ...p, coef: true, randomState: seed }) as [
      number[][],
      number[],
      number[],
    ];
    const resid = y.map(
      (v, i) => v - X[i]!.reduce((s, x, j) => s + x * coef[j]!, 0) - (p.bias ?? 0),
    );
    return {
      xMean: mean(X.flat()),
      xVar: meanColumnVariance(X, 0, X[0]!.length),
      coefMean: mean(coef.filter((c) => c !== 0)),
      nNonzeroCoef: coef.filter((c) => c !== 0).length,
      yVar: variance(y),
      residStd: Math.sqrt(variance(resid)),
    };
  };
}

function blobsStats(p: MakeBlobsParams, nCenters: number) {
  return (seed: number) => {
    const [X, y, centers] = makeBlobs({ ...p, returnCenters: true, randomState: seed });
    const within: number[] = [];
    const dist: number[] = [];
    for (let c = 0; c < nCenters; c++) {
      const P = X.filter((_, i) => y[i] === c);
      const m = P[0]!.map((_, j) => mean(column(P, j)));
      P.forEach((r) => r.forEach((v, j) => within.push(v - m[j]!)));
      dist.push(mean(P.map((r) => Math.hypot(...r.map((v, j) => v - centers[c]![j]!)))));
    }
    return {
      centerMean: mean(centers.flat()),
      centerVar: variance(centers.flat()),
      withinStd: Math.sqrt(variance(within)),
      meanDistToCenter: mean(dist),
    };
  };
}

function ringStats(
  make: (seed: number) => [number[][], number[]],
  centre: (label: number) => number[],
) {
  return (seed: number) => {
    const [X, y] = make(seed);
    const s: Record<string, number> = {};
    for (const label of [0, 1]) {
      const P = X.filter((_, i) => y[i] === label);
      const [cx, cy] = centre(label);
      const r = P.map(([a, b]) => Math.hypot(a! - cx!, b! - cy!));
      s[`radiusMean${label}`] = mean(r);
      s[`radiusStd${label}`] = Math.sqrt(variance(r));
      s[`xMean${label}`] = mean(column(P, 0));
      s[`yMean${label}`] = mean(column(P, 1));
    }
    return s;
  };
}

describe('generators against scikit-learn: the same distributions', () => {
  it.each(fixture.classification.map((c) => [JSON.stringify(c.params), c] as const))(
    'makeClassification %s',
    (_, c) => {
      compare(c.stats, classificationStats(camel(c.params) as MakeClassificationParams));
    },
  );

  it.each(fixture.regression.map((c) => [JSON.stringify(c.params), c] as const))(
    'makeRegression %s',
    (_, c) => {
      compare(c.stats, regressionStats(camel(c.params) as MakeRegressionParams));
    },
  );

  it.each(fixture.blobs.map((c, i) => [JSON.stringify(c.params), c, i] as const))(
    'makeBlobs %s',
    (_, c, i) => {
      const p = camel(c.params) as MakeBlobsParams;
      compare(c.stats, blobsStats(p, i === 0 ? 4 : 3));
    },
  );

  it('makeMoons with noise', () => {
    const p = camel(fixture.moons.params);
    compare(
      fixture.moons.stats,
      ringStats(
        (seed) => makeMoons({ ...p, randomState: seed }),
        (l) => (l === 0 ? [0, 0] : [1, 0.5]),
      ),
    );
  });

  it('makeCircles with noise', () => {
    const p = camel(fixture.circles.params);
    compare(
      fixture.circles.stats,
      ringStats(
        (seed) => makeCircles({ ...p, randomState: seed }),
        () => [0, 0],
      ),
    );
  });
});

describe('generators against scikit-learn: the same numbers without randomness', () => {
  // cos and sin of the same angles: numpy and V8 may differ in the last bit
  const close = (a: number[][], b: number[][]) =>
    a.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(v - b[i]![j]!)).toBeLessThan(1e-14)),
    );

  it.each(fixture.exact.moons.map((c) => [JSON.stringify(c.nSamples), c] as const))(
    'makeMoons nSamples=%s, shuffle false',
    (_, c) => {
      const [X, y] = makeMoons({ nSamples: c.nSamples as number, shuffle: false });
      expect(y).toEqual(c.y);
      expect(X).toHaveLength(c.X.length);
      close(X, c.X);
    },
  );

  it.each(fixture.exact.circles.map((c) => [JSON.stringify([c.nSamples, c.factor]), c] as const))(
    'makeCircles [nSamples, factor]=%s, shuffle false',
    (_, c) => {
      const [X, y] = makeCircles({
        nSamples: c.nSamples as number,
        factor: c.factor,
        shuffle: false,
      });
      expect(y).toEqual(c.y);
      expect(X).toHaveLength(c.X.length);
      close(X, c.X);
    },
  );

  it.each(fixture.exact.lowRankSingularValues.map((c) => [JSON.stringify(c.params), c] as const))(
    "the low-rank X of makeRegression has scikit-learn's singular values %s",
    (_, c) => {
      const p = camel(c.params) as Required<MakeRegressionParams>;
      const X = makeLowRankMatrix(
        p.nSamples,
        p.nFeatures,
        p.effectiveRank!,
        p.tailStrength,
        new RandomState(0),
      );
      // the profile is deterministic; only the singular vectors are random. Eigenvalues of the
      // Gram matrix lose about sqrt(eps) on the smallest singular values, hence 1e-7.
      singularValues(X).forEach((s, k) => expect(Math.abs(s - c.s[k]!)).toBeLessThan(1e-7));
      const [X2] = makeRegression({ ...p, randomState: 0 });
      singularValues(X2).forEach((s, k) => expect(Math.abs(s - c.s[k]!)).toBeLessThan(1e-7));
    },
  );
});
