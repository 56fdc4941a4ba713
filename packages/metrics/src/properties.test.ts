// Property tests: bounds, symmetry and permutation invariance of the metrics.
import { catchWarnings } from '@scikeras/estimator-core';
import fc from 'fast-check';
import {
  accuracyScore,
  balancedAccuracyScore,
  confusionMatrix,
  f1Score,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  rootMeanSquaredError,
} from './index';

const quiet = <T>(fn: () => T): T => catchWarnings(fn).result;

/** Two label arrays of the same length (classes 0..3). */
const labelPair = fc
  .integer({ min: 2, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
    ),
  );

const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
const valuePair = fc
  .integer({ min: 2, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(finite, { minLength: n, maxLength: n }),
      fc.array(finite, { minLength: n, maxLength: n }),
    ),
  );

function permute<T>(a: readonly T[], perm: readonly number[]): T[] {
  return perm.map((i) => a[i]!);
}
const withPermutation = <T>(arb: fc.Arbitrary<[T[], T[]]>) =>
  arb.chain(([a, b]) =>
    fc
      .shuffledSubarray(
        a.map((_, i) => i),
        { minLength: a.length, maxLength: a.length },
      )
      .map((perm) => [a, b, perm] as const),
  );

const inUnit = (v: number) => v >= 0 && v <= 1;

describe('metric properties', () => {
  it('accuracy, precision, recall, F1 and balanced accuracy stay in [0, 1]', () => {
    fc.assert(
      fc.property(labelPair, ([t, p]) => {
        for (const average of ['micro', 'macro', 'weighted'] as const) {
          const o = { average, zeroDivision: 0 as const };
          expect(inUnit(precisionScore(t, p, o))).toBe(true);
          expect(inUnit(recallScore(t, p, o))).toBe(true);
          expect(inUnit(f1Score(t, p, o))).toBe(true);
        }
        expect(inUnit(accuracyScore(t, p))).toBe(true);
        expect(inUnit(quiet(() => balancedAccuracyScore(t, p)))).toBe(true);
      }),
    );
  });

  it('accuracy and micro F1 are symmetric; accuracy equals micro F1 for single-label targets', () => {
    fc.assert(
      fc.property(labelPair, ([t, p]) => {
        expect(accuracyScore(t, p)).toBe(accuracyScore(p, t));
        expect(f1Score(t, p, { average: 'micro' })).toBeCloseTo(accuracyScore(t, p), 12);
      }),
    );
  });

  it('swapping yTrue and yPred transposes the confusion matrix, whose entries sum to n', () => {
    fc.assert(
      fc.property(labelPair, ([t, p]) => {
        const labels = [0, 1, 2, 3];
        const a = confusionMatrix(t, p, { labels });
        const b = confusionMatrix(p, t, { labels });
        expect(a).toEqual(b[0]!.map((_, j) => b.map((row) => row[j]!)));
        expect(a.flat().reduce((x, y) => x + y, 0)).toBe(t.length);
      }),
    );
  });

  it('MSE and MAE are symmetric and non-negative; RMSE is the root of MSE; r2 <= 1', () => {
    fc.assert(
      fc.property(valuePair, ([t, p]) => {
        const mse = meanSquaredError(t, p);
        expect(mse).toBeGreaterThanOrEqual(0);
        expect(meanSquaredError(p, t)).toBe(mse);
        expect(meanAbsoluteError(p, t)).toBe(meanAbsoluteError(t, p));
        expect(rootMeanSquaredError(t, p)).toBeCloseTo(Math.sqrt(mse), 9);
        expect(quiet(() => r2Score(t, p))).toBeLessThanOrEqual(1);
        expect(r2Score(t, t)).toBe(1);
      }),
    );
  });

  it('classification metrics do not depend on the order of the samples', () => {
    fc.assert(
      fc.property(withPermutation(labelPair), ([t, p, perm]) => {
        const tp = permute(t, perm);
        const pp = permute(p, perm);
        expect(accuracyScore(tp, pp)).toBe(accuracyScore(t, p));
        expect(f1Score(tp, pp, { average: 'macro', zeroDivision: 0 })).toBeCloseTo(
          f1Score(t, p, { average: 'macro', zeroDivision: 0 }),
          12,
        );
        expect(confusionMatrix(tp, pp)).toEqual(confusionMatrix(t, p));
      }),
    );
  });

  it('r2Score matches scikit-learn when y_true varies only in the subnormal range', () => {
    // found by the property below: the one-pass sum gave -Infinity, scikit-learn 0.0
    const t = [0, -1.5717277847026288e-162];
    const p = [2 ** -25, 0]; // 2.9802322387695312e-8
    expect(quiet(() => r2Score(t, p))).toBe(0);
    expect(quiet(() => r2Score([t[1]!, t[0]!], [p[1]!, p[0]!]))).toBe(0);
  });

  it('regression metrics do not depend on the order of the samples', () => {
    fc.assert(
      fc.property(withPermutation(valuePair), ([t, p, perm]) => {
        const tp = permute(t, perm);
        const pp = permute(p, perm);
        const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
        const mse = meanSquaredError(t, p);
        expect(Math.abs(meanSquaredError(tp, pp) - mse)).toBeLessThanOrEqual(tol(mse));
        const r2 = quiet(() => r2Score(t, p));
        expect(Math.abs(quiet(() => r2Score(tp, pp)) - r2)).toBeLessThanOrEqual(tol(r2));
      }),
    );
  });

  it('logLoss is non-negative, order-free, and agrees with a plain sum of logarithms', () => {
    const arb = fc
      .integer({ min: 2, max: 80 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(withPermutation(arb), ([t0, p, perm]) => {
        const t = [0, 1, ...t0.slice(2)];
        const eps = 2.220446049250313e-16;
        const naive =
          -t.reduce((s, c, i) => {
            const q = Math.min(Math.max(p[i]!, eps), 1 - eps);
            const r = 1 - q;
            return s + Math.log((c === 1 ? q : r) / (r + q));
          }, 0) / t.length;
        const ours = logLoss(t, p);
        expect(ours).toBeGreaterThanOrEqual(0);
        expect(Math.abs(ours - naive)).toBeLessThanOrEqual(1e-12 * Math.max(1, naive));
        expect(Math.abs(logLoss(permute(t, perm), permute(p, perm)) - ours)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, ours),
        );
      }),
    );
  });

  it('ROC AUC is in [0, 1] and reversing the scores gives 1 - AUC', () => {
    const arb = fc
      .integer({ min: 2, max: 60 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(arb, ([t0, s]) => {
        const t = [0, 1, ...t0.slice(2)];
        const auc = rocAucScore(t, s);
        expect(inUnit(auc)).toBe(true);
        expect(
          rocAucScore(
            t,
            s.map((v) => -v),
          ),
        ).toBeCloseTo(1 - auc, 12);
      }),
    );
  });
});
