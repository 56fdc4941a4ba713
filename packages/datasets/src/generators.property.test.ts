// Invariants of every generator over random valid parameters.
import fc from 'fast-check';
import { makeBlobs } from './makeBlobs';
import { makeCircles } from './makeCircles';
import { makeClassification } from './makeClassification';
import { makeMoons } from './makeMoons';
import { makeRegression } from './makeRegression';

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const isShape = (X: number[][], n: number, d: number) =>
  X.length === n && X.every((r) => r.length === d && r.every(Number.isFinite));

describe('generators (properties)', () => {
  it('makeClassification: nSamples x nFeatures, labels in 0..nClasses-1, one stream per seed', () => {
    const params = fc
      .record({
        nSamples: fc.integer({ min: 1, max: 60 }),
        nInformative: fc.integer({ min: 1, max: 5 }),
        nRedundant: fc.integer({ min: 0, max: 3 }),
        nRepeated: fc.integer({ min: 0, max: 2 }),
        nUseless: fc.integer({ min: 0, max: 3 }),
        nClasses: fc.integer({ min: 1, max: 4 }),
        nClustersPerClass: fc.integer({ min: 1, max: 3 }),
        flipY: fc.double({ min: 0, max: 1, noNaN: true }),
        hypercube: fc.boolean(),
        shuffle: fc.boolean(),
        randomState: seed,
      })
      .filter((p) => p.nClasses * p.nClustersPerClass <= 2 ** p.nInformative);
    fc.assert(
      fc.property(params, ({ nUseless, ...p }) => {
        const nFeatures = p.nInformative + p.nRedundant + p.nRepeated + nUseless;
        const [X, y] = makeClassification({ ...p, nFeatures });
        expect(isShape(X, p.nSamples, nFeatures)).toBe(true);
        expect(y.every((t) => Number.isInteger(t) && t >= 0 && t < p.nClasses)).toBe(true);
        expect(makeClassification({ ...p, nFeatures })).toEqual([X, y]);
      }),
      { numRuns: 60 },
    );
  });

  it('makeRegression: y = X coef + bias without noise, for any number of targets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        seed,
        (nSamples, nFeatures, nInformative, nTargets, bias, randomState) => {
          const [X, Y, coef] = makeRegression({
            nSamples,
            nFeatures,
            nInformative,
            nTargets: nTargets as number,
            bias,
            coef: true,
            randomState,
          });
          expect(isShape(X, nSamples, nFeatures)).toBe(true);
          const col = (M: number[] | number[][], t: number) =>
            M.map((v) => (Array.isArray(v) ? v[t]! : v));
          for (let t = 0; t < nTargets; t++) {
            const c = col(coef, t);
            col(Y, t).forEach((v, i) =>
              expect(v).toBeCloseTo(
                X[i]!.reduce((s, x, j) => s + x * c[j]!, bias),
                8,
              ),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('makeBlobs: the samples of each centre add up to nSamples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 6 }),
        seed,
        (n, k, randomState) => {
          const [X, y, centers] = makeBlobs({
            nSamples: n,
            centers: k,
            returnCenters: true,
            randomState,
          });
          expect(isShape(X, n, 2)).toBe(true);
          expect(centers).toHaveLength(k);
          const counts = centers.map((_, c) => y.filter((t) => t === c).length);
          expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('makeMoons and makeCircles: floor(n / 2) outer points, the rest inner', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        seed,
        (n, shuffle, randomState) => {
          for (const make of [makeMoons, makeCircles]) {
            const [X, y] = make({ nSamples: n, shuffle, noise: 0.1, randomState });
            expect(isShape(X, n, 2)).toBe(true);
            expect(y.filter((t) => t === 0)).toHaveLength(Math.floor(n / 2));
          }
        },
      ),
    );
  });
});
