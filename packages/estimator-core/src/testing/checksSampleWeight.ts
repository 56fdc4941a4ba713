// Port of scikit-learn's sklearn/utils/estimator_checks.py check_sample_weights_* (BSD-3-Clause).
import { ensure, expectRaises, firstMismatch, pyList, toPlain, type Plain } from './assertions';
import { needs2d, type CheckContext, type EstimatorCheck } from './context';
import { makeRng, permutation } from './datasets';
import type { CheckableEstimator } from './types';

/** Applies to estimators whose `fit` takes `{ sampleWeight }` (the `sampleWeight` tag). */
function weighted(ctx: CheckContext): true | string {
  const a = needs2d(ctx);
  if (a !== true) return a;
  if (ctx.kind !== 'classifier' && ctx.kind !== 'regressor')
    return 'applies to classifiers and regressors';
  return ctx.tags.sampleWeight
    ? true
    : 'the estimator is not tagged sampleWeight: true (fit takes no { sampleWeight })';
}

/** scikit-learn's 16-sample problem of the sample-weight checks. */
function problem(): { X: number[][]; y: number[] } {
  const rows = [
    [1, 3],
    [2, 1],
    [3, 3],
    [4, 1],
  ];
  const X = rows.flatMap((r) => [r, r, r, r].map((x) => [...x]));
  const y = [1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2];
  return { X, y };
}

function fitWeighted(
  ctx: CheckContext,
  est: CheckableEstimator,
  X: unknown,
  y: unknown,
  sampleWeight: unknown,
): Promise<unknown> {
  ctx.track(est);
  return Promise.resolve(est.fit(X, y, { sampleWeight }));
}

export const checkSampleWeightsNotAnArray: EstimatorCheck = {
  name: 'checkSampleWeightsNotAnArray',
  sklearn: ['check_sample_weights_not_an_array'],
  applies: weighted,
  async run(ctx) {
    // scikit-learn's _NotAnArray (array-likes that are no ndarray): here typed arrays, which are
    // no Array, for X's rows, y and the weights
    const X = [1, 2, 3].flatMap((a) => [1, 2, 3, 4].map((b) => Float64Array.from([a, b])));
    const y = [1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 2];
    const yt = ctx.kind === 'regressor' ? Float64Array.from(y) : Int32Array.from(y);
    await fitWeighted(ctx, ctx.make(), X, yt, Float32Array.from(new Array<number>(12).fill(1)));
    await fitWeighted(ctx, ctx.make(), X, y, Float64Array.from(new Array<number>(12).fill(1)));
  },
};

export const checkSampleWeightsList: EstimatorCheck = {
  name: 'checkSampleWeightsList',
  sklearn: ['check_sample_weights_list'],
  applies: weighted,
  async run(ctx) {
    const r = makeRng(0);
    const n = 30;
    const X = Array.from({ length: n }, () => [r(), r(), r()]);
    const y = Array.from({ length: n }, (_, i) => i % 3);
    await fitWeighted(ctx, ctx.make(), X, y, new Array<number>(n).fill(3));
  },
};

export const checkSampleWeightsShape: EstimatorCheck = {
  name: 'checkSampleWeightsShape',
  sklearn: ['check_sample_weights_shape'],
  applies: weighted,
  async run(ctx) {
    const { X, y } = problem();
    const est = ctx.make();
    await fitWeighted(ctx, est, X, y, new Array<number>(y.length).fill(1));
    await expectRaises(() => fitWeighted(ctx, est, X, y, new Array<number>(2 * y.length).fill(1)), {
      errMsg: `${ctx.name}.fit does not raise a ValueError for sample weights of length ${2 * y.length} for ${y.length} samples.`,
    });
    await expectRaises(
      () =>
        fitWeighted(
          ctx,
          est,
          X,
          y,
          y.map(() => [1, 1]),
        ),
      {
        types: ['ValueError', 'TypeError'],
        errMsg: `${ctx.name}.fit does not raise an error for 2-D sample weights of shape (${y.length}, 2).`,
      },
    );
  },
};

