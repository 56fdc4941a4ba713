// Port of scikit-learn's sklearn/utils/estimator_checks.py regressor checks (BSD-3-Clause).
import { ensure, expectRaises, firstMismatch, shapeOf, shapeRepr, toPlain } from './assertions';
import { needs2d, type CheckContext, type EstimatorCheck } from './context';
import { linearRegression, makeRng } from './datasets';

function regressor(ctx: CheckContext): true | string {
  const a = needs2d(ctx);
  if (a !== true) return a;
  return ctx.kind === 'regressor' ? true : 'applies to regressors';
}

function r2(y: number[], p: number[]): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  let ssr = 0;
  let sst = 0;
  y.forEach((v, i) => {
    ssr += (v - p[i]!) ** 2;
    sst += (v - mean) ** 2;
  });
  return 1 - ssr / sst;
}

export const checkRegressorsTrain: EstimatorCheck = {
  name: 'checkRegressorsTrain',
  sklearn: ['check_regressors_train'],
  applies: regressor,
  async run(ctx) {
    const X = (ctx.X ?? linearRegression().X) as number[][];
    const y = (toPlain(ctx.y) ?? linearRegression().y) as number[];
    const est = ctx.make();
    await expectRaises(() => ctx.fit(est, X, y.slice(0, -1)), {
      errMsg: `The regressor ${ctx.name} does not raise an error when incorrect/malformed input data for fit is passed. The number of training examples is not the same as the number of labels. Perhaps use checkXY in fit.`,
    });
    await ctx.fit(est, X, y);
    const pred = toPlain(await ctx.call(est, 'predict', X)) as number[];
    ensure(
      shapeOf(pred).join() === shapeOf(y).join(),
      () =>
        `${ctx.name}.predict should return the shape of y ${shapeRepr(shapeOf(y))}, got ${shapeRepr(shapeOf(pred))}.`,
    );
    if (!ctx.tags.poorScore) {
      const score =
        typeof est.score === 'function' ? Number(await ctx.call(est, 'score', X, y)) : r2(y, pred);
      ensure(
        score > 0.5,
        () =>
          `${ctx.name} reaches a training R^2 of ${score.toFixed(3)} on a linear problem; expected > 0.5 (tag poorScore: true if that is expected).`,
      );
    }
  },
};

export const checkRegressorsInt: EstimatorCheck = {
  name: 'checkRegressorsInt',
  sklearn: ['check_regressors_int'],
  applies: (ctx) => {
    const a = regressor(ctx);
    if (a !== true) return a;
    return ctx.tags.deterministic ? true : 'the estimator is tagged deterministic: false';
  },
  async run(ctx) {
    const { X } = linearRegression();
    const u = makeRng(0);
    const y = X.map(() => Math.floor(u() * 3));
    const a = ctx.make();
    const b = ctx.make();
    await ctx.fit(a, X, Int32Array.from(y));
    await ctx.fit(
      b,
      X,
      y.map((v) => v + 0.0),
    );
    const pa = toPlain(await ctx.call(a, 'predict', X));
    const pb = toPlain(await ctx.call(b, 'predict', X));
    const why = firstMismatch(pa, pb, 1e-7, 1e-2);
    ensure(
      why === undefined,
      () =>
        `${ctx.name} predicts differently for an Int32Array target and the same values as numbers (${why}).`,
    );
  },
};

export const checkRegressorMultioutput: EstimatorCheck = {
  name: 'checkRegressorMultioutput',
  sklearn: ['check_regressor_multioutput'],
  applies: (ctx) => {
    const a = regressor(ctx);
    if (a !== true) return a;
    return ctx.tags.multioutput ? true : 'the estimator is not tagged multioutput: true';
  },
  async run(ctx) {
    const { X, Y } = linearRegression();
    const est = ctx.make();
    await ctx.fit(est, X, Y);
    const pred = toPlain(await ctx.call(est, 'predict', X));
    ensure(
      shapeOf(pred).join() === [X.length, 2].join(),
      () =>
        `The shape of the prediction for multioutput data is incorrect. Expected (${X.length}, 2), got ${shapeRepr(shapeOf(pred))}.`,
    );
  },
};

/** The regressor checks. */
export const REGRESSOR_CHECKS: readonly EstimatorCheck[] = [
  checkRegressorsTrain,
  checkRegressorsInt,
  checkRegressorMultioutput,
];
