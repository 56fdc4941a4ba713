// Port of scikit-learn's sklearn/utils/estimator_checks.py check_estimators_pickle and check_partial_fit_n_features (BSD-3-Clause).
import { ensure, expectRaises, firstMismatch, toPlain } from './assertions';
import { needs2d, needsFit, type CheckContext, type EstimatorCheck } from './context';
import { makeNormal } from './datasets';
import type { CheckableEstimator } from './types';

/** scikit-learn's `make_blobs(n_samples=30, centers=[[0, 0, 0], [1, 1, 1]], cluster_std=0.1)`. */
function twoBlobs(): { X: number[][]; y: number[] } {
  const g = makeNormal(0);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 30; i++) {
    const c = i % 2;
    X.push([c + 0.1 * g(), c + 0.1 * g(), c + 0.1 * g()]);
    y.push(c);
  }
  return { X, y };
}

function targetFor(ctx: CheckContext, y: number[]): unknown[] {
  return ctx.kind === 'regressor' ? y.map((v) => v + 0.5) : y;
}

export const checkEstimatorsPickle: EstimatorCheck = {
  name: 'checkEstimatorsPickle',
  sklearn: ['check_estimators_pickle'],
  applies: (ctx) => {
    const a = needs2d(ctx);
    if (a !== true) return a;
    return ctx.roundTrip
      ? true
      : 'no roundTrip option (how this estimator is saved and loaded) was given';
  },
  async run(ctx) {
    const { X, y } = twoBlobs();
    const est = ctx.make(0);
    await ctx.fit(est, X, ctx.tags.requiresY ? targetFor(ctx, y) : undefined);
    const restored = (await ctx.roundTrip!(est)) as CheckableEstimator;
    ctx.track(restored);
    for (const m of ['predict', 'transform', 'decisionFunction', 'predictProba']) {
      if (typeof (est as unknown as Record<string, unknown>)[m] !== 'function') continue;
      const before = toPlain(await ctx.call(est, m, X));
      const after = toPlain(await ctx.call(restored, m, X));
      const why = firstMismatch(after, before, 1e-7, 0);
      ensure(
        why === undefined,
        () => `${ctx.name}.${m} differs after saving and loading the estimator: ${why}.`,
      );
    }
  },
};

export const checkPartialFitNFeatures: EstimatorCheck = {
  name: 'checkPartialFitNFeatures',
  sklearn: ['check_partial_fit_n_features'],
  applies: (ctx) => {
    const a = needs2d(ctx);
    if (a !== true) return a;
    const f = needsFit(ctx);
    if (f !== true) return f;
    return typeof (ctx.probe as unknown as { partialFit?: unknown }).partialFit === 'function'
      ? true
      : 'the estimator has no partialFit';
  },
  async run(ctx) {
    const { X, y: y0 } = twoBlobs();
    const y = ctx.tags.requiresY ? targetFor(ctx, y0) : undefined;
    const est = ctx.make(0);
    ctx.track(est);
    const first = ctx.kind === 'classifier' ? [{ classes: [...new Set(y)] }] : [];
    await ctx.call(est, 'partialFit', X, y, ...first);
    await expectRaises(
      () =>
        ctx.call(
          est,
          'partialFit',
          X.map((r) => r.slice(0, -1)),
          y,
        ),
      {
        errMsg: `The estimator ${ctx.name} does not raise an error when the number of features changes between calls to partialFit.`,
      },
    );
  },
};

/** The persistence and incremental-fit checks. */
export const PERSISTENCE_CHECKS: readonly EstimatorCheck[] = [
  checkEstimatorsPickle,
  checkPartialFitNFeatures,
];