async function predictions(
  ctx: CheckContext,
  est: CheckableEstimator,
  X: number[][],
): Promise<Record<string, Plain>> {
  const out: Record<string, Plain> = {};
  for (const m of ['predict', 'predictProba', 'decisionFunction', 'transform'])
    if (typeof (est as unknown as Record<string, unknown>)[m] === 'function')
      out[m] = toPlain(await ctx.call(est, m, X));
  return out;
}

async function invariance(ctx: CheckContext, kind: 'ones' | 'zeros'): Promise<void> {
  const { X: X1, y: y1 } = problem();
  let X2 = X1;
  let y2 = y1;
  let sw2 = new Array<number>(y1.length).fill(1);
  if (kind === 'zeros') {
    // a problem very different from (X1, y1) unless the zero weights remove its second half
    const X = [...X1, ...X1.map((r) => r.map((v) => v + 1))];
    const y = [...y1, ...y1.map((v) => 3 - v)];
    const sw = [...sw2, ...new Array<number>(y1.length).fill(0)];
    const p = permutation(X.length, 0);
    X2 = p.map((i) => X[i]!);
    y2 = p.map((i) => y[i]!);
    sw2 = p.map((i) => sw[i]!);
  }
  const e1 = ctx.make(0);
  const e2 = ctx.make(0);
  await fitWeighted(ctx, e1, X1, y1, null);
  await fitWeighted(ctx, e2, X2, y2, sw2);
  const p1 = await predictions(ctx, e1, X1);
  const p2 = await predictions(ctx, e2, X1);
  const msg =
    kind === 'ones'
      ? `For ${ctx.name} sample_weight=None is not equivalent to sample_weight=ones`
      : `For ${ctx.name}, a zero sample_weight is not equivalent to removing the sample`;
  for (const m of Object.keys(p1)) {
    const why = firstMismatch(p2[m], p1[m], 1e-7, 1e-9);
    ensure(why === undefined, () => `${msg} (${m}: ${why}).`);
  }
}

export const checkSampleWeightsInvariance: EstimatorCheck = {
  name: 'checkSampleWeightsInvariance',
  sklearn: ['check_sample_weights_invariance (kind="ones")'],
  applies: weighted,
  run: (ctx) => invariance(ctx, 'ones'),
};

export const checkSampleWeightsInvarianceZeros: EstimatorCheck = {
  name: 'checkSampleWeightsInvarianceZeros',
  sklearn: ['check_sample_weights_invariance (kind="zeros")'],
  applies: weighted,
  run: (ctx) => invariance(ctx, 'zeros'),
};

export const checkSampleWeightsNotOverwritten: EstimatorCheck = {
  name: 'checkSampleWeightsNotOverwritten',
  sklearn: ['check_sample_weights_not_overwritten'],
  applies: weighted,
  async run(ctx) {
    const { X, y } = problem();
    const original = new Array<number>(y.length).fill(1);
    original[0] = 10;
    const given = [...original];
    const typed = Float64Array.from(original);
    await fitWeighted(ctx, ctx.make(0), X, y, given);
    await fitWeighted(ctx, ctx.make(0), X, y, typed);
    for (const w of [given, Array.from(typed)]) {
      ensure(
        firstMismatch(w, original) === undefined,
        () =>
          `${ctx.name} overwrote the original \`sample_weight\` given during fit: ${pyList(w)}.`,
      );
    }
  },
};

/** The sample-weight checks. */
export const SAMPLE_WEIGHT_CHECKS: readonly EstimatorCheck[] = [
  checkSampleWeightsNotAnArray,
  checkSampleWeightsList,
  checkSampleWeightsShape,
  checkSampleWeightsNotOverwritten,
  checkSampleWeightsInvariance,
  checkSampleWeightsInvarianceZeros,
];
